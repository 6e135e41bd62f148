// An intracranial injury of unknown consciousness status whose assessment states no loss takes the
// "without" character (coding/consciousness-none.ts). Our own records.
import { describe, expect, it } from 'vitest';
import { recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 17, sex: 'F' });
const codes = (notes: string) => code(notes, [{ description: 'Concussion' }]).diagnoses.map((d) => d.code);

describe('a concussion whose assessment states no loss of consciousness', () => {
  it('is coded without loss of consciousness', () => {
    expect(codes('Hit head on the floor in volleyball. Headache since.\nAssessment: concussion, no LOC.')).toEqual(['S06.0X0A']);
  });

  it('a loss stated elsewhere is not settled here (asked by the conflict step)', () => {
    expect(codes('Teammates say she was knocked out for a few seconds.\nAssessment: concussion, no LOC.')).not.toContain('S06.0X0A');
  });

  it('nothing said of consciousness keeps status unknown', () => {
    expect(codes('Hit head on the floor in volleyball. Headache since.\nAssessment: concussion.')).toEqual(['S06.0XAA']);
  });
});
