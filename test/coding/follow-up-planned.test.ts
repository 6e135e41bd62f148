// A follow-up the plan schedules is not a subsequent encounter (guideline I.C.19.a): the 7th
// character of a written injury code stands (coding/search.ts, encounterPhase). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { encounterPhase } from '../../coding/search.ts';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = recordCoder(codeSets, { ageYears: 30, sex: 'M' });

describe('a follow-up the plan schedules', () => {
  it('is no subsequent encounter', () => {
    expect(encounterPhase('F/u sports med 1-2 wk if not improving.')).toBeUndefined();
    expect(encounterPhase('F/u urgent care if worse')).toBeUndefined();
    const r = coded(
      'Rolled L ankle yesterday playing soccer. Swelling lateral ankle, ATFL tender.\nA/P: L ankle sprain. RICE, brace. F/u sports med 1-2 wk if not improving.',
      [{ description: 'Sprain of left ankle', code: 'S93.402A' }],
    );
    expect(diagnosisCodes(r)).toEqual(['S93.402A']);
  });

  it('a visit that is a follow-up still is one', () => {
    expect(encounterPhase('F/u ankle sprain, improving')).toBe('subsequent');
    expect(encounterPhase('F/u visit for sprain 2 weeks after the fall')).toBe('subsequent');
  });
});
