// A child's BMI by its percentile for age, not an adult BMI code (coding/pediatric-bmi.ts,
// bmiCode in coding/additional.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { bmiCode } from '../../coding/additional.ts';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

describe('the share of the 95th percentile', () => {
  it('codes a child by the FY2025 split of the 95th percentile and over', () => {
    expect(bmiCode('BMI 36 kg/m2, 145% of the 95th percentile', 12)?.code).toBe('Z68.56');
    expect(bmiCode('weight: 128% of 95th %ile for age', 16)?.code).toBe('Z68.55');
    expect(bmiCode('BMI 110% of the 95th percentile', 9)?.code).toBe('Z68.54');
  });

  it('reads no share of the 95th percentile for an adult', () => {
    expect(bmiCode('BMI 36, 145% of the 95th percentile', 35)?.code).toBe('Z68.36');
  });
});

describe('an adult BMI code on a patient under 20', () => {
  it('becomes the pediatric code the record gives', () => {
    const code = recordCoder(codeSets, { ageYears: 15, sex: 'F' });
    const r = code('Vitals: BMI 33.2, 130% of the 95th percentile for age.\nA/P: Severe obesity - lifestyle counselling, dietitian.', [
      { description: 'Obesity', code: 'E66.9' },
      { description: 'BMI 33', code: 'Z68.33' },
    ]);
    const codes = diagnosisCodes(r);
    expect(codes).toContain('Z68.55');
    expect(codes).not.toContain('Z68.33');
  });

  it('is dropped when the record gives no percentile, and an adult keeps it', () => {
    const teen = recordCoder(codeSets, { ageYears: 17, sex: 'M' });
    const r = teen('Vitals: BMI 31.\nA/P: Obesity - lifestyle counselling.', [
      { description: 'Obesity', code: 'E66.9' },
      { description: 'BMI 31', code: 'Z68.31' },
    ]);
    expect(diagnosisCodes(r).some((c) => c.startsWith('Z68'))).toBe(false);
    const adult = recordCoder(codeSets, { ageYears: 45, sex: 'M' });
    const a = adult('Vitals: BMI 31.\nA/P: Obesity - lifestyle counselling.', [
      { description: 'Obesity', code: 'E66.9' },
      { description: 'BMI 31', code: 'Z68.31' },
    ]);
    expect(diagnosisCodes(a)).toContain('Z68.31');
  });
});
