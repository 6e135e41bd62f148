// An acute kidney injury beside creatinine values that meet no KDIGO criterion is asked
// (coding/kidney-injury-validations.ts through result-contradicts.ts); values that meet one, or that
// cannot be read reliably, ask nothing. Our own records.
import { describe, expect, it } from 'vitest';
import { creatinineValues } from '../../coding/kidney-injury-validations.ts';
import { recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 70, sex: 'F' });
const line = [{ description: 'Acute kidney injury', code: 'N17.9' }];
const asked = (r: ReturnType<typeof code>) => /clarify the diagnosis/.test(r.clarification?.question ?? '');

describe('reading creatinine values', () => {
  it('reads a single baseline and the other values, not another test', () => {
    expect(creatinineValues('Creatinine: baseline 0.9, on admission 1.05, today 1.0 mg/dL; eGFR 61')).toEqual({
      baseline: 0.9,
      values: [1.05, 1.0],
    });
  });

  it('reads nothing from a baseline range, micromoles, or no baseline', () => {
    expect(creatinineValues('Cr baseline 1.25-1.32, today 1.38')).toBeUndefined();
    expect(creatinineValues('Creatinine baseline 80 umol/L, today 95 umol/L')).toBeUndefined();
    expect(creatinineValues('Creatinine 1.4 today, 1.6 on admission')).toBeUndefined();
  });
});

describe('acute kidney injury beside its creatinine', () => {
  it('a rise under 0.3 mg/dL and under 1.5 times the baseline is asked, the code held', () => {
    const r = code('Hospital follow-up for AKI. Creatinine: baseline 0.9, on admission 1.05, today 1.0 mg/dL.\nA: AKI, improving.', line);
    expect(asked(r)).toBe(true);
    expect(r.diagnoses.map((d) => d.code)).toContain('N17.9');
  });

  it('a rise meeting a criterion asks nothing', () => {
    for (const notes of [
      'Hospital follow-up for AKI. Creatinine: baseline 0.9, on admission 1.4, today 1.0 mg/dL.\nA: AKI, improving.',
      'Hospital follow-up for AKI. Creatinine: baseline 0.4, on admission 0.65, today 0.5 mg/dL.\nA: AKI, improving.',
    ])
      expect(asked(code(notes, line))).toBe(false);
  });

  it('values that cannot be read reliably ask nothing', () => {
    const r = code('Hospital follow-up for AKI. Baseline Cr 0.9-1.0. Today creatinine 1.05.\nA: AKI, improving.', line);
    expect(asked(r)).toBe(false);
  });
});
