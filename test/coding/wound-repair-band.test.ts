// A repair line's length band (coding/wound-repair.ts BAND_LIMIT, LENGTH_BAND): a limit of the code's
// band ("up to 2.5 cm", "< 2.5 cm", "7.6 cm and over", "more than 30 cm") is no wound's length, a
// range's first figure is. Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';
import { expectCorrected, expectKept } from '../../testkit/procedure-outcomes.ts';

const codeSets = useCodeSets();
const MEASURED = 'Scalp laceration closed with simple interrupted sutures. Repaired length 3.2 cm.';
const UNMEASURED = 'Scalp laceration closed with simple interrupted sutures.';
const repaired = (notes: string, description: string, code: string) =>
  codeEncounter(
    codingInput(
      { notes, diagnoses: [{ description: 'Laceration of scalp', code: 'S01.01XA' }], procedures: [{ description, code }] },
      { ageYears: 40, sex: 'F' },
    ),
    codeSets(),
  );
const lengthUnstated = (r: ReturnType<typeof repaired>) => r.edits.some((e) => e.rule === 'REPAIR_LENGTH_UNSTATED');

describe("a limit of the code's band on the only repair line", () => {
  it('gives way to the closure length the notes state, however the limit is written', () => {
    expectCorrected(repaired(MEASURED, 'Simple repair scalp, up to 2.5 cm', '12001'), '12001', '12002');
    expectCorrected(repaired(MEASURED, 'Simple repair scalp, < 2.5 cm', '12001'), '12001', '12002');
    expectCorrected(repaired(MEASURED, 'Simple repair scalp 7.6 cm and over', '12004'), '12004', '12002');
  });

  it('is no stated length: without one in the notes the length is unstated', () => {
    expect(lengthUnstated(repaired(UNMEASURED, 'Simple repair scalp, more than 30 cm', '12007'))).toBe(true);
    expect(lengthUnstated(repaired(UNMEASURED, 'Simple repair scalp, over 30 cm', '12007'))).toBe(true);
  });
});

describe('a figure that measures', () => {
  it("a range's first figure is the band's length, the notes' closure length aside", () => {
    expectKept(repaired(MEASURED, 'Simple repair scalp 2.6-7.5 cm', '12002'), '12002');
  });

  it('a length written on the line is stated', () => {
    expect(lengthUnstated(repaired(UNMEASURED, 'Simple repair scalp 3 cm', '12002'))).toBe(false);
  });
});
