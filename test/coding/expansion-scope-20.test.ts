// A condition on the other words of a clause or phrase is an ExpansionScope, tested once per clause or
// phrase, not a lookahead run from the expansion's match: it holds for words before the match as after.
import { describe, expect, it } from 'vitest';
import { expandWithin } from '../../coding/expansion-scope.ts';
import { expandAbbreviations } from '../../coding/text.ts';

describe('expansions conditioned on their clause or phrase', () => {
  it('tests a phrase condition in each part between commas, periods and semicolons', () => {
    const upper = (part: string) => part.toUpperCase();
    expect(expandWithin('venous ulcer of heel, heel ulcer; ulcer. venous', { unless: /\bvenous\b/, within: 'phrase' }, upper)).toBe(
      'venous ulcer of heel, HEEL ULCER; ULCER. venous',
    );
  });

  it('keeps "acute" of an otitis media whose clause names its kind before it', () => {
    expect(expandAbbreviations('Bulging TM with purulent effusion, acute otitis media')).toContain('acute otitis media');
    expect(expandAbbreviations('AOM, left')).not.toContain('acute');
  });

  it('adds no "of skin" to a basal cell carcinoma whose phrase names the face before it', () => {
    expect(expandAbbreviations('Facial basal cell carcinoma')).not.toContain('of skin');
    expect(expandAbbreviations('Basal cell carcinoma of left forearm')).toContain('of skin');
  });

  it('reads a limb ulcer as the non-pressure chronic ulcer only in a phrase naming no other kind', () => {
    expect(expandAbbreviations('Pressure injury, stage 2, of the sacrum and a left heel ulcer')).toContain('non-pressure chronic ulcer');
    expect(expandAbbreviations('Venous stasis disease of both legs with new left heel ulcer')).not.toContain('non-pressure chronic ulcer');
  });
});
