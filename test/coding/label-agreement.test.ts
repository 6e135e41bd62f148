// Agreement between two coders' labels of the same records (scripts/label-agreement.ts).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agreement, secondCoderPath } from '../../scripts/label-agreement.ts';

const labels = (dx: string[], px: string[] = [], query = false) => ({ dx, px, query });

describe('label agreement', () => {
  it('counts diagnoses found, records billable alike, and the same code set where neither coder queries', () => {
    const first = new Map([
      ['A', labels(['I10', 'E11.9'], ['99213'])],
      ['B', labels(['J20.9'], ['99213'])],
      ['C', labels(['N18.30'], [], true)],
      ['D', labels(['M17.11'])],
    ]);
    const second = new Map([
      ['A', labels(['E11.9', 'I10'], ['99213'])], // same set, another order
      ['B', labels(['J20.9'], ['99214'])], // another visit level
      ['C', labels(['N18.30'], [], true)], // the same query
      ['D', labels(['M17.11'], [], true)], // the second would ask
    ]);
    expect(agreement(first, second)).toEqual({
      encounters: 4,
      diagnosesFound: 5,
      diagnoses: 5,
      billableAlike: 2,
      queryAgree: 3,
      neitherQueries: 2,
      sameWhereNeitherQueries: 1,
    });
  });

  it('refuses a second coder who left a record out', () => {
    expect(() => agreement(new Map([['A', labels(['I10'])]]), new Map())).toThrow(/no encounter A/);
  });

  it('finds the second coder of the shipped sets beside them', () => {
    expect(existsSync(secondCoderPath('test/coding/writer-set-81.json'))).toBe(true);
    expect(secondCoderPath('test/coding/writer-set-82.json')).toBe('test/coding/second-coder/writer-set-82.json');
  });
});
