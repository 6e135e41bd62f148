// What a first coding reads of the code set is read once per code set, from what the load already read:
// the work per coding is counted here by what is computed again, never timed.
import { describe, expect, it } from 'vitest';
import type { Icd10Cm } from '../../coding/icd10cm.ts';
import { indexedTitleFacts, titleRuledOut } from '../../coding/title-facts.ts';

describe('the cost of a first coding', () => {
  it("starts an indexed text's facts from the tokens the code set indexed, without tokenizing the text again", () => {
    // A stand-in index whose tokens the text's own words would never give: the facts can only come from the index.
    const icd = { texts: [{ entry: 0, text: 'Migraine without aura', tokens: ['indexed', 'migraine'] }] } as unknown as Icd10Cm;
    const facts = indexedTitleFacts(icd, 0);
    expect([...facts.words]).toEqual(['indexed', 'migraine']);
    // The core and the words ruled out are still read from the wording.
    expect(facts.ruledOut.has('aura')).toBe(true);
    expect(facts.core).toEqual(['migraine']);
  });

  it("reads an entry's own title for the words it rules out once per entry", () => {
    const icd = { entries: [{ code: 'G43.009', description: 'Migraine without aura, not intractable' }] } as unknown as Icd10Cm;
    const first = titleRuledOut(icd, 0);
    expect([...first].sort()).toEqual(['aura', 'intractable']);
    expect(titleRuledOut(icd, 0)).toBe(first);
  });
});
