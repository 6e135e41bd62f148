// What the search's scorer reads of a tabular text is read once per code set and wording.
import { describe, expect, it } from 'vitest';
import type { Icd10Cm } from '../../coding/icd10cm.ts';
import { indexedTitleFacts, textsOfEntry, titleFacts } from '../../coding/title-facts.ts';
import { tokenize } from '../../coding/text.ts';

/** A code set of these texts, each indexed with its distinct tokens as loadIcd10Cm indexes it. */
const codeSet = (texts: string[]): Icd10Cm =>
  ({ texts: texts.map((text, entry) => ({ entry, text, tokens: [...new Set(tokenize(text))] })) }) as unknown as Icd10Cm;

describe('titleFacts', () => {
  it('reads the words, the side, the words ruled out and the core of a title', () => {
    const facts = titleFacts(codeSet([]), 'Migraine without aura, not intractable, left side');
    expect(facts.words.has('migraine')).toBe(true);
    expect(facts.side).toBe('left');
    expect(facts.ruledOut.has('aura')).toBe(true);
    expect(facts.ruledOut.has('intractable')).toBe(true);
    expect(facts.ruledOut.has('migraine')).toBe(false);
    expect(facts.core).not.toContain('aura');
    expect(facts.namesOther).toBe(false);
  });

  it('keeps the fracture core with and without the default "displaced"', () => {
    const facts = titleFacts(codeSet([]), 'Displaced transverse fracture of shaft of right tibia');
    expect(facts.namesDisplacement).toBe(true);
    expect(facts.core).toContain('displaced');
    expect(facts.coreWithoutDisplaced).not.toContain('displaced');
    expect(facts.coreWithoutDisplaced.length).toBe(facts.core.length - 1);
  });

  it('reads a wording once per code set, and again for a reloaded code set', () => {
    const icd = codeSet(['Other specified disorders of the eye']);
    const first = indexedTitleFacts(icd, 0);
    expect(first.namesOther).toBe(true);
    expect(indexedTitleFacts(icd, 0)).toBe(first);
    expect(titleFacts(icd, 'Other specified disorders of the eye')).toBe(first);
    expect(indexedTitleFacts(codeSet(['Other specified disorders of the eye']), 0)).not.toBe(first);
  });

  it("finds an entry's indexed texts (its title and inclusion terms) from the index built once per code set", () => {
    const icd = {
      entries: [{}, {}, {}],
      texts: [
        { entry: 0, text: 'Essential hypertension', tokens: [] },
        { entry: 2, text: 'Migraine', tokens: [] },
        { entry: 0, text: 'High blood pressure', tokens: [] },
      ],
    } as unknown as Icd10Cm;
    expect(textsOfEntry(icd, 0)).toEqual([0, 2]);
    expect(textsOfEntry(icd, 1)).toEqual([]);
    expect(textsOfEntry(icd, 2)).toEqual([1]);
    expect(textsOfEntry(icd, 7)).toEqual([]);
  });
});
