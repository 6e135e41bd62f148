// Written codes the record shows to be another by who did the service, where its tracing was recorded,
// the global period it falls in, the patient's prior visits, the vaccine counselling denied, and the
// repair the notes describe (service-method-corrections.ts, visit-kind-corrections.ts,
// patient-status.ts, vaccines.ts, wound-repair.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import type { DocumentedProcedure } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { officeEcg } from '../../coding/service-method-corrections.ts';
import { globalPeriodService } from '../../coding/visit-kind-corrections.ts';
import { statedStatus } from '../../coding/patient-status.ts';
import { counselledOnVaccines } from '../../coding/vaccines.ts';
import { repairedLength } from '../../coding/wound-repair.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';
import { claimLines, expectCorrected, expectKept } from '../../testkit/procedure-outcomes.ts';

const codeSets = useCodeSets();
const coded = (notes: string, procedures: DocumentedProcedure[], diagnosis: string, ageYears = 45, placeOfService = '11') =>
  codeEncounter(
    codingInput({ notes, diagnoses: [{ description: diagnosis }], procedures }, { ageYears, sex: 'M' }, { placeOfService }),
    codeSets(),
  );

describe('an ECG recorded in the office', () => {
  const ecg = { description: 'ECG interp', code: '93010' };
  const note = 'Chest discomfort.\n12-lead ECG done in the office, my interpretation: NSR 72, no ischemic changes.';
  it('the interpretation alone is the global 93000', () => {
    expectCorrected(coded(note, [ecg], 'Chest pain, unspecified'), '93010', '93000');
  });
  it('is left at a facility, or when someone else read it', () => {
    expectKept(coded(note, [ecg], 'Chest pain, unspecified', 45, '23'), '93010');
    expect(officeEcg('ECG obtained in triage, read by cardiology.')).toBe(false);
  });
});

describe('a diagnostic evaluation by a clinician without medical scope', () => {
  const evaluation = { description: 'Diagnostic evaluation', code: '90792' };
  it('90792 by a social worker is 90791', () => {
    const r = coded(
      'Intake assessment.\nProvider: Jane Roe, LCSW.\nHx of panic attacks x 6 mo. MSE unremarkable.',
      [evaluation],
      'Panic disorder',
    );
    expect(claimLines(r)).toEqual(['90791x1']);
    expectCorrected(r, '90792', '90791');
  });
  it('is left for a psychiatrist, or a psychologist named only as the referrer', () => {
    expectKept(coded('Provider: A. Smith MD, psychiatrist. Started sertraline 25 mg.', [evaluation], 'Panic disorder'), '90792');
    expectKept(
      coded('Referred by school psychologist.\nPsychiatric evaluation by me; labs ordered.', [evaluation], 'Panic disorder'),
      '90792',
    );
  });
});

describe('a follow-up visit inside a global period', () => {
  it('an office visit for fracture care this practice billed weeks ago is 99024', () => {
    const r = coded(
      'Follow-up L clavicle fx, sling placed here 10/20 (billed 23500). Now 4 weeks post injury, less pain, callus on film.',
      [{ description: 'Office visit', code: '99213' }],
      'Nondisplaced fracture of shaft of left clavicle, subsequent encounter',
    );
    expect(claimLines(r)).toEqual(['99024x1']);
    expectCorrected(r, '99213', '99024');
  });
  it('is left outside the period, for an unrelated problem, or when the service was elsewhere', () => {
    expect(globalPeriodService('Clavicle fx treated here (23500). Now 4 months post injury.')).toBeUndefined();
    expect(globalPeriodService('Clavicle fx treated here (23500), 3 wks ago. Today for an unrelated rash.')).toBeUndefined();
    expectKept(
      coded(
        'Clavicle fx casted at outside urgent care (23500), 2 weeks ago. Establishing ortho care.',
        [{ description: 'Office visit', code: '99203' }],
        'Fracture of clavicle',
      ),
      '99203',
    );
  });
});

describe('prior visits to the practice', () => {
  it('a visit here at an early age or with the same group makes the patient established', () => {
    expect(statedStatus('Seen here at 5 days for jaundice check.')).toBe('established');
    expect(statedStatus('Seen at 1 wk by Dr. Lee; same group.')).toBe('established');
  });
  it('is not read from a statement that the patient was never seen here, or was seen elsewhere', () => {
    expect(statedStatus('Never seen here at 2 wks; first visit.')).toBe('new');
    expect(statedStatus('Seen at 1 wk by Dr. Lee at another clinic.')).toBeUndefined();
  });
});

describe('vaccine counselling denied on the vaccines line', () => {
  it('a line about the vaccines stating no provider counselling denies it', () => {
    expect(counselledOnVaccines('Vaccines: MMR given. Given by MA; no provider counseling today.', ['Imm admin w counseling'])).toBe(false);
    expect(counselledOnVaccines('Vaccines: MMR given. I counseled mom on the vaccine risks and benefits.', [])).toBe(true);
  });
});

describe('the repair the notes describe', () => {
  it('a band title on the line is no length; the closure length the notes state is', () => {
    const r = coded(
      'Excision of lesion L upper back, closed in layers with buried deep dermal sutures. Final repaired length 4.1 cm.',
      [{ description: 'Intermediate repair trunk 2.5 cm or less', code: '12031' }],
      'Melanocytic nevus of left upper limb',
    );
    expectCorrected(r, '12031', '12032');
    expect(repairedLength('Wound 2 cm. Closure length 25 mm.')).toBe(2.5);
  });
  it('among several repairs, a written code stands for the notes wound of its group and band', () => {
    const r = coded(
      'Lacs: 2.0 cm chin, superficial; 4.0 cm R foot laceration.\nChin 2.0 cm: simple closure.\nR foot 4.0 cm: layered closure, deep dermal sutures.',
      [
        { description: 'Simple repair face', code: '12011' },
        { description: 'Simple repair 2.6-7.5 cm', code: '12002' },
      ],
      'Laceration of right foot',
    );
    expectCorrected(r, '12002', '12042');
    expectKept(r, '12011');
  });
});
