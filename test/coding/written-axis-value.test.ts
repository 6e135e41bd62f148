// A written code carrying a value of an axis its family names (an ulcer's depth, a burn's degree)
// that no statement of the record states (coding/written-axis-value.ts): asked, the family's
// unspecified member coded until answered. Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 71, sex: 'F' });
const UNSTATED = /carries a severity no statement of the record states/;

describe('a written ulcer depth no statement gives', () => {
  const lines = [{ description: 'Chronic ulcer R ankle', code: 'L97.312' }];
  const notes =
    'Venous insufficiency, R medial ankle ulcer x 3 mo.\nExam: 2 x 3 cm ulcer, moist granular base, mild drainage.\nA/P: R ankle ulcer - compression, dressing weekly.';

  it('is asked, the unspecified severity coded until answered', () => {
    const r = code(notes, lines);
    expect(r.clarification?.reason).toMatch(UNSTATED);
    expect(diagnosisCodes(r)).toContain('L97.319');
    expect(diagnosisCodes(r)).not.toContain('L97.312');
  });

  it("the physician's choice codes the member chosen", () => {
    const q = code(notes, lines).clarification!;
    const option = q.options.find((o) => /fat layer exposed/.test(o))!;
    const r = code(notes, lines, [{ question: q.question, option }]);
    expect(diagnosisCodes(r)).toContain('L97.312');
  });

  it('is not asked when the examination gives the depth in its own words, or the line states it', () => {
    for (const [n, l] of [
      ['Exam: R ankle ulcer 2 x 3 cm, subcutaneous fat visible, no tendon.\nA/P: R ankle ulcer - compression.', lines],
      [notes, [{ description: 'Chronic ulcer R ankle with fat layer exposed', code: 'L97.312' }]],
    ] as const) {
      const r = code(n, [...l]);
      expect(r.clarification?.reason ?? '').not.toMatch(UNSTATED);
      expect(diagnosisCodes(r)).toContain('L97.312');
    }
  });
});
