// A written severity or stage the notes state only in a list carried forward from an earlier record
// (coding/carried-forward-value.ts): asked, the assessment's open value coded until answered.
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 52, sex: 'M' });
const CARRIED = /state only in a list carried forward/;

describe('a severity stated only in a carried-forward problem list', () => {
  const line = [{ description: 'Moderate persistent asthma with exacerbation', code: 'J45.41' }];
  const notes =
    'Asthma f/u.\nActive problems (carried forward from 2017): moderate persistent asthma; GERD.\nNow 5 d of wheeze after a cold, using albuterol 4x/day.\nA/P: Asthma exacerbation - prednisone burst, recheck 1 wk.';

  it('is asked, the open severity coded until answered', () => {
    const r = code(notes, line);
    expect(r.clarification?.reason).toMatch(CARRIED);
    expect(r.clarification?.question).toMatch(/carried forward from 2017/);
    expect(diagnosisCodes(r)).toContain('J45.901');
    expect(diagnosisCodes(r)).not.toContain('J45.41');
  });

  it("the physician's choice of the written value codes it", () => {
    const q = code(notes, line).clarification!;
    const r = code(notes, line, [{ question: q.question, option: 'Moderate persistent asthma with (acute) exacerbation' }]);
    expect(diagnosisCodes(r)).toContain('J45.41');
    expect(r.clarification?.reason ?? '').not.toMatch(CARRIED);
  });

  it('a free-text answer naming another severity codes it', () => {
    const q = code(notes, line).clarification!;
    const r = code(notes, line, [{ question: q.question, freeText: 'Severe persistent asthma' }]);
    expect(diagnosisCodes(r)).toContain('J45.51');
  });

  it('is not asked when today restates the value, or the assessment gives one, or no list is carried forward', () => {
    for (const n of [
      'Active problems (carried forward from 2017): moderate persistent asthma.\nA/P: Moderate persistent asthma with exacerbation - prednisone burst.',
      'Active problems (carried forward from 2017): moderate persistent asthma.\nHPI: moderate persistent asthma, on ICS/LABA daily.\nA/P: Asthma exacerbation - prednisone burst.',
      'Active problems: moderate persistent asthma.\nA/P: Asthma exacerbation - prednisone burst.',
    ])
      expect(code(n, line).clarification?.reason ?? '', n).not.toMatch(CARRIED);
  });

  it('a carried-forward list naming another condition is no reason to ask', () => {
    const r = code(
      'Problem list (imported): mild intermittent asthma.\nCKD followed by nephrology, eGFR 24.\nA/P: CKD - stable, renal diet.',
      [{ description: 'CKD stage 4', code: 'N18.4' }],
    );
    expect(r.clarification?.reason ?? '').not.toMatch(CARRIED);
    expect(diagnosisCodes(r)).toContain('N18.4');
  });
});
