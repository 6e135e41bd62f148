// The one-record explainer (scripts/explain-coding.ts): which set and record it reads, and what it
// prints of a coded record. The records are made up here.
import { describe, expect, it } from 'vitest';
import { explanation, recordOf, setPath } from '../../scripts/explain-coding.ts';
import { toInput, type EvalEncounter } from '../../scripts/eval-coding.ts';
import { codeEncounter } from '../../coding/index.ts';
import { useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const record: EvalEncounter = {
  id: 'made-up-1',
  age: 58,
  sex: 'M',
  notes: 'Follow-up of blood pressure.\nAssessment: essential hypertension, at goal on lisinopril.',
  dx: [{ description: 'Essential hypertension', code: 'I10' }],
  expect: { dx: ['I10'], query: false },
};

describe('explain-coding', () => {
  it('finds a set by path or by its name in test/coding, and says when there is none', () => {
    expect(setPath('writer-set-79')).toMatch(/test\/coding\/writer-set-79\.json$/);
    expect(setPath('writer-set-79.json')).toBe(setPath('writer-set-79'));
    expect(setPath(setPath('writer-set-79'))).toBe(setPath('writer-set-79'));
    expect(() => setPath('no-such-set')).toThrow(/no labelled set/);
  });

  it('finds the record by id, and names only the id when it is missing', () => {
    expect(recordOf([record], 'made-up-1')).toBe(record);
    expect(() => recordOf([record], 'made-up-2')).toThrow('the set has no record with id made-up-2');
  });

  it('prints each diagnosis with its rationale and evidence, the query, the gate and the labels', () => {
    const lines = explanation(record, codeEncounter(toInput(record), codeSets()));
    expect(lines[0]).toBe('record made-up-1');
    expect(lines.find((l) => l.startsWith('dx I10 '))).toMatch(/^dx I10 \d\.\d\d \S.* \| (?:diagnoses|notes): "/);
    expect(lines.some((l) => l.startsWith('px '))).toBe(false);
    expect(lines).toContain('query none');
    expect(lines.some((l) => /^straight through (?:yes|no \(.+\))$/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe('expected dx I10; px -; query no');
  });
});
