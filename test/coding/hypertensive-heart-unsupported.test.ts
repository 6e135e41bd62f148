// A hypertensive heart code beside only heart disease of its own kind, none I11 includes, is the hypertension
// alone (guideline I.C.9.a.1; coding/hypertensive-heart-unsupported.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = recordCoder(codeSets, { ageYears: 70, sex: 'M' });

describe('hypertensive heart disease the record does not support', () => {
  it('written I11.9 beside coronary artery disease only: I10, the written code changed', () => {
    const r = coded(
      'PMH: CAD s/p PCI 2020, HTN.\nA/P:\n1. CAD with stable angina - continue nitrate.\n2. HTN - controlled on amlodipine.',
      [
        { description: 'CAD with stable angina', code: 'I25.118' },
        { description: 'Hypertensive heart disease', code: 'I11.9' },
      ],
    );
    expect(diagnosisCodes(r)).toContain('I10');
    expect(diagnosisCodes(r)).not.toContain('I11.9');
    expect(r.documentedCodes.find((d) => d.code === 'I11.9')?.outcome).toBe('changed');
  });

  it('kept when the notes name an included heart condition or call the heart disease hypertensive', () => {
    const lvh = coded('Echo: LVH, EF 60%.\nA: HTN with LVH, continue losartan.', [
      { description: 'Hypertensive heart disease', code: 'I11.9' },
    ]);
    expect(diagnosisCodes(lvh)).toEqual(['I11.9']);
    const stated = coded('A: Hypertensive heart disease, stable, continue losartan.', [
      { description: 'Hypertensive heart disease', code: 'I11.9' },
    ]);
    expect(diagnosisCodes(stated)).toEqual(['I11.9']);
  });

  it('kept when no heart disease of another kind is on the record: the written title is the link stated', () => {
    const alone = coded('A/P: 1. HTN - continue losartan.', [{ description: 'Hypertensive heart disease', code: 'I11.9' }]);
    expect(diagnosisCodes(alone)).toEqual(['I11.9']);
  });
});
