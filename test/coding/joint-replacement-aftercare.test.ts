// Care after a joint replacement: an elective one in recovery is Z47.1 with the joint (Z96.6-); a
// fracture treated by replacing its joint is the fracture (7th D) with the joint
// (coding/joint-replacement-aftercare.ts). Records written for this test.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = (diagnoses: Array<{ description: string; code?: string }>, notes: string, placeOfService = '11'): string[] =>
  codeEncounter(codingInput({ notes, diagnoses }, { ageYears: 74, sex: 'M' }, { placeOfService }), codeSets())
    .diagnoses.map((d) => d.code)
    .sort();

describe('after a joint replacement', () => {
  it('rehabilitation after an elective right knee replacement: Z47.1 with Z96.651', () => {
    const notes = 'SNF progress. POD 9 s/p R total knee arthroplasty (elective, OA). R TKA - incision healing, ROM 5-90. Cont PT.';
    expect(codes([{ description: 'Aftercare s/p R TKA' }], notes, '31')).toEqual(['Z47.1', 'Z96.651']);
  });

  it('the arthritis of the knee replaced is not coded at its post-op visit', () => {
    const notes = 'POSTOP VISIT - 4 wk s/p R TKA for primary OA R knee. Incision well healed. Cont outpatient PT.';
    expect(codes([{ description: 'Primary OA R knee', code: 'M17.11' }], notes)).toEqual(['Z47.1', 'Z96.651']);
  });

  it('a hip fracture treated by hemiarthroplasty: the fracture with D and Z96.642, not Z47.1', () => {
    const notes = 'SNF discharge. Admitted after L femoral neck fx (fell off a roof), s/p L hip hemiarthroplasty 11/9. Completed rehab.';
    expect(codes([{ description: 'L femoral neck fracture s/p hemiarthroplasty' }], notes, '31')).toEqual(['S72.002D', 'Z96.642']);
  });

  it('not a replacement of past years listed in the history at a visit for something else', () => {
    const notes = 'HF follow-up. PMH: HTN, HFpEF, s/p R TKA 2019. Weight up 3 lb.';
    expect(codes([{ description: 'Chronic diastolic heart failure' }], notes)).toEqual(['I50.32']);
  });
});
