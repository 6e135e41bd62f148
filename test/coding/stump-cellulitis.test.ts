// Cellulitis of an amputation stump is cellulitis of the limb (L03.11-), beside the stump's infection
// (T87.4-), whose side is asked when unstated (coding/stump-cellulitis.ts, coding/text.ts). Records written for this test.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = (description: string, notes: string) =>
  codeEncounter(codingInput({ notes, diagnoses: [{ description }] }, { ageYears: 74, sex: 'M' }), codeSets());

describe('cellulitis of an amputation stump', () => {
  it('a below-knee stump of unstated side: T87.40 with L03.119, the side asked', () => {
    const r = run(
      'Infected BKA stump with cellulitis',
      'Stump erythema and drainage. Assessment: cellulitis/infection of amputation stump.',
    );
    expect(r.diagnoses.map((d) => d.code).sort()).toEqual(['L03.119', 'T87.40']);
    expect(r.clarification?.question).toMatch(/side/);
  });

  it('a right below-knee stump is a right lower extremity, not an upper one', () => {
    expect(run('Infected right BKA stump', 'Stump erythema and drainage.').diagnoses.map((d) => d.code)).toContain('T87.43');
  });

  it('cellulitis of a limb with no stump stays as found', () => {
    expect(run('Cellulitis of left lower leg', 'Redness of the shin.').diagnoses.map((d) => d.code)).toEqual(['L03.116']);
  });
});
