// Written procedure codes a rule of the code set shows wrong are corrected, the written code offered
// beside and reported as changed (coding/procedure-corrections.ts, vaccine-coding.ts, wound-repair.ts);
// a written code the rules find right is left as written. Records are our own wording.
import { describe, expect, it } from 'vitest';
import type { DocumentedProcedure } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { statedCount } from '../../coding/procedure-corrections.ts';
import { statedStatus } from '../../coding/patient-status.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';
import { claimLines, expectCorrected, writtenProcedures as written } from '../../testkit/procedure-outcomes.ts';

const codeSets = useCodeSets();
const coded = (notes: string, procedures: DocumentedProcedure[], ageYears = 45, diagnosis = 'Encounter for examination') =>
  codeEncounter(codingInput({ notes, diagnoses: [{ description: diagnosis }], procedures }, { ageYears, sex: 'F' }), codeSets());

function expectUntouched(r: ReturnType<typeof coded>) {
  expect(written(r).every((d) => d.outcome === 'kept')).toBe(true);
  expect(r.edits.map((e) => e.rule)).not.toContain('DOCUMENTED_CODE_CORRECTED');
}

describe('preventive medicine visits', () => {
  it('take the band of the patient age', () => {
    const r = coded('Annual wellness exam, established patient. Healthy.', [{ description: 'Preventive est', code: '99395' }], 41);
    expect(claimLines(r)).toEqual(['99396x1']);
    expectCorrected(r, '99395', ['99396']);
    expect(written(r)[0]?.reason).toMatch(/18 to 39 years.*41/);
  });

  it('take the status the record states, in the same band', () => {
    const r = coded('First visit to our practice; transferring from another state. Annual exam normal.', [
      { description: 'Preventive visit 40-64', code: '99396' },
    ]);
    expect(claimLines(r)).toEqual(['99386x1']);
    expectCorrected(r, '99396', ['99386']);
  });

  it('age and status both wrong: one correction', () => {
    const r = coded('New pt, moved here. Well child visit, 7 yo.', [{ description: 'Well child', code: '99392' }], 7);
    expect(claimLines(r)).toEqual(['99383x1']);
  });

  it('a code of the right band and status, or a status the record does not state, is left alone', () => {
    expectUntouched(coded('Annual exam. Est pt.', [{ description: 'Preventive est', code: '99396' }]));
    const silent = coded('Annual exam, no concerns.', [{ description: 'Preventive', code: '99386' }]);
    expect(claimLines(silent)).toEqual(['99386x1']);
    expectUntouched(silent);
  });
});

describe('office visits', () => {
  it('take the status the record states, keeping the level', () => {
    const r = coded('Est pt here for cough x3 days. MDM moderate.', [{ description: 'Office visit', code: '99204' }]);
    expect(claimLines(r)).toEqual(['99214x1']);
    expectCorrected(r, '99204', ['99214']);
  });

  it('a last visit here more than three years before the date of service makes the patient new', () => {
    const r = coded('DOS 10/02/2026. Last seen in this practice 06/2022. Knee pain.', [{ description: 'OV low', code: '99213' }]);
    expect(claimLines(r)).toEqual(['99203x1']);
    expect(statedStatus('DOS 10/02/2026. Last seen here 01/2025 for a rash.')).toBe('established');
    expect(statedStatus('Never seen in Internal Medicine before; seen by our dermatologist.')).toBe('new');
    expect(statedStatus('Not a new patient; annual follow-up.')).toBeUndefined();
  });

  it('a status the record does not state, both statuses, or a nurse visit: left alone', () => {
    expectUntouched(coded('Knee pain for a week.', [{ description: 'OV low', code: '99203' }]));
    expectUntouched(coded('Est pt. Knee pain.', [{ description: 'OV low', code: '99213' }]));
    expectUntouched(coded('New patient paperwork done; est pt since 2019.', [{ description: 'OV low', code: '99213' }]));
    expectUntouched(coded('New patient. BP check by RN.', [{ description: 'Nurse visit', code: '99211' }]));
  });
});

describe('primary and add-on codes', () => {
  it('a biopsy primary written with several units is one unit and the add-on for the rest', () => {
    const r = coded('Punch biopsies of three pigmented lesions, back.', [{ description: 'Punch biopsy', code: '11104', units: 3 }]);
    expect(claimLines(r)).toEqual(['11104x1', '11105x2']);
    expectCorrected(r, '11104', ['11104', '11105']);
  });

  it('a primary of one unit, or a primary beside its own add-on, is left alone', () => {
    expectUntouched(coded('Shave biopsy of one lesion.', [{ description: 'Tangential bx', code: '11102' }]));
    expectUntouched(
      coded('Tangential biopsies of 3 lesions.', [
        { description: 'Tangential bx', code: '11102' },
        { description: 'Tangential bx addl', code: '11103', units: 2 },
      ]),
    );
  });

  it('destruction of 15 or more premalignant lesions is 17004 alone', () => {
    const r = coded('Cryotherapy to 18 actinic keratoses of the scalp and hands.', [
      { description: 'Destruction premalignant first', code: '17000' },
      { description: 'Destruction premalignant 2-14', code: '17003', units: 13 },
    ]);
    expect(claimLines(r)).toEqual(['17004x1']);
    expectCorrected(r, '17000', ['17004']);
    expectCorrected(r, '17003', ['17004']);
  });

  it('17000 with units becomes 17000 once and 17003 for the rest', () => {
    const r = coded('LN2 to AKs of the face.', [{ description: 'Destruction AK', code: '17000', units: 4 }]);
    expect(claimLines(r)).toEqual(['17000x1', '17003x3']);
  });

  it('17000 and 17003 agreeing with the stated count are left alone', () => {
    expectUntouched(
      coded('Cryotherapy to 5 AKs.', [
        { description: 'Destruction premalignant first', code: '17000' },
        { description: 'Destruction premalignant 2-14', code: '17003', units: 4 },
      ]),
    );
  });
});

describe('codes billed once a session', () => {
  it('pick the code of the count, one unit', () => {
    expect(claimLines(coded('Paring of calluses.', [{ description: 'Paring', code: '11055', units: 3 }]))).toEqual(['11056x1']);
    expect(claimLines(coded('Toenail debridement.', [{ description: 'Nail debridement', code: '11720', units: 7 }]))).toEqual(['11721x1']);
    expect(claimLines(coded('TPI to trapezius, rhomboid and levator.', [{ description: 'TPI', code: '20552', units: 3 }]))).toEqual([
      '20553x1',
    ]);
    const warts = coded('Cryo to 16 warts of both hands.', [{ description: 'Wart destruction', code: '17110', units: 16 }]);
    expect(claimLines(warts)).toEqual(['17111x1']);
    expectCorrected(warts, '17110', ['17111']);
  });

  it('the count the record states picks the code when the units are the same band', () => {
    expect(claimLines(coded('Debrided 6 toenails, mycotic.', [{ description: 'Nail debridement', code: '11720', units: 2 }]))).toEqual([
      '11721x1',
    ]);
  });

  it('one unit of the right band is left alone; two counts stated are no count', () => {
    expectUntouched(coded('Cryo to 3 common warts.', [{ description: 'Wart destruction', code: '17110' }]));
    expectUntouched(coded('Debridement of 4 nails.', [{ description: 'Nail debridement', code: '11720' }]));
    expect(statedCount(['10 toenails examined, 6 toenails debrided.'], 'nails?|toenails?')).toBeUndefined();
    expect(statedCount(['warts x 6 mo, 2 warts treated'], 'warts?')).toBe(2);
  });
});

describe('arthrocentesis with ultrasound guidance', () => {
  it('is the guided code, and the guidance is not billed apart', () => {
    const r = coded('Knee injection under ultrasound guidance, needle seen entering the joint.', [
      { description: 'Inj major joint', code: '20610' },
      { description: 'US guidance', code: '76942' },
    ]);
    expect(claimLines(r)).toEqual(['20611x1']);
    expectCorrected(r, '20610', ['20611']);
    expectCorrected(r, '76942', ['20611']);
  });

  it('without a written guidance code, or with the guided code written, it is left alone', () => {
    expectUntouched(coded('Knee injection by landmarks.', [{ description: 'Inj major joint', code: '20610' }]));
    expectUntouched(coded('US-guided knee injection.', [{ description: 'Inj major joint w US', code: '20611' }]));
  });
});

describe('vaccine administration schemes', () => {
  it('90471/90472 for a counselled child are 90460/90461', () => {
    const r = coded(
      'Well child. I counseled mom on the risks and benefits of each vaccine. Given: Kinrix, MMR.',
      [
        { description: 'Kinrix', code: '90696' },
        { description: 'MMR', code: '90707' },
        { description: 'Imm admin', code: '90471' },
        { description: 'Imm admin addl', code: '90472' },
      ],
      4,
    );
    expect(claimLines(r)).toEqual(['90460x2', '90461x5', '90696x1', '90707x1']);
    expectCorrected(r, '90471', ['90460', '90461']);
    expect(written(r).find((d) => d.code === '90471')?.reason).toMatch(/counselling/);
  });

  it("a Medicare patient's influenza and pneumococcal vaccines are given with G0008 and G0009", () => {
    const r = coded(
      'Medicare beneficiary. Flu and pneumococcal vaccines given today.',
      [
        { description: 'Fluzone HD', code: '90662' },
        { description: 'Prevnar 20', code: '90677' },
        { description: 'Admin', code: '90471' },
        { description: 'Admin addl', code: '90472' },
      ],
      70,
    );
    expect(claimLines(r).sort()).toEqual(['90662x1', '90677x1', 'G0008x1', 'G0009x1']);
    expectCorrected(r, '90471', ['G0008', 'G0009']);
  });

  it('an uncounselled child, an adult, or a commercial payer keep what fits', () => {
    expectUntouched(
      coded(
        'Flu vaccine given by RN per standing order.',
        [
          { description: 'Fluzone', code: '90656' },
          { description: 'Admin', code: '90471' },
        ],
        10,
      ),
    );
    expectUntouched(
      coded(
        'Commercial plan, not Medicare. Flu vaccine given.',
        [
          { description: 'Fluzone', code: '90656' },
          { description: 'Admin', code: '90471' },
        ],
        70,
      ),
    );
  });
});

describe('wound repairs', () => {
  it('one written code for wounds of two anatomic groups: a finding naming each group, the codes offered', () => {
    const r = coded(
      'Lacerations after a fall.\n(1) 2.0 cm laceration of the lip, closed simply.\n(2) 3.0 cm laceration of the R forearm, simple closure.',
      [{ description: 'Simple repair x2', code: '12001' }],
      30,
      'Laceration',
    );
    const finding = r.edits.find((e) => e.source.includes('each anatomic group'));
    expect(finding?.codes).toEqual(['12001', '12011', '12002']);
    expect(r.procedures[0]?.alternatives.slice(0, 2).map((a) => a.code)).toEqual(['12011', '12002']);
    expect(r.straightThrough.eligible).toBe(false);
  });

  it('wounds of one group are no such finding', () => {
    const r = coded(
      'Lacerations.\n(1) 1.0 cm laceration of the R forearm.\n(2) 1.0 cm laceration of the R shin.',
      [{ description: 'Simple repair', code: '12001' }],
      30,
      'Laceration',
    );
    expect(r.edits.some((e) => e.source.includes('each anatomic group'))).toBe(false);
  });

  it('a wound described twice is counted once when lengths are added', () => {
    const r = coded(
      'Exam: 2.0 cm laceration R forearm, through dermis.\nA/P: R forearm laceration 2.0 cm, simple repair.',
      [{ description: 'Laceration repair' }],
      30,
      'Laceration',
    );
    expect(claimLines(r)).toEqual(['12001x1']);
    const two = coded(
      'Exam: 2.0 cm laceration R forearm.\nAlso 2.0 cm laceration L forearm.\nBoth closed simply.',
      [{ description: 'Laceration repair' }],
      30,
      'Laceration',
    );
    expect(claimLines(two)).toEqual(['12002x1']);
  });
});
