// A cause stated apart from a condition whose combination code ranks below the condition's own
// code (coding/cause-link.ts): the combination is looked for among the first matches. Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coder = recordCoder(codeSets, { ageYears: 52, sex: 'M' });
const RELATION = /whether the condition is due to alcohol use/;
const lines = [{ description: 'Dilated cardiomyopathy' }, { description: 'Alcohol dependence' }];

describe('heavy drinking beside a cardiomyopathy, unlinked', () => {
  it('asks the link; the cardiomyopathy is coded as written', () => {
    const r = coder(
      'New to cardiology. Drinks 12 beers daily for 20 years.\nEcho: LVEF 25%, dilated LV.\nA: dilated cardiomyopathy; alcohol dependence.',
      lines,
    );
    expect(r.clarification?.question).toMatch(RELATION);
    expect(diagnosisCodes(r)).toContain('I42.0');
  });
});

describe('the physician links them', () => {
  it('asks nothing', () => {
    const r = coder('Drinks 12 beers daily for 20 years.\nA: dilated cardiomyopathy due to alcohol; alcohol dependence.', lines);
    expect(r.clarification?.question ?? '').not.toMatch(RELATION);
  });
});
