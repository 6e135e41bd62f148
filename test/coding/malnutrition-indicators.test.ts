// Malnutrition beside a nutrition assessment stating its indicators absent (no wasting, a stable weight,
// most meals eaten) is asked (clinical validation, coding/clinical-validations.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { answeredBy, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = answeredBy(codeSets, { ageYears: 85, sex: 'M' });

describe('malnutrition and the nutrition assessment', () => {
  it('asks when the dietitian finds a stable weight, full intake and no wasting', () => {
    const r = run(
      ['Severe protein calorie malnutrition'],
      'Dietitian note: intake 75-100% meals, wt 84.3 kg stable x 3 mo, BMI 27.4, no muscle wasting noted. Assessment: severe protein calorie malnutrition - continue Ensure.',
    );
    expect(r.clarification?.question).toMatch(/malnutrition/i);
    expect(diagnosisCodes(r)).toContain('E43');
  });

  it('asks nothing when the assessment finds wasting and weight loss', () => {
    const r = run(
      ['Severe protein calorie malnutrition'],
      'Dietitian note: intake <50% x 2 wks, wt loss 8% in 1 mo, temporal muscle wasting. Assessment: severe protein calorie malnutrition.',
    );
    expect(r.clarification).toBeUndefined();
  });
});
