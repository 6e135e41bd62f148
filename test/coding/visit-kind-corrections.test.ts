// Written visit codes whose kind of service the record shows to be another (coding/visit-kind-corrections.ts),
// and a stated "re-establish care" that says no patient status (coding/patient-status.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import type { DocumentedProcedure } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { statedStatus } from '../../coding/patient-status.ts';
import { statedTotalMinutes, transitionalCareCode, wellnessVisitKind } from '../../coding/visit-kind-corrections.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';
import { claimCodes, expectCorrected, expectKept } from '../../testkit/procedure-outcomes.ts';

const codeSets = useCodeSets();
const coded = (notes: string, procedures: DocumentedProcedure[], ageYears = 68) =>
  codeEncounter(
    codingInput({ notes, diagnoses: [{ description: 'Essential hypertension' }], procedures }, { ageYears, sex: 'F' }),
    codeSets(),
  );

const prolonged = { description: 'Prolonged service, each 15 minutes', code: '99417', units: 1 };

describe('prolonged service beside a lower office level', () => {
  it('moves the visit to the highest level of its status when the stated time reaches the threshold', () => {
    const r = coded('Est pt. BP and diabetes review, long discussion.\nTotal time spent today: 60 minutes.', [
      { description: 'Office visit est', code: '99213' },
      prolonged,
    ]);
    expect(claimCodes(r)).toContain('99215');
    expectCorrected(r, '99213', '99215');
    const n = coded('New pt to clinic. Complex history.\nTotal time 80 min including records review.', [
      { description: 'Office visit new', code: '99204' },
      prolonged,
    ]);
    expectCorrected(n, '99204', '99205');
  });

  it('leaves the visit when the time is short of the threshold, unstated, or already the top level', () => {
    expectKept(coded('Est pt. Total time 45 minutes.', [{ description: 'Office visit', code: '99214' }, prolonged]), '99214');
    expectKept(coded('Est pt. Long visit.', [{ description: 'Office visit', code: '99214' }, prolonged]), '99214');
    expectKept(coded('Est pt. Total time 70 minutes.', [{ description: 'Office visit', code: '99215' }, prolonged]), '99215');
    expectKept(coded('Est pt. Total time 70 minutes.', [{ description: 'Office visit', code: '99214' }]), '99214');
  });

  it('reads one stated total time', () => {
    expect(statedTotalMinutes('Total time on date of service: 72 minutes (counseling).')).toBe(72);
    expect(statedTotalMinutes('Total time 30 min. Later: total time 50 min.')).toBeUndefined();
    expect(statedTotalMinutes('Counseling 20 minutes.')).toBeUndefined();
  });
});

describe('Medicare annual wellness visit, initial or subsequent', () => {
  const awv = (code: string) => ({ description: 'Annual wellness visit', code });
  it('G0438 is G0439 when the record states a prior wellness visit', () => {
    const r = coded('Annual wellness visit. Previous AWV 03/2025 at this office. HRA reviewed, plan given.', [awv('G0438')]);
    expect(claimCodes(r)).toEqual(['G0439']);
    expectCorrected(r, 'G0438', 'G0439');
  });
  it('G0439 is G0438 when the record states the first one', () => {
    const r = coded("Patient's first AWV since enrolling in Medicare Part B. HRA reviewed.", [awv('G0439')]);
    expectCorrected(r, 'G0439', 'G0438');
  });
  it('is left alone when the record agrees or says nothing', () => {
    expectKept(coded('Subsequent AWV. HRA reviewed.', [awv('G0439')]), 'G0439');
    expectKept(coded('Annual wellness visit. HRA reviewed.', [awv('G0438')]), 'G0438');
    expect(wellnessVisitKind('Prior AWV: 05/2024 (initial AWV).')).toBe('subsequent');
    expect(wellnessVisitKind('Initial annual wellness visit today.')).toBe('initial');
  });
});

describe('transitional care management written as an office visit', () => {
  const tcm = (mdm: string, days: number) =>
    `Hospital follow-up. Discharged 10 days ago... seen today ${days} days post-discharge.\nInteractive contact by phone call on the 2nd business day.\nMedication reconciliation done today.\nMDM ${mdm}.`;
  it('is 99496 with high decision making within 7 days, 99495 with moderate', () => {
    const r = coded(tcm('high', 6), [{ description: 'Office visit est', code: '99215' }]);
    expect(claimCodes(r)).toEqual(['99496']);
    expectCorrected(r, '99215', '99496');
    expect(transitionalCareCode(tcm('moderate', 6))).toBe('99495');
    expect(transitionalCareCode(tcm('high', 12))).toBe('99495');
  });
  it('is not TCM without the contact, the reconciliation, or past 14 days', () => {
    expect(transitionalCareCode(tcm('high', 20))).toBeUndefined();
    expect(transitionalCareCode(tcm('high', 5).replace(/Interactive contact.*\n/, ''))).toBeUndefined();
    expect(transitionalCareCode(tcm('high', 5).replace(/Medication reconciliation.*\n/, ''))).toBeUndefined();
    expectKept(coded('Hospital follow-up, discharged last week. MDM high.', [{ description: 'Office visit', code: '99214' }]), '99214');
  });
});

describe('re-establishing care states no status', () => {
  it('the last visit date decides', () => {
    expect(statedStatus('Here to re-establish care. Last seen in this practice 01/2025.', '2026-05-04')).toBe('established');
    expect(statedStatus('Wants to establish care with a PCP.', '2026-05-04')).toBe('new');
  });
});

describe('transitional care wording', () => {
  it('reads a call by the practice and decision making stated with a dash', () => {
    const notes =
      'Seen 4 days post-discharge after pneumonia admission. Nurse contacted the patient on business day 1; reached pt within 2 business days.\nMed reconciliation completed.\nMDM - moderate.';
    expect(transitionalCareCode(notes)).toBe('99495');
  });
});
