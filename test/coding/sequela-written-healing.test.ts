// An old injury written with a healing 7th character (D, G, K, P) beside the condition it left is
// its sequela, S (guideline I.C.19.a; coding/sequela.ts). Records written for this test.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = (diagnoses: Array<{ description: string; code?: string }>, notes: string): string[] =>
  codeEncounter(codingInput({ notes, diagnoses }, { ageYears: 79, sex: 'M' }), codeSets())
    .diagnoses.map((d) => d.code)
    .sort();

describe('an old fracture written as healing beside the arthritis it left', () => {
  it('post-traumatic wrist arthritis from an old radius fracture written S52.501D: S52.501S', () => {
    const notes = 'Planned wrist injection. Post-traumatic OA of R radiocarpal joint from distal radius fx (2019, healed w/ malunion).';
    const got = codes(
      [
        { description: 'Post-traumatic OA R wrist', code: 'M19.131' },
        { description: 'Old R distal radius fracture', code: 'S52.501D' },
      ],
      notes,
    );
    expect(got).toEqual(['M19.131', 'S52.501S']);
  });

  it('not a fracture still healing, with no residual condition: the written D stays', () => {
    const notes = '6 wk f/u R distal radius fx, healing as expected in cast.';
    expect(codes([{ description: 'R distal radius fracture', code: 'S52.501D' }], notes)).toEqual(['S52.501D']);
  });
});
