// A compound word that counts the sites of a condition says the condition ("polyneuropathy" is a
// neuropathy): a line coded unspecified gives way to the assessment's fuller statement written with
// the compound. A prefix naming an organ, or a compound that is another disease, says nothing of the
// line's word ("cardiomyopathy" is no myopathy, "polymyalgia rheumatica" no myalgia).
// Records written for this test.
import { describe, expect, it } from 'vitest';
import { compoundSays } from '../../coding/fuller-statement.ts';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 66, sex: 'M' });

describe('a compound word says its part', () => {
  it('for a condition counted by its sites', () => {
    expect(compoundSays('polyneuropathy', 'neuropathy')).toBe(true);
    expect(compoundSays('mononeuropathy', 'neuropathy')).toBe(true);
    expect(compoundSays('oligoarthritis', 'arthritis')).toBe(true);
  });

  it('not for an organ prefix or another disease', () => {
    expect(compoundSays('cardiomyopathy', 'myopathy')).toBe(false);
    expect(compoundSays('osteomyelitis', 'myelitis')).toBe(false);
    expect(compoundSays('polymyalgia', 'myalgia')).toBe(false);
    expect(compoundSays('polymyositis', 'myositis')).toBe(false);
  });
});

describe('the assessment stating the line with a compound word', () => {
  it('an unspecified neuropathy line takes the alcoholic polyneuropathy of the assessment', () => {
    expect(codes(['Neuropathy'], 'Assessment: Alcoholic polyneuropathy. Plan: thiamine, abstinence.')).toEqual(['G62.1']);
  });

  it('an unspecified myopathy line is not the cardiomyopathy of the assessment', () => {
    expect(codes(['Myopathy'], 'Assessment: Ischemic cardiomyopathy. Plan: continue carvedilol.')).toContain('G72.9');
  });
});
