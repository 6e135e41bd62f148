// A fracture "s/p" its fixation or a joint replacement is still the fracture, in its healing phase
// (7th character D: the operation was its active treatment, guideline I.C.19.a), not a history
// (coding/context.ts, coding/search.ts). Records written for this test.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = (diagnoses: Array<{ description: string; code?: string }>, notes: string, placeOfService = '31'): string[] =>
  codeEncounter(codingInput({ notes, diagnoses }, { ageYears: 84, sex: 'F' }, { placeOfService }), codeSets())
    .diagnoses.map((d) => d.code)
    .sort();

describe('a fracture after its operation', () => {
  it('an osteoporotic hip fracture s/p ORIF at a nursing facility is M80.051D, not a history code', () => {
    const notes =
      'SNF admission. Known age-related osteoporosis. A/P: R hip fx - osteoporotic fragility fracture, healing as expected post ORIF; PT/OT.';
    expect(codes([{ description: 'R intertrochanteric hip fx s/p ORIF' }, { description: 'Osteoporosis' }], notes)).toEqual(['M80.051D']);
  });

  it('a femoral neck fracture s/p hemiarthroplasty after a fall from a roof is S72.002D', () => {
    const notes = 'SNF discharge. Admitted after L femoral neck fx (fell off a roof), s/p L hip hemiarthroplasty 11/9. Completed rehab.';
    expect(codes([{ description: 'L femoral neck fracture s/p hemiarthroplasty' }], notes)).toContain('S72.002D');
  });

  it('not a fracture the statement dates to a past year: no current fracture code', () => {
    const got = codes(
      [{ description: 'Hypertension' }, { description: 'R hip fx s/p ORIF 2015' }],
      'Office visit for blood pressure.',
      '11',
    );
    expect(got.filter((c) => /^(S72|M80)/.test(c))).toEqual([]);
  });
});
