// Weeks the pregnancy went through ("normotensive through 20 wks") are a span, not a second age of
// it: no weeks-of-gestation conflict with the age stated ("G1P0 at 36w2d"). Wording is our own.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 29, sex: 'F' });

describe('a span of weeks the pregnancy went through', () => {
  it('is not its age', () => {
    const note = 'G1P0 at 36w2d. BP 148/94 twice; normotensive before pregnancy and through 20 wks. No proteinuria.';
    expect(codes(['Gestational hypertension'], note)).toEqual(['O13.3', 'Z3A.36']);
  });
});
