// The resistance the physician states of a coded infection follows it (guideline I.C.1.c, Z16.-);
// a culture's susceptibility panel alone, or a code that already names the resistance, adds none.
// Records written for this test.
import { describe, expect, it } from 'vitest';
import { statedResistance } from '../../coding/drug-resistance.ts';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 34, sex: 'F' });

describe('resistance the physician states', () => {
  it('on the diagnosis line or in the assessment, after the infection and its organism', () => {
    expect(codes(['Acute cystitis, E. coli, resistant to ciprofloxacin'], 'Switch to nitrofurantoin.')).toEqual([
      'N30.00',
      'B96.20',
      'Z16.23',
    ]);
    expect(codes(['Acute cystitis due to E. coli'], 'A/P: cystitis, E coli, FQ-resistant - stop cipro, start nitrofurantoin.')).toContain(
      'Z16.23',
    );
    expect(codes(['UTI due to ESBL E. coli'], 'A/P: ESBL UTI, ertapenem via home infusion.')).toEqual(['N39.0', 'B96.20', 'Z16.12']);
  });

  it('two classes of antibiotic are multiple antibiotics; one class named twice is one', () => {
    expect(statedResistance(['E. coli resistant to ciprofloxacin and TMP-SMX'])).toEqual(['Z16.24']);
    expect(statedResistance(['R to ciprofloxacin/levofloxacin'])).toEqual(['Z16.23']);
  });
});

describe('no resistance code', () => {
  it('from a culture report the assessment does not state', () => {
    const notes =
      'Urine culture: >100,000 E. coli, resistant to ampicillin, sensitive to nitrofurantoin.\nA/P: acute cystitis, E. coli. Nitrofurantoin x5d.';
    expect(codes(['Acute cystitis due to E. coli'], notes).some((c) => c.startsWith('Z16'))).toBe(false);
  });

  it('beside a code that names the resistance, or when the record denies it', () => {
    expect(codes(['Cellulitis of left leg due to MRSA'], 'A/P: MRSA cellulitis, resistant to oxacillin. Doxycycline.')).not.toContain(
      'Z16.11',
    );
    expect(statedResistance(['E. coli, not resistant to ciprofloxacin'])).toEqual([]);
    expect(statedResistance(['non-ESBL E. coli'])).toEqual([]);
  });

  it('without a coded infection', () => {
    expect(codes(['Dysuria'], 'A/P: dysuria; prior E. coli resistant to ciprofloxacin last year. UA today negative.')).toEqual(['R30.0']);
  });
});
