// Known osteoporosis stated only in the notes makes a low-energy fracture the osteoporosis's
// pathological fracture (M80, guideline I.C.13.d.1); coding/known-osteoporosis.ts. Our own records.
import { describe, expect, it } from 'vitest';
import { recordCoder, useCodeSets } from '../../testkit/coding-input.ts';
import { osteoporosisStatedInNotes } from '../../coding/known-osteoporosis.ts';
import { noteMentions } from '../../coding/context.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 81, sex: 'F' });
const codes = (notes: string, line: { description: string; code?: string }) => code(notes, [line]).diagnoses.map((d) => d.code);

describe('osteoporosis stated in the notes beside a fracture', () => {
  it('a wrist fracture after tripping on a rug, with osteoporosis in the history, is M80.0 of the forearm', () => {
    const notes =
      'Tripped on a rug at home and fell onto her left hand. History: osteoporosis on denosumab.\nXR: distal radius fracture, closed.\nA: L distal radius fx.';
    expect(codes(notes, { description: 'Left distal radius fracture', code: 'S52.502A' })).toEqual(['M80.032A']);
  });

  it('osteopenia is not osteoporosis: the traumatic code stays', () => {
    const notes = 'Tripped on a rug and fell onto her left hand. Osteopenia on last DEXA.\nA: L distal radius fx.';
    expect(codes(notes, { description: 'Left distal radius fracture', code: 'S52.502A' })).toEqual(['S52.502A']);
  });

  it('a screening for osteoporosis is no statement of it', () => {
    expect(osteoporosisStatedInNotes(noteMentions('Plan: DEXA to screen for osteoporosis.'))).toBeUndefined();
    expect(osteoporosisStatedInNotes(noteMentions('Steroid-induced osteoporosis, on alendronate.'))).toBe('M80.8');
  });

  it('a fall from a ladder keeps the traumatic fracture even with osteoporosis stated', () => {
    const notes = 'Fell from a ladder while cleaning gutters. Known osteoporosis.\nA: L distal radius fx.';
    expect(codes(notes, { description: 'Left distal radius fracture', code: 'S52.502A' })).toEqual(['S52.502A']);
  });
});
