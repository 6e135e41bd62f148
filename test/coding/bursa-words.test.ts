// Subacromial and subdeltoid bursitis are bursitis of the shoulder (M75.5-) (coding/bursa-words.ts). Our own records.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 61, sex: 'M' });

describe('bursae named by their own names', () => {
  it('left subacromial bursitis is M75.52', () => {
    expect(codes(['Left subacromial bursitis'])).toEqual(['M75.52']);
  });

  it('subdeltoid bursitis of the right shoulder is M75.51', () => {
    expect(codes(['Subdeltoid bursitis, right shoulder'])).toEqual(['M75.51']);
  });

  it('a bursa the tabular titles keeps its own code (olecranon)', () => {
    expect(codes(['Olecranon bursitis, left elbow'])).toEqual(['M70.22']);
  });
});
