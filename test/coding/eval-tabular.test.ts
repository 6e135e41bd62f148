import { beforeAll, describe, expect, it } from 'vitest';
import { isBillable, type Icd10Cm } from '../../coding/icd10cm.ts';
import { loadCodeSets } from '../../coding/index.ts';
import { seededRandom } from '../../sandbox/shared/prng.ts';
import { drawPhrases, phraseEncounter, tabularPool, type TabularPool } from '../../scripts/eval-tabular.ts';

let icd: Icd10Cm;
let pool: TabularPool;
beforeAll(async () => {
  icd = (await loadCodeSets()).icd;
  pool = tabularPool(icd);
});

describe('tabular inclusion-term pool', () => {
  it('labels every term with a billable code, never an external cause or a tabular instruction', () => {
    expect(pool.phrases.length).toBeGreaterThan(5000);
    expect(pool.phrases.filter((p) => !isBillable(icd, p.label))).toEqual([]);
    expect(pool.phrases.some((p) => p.chapter === 'CH20')).toBe(false);
    expect(pool.phrases.some((p) => /\bcode\b/i.test(p.term))).toBe(false);
    expect(pool.excluded['external-cause']).toBeGreaterThan(0);
    expect(pool.excluded.instruction).toBeGreaterThan(0);
  });

  it('takes a term under a billable code with that code, and leaves out terms under a plain header', () => {
    // "Clostridioides difficile colitis" is listed under A04.7 (a header of A04.71/A04.72).
    expect(pool.phrases.find((p) => p.term === 'Clostridioides difficile colitis')).toBeUndefined();
    expect(pool.phrases.find((p) => p.term === 'Roseola infantum')).toBeUndefined(); // B08.2 is a header too
    const u07 = pool.phrases.find((p) => p.term === 'Electronic cigarette related lung injury');
    expect(u07).toMatchObject({ label: 'U07.0', listedUnder: 'U07.0', seventhCharacter: false });
    expect(pool.excluded.header).toBeGreaterThan(0);
  });

  it('labels an injury family with its initial encounter and leaves out 7th characters that are not the encounter', () => {
    const injury = pool.phrases.find((p) => p.term === 'Complete transection of inferior mesenteric artery');
    expect(injury).toMatchObject({ listedUnder: 'S35.232', label: 'S35.232A', seventhCharacter: true });
    // Coma scale (time of the score) and fetus characters cannot be carried by a phrase.
    expect(pool.phrases.some((p) => p.listedUnder === 'R40.211')).toBe(false);
    expect(pool.phrases.some((p) => p.listedUnder === 'O32.1')).toBe(false);
    expect(pool.excluded['seventh-character-not-encounter']).toBeGreaterThan(0);
  });
});

describe('seeded draw', () => {
  it('is reproducible for a seed, differs between seeds, and holds no phrase twice', () => {
    const a = drawPhrases(pool.phrases, 300, 1);
    const again = drawPhrases(pool.phrases, 300, 1);
    const b = drawPhrases(pool.phrases, 300, 2);
    expect(a).toEqual(again);
    expect(a).toHaveLength(300);
    expect(new Set(a.map((p) => p.term)).size).toBe(300);
    const overlap = b.filter((p) => a.includes(p)).length;
    expect(overlap).toBeLessThan(30);
  });

  it('gives each chapter a share proportional to its eligible terms', () => {
    const drawn = drawPhrases(pool.phrases, 300, 7);
    const count = (list: typeof drawn, chapter: string) => list.filter((p) => p.chapter === chapter).length;
    for (const chapter of new Set(pool.phrases.map((p) => p.chapter))) {
      const expected = (count(pool.phrases, chapter) * 300) / pool.phrases.length;
      expect(Math.abs(count(drawn, chapter) - expected), chapter).toBeLessThan(1);
    }
  });
});

describe('phrase encounter', () => {
  const phrase = (label: string) => {
    const p = pool.phrases.find((x) => x.label === label);
    if (!p) throw new Error(`no phrase labelled ${label}`);
    return p;
  };

  it('codes the phrase alone and expects its label with no query', () => {
    const e = phraseEncounter(icd, phrase('U07.0'), seededRandom(1), 0);
    expect(e.dx).toEqual([phrase('U07.0').term]);
    expect(e.expect).toEqual({ dx: ['U07.0'], query: false });
    expect(e.age).toBeGreaterThanOrEqual(18);
  });

  it('makes the patient fit the code: pregnant woman, newborn, the sex of the category', () => {
    const pregnancy = pool.phrases.find((p) => p.label.startsWith('O') && !p.seventhCharacter);
    const newborn = pool.phrases.find((p) => p.label.startsWith('P'));
    const male = pool.phrases.find((p) => p.label.startsWith('N40'));
    expect(pregnancy && newborn && male).toBeTruthy();
    const o = phraseEncounter(icd, pregnancy!, seededRandom(3), 1);
    expect(o).toMatchObject({ sex: 'F' });
    expect(o.notes).toMatch(/pregnant|postpartum/i);
    expect(o.age).toBeGreaterThanOrEqual(12);
    expect(phraseEncounter(icd, newborn!, seededRandom(3), 2).age).toBe(0);
    expect(phraseEncounter(icd, male!, seededRandom(3), 3).sex).toBe('M');
  });

  it('documents the initial encounter for a 7th-character label', () => {
    const injury = pool.phrases.find((p) => p.label === 'S35.232A');
    const e = phraseEncounter(icd, injury!, seededRandom(1), 4);
    expect(e.notes).toMatch(/initial encounter/i);
  });
});
