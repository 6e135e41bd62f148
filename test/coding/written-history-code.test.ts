// A personal history or status code (Z86-Z87, Z92-Z99) written on a "history of" / "s/p" line is the
// physician's code for it (coding/context.ts writtenFor). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = recordCoder(codeSets, { ageYears: 48, sex: 'F' });
const NOTE =
  'PMH: PE 2021, treated 6 months; RYGB 2020.\nA/P:\n1. History of PE, treatment complete - no anticoagulation now.\n2. Bariatric surgery status - continue B12 and multivitamin.\n3. Vitamin D deficiency - start D3.';

describe('a written history or status code on a history line', () => {
  it('kept as written (the line and its code both say history)', () => {
    const r = coded(NOTE, [
      { description: 'History of PE', code: 'Z86.711' },
      { description: 's/p gastric bypass', code: 'Z98.84' },
      { description: 'Vitamin D deficiency', code: 'E55.9' },
    ]);
    expect(diagnosisCodes(r)).toEqual(expect.arrayContaining(['Z86.711', 'Z98.84', 'E55.9']));
  });

  it('a condition code written on a history line is not taken as written', () => {
    const r = coded(NOTE, [{ description: 'History of PE', code: 'I26.99' }]);
    expect(diagnosisCodes(r)).not.toContain('I26.99');
  });
});
