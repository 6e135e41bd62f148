// A code's family is checked for a valued sibling (fragile-choices.ts) over its whole block: an injury
// block holds thousands of 7th-character codes. Their words are read as their parent's and their
// suffix's, each once, never from each title whole; the work is counted by what is shared, never timed.
import { describe, expect, it } from 'vitest';
import type { CodedDiagnosis } from '../../domain/coding.ts';
import { unspecifiedAxisMember } from '../../coding/fragile-choices.ts';
import { RecentlyRead } from '../../coding/memo.ts';
import { expandWithGroups } from '../../coding/text.ts';
import { titleConditionParts, titleConditionWords } from '../../coding/title-facts.ts';
import { useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

describe("the words of a 7th-character code's title", () => {
  it("are its parent's words and its suffix's, each set read once and shared", () => {
    const icd = codeSets().icd;
    const at = (code: string) => icd.byCode.get(code) as number;
    const [parent, suffix] = titleConditionParts(icd, at('S93.401A'));
    expect(parent).toBe(titleConditionWords(icd, at('S93.401')));
    // Every initial encounter of the code set shares one set of the suffix's words.
    expect(titleConditionParts(icd, at('S51.812A'))[1]).toBe(suffix);
    expect([...(suffix ?? [])].sort()).toEqual(['encounter', 'initial']);
  });

  it('are the words of the title read whole', () => {
    const icd = codeSets().icd;
    for (const code of ['S93.401A', 'S52.502D', 'S82.101K', 'T23.051A', 'S06.0X1S', 'M80.08XA', 'O36.5930', 'H40.1131']) {
      const entry = icd.byCode.get(code) as number;
      const union = new Set(titleConditionParts(icd, entry).flatMap((words) => [...words]));
      expect([...union].sort(), code).toEqual([...titleConditionWords(icd, entry)].sort());
    }
  });

  it('still tell an unspecified member of a valued family from a code with no valued sibling', () => {
    const icd = codeSets().icd;
    const coded = (code: string) =>
      [{ code, description: icd.entries[icd.byCode.get(code) as number]?.description ?? '' }] as unknown as CodedDiagnosis[];
    expect(unspecifiedAxisMember(icd, coded('I48.91'))).toBe(true);
    expect(unspecifiedAxisMember(icd, coded('S93.401A'))).toBe(false);
  });
});

describe('what the reader remembers of texts', () => {
  it('keeps a text read again within the bound, however many others are read meanwhile', () => {
    const computed: string[] = [];
    const memo = new RecentlyRead<string>(3);
    const read = (key: string) => memo.read(key, (k) => (computed.push(k), k.toUpperCase()));
    read('record phrase');
    for (const title of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      read(title);
      read('record phrase');
    }
    expect(computed.filter((k) => k === 'record phrase')).toHaveLength(1);
    // At most two generations of three: a title not read again is read anew once it is forgotten.
    read('a');
    expect(computed.filter((k) => k === 'a')).toHaveLength(2);
  });

  it("keeps a record's phrase expanded while thousands of titles are expanded between its readings", () => {
    const phrase = 'L knee pain, s/p TKA';
    const first = expandWithGroups(phrase);
    for (let i = 0; i < 25_000; i++) {
      expandWithGroups(`title ${i}`);
      if (i % 4_000 === 0) expect(expandWithGroups(phrase)).toBe(first);
    }
    expect(expandWithGroups(phrase)).toBe(first);
  });
});
