// A diagnosis written in the tabular's own wording (a billable code's title or an inclusion term
// listed under it) is that code, with nothing to ask that the wording settles. Phrases from the
// ICD-10-CM tabular (the evaluation scripts/eval-tabular.ts draws them the same way; tuned on).
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { tabularWordingCategory, tabularWordingEntry } from '../../coding/tabular-wording.ts';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const named = (phrase: string) => {
  const icd = codeSets().icd;
  const entry = tabularWordingEntry(icd, phrase);
  return entry === undefined ? undefined : icd.entries[entry]?.code;
};
const coded = (
  diagnosis: string,
  notes = '',
  sex: 'M' | 'F' = 'M',
  ageYears = 58,
  answers: Array<{ question: string; option: string }> = [],
) => codeEncounter(codingInput({ notes, diagnoses: described([diagnosis]) }, { ageYears, sex }, { answers }), codeSets());

describe('the code a phrase names in the tabular wording', () => {
  it('finds a title or an inclusion term whatever the case, punctuation and word order', () => {
    expect(named('Stable angina')).toBe('I20.89');
    expect(named('ANGINA, STABLE')).toBe('I20.89');
    expect(named('Essential (primary) hypertension')).toBe('I10');
  });

  it('takes the parenthesized words of the tabular as optional, and a trailing remark of the record', () => {
    expect(named('Acute coronary occlusion not resulting in myocardial infarction')).toBe('I24.0');
    expect(named('Acute coronary artery occlusion not resulting in myocardial infarction')).toBe('I24.0');
    expect(named('Type 2 diabetes mellitus without complications (HCC)')).toBe('E11.9');
  });

  it('keeps NOS a word: a bare term is not its NOS inclusion term', () => {
    expect(named('Asthma NOS')).toBe('J45.909');
    expect(named('Asthma')).toBeUndefined();
  });

  it('names the leaf of a 7th-character family, with or without the character written out', () => {
    expect(named('Traumatic rupture of inferior mesenteric artery')).toBe('S35.232');
    expect(named('Complete transection of inferior mesenteric artery, subsequent encounter')).toBe('S35.232');
  });

  it('names nothing for a header, an Includes note or extra words', () => {
    expect(named('Typhoid fever')).toBeUndefined(); // A01.0 is a header (A01.00-A01.09)
    expect(named('Stable angina pectoris with anemia')).toBeUndefined();
  });
});

describe('coding a phrase in the tabular wording', () => {
  it('codes the named code where a word search would take another family, and asks nothing', () => {
    const angina = coded('Stable angina', '', 'M', 61);
    expect(angina.diagnoses.map((d) => d.code)).toEqual(['I20.89']);
    expect(angina.clarification).toBeUndefined();
    expect(coded('Sotos syndrome', '', 'F', 9).diagnoses.map((d) => d.code)).toEqual(['Q87.3']);
    expect(coded('Melanocytic nevi of perianal skin').diagnoses.map((d) => d.code)).toEqual(['D22.5']);
  });

  it('does not ask the type of diabetes that the wording names, nor hold its word matches as competing', () => {
    const r = coded('Other specified diabetes mellitus with diabetic necrobiosis lipoidica', '', 'F', 50);
    expect(r.diagnoses.map((d) => d.code)).toEqual(['E13.620']);
    expect(r.clarification).toBeUndefined();
    expect(r.straightThrough.reasons).not.toContain('competing-families');
  });

  it('an injury in its tabular wording is an injury (corrosion), at the encounter the record states', () => {
    expect(coded('Corrosion of first degree of anus', 'Initial encounter.').diagnoses.map((d) => d.code)).toEqual(['T21.55XA']);
    expect(coded('Complete transection of inferior mesenteric artery, subsequent encounter').diagnoses.map((d) => d.code)).toEqual([
      'S35.232D',
    ]);
  });

  it('still asks the encounter type of a fracture the record gives none for, and applies the answer', () => {
    const phrase = 'Pathological fracture in neoplastic disease, vertebrae';
    const asked = coded(phrase, '', 'F', 70);
    expect(asked.diagnoses.map((d) => d.code)).toEqual(['M84.58XA']);
    expect(asked.clarification?.reason).toMatch(/encounter type/);
    const question = asked.clarification?.question ?? '';
    const answered = coded(phrase, '', 'F', 70, [{ question, option: 'Subsequent encounter (routine healing)' }]);
    expect(answered.diagnoses.map((d) => d.code)).toEqual(['M84.58XD']);
    expect(answered.clarification).toBeUndefined();
    // A record that states the initial encounter needs no question.
    expect(coded(phrase, 'Initial encounter for active treatment.', 'F', 70).clarification).toBeUndefined();
  });

  it('codes a line whose negation is the tabular wording of a code, and still leaves out other negated lines', () => {
    expect(coded('No general equivalence degree (GED)', '', 'F', 30).diagnoses.map((d) => d.code)).toEqual(['Z55.5']);
    expect(coded('No chest pain', '', 'F', 30).diagnoses).toEqual([]);
  });

  it('leaves a bare term to the search and its questions', () => {
    const asthma = coded('Asthma', '', 'F', 30);
    expect(asthma.diagnoses.map((d) => d.code)).toEqual(['J45.909']);
    expect(asthma.clarification?.reason).toMatch(/severity/);
    expect(coded('Asthma NOS', '', 'F', 30).clarification).toBeUndefined();
  });

  it('a side the record adds elsewhere goes to the search (the wording does not decide it)', () => {
    const r = coded('Pain in knee', 'Left knee pain for a week.');
    expect(r.diagnoses.map((d) => d.code)).toEqual(['M25.562']);
  });
});

describe('a phrase in the tabular wording of a category', () => {
  it('names the category (a header whose codes add an axis), not a code', () => {
    const icd = codeSets().icd;
    expect(tabularWordingCategory(icd, "Kahler's disease")).toBe('C90.0');
    expect(tabularWordingCategory(icd, 'Myelomatosis')).toBe('C90.0');
    expect(tabularWordingCategory(icd, 'Stable angina')).toBeUndefined();
    expect(named("Kahler's disease")).toBeUndefined();
  });

  it('is coded inside that category even without a word a search would need (a neoplasm word)', () => {
    expect(coded("Kahler's disease").diagnoses.map((d) => d.code)).toEqual(['C90.00']);
    expect(coded('Myelomatosis').diagnoses.map((d) => d.code)).toEqual(['C90.00']);
    expect(coded('Cavernous nevus').diagnoses.map((d) => d.code.slice(0, 5))).toEqual(['D18.0']);
  });

  it('still asks the side the category is coded by', () => {
    const r = coded('Vitreous detachment', '', 'F', 66);
    expect(r.diagnoses.map((d) => d.code)).toEqual(['H43.819']);
    expect(r.clarification?.reason).toMatch(/coded by side/);
  });
});
