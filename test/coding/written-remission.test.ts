// A substance use disorder written as current while the record states it in remission
// (coding/written-remission.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = (notes: string, diagnoses: Array<{ description: string; code: string }>) =>
  codeEncounter(codingInput({ notes, diagnoses }, { ageYears: 52, sex: 'F' }), codeSets());

describe('a written current substance disorder the record states in remission', () => {
  it('takes the remission member of the same level and goes to a coder with the written code changed', () => {
    const result = coded('Opioid use disorder, moderate, in sustained remission on buprenorphine; last use 2023. Refilled.', [
      { description: 'Opioid dependence', code: 'F11.20' },
    ]);
    expect(result.diagnoses.map((d) => d.code)).toContain('F11.21');
    expect(result.straightThrough.eligible).toBe(false);
    expect(result.documentedCodes.find((d) => d.code === 'F11.20')?.outcome).toBe('changed');
  });

  it('keeps the level: an abuse code takes the abuse remission code', () => {
    const result = coded('Cannabis abuse in early remission, no use for five months.', [{ description: 'Cannabis abuse', code: 'F12.10' }]);
    expect(result.diagnoses.map((d) => d.code)).toContain('F12.11');
  });

  it('a statement of another level (a severe use disorder beside an abuse code) is not recoded here', () => {
    const result = coded('No use since last year.\nA/P:\n1. Cannabis use disorder, severe, in sustained remission.', [
      { description: 'Cannabis abuse', code: 'F12.10' },
    ]);
    expect(result.diagnoses.map((d) => d.code)).toContain('F12.10');
    expect(result.straightThrough.eligible).toBe(false);
  });

  it('a remission beside recent use of the substance is asked, not coded (remission-conflict.ts)', () => {
    const result = coded('OUD, moderate, in sustained remission on buprenorphine. Used heroin 2 weeks ago after a relapse.', [
      { description: 'Opioid dependence', code: 'F11.20' },
    ]);
    expect(result.diagnoses.map((d) => d.code)).not.toContain('F11.21');
  });

  it('does not fire on a denied remission, a relative, or another substance', () => {
    for (const notes of [
      'Alcohol dependence, not in remission, drinking daily.',
      "Patient's father has alcohol use disorder in sustained remission.",
      'Cocaine use disorder in sustained remission. Alcohol dependence: drinks 6 beers a night.',
    ]) {
      const result = coded(notes, [{ description: 'Alcohol dependence', code: 'F10.20' }]);
      expect(result.diagnoses.map((d) => d.code)).toContain('F10.20');
      expect(result.diagnoses.map((d) => d.code)).not.toContain('F10.21');
    }
  });
});
