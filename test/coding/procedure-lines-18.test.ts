// Procedure lines read the way a biller reads them: what was not rendered today, what an
// administration line administers, a drug line's code and units, a visit line without the status.
import { describe, expect, it } from 'vitest';
import type { DocumentedProcedure } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { notRenderedToday } from '../../coding/procedure-lines.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const lines = (descriptions: string[]): DocumentedProcedure[] => descriptions.map((description) => ({ description }));
const coded = (procedures: DocumentedProcedure[], notes = 'Seen today for a cough.', ageYears = 50) =>
  codeEncounter(codingInput({ notes, diagnoses: [{ description: 'Acute bronchitis' }], procedures }, { ageYears, sex: 'M' }), codeSets());
const codes = (procedures: DocumentedProcedure[], notes?: string, ageYears?: number) =>
  coded(procedures, notes, ageYears).procedures.map((p) => p.code);

describe('a service only ordered is not billed today', () => {
  it('reads the status at either end of the line, not a word inside it', () => {
    expect(notRenderedToday('DEXA - ordered')).toBe(true);
    expect(notRenderedToday('polysomnography ordered')).toBe(true);
    expect(notRenderedToday('Lipid panel and A1c - scheduled for next week')).toBe(true);
    expect(notRenderedToday('Ordered: MRI lumbar spine')).toBe(true);
    expect(notRenderedToday('Venipuncture for ordered labs')).toBe(false);
    expect(notRenderedToday('Chest x-ray two views')).toBe(false);
  });

  it('gets no code, and a code the physician wrote on it goes to a coder', () => {
    expect(codes(lines(['Office visit est pt low', 'Sleep study ordered']))).toEqual(['99213']);
    const r = coded([{ description: 'Office visit est pt low' }, { description: 'MRI brain - scheduled', code: '70551' }]);
    expect(r.procedures.map((p) => p.code)).toEqual(['99213']);
    expect(r.edits).toContainEqual(expect.objectContaining({ rule: 'NOT_RENDERED', codes: ['70551'] }));
  });
});

describe('an administration line is the administration of what the visit gave', () => {
  it('a drug given: the therapeutic injection, not a vaccine administration', () => {
    expect(codes(lines(['Ceftriaxone 1 g IM', 'IM injection administration']))).toEqual(['J0696', '96372']);
    expect(codes(lines(['IM injection administration', 'dexamethasone 10 mg injection']))).toEqual(['96372', 'J1100']);
  });

  it('a vaccine given: 90471, and Medicare influenza administration G0008 only where Medicare is named', () => {
    expect(codes(lines(['Influenza vaccine quadrivalent PF IM', 'Vaccine admin']), 'Flu shot today.', 52)).toEqual(['90686', '90471']);
    expect(codes(lines(['Influenza vaccine PF IM', 'flu vaccine administration, Medicare']), 'Flu shot today.', 70)).toEqual([
      '90686',
      'G0008',
    ]);
    expect(codes(lines(['Influenza vaccine PF IM', 'vaccine administration']), 'Medicare beneficiary here for her flu shot.', 70)).toEqual([
      '90686',
      'G0008',
    ]);
  });

  it('a line naming its product is that product, even when it says administered (its administration follows from it)', () => {
    expect(codes(lines(['Influenza vaccine quadrivalent PF IM administered']), 'Flu shot today.')).toEqual(['90686', '90471']);
  });
});

describe('a drug line takes the drug code its drug names, in that code’s units', () => {
  it('counts the dose in the units the code is billed in', () => {
    const r = coded(lines(['Ceftriaxone 1 g IM', 'ketorolac 30 mg IM', 'dexamethasone 10 mg']));
    expect(r.procedures.map((p) => [p.code, p.units])).toEqual([
      ['J0696', 4],
      ['J1885', 2],
      ['J1100', 10],
    ]);
  });

  it('units the line gives stand', () => {
    const r = coded([{ description: 'Ceftriaxone 500 mg IM', units: 3 }]);
    expect(r.procedures.map((p) => [p.code, p.units])).toEqual([['J0696', 3]]);
  });
});

describe('a visit line giving the level and no status', () => {
  it('is established unless the note says the patient is new', () => {
    expect(codes(lines(['Office visit, moderate MDM']), 'Follow-up of bronchitis.')).toEqual(['99214']);
    expect(codes(lines(['UC visit moderate']), 'Cough for 3 days.')).toEqual(['99214']);
    expect(codes(lines(['Office visit, moderate MDM']), 'New patient here to establish care.')).toEqual(['99204']);
  });
});
