// A diagnosis code the physician wrote and the side its line states: the line's side wins over a
// written code that leaves the side open, and a written code on the other side is never kept
// silently. Both are coded from the line and reported as changed, so a coder confirms (guideline
// I.B.2; I.B.13 laterality). Wording is our own.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const written = (description: string, code: string) => {
  const r = codeEncounter(codingInput({ diagnoses: [{ description, code }] }, { ageYears: 58, sex: 'F' }), codeSets());
  return { codes: r.diagnoses.map((d) => d.code), outcome: r.documentedCodes?.[0]?.outcome, through: r.straightThrough?.eligible };
};

describe('the side of a line beside the code written with it', () => {
  it('a written code that leaves the side open gives way to the side the line states', () => {
    expect(written('Carpal tunnel syndrome, left wrist', 'G56.00')).toMatchObject({ codes: ['G56.02'], outcome: 'changed' });
    expect(written('Primary OA right knee', 'M17.9')).toMatchObject({ codes: ['M17.11'], outcome: 'changed' });
  });

  it('a written code on the other side is coded from the line and reported, never kept', () => {
    const r = written('Primary osteoarthritis, left knee', 'M17.11');
    expect(r).toMatchObject({ codes: ['M17.12'], outcome: 'changed', through: false });
    expect(written('Rotator cuff tear, right shoulder', 'M75.102').codes).not.toContain('M75.102');
  });

  it('a written code on the stated side stands', () => {
    expect(written('Primary osteoarthritis, left knee', 'M17.12')).toMatchObject({ codes: ['M17.12'], outcome: 'kept' });
  });

  it('a side inside an organ is no side of the written code', () => {
    expect(written('Left ventricular hypertrophy', 'I51.7')).toMatchObject({ codes: ['I51.7'], outcome: 'kept' });
  });
});
