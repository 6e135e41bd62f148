// Clinical abbreviations of chronic diseases written out as the tabular or the Alphabetic Index
// names them, and the remission axis of the leukemias (C90-C95: not having achieved remission, in
// remission, in relapse). Examples written for this test (tuned on); wording is our own.
import { describe, expect, it } from 'vitest';
import { sortedCodesBy, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = sortedCodesBy(codeSets, { sex: 'F', ageYears: 64 });

describe('leukemia and lymphoma abbreviations with their remission axis', () => {
  it('a leukemia with no remission stated is the "not having achieved remission" code (the NOS inclusion term)', () => {
    expect(codes(['CLL'], 'Counts stable, observation only.')).toEqual(['C91.10']);
    expect(codes(['Chronic lymphocytic leukemia'])).toEqual(['C91.10']);
  });

  it('"in remission" and "relapsed" choose their own codes, never the one that rules remission out', () => {
    expect(codes(['CML in remission'], 'Continues imatinib.')).toEqual(['C92.11']);
    expect(codes(['ALL, in remission'], 'Maintenance therapy per oncology.', 'M', 11)).toEqual(['C91.01']);
    expect(codes(['Relapsed AML'], 'Transfused today.', 'M')).toEqual(['C92.02']);
  });

  it('"ALL" and "PAD" in capitals are diseases; the lower-case words are not', () => {
    expect(codes(['PAD'], 'Calf claudication at two blocks.', 'M')).toEqual(['I73.9']);
    expect(codes(['Essential hypertension'], 'All medications reviewed. Heating pad for the back.', 'M')).toEqual(['I10']);
  });

  it('lymphoma written short', () => {
    expect(codes(['NHL'], 'Followed by oncology.')).toEqual(['C85.90']);
  });
});

describe('other chronic diseases written short', () => {
  it.each([
    ['ILD', 'J84.9'],
    ['PMR', 'M35.3'],
    ['SLE', 'M32.9'],
    ['PVD', 'I73.9'],
    ['IBS', 'K58.9'],
    ['PCOS', 'E28.2'],
  ])('%s is coded as the disease it stands for (%s)', (abbreviation, code) => {
    expect(codes([abbreviation])).toEqual([code]);
  });
});
