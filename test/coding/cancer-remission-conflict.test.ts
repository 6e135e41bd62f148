// The remission status of a leukemia or plasma cell neoplasm stated two ways
// (coding/cancer-remission-conflict.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 66, sex: 'M' });
const REMISSION = /remission status/;

describe('remission and relapse both stated of today', () => {
  const notes =
    'Myeloma clinic.\nInterval hx: remains in complete remission since ASCT, off therapy.\nLabs: SPEP no M-spike, FLC ratio normal, Cr 0.9.\nA/P: Multiple myeloma, relapsed. Continue surveillance.';
  const dx = [{ description: 'Multiple myeloma' }];

  it('is asked, C90.00 held until answered', () => {
    const r = code(notes, dx);
    expect(r.clarification?.question).toMatch(REMISSION);
    expect(r.clarification?.options.slice(0, 3)).toEqual([
      'Multiple myeloma in remission',
      'Multiple myeloma in relapse',
      'Multiple myeloma not having achieved remission',
    ]);
    expect(diagnosisCodes(r)).toContain('C90.00');
  });

  it("the answer's status is coded", () => {
    const question = code(notes, dx).clarification!.question;
    expect(diagnosisCodes(code(notes, dx, [{ question, freeText: 'In remission; "relapsed" was carried over in error.' }]))).toContain(
      'C90.01',
    );
  });

  it('a leukemia written in CR against a relapse is asked too', () => {
    const r = code('AML follow-up.\nBone marrow today: CR, MRD negative.\nA/P: AML in relapse, discuss options.', [
      { description: 'Acute myeloid leukemia' },
    ]);
    expect(r.clarification?.question).toMatch(REMISSION);
    expect(diagnosisCodes(r)).toContain('C92.00');
  });
});

describe('a course, a past statement or another condition is no conflict', () => {
  it('asks nothing', () => {
    for (const [notes, line] of [
      ['AML dx 2021, relapsed 2023, now in second CR after alloSCT.\nA/P: AML in remission.', 'AML in remission'],
      ['s/p alloSCT for relapsed AML.\nToday: marrow shows complete remission.\nA/P: AML in remission.', 'AML in remission'],
      ['CLL on observation, Rai stage 0.\nMajor depression, recurrent, in partial remission on sertraline.\nA/P: CLL, stable.', 'CLL'],
      ['Myeloma, relapsed, on daratumumab cycle 4.\nA/P: Multiple myeloma in relapse, continue dara.', 'Multiple myeloma'],
      ['Cr 1.1, K 4.2.\nA/P: Multiple myeloma in relapse - start KRd.', 'Multiple myeloma'],
    ] as const) {
      const r = code(notes, [{ description: line }]);
      expect(r.clarification?.question ?? '').not.toMatch(REMISSION);
    }
  });
});
