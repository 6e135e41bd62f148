// A general examination "with abnormal findings" only for a condition found at it: one said to worsen,
// or whose drug dose the plan changes, was there before (coding/refinements.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 67, sex: 'M' });

describe('an examination beside a pre-existing condition', () => {
  it('stays without abnormal findings beside a worsening diabetes whose drug is increased', () => {
    const c = codes(
      ['Annual wellness visit', 'Type 2 DM with hyperglycemia'],
      'AWV: HRA reviewed, no concerns. PROBLEM: T2DM - missing doses, more thirst. Assessment: type 2 DM w/ hyperglycemia, worsening. Increase metformin ER to 1000 mg BID.',
    );
    expect(c).toContain('Z00.00');
    expect(c).not.toContain('Z00.01');
  });

  it('is with abnormal findings beside a condition found at it', () => {
    const c = codes(
      ['Annual physical', 'Type 2 DM with hyperglycemia'],
      'Fasting glucose 210 today. Assessment: type 2 DM w/ hyperglycemia. Start metformin.',
    );
    expect(c).toContain('Z00.01');
  });
});
