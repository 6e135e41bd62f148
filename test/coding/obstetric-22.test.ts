// Obstetric coding conventions from the tabular's own notes. Category Z3A (weeks of gestation) is
// "code first" an obstetric condition or encounter for delivery (O09-O60, O80-O82, O94-O9A): a
// pregnancy the physician calls incidental (Z33.1, whose Excludes1 is every complication of
// pregnancy) has no such code, so no weeks are reported beside it. Records are written for the test.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 27, sex: 'F' });

describe('weeks of gestation (Z3A) follow an obstetric code', () => {
  it('not beside the incidental pregnant state alone', () => {
    const note =
      'Fell off her bicycle, abrasion L knee cleaned. She is 24 weeks pregnant, followed by her OB; pregnancy incidental to this visit.';
    expect(codes(['Abrasion of left knee', 'Pregnant 24 wks - incidental'], note)).toEqual(['S80.212A', 'Z33.1']);
  });

  it('still beside the supervision of a normal pregnancy', () => {
    expect(codes(['Supervision of normal first pregnancy'], 'G1P0 at 24 weeks by LMP, routine prenatal visit.')).toEqual([
      'Z34.02',
      'Z3A.24',
    ]);
  });
});
