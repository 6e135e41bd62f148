// A burn's degree read only from statements of its own site (coding/burn-degree.ts, denial.ts "w/o"),
// and tobacco use NOS beside current cigarette smoking (coding/tobacco-use.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = recordCoder(codeSets, { ageYears: 45, sex: 'M' });
const DEGREE = /degree of the burn/;

describe('the degree of a burn at its own site', () => {
  it('blisters of a second burn elsewhere do not question a first degree burn', () => {
    const r = coded(
      'Steam burn.\nExam: L dorsal hand 2 x 3 cm with ruptured blisters and moist red base. L upper arm 4 x 4 cm erythema w/o blisters, blanches.\nA: burns L hand and L upper arm.',
      [
        { description: 'Second degree burn of left back of hand', code: 'T23.262A' },
        { description: 'First degree burn of left upper arm', code: 'T22.132A' },
      ],
    );
    expect(diagnosisCodes(r)).toContain('T22.132A');
    expect(r.clarification?.question ?? '').not.toMatch(DEGREE);
  });

  it('blisters at the same site still do', () => {
    const r = coded('Exam: L upper arm 4 x 4 cm with intact blisters.\nA: burn L upper arm.', [
      { description: 'First degree burn of left upper arm', code: 'T22.132A' },
    ]);
    expect(r.clarification?.question).toMatch(DEGREE);
    expect(diagnosisCodes(r)).toContain('T22.032A');
  });
});

describe('tobacco use beside current cigarette smoking', () => {
  it('is nicotine dependence, cigarettes', () => {
    const r = coded('Knee pain f/u. Social: smokes 1 ppd x 20 yrs, counseled to quit.\nA: knee OA, tobacco use.', [
      { description: 'Tobacco use' },
    ]);
    expect(diagnosisCodes(r)).toContain('F17.210');
    expect(diagnosisCodes(r)).not.toContain('Z72.0');
  });

  it('stays Z72.0 for cigars, for a physician who says not dependent, or a former smoker', () => {
    expect(diagnosisCodes(coded('Smokes 2 cigars a month, not dependent.', [{ description: 'Tobacco use' }]))).toContain('Z72.0');
    expect(diagnosisCodes(coded('Smoker 1 ppd. Does not meet criteria for dependence.', [{ description: 'Tobacco use' }]))).toContain(
      'Z72.0',
    );
    expect(diagnosisCodes(coded('Former smoker, quit 2015.', [{ description: 'Tobacco use' }]))).not.toContain('F17.210');
  });
});
