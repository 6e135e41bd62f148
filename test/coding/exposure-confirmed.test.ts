// A written exposure code (Z20) beside an assessment that states the disease itself becomes the
// disease's code (coding/exposure-confirmed.ts). Our own records.
import { describe, expect, it } from 'vitest';
import { recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 44, sex: 'M' });
const line = [{ description: 'Exposure to COVID', code: 'Z20.822' }];

describe('an exposure code beside the disease stated', () => {
  it('COVID-19 stated in the assessment replaces the exposure code', () => {
    const notes = 'Fever and cough for 2 days, positive home antigen test this morning.\nA: COVID-19 infection, mild. Supportive care.';
    expect(code(notes, line).diagnoses.map((d) => d.code)).toEqual(['U07.1']);
  });

  it('an exposure assessed as an exposure keeps Z20.822', () => {
    const notes = 'Coworker tested positive Monday. No symptoms. Test sent.\nA: COVID-19 exposure, test pending.';
    expect(code(notes, line).diagnoses.map((d) => d.code)).toEqual(['Z20.822']);
  });

  it('a negative test keeps Z20.822', () => {
    const notes = 'Household contact with COVID. Rapid antigen negative today.\nA: COVID-19 negative, quarantine guidance.';
    expect(code(notes, line).diagnoses.map((d) => d.code)).toEqual(['Z20.822']);
  });
});
