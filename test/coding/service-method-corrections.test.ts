// Written procedure codes whose choice depends on how the service was done, corrected when the record
// says otherwise (coding/service-method-corrections.ts), and the trigger point count that a code's
// own title must not blur (procedure-corrections.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import type { DocumentedProcedure } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { statedCount } from '../../coding/procedure-corrections.ts';
import { dipstickMethod, psychotherapyMinutes } from '../../coding/service-method-corrections.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';
import { claimLines, expectCorrected, expectKept } from '../../testkit/procedure-outcomes.ts';

const codeSets = useCodeSets();
const coded = (notes: string, procedures: DocumentedProcedure[], diagnosis = 'Major depressive disorder, recurrent, moderate') =>
  codeEncounter(codingInput({ notes, diagnoses: [{ description: diagnosis }], procedures }, { ageYears: 52, sex: 'M' }), codeSets());

const visit = { description: 'Office visit, established', code: '99214' };

describe('psychotherapy on the day of an E/M visit', () => {
  it('is the add-on of the band of the minutes the record states', () => {
    const r = coded(
      'Est pt. Med check, sertraline continued.\nPsychotherapy: 41 minutes of CBT for rumination, separate from the med review.',
      [visit, { description: 'Psychotherapy 30 min', code: '90832' }],
    );
    expect(claimLines(r)).toEqual(['90836x1', '99214x1']);
    expectCorrected(r, '90832', '90836');
  });

  it('is the add-on of the written band when the record states no minutes', () => {
    const r = coded('Est pt. Med management, then supportive psychotherapy about the divorce.', [
      visit,
      { description: 'Psychotherapy 60 min', code: '90837' },
    ]);
    expect(claimLines(r)).toEqual(['90838x1', '99214x1']);
    expectCorrected(r, '90837', '90838');
  });

  it('the visit time is not psychotherapy time', () => {
    expect(psychotherapyMinutes('Total time 25 min on E/M, excluding psychotherapy.\nPsychotherapy 20 min, DBT skills.')).toBe(20);
    expect(psychotherapyMinutes('Psychotherapy 20 min. Later, 45 min of psychotherapy with the family.')).toBeUndefined();
  });

  it('without an E/M visit, with the add-on written, or under 16 minutes: left as written', () => {
    expectKept(coded('Psychotherapy session, 45 minutes, CBT.', [{ description: 'Psychotherapy 45', code: '90834' }]), '90834');
    expectKept(coded('Est pt. Psychotherapy 30 minutes.', [visit, { description: 'Psychotherapy add-on', code: '90833' }]), '90833');
    expectKept(coded('Est pt. Psychotherapy 12 min, brief.', [visit, { description: 'Psychotherapy', code: '90832' }]), '90832');
  });
});

describe('arthrocentesis written as ultrasound-guided', () => {
  const knee = 'Primary osteoarthritis of right knee';
  it('is the unguided code when the record states a landmark approach without imaging', () => {
    const r = coded(
      'R knee injection. Consent obtained. Entered anteromedially by palpation, without imaging. Methylprednisolone 40 mg.',
      [{ description: 'Inj major joint w US', code: '20611' }],
      knee,
    );
    expect(claimLines(r)).toEqual(['20610x1']);
    expectCorrected(r, '20611', '20610');
  });

  it('is the unguided code when the record documents the injection and no guidance at all', () => {
    const r = coded(
      'Procedure: L wrist joint injected with 10 mg triamcinolone via dorsal approach. Tolerated well.',
      [{ description: 'Inj intermediate joint w US', code: '20606' }],
      'Primary osteoarthritis, left wrist',
    );
    expect(claimLines(r)).toEqual(['20605x1']);
    expectCorrected(r, '20606', '20605');
  });

  it('an ultrasound mentioned, guidance stated, or no procedure documented: left as written', () => {
    expectKept(coded('Knee injected under ultrasound, image saved.', [{ description: 'Inj major w US', code: '20611' }], knee), '20611');
    expectKept(
      coded(
        'Landmarks marked, then the needle was placed with ultrasound guidance into the subacromial bursa.',
        [{ description: 'Inj major w US', code: '20611' }],
        knee,
      ),
      '20611',
    );
    expectKept(coded('Knee pain, follow up.', [{ description: 'Inj major w US', code: '20611' }], knee), '20611');
  });
});

describe('urinalysis by dipstick', () => {
  const cystitis = 'Acute cystitis without hematuria';
  it('an automated code for a dipstick read by eye is 81002, and the reverse is 81003', () => {
    const manual = coded(
      'UA dip, read visually against the bottle chart: nitrite positive.',
      [{ description: 'UA auto', code: '81003' }],
      cystitis,
    );
    expect(claimLines(manual)).toEqual(['81002x1']);
    expectCorrected(manual, '81003', '81002');
    const analyzer = coded('Urine dipstick run on the office analyzer: LE 1+.', [{ description: 'UA dip', code: '81002' }], cystitis);
    expect(claimLines(analyzer)).toEqual(['81003x1']);
    expectCorrected(analyzer, '81002', '81003');
  });

  it('a method not stated, stated both ways, or the code of the stated method: left as written', () => {
    expectKept(coded('UA dip: nitrite positive.', [{ description: 'UA', code: '81003' }], cystitis), '81003');
    expectKept(coded('Dipstick non-automated, by eye: LE 2+.', [{ description: 'UA', code: '81002' }], cystitis), '81002');
    expect(dipstickMethod('Dipstick read manually.\nUrinalysis repeated on the analyzer.')).toBeUndefined();
    expect(dipstickMethod('Urine hCG, visual read: negative.')).toBeUndefined();
  });
});

describe('trigger point injections counted by the record', () => {
  it("a code's range in the line's title is not a count", () => {
    const noun = 'muscles?|muscle groups?';
    expect(statedCount(['TPI to 3 muscles.', 'Trigger point inj 1-2 muscles'], noun)).toBe(3);
    expect(statedCount(['Trigger point injections, 3 or more muscles'], noun)).toBeUndefined();
    const r = coded(
      'Trigger point injections into five muscles of the neck and shoulder girdle.',
      [{ description: 'TPI 1 or 2 muscles', code: '20552' }],
      'Myofascial pain syndrome',
    );
    expect(claimLines(r)).toEqual(['20553x1']);
    expectCorrected(r, '20552', '20553');
  });

  it('two muscles stated with 20552 written: left as written', () => {
    expectKept(
      coded('TPI into 2 muscles, L trapezius.', [{ description: 'TPI 1-2 muscles', code: '20552' }], 'Myofascial pain syndrome'),
      '20552',
    );
  });
});
