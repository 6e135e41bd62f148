// A search scores only the texts that could still be among its hits: each text's score has a bound
// from its words alone, and a text whose bound is below the score of the hits' last code is left
// unscored (its title facts unread). The hits stay those of scoring every text; the work is counted
// here by the texts scored, never timed.
import { describe, expect, it } from 'vitest';
import type { Icd10Cm, IndexedText } from '../../coding/icd10cm.ts';
import { buildQuery, searchIcd } from '../../coding/search.ts';
import { useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

/**
 * The code set with a cold cache of title facts (they are held per code-set object) whose texts
 * count the distinct texts whose wording is read: a text is read to be scored, not to be bounded.
 */
function counted(icd: Icd10Cm): { icd: Icd10Cm; read: Set<number> } {
  const read = new Set<number>();
  const texts = icd.texts.map(
    (t, ti) =>
      new Proxy(t, {
        get(target, key: keyof IndexedText) {
          if (key === 'text') read.add(ti);
          return target[key];
        },
      }),
  );
  return { icd: { ...icd, texts }, read };
}

describe('the cost of a search', () => {
  it('leaves unscored the thousands of texts that share only a side or a limb word with an injury', () => {
    const q = buildQuery('Sprain of right ankle', true);
    const { icd, read } = counted(codeSets().icd);
    const sharing = new Set(['sprain', 'right', 'ankle', 'lower', 'limb'].flatMap((t) => icd.postings.get(t) ?? []));
    expect(sharing.size).toBeGreaterThan(5000);
    const hits = searchIcd(icd, q, { limit: 8 });
    expect(hits[0]?.code).toMatch(/^S93\.4/);
    expect(read.size).toBeLessThan(sharing.size / 10);
  });

  it('finds the hits scoring every text would find, in the same order and by the same texts', () => {
    const icd = codeSets().icd;
    for (const phrase of [
      'Sprain of right ankle',
      'Closed fracture of distal radius, left',
      'Laceration of left forearm',
      'Acute otitis media, left ear',
      'Type 2 diabetes mellitus with diabetic chronic kidney disease',
      'Migraine without aura',
      'Pressure ulcer of sacral region, stage 2',
    ]) {
      const q = buildQuery(phrase, true);
      // With a limit no search reaches, no score is ever the limit-th: every text is scored.
      const everyText = searchIcd(icd, q, { limit: 1_000_000 }).slice(0, 8);
      expect(searchIcd(icd, q, { limit: 8 }), phrase).toEqual(everyText);
    }
  });
});
