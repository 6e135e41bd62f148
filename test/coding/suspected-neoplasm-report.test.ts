// A line stating a neoplasm only as suspected ("r/o BCC") is coded from the record's signed pathology
// report that names the histology (coding/reported-histology.ts). Our own records.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = (line: string, notes: string, result?: string) =>
  codeEncounter(
    codingInput(
      {
        notes,
        diagnoses: [{ description: line }],
        testResults: result ? [{ name: 'Surgical pathology, skin', value: result }] : [],
      },
      { ageYears: 70, sex: 'F' },
    ),
    codeSets(),
  ).diagnoses.map((d) => d.code);

describe('a suspected neoplasm settled by its report', () => {
  it('r/o squamous cell carcinoma of the left hand, path squamous cell carcinoma: C44.629', () => {
    expect(
      coded(
        'Rule out squamous cell carcinoma left dorsal hand',
        'Shave biopsy L dorsal hand.',
        'Squamous cell carcinoma, well differentiated.',
      ),
    ).toEqual(['C44.629']);
  });

  it('with the report still awaited the suspicion is not coded as a carcinoma', () => {
    expect(
      coded('Rule out squamous cell carcinoma left dorsal hand', 'Shave biopsy L dorsal hand. Sent to path, pending.').some((c) =>
        c.startsWith('C'),
      ),
    ).toBe(false);
  });
});
