// A single-letter side before an ear condition that names its site ("L AOM") is that side
// (coding/text.ts BODY_SITE_WORD). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { expandAbbreviations } from '../../coding/text.ts';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = recordCoder(codeSets, { ageYears: 4, sex: 'F' });

describe('a side letter before an ear condition', () => {
  it('expands to the side', () => {
    expect(expandAbbreviations('R AOM')).toBe('right otitis media');
    expect(expandAbbreviations('L otitis externa')).toBe('left otitis externa');
  });

  it('codes the side of an acute otitis media written unspecified', () => {
    const r = coded('R TM bulging, purulent effusion; L TM nl.\nA/P: R AOM. Amoxicillin x10d.', [
      { description: 'Acute otitis media', code: 'H66.90' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['H66.91']);
  });

  it('a letter that is not a side stays (a volume, a denial)', () => {
    expect(expandAbbreviations('NS 1 L bolus, no AOM')).not.toMatch(/left/);
  });
});
