// An anemia documented as current beside today's hemoglobin normal for either sex is asked
// (coding/blood-count-validations.ts through result-contradicts.ts). Our own records.
import { describe, expect, it } from 'vitest';
import { recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 58, sex: 'M' });
const line = [{ description: 'Anemia', code: 'D64.9' }];

describe('anemia beside a hemoglobin', () => {
  it('a normal hemoglobin today is asked, the written code held', () => {
    const result = code('Fatigue follow-up. CBC today: WBC 6.1, Hgb 14.6, plt 240.\nA: anemia - continue to monitor.', line);
    expect(result.clarification?.question).toMatch(/Hgb 14\.6/);
    expect(result.diagnoses.map((d) => d.code)).toEqual(['D64.9']);
  });

  it('a low hemoglobin supports it: nothing asked', () => {
    const result = code('Fatigue follow-up. CBC today: WBC 6.1, Hgb 10.2, plt 240.\nA: anemia - iron studies.', line);
    expect(result.clarification?.question ?? '').not.toMatch(/Hgb/);
  });

  it('a normal value from an earlier year is not today’s', () => {
    const result = code('Fatigue follow-up. Hgb 14.6 in 2019. CBC pending.\nA: anemia - iron studies.', line);
    expect(result.clarification?.question ?? '').not.toMatch(/Hgb/);
  });
});
