// A written wound repair code beside a closure with adhesive strips alone, or beside no length
// (coding/wound-repair.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = (notes: string, repair = { description: 'Simple repair of forearm wound', code: '12001', units: 1 }) =>
  codeEncounter(
    codingInput(
      {
        notes,
        diagnoses: [{ description: 'Laceration of left forearm', code: 'S51.812A' }],
        procedures: [{ description: 'Office visit', code: '99213', units: 1 }, repair],
      },
      { ageYears: 30, sex: 'F' },
    ),
    codeSets(),
  );

describe('closure with adhesive strips alone', () => {
  it('is not reported as a repair: the written code is corrected off and the encounter goes to a coder', () => {
    const result = coded('2 cm superficial laceration L forearm. Cleaned and closed with Steri-Strips; sutures not needed.');
    expect(result.procedures.map((p) => p.code)).toEqual(['99213']);
    expect(result.straightThrough.eligible).toBe(false);
  });

  it('a wound closed with sutures (strips over them) keeps its repair code', () => {
    const result = coded('2 cm laceration L forearm. Closed with three 4-0 nylon sutures, Steri-Strips applied over.');
    expect(result.procedures.map((p) => p.code)).toContain('12001');
  });
});

describe('a repair whose length the record never states', () => {
  it('goes to a coder with a question for the length', () => {
    const result = coded('Laceration L forearm. Simple closure with 4-0 nylon x4.', {
      description: 'Simple repair 2.5 cm or less',
      code: '12001',
      units: 1,
    });
    expect(result.straightThrough.reasons).toContain('unmatched-procedure');
    expect(result.clarification?.question).toMatch(/length/);
  });

  it('a stated length is read and raises nothing', () => {
    const result = coded('1.8 cm laceration L forearm. Simple closure with 4-0 nylon x4.', {
      description: 'Simple repair 2.5 cm or less',
      code: '12001',
      units: 1,
    });
    expect(result.straightThrough.reasons).not.toContain('unmatched-procedure');
    expect(result.clarification).toBeUndefined();
  });
});
