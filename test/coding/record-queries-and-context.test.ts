// Queries a coder would send (conflicting details within the record, a fracture with no encounter
// type), laterality asked only where the tabular codes the side, chapter 15 first in a pregnancy,
// and word-family mistakes (metastases, "uncomplicated", elevated enzymes, ESRD with a stage).
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';
import { codedBySide } from '../../coding/laterality.ts';
import { routeFor } from '../../coding/pregnancy-chapter.ts';

const codeSets = useCodeSets();

const coded = (diagnoses: string[], notes = '', opts: { sex?: 'F' | 'M'; age?: number; pos?: string } = {}) =>
  codeEncounter(
    codingInput(
      { notes, diagnoses: described(diagnoses) },
      { ageYears: opts.age ?? 45, sex: opts.sex ?? 'F' },
      { placeOfService: opts.pos ?? '11' },
    ),
    codeSets(),
  );
const codes = (diagnoses: string[], notes = '', opts: { sex?: 'F' | 'M'; age?: number } = {}) =>
  coded(diagnoses, notes, opts).diagnoses.map((d) => d.code);

describe('conflicts inside the record', () => {
  it('type 2 on the diagnosis line, type 1 in the problem list: the type is asked', () => {
    const r = coded(['DM type II, controlled'], 'PMH: type 1 diabetes since childhood. On insulin pump.');
    expect(r.clarification?.reason).toMatch(/type of diabetes/);
    expect(r.clarification?.options).toContain('Type 1 diabetes mellitus');
    expect(r.straightThrough.eligible).toBe(false);
  });

  it('the answer settles it and the code follows the answer', () => {
    const first = coded(['DM type II, controlled'], 'PMH: type 1 diabetes since childhood.');
    const question = first.clarification?.question ?? '';
    const input = codingInput(
      { notes: 'PMH: type 1 diabetes since childhood.', diagnoses: [{ description: 'DM type II, controlled' }] },
      { ageYears: 45, sex: 'F' },
      { answers: [{ question, option: 'Type 1 diabetes mellitus' }] },
    );
    const r = codeEncounter(input, codeSets());
    expect(r.diagnoses[0]?.code.startsWith('E10')).toBe(true);
    expect(r.clarification).toBeUndefined();
  });

  it("a relative's type is not a conflict", () => {
    expect(coded(['Type 2 diabetes'], 'Her father has type 1 diabetes.').clarification).toBeUndefined();
  });

  it('two different CKD stages are asked; a stage 5 beside ESRD is coded N18.6 alone', () => {
    expect(coded(['Chronic kidney disease stage 2'], 'Nephrology letter: CKD stage 4.').clarification?.reason).toMatch(
      /stage of the chronic kidney disease/,
    );
    const c = coded(['End stage renal disease', 'Chronic kidney disease, stage 5']);
    expect(c.diagnoses.map((d) => d.code)).toEqual(['N18.6']);
    expect(c.clarification).toBeUndefined();
  });
});

describe('fracture without encounter type', () => {
  it('no injury event, no phase: the encounter type is asked', () => {
    const r = coded(['Fracture of left ulna shaft']);
    expect(r.clarification?.question).toMatch(/encounter type/);
  });

  it('a recent injury documented: initial encounter, nothing asked', () => {
    const r = coded(['Fracture of left ulna shaft'], 'Fell off a bicycle this afternoon onto the outstretched arm.');
    expect(r.diagnoses[0]?.code.endsWith('A')).toBe(true);
    expect(r.clarification?.question ?? '').not.toMatch(/encounter type/);
  });

  it('a sprain (no healing characters) is never asked for an encounter type', () => {
    expect(coded(['Sprain of left wrist']).clarification?.question ?? '').not.toMatch(/encounter type/);
  });
});

describe('laterality from the code set', () => {
  it('a code with no sided sibling is never asked for a side', () => {
    expect(codedBySide(codeSets().icd, 'H26.9')).toBe(false);
    expect(coded(['Senile cataract NOS'], '', { age: 80 }).clarification?.question ?? '').not.toMatch(/side/);
  });

  it('an unspecified-side code beside sided siblings is', () => {
    expect(codedBySide(codeSets().icd, 'G56.00')).toBe(true);
    expect(codedBySide(codeSets().icd, 'S52.501A')).toBe(true);
  });
});

describe('chapter 15 first in a pregnancy', () => {
  it('the tabular routes a chapter to its O99 subcategory ("Conditions in ...")', () => {
    expect(routeFor(codeSets().icd, 'D50.9')).toBe('O99.0');
    expect(routeFor(codeSets().icd, 'G40.909')).toBe('O99.35');
    expect(routeFor(codeSets().icd, 'T74.11XA')).toBe('O9A.3');
  });

  it('migraine in a pregnant patient: the O99.35 code by trimester, the migraine code after it', () => {
    const c = codes(['Migraine without aura'], 'Pregnant, 31 weeks by LMP.', { age: 29 });
    expect(c[0]).toBe('O99.353');
    expect(c[1]?.startsWith('G43.0')).toBe(true);
    expect(c).toContain('Z3A.31');
  });

  it('a condition the obstetric chapter names itself takes that code alone', () => {
    const c = codes(['Hemorrhoids'], 'Pregnant, 20 weeks gestation.', { age: 33 });
    expect(c[0]?.startsWith('O22.4')).toBe(true);
    expect(c.some((x) => x.startsWith('K64'))).toBe(false);
  });

  it('not when the physician calls the pregnancy incidental, nor after delivery', () => {
    expect(
      codes(['Acute otitis externa'], '12 weeks pregnant; the pregnancy is incidental to this visit.', { age: 24 })[0]?.startsWith('H60'),
    ).toBe(true);
    expect(codes(['Hypothyroidism'], 'Delivered two weeks ago, postpartum visit.', { age: 30 })).toContain('E03.9');
    expect(codes(['Acute bronchitis'], 'Not pregnant, LMP 2 wks ago.', { age: 30 })[0]?.startsWith('J20')).toBe(true);
  });
});

describe('word-family mistakes', () => {
  it('metastases are secondary neoplasms of the site; "metastatic breast cancer" stays the primary', () => {
    expect(codes(['Liver metastases'])[0]).toBe('C78.7');
    expect(codes(['Metastatic breast cancer, left'])[0]?.startsWith('C50')).toBe(true);
  });

  it('dependence without a documented complication is the uncomplicated code', () => {
    expect(codes(['Cannabis dependence'])[0]).toBe('F12.20');
  });

  it('elevated transaminases are an elevation of liver transaminase levels', () => {
    expect(codes(['Transaminases elevated'])[0]).toBe('R74.01');
  });
});
