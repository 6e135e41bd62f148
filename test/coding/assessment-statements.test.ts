// The one reading of the assessment that assessed-conditions.ts and assessed-uncoded.ts share
// (coding/assessment-statements.ts). Statements are our own wording.
import { describe, expect, it } from 'vitest';
import { conclusionAndPlan, conditionNames } from '../../coding/assessment-statements.ts';

describe('conclusionAndPlan', () => {
  it('cuts a statement at its first spaced dash or colon', () => {
    expect(conclusionAndPlan('Gout, R first toe - colchicine, recheck 2 wk')).toEqual({
      conclusion: 'Gout, R first toe',
      plan: 'colchicine, recheck 2 wk',
    });
    expect(conclusionAndPlan('CKD 3a: stable: recheck BMP')).toEqual({ conclusion: 'CKD 3a', plan: 'stable recheck BMP' });
  });

  it('leaves a statement without a plan whole, and a hyphen inside a word is no cut', () => {
    expect(conclusionAndPlan('Post-herpetic neuralgia')).toEqual({ conclusion: 'Post-herpetic neuralgia', plan: '' });
  });
});

describe('conditionNames', () => {
  it('names each condition of a head that joins short names', () => {
    expect(conditionNames('Gout & OSA')).toEqual(['Gout', 'OSA']);
    expect(conditionNames('Hypothyroid/hyperlipidemia')).toEqual(['Hypothyroid', 'hyperlipidemia']);
  });

  it('keeps a head whose pieces qualify one condition, or are long, as one name', () => {
    expect(conditionNames('Psoriasis, severe')).toEqual(['Psoriasis, severe']);
    expect(conditionNames('Migraine, aura with visual zigzag lines')).toEqual(['Migraine, aura with visual zigzag lines']);
    expect(conditionNames('s/p L TKA')).toEqual(['s/p L TKA']);
  });
});
