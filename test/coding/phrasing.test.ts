// How physicians write: negated qualifiers inside a diagnosis, short forms, roman numerals,
// single-letter sides, burn depth. Wording is our own.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const run = (diagnoses: string[], notes = '', patient: { ageYears: number; sex: 'F' | 'M' } = { ageYears: 47, sex: 'F' }) =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, patient), codeSets());
const codes = (diagnoses: string[], notes = '') => run(diagnoses, notes).diagnoses.map((d) => d.code);

describe('a qualifier the physician negates inside the diagnosis', () => {
  it('"without" picks the sibling that rules the finding out', () => {
    expect(codes(['Reflux disease (GERD) without any esophagitis'])).toEqual(['K21.9']);
  });

  it('"w/o" and ", no ..." work like "without"', () => {
    expect(codes(['Common migraine w/o aura'])).toEqual(['G43.009']);
    expect(codes(['Migraine headache, no aura'])).toEqual(['G43.009']);
  });

  it('the "with" code still wins when the qualifier is affirmed', () => {
    expect(codes(['Migraine with visual aura'])).toEqual(['G43.109']);
  });

  it('a negated word that no title mentions does not weaken the match', () => {
    expect(codes(['Chest pain, no MI'])).toEqual(['R07.9']);
  });
});

describe('short forms and alternate spellings', () => {
  it('AECOPD and COPD flares are acute exacerbations', () => {
    expect(codes(['AECOPD'])).toEqual(['J44.1']);
    expect(codes(['COPD flare up, increased sputum'])).toEqual(['J44.1']);
  });

  it('CKD stages in roman numerals or without the word "stage" need no stage query', () => {
    const iv = run(['Chronic kidney disease stage IV']);
    expect(iv.diagnoses.map((d) => d.code)).toEqual(['N18.4']);
    expect(iv.clarification).toBeUndefined();
    const b = run(['CKD 3b']);
    expect(b.diagnoses.map((d) => d.code)).toEqual(['N18.32']);
    expect(b.clarification).toBeUndefined();
  });

  it('GDM is gestational diabetes, in pregnancy', () => {
    expect(codes(['GDM'], 'G2P1 at 30 weeks gestation.')).toEqual(expect.arrayContaining(['O24.419']));
  });

  it('burn depth written as 2nd degree or partial thickness', () => {
    expect(codes(['2nd-degree burn, R hand'])[0]).toBe('T23.201A');
    expect(codes(['Partial thickness burn of left forearm'])).toEqual(['T22.212A']);
  });

  it('ligament abbreviations name the ligament', () => {
    expect(codes(['Right ankle sprain of the ATFL'])).toEqual(['S93.491A']);
  });

  it('a single-letter side before a body site', () => {
    expect(codes(['L knee pain'])).toEqual(['M25.562']);
    expect(codes(['Pain in knee (R)'])).toEqual(['M25.561']);
  });

  it('purulent otitis media is suppurative, with its side', () => {
    expect(codes(['Acute purulent otitis media of the left ear'])).toEqual(['H66.002']);
  });
});
