// Influenza coded J10 (virus identified) beside a negative test with nothing identifying the virus
// (coding/influenza.ts influenzaVirusNotIdentified). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coder = recordCoder(codeSets, { ageYears: 33, sex: 'M' });
const fluA = [{ description: 'Influenza A', code: 'J10.1' }];

describe('a negative test and a clinical diagnosis', () => {
  it('is J11 (virus not identified), even when someone else had a typed influenza', () => {
    const r = coder(
      'Walk-in. Fever 39.1, myalgia, cough x1 day. Roommate tested positive for flu B on Monday.\nRapid flu antigen today: negative for A and B.\nA/P: Influenza, clinical diagnosis despite the negative swab. Oseltamivir.',
      fluA,
    );
    expect(diagnosisCodes(r)).toContain('J11.1');
    expect(diagnosisCodes(r)).not.toContain('J10.1');
  });
});

describe('the virus identified', () => {
  it('keeps J10 when a test is positive or the physician names the type', () => {
    for (const notes of [
      'Fever, cough. Rapid antigen: influenza A positive, influenza B negative.\nA/P: Influenza A. Oseltamivir.',
      'Fever, cough. Rapid flu swab negative; PCR sent, resulted today: influenza B detected.\nA/P: Influenza B, oseltamivir.',
      'Fever, cough. Rapid flu test negative at urgent care yesterday.\nA/P: Influenza A per hospital lab PCR.',
    ]) {
      expect(diagnosisCodes(coder(notes, fluA))).not.toContain('J11.1');
    }
  });

  it('keeps J10 when no test was negative', () => {
    expect(diagnosisCodes(coder('Fever, cough, myalgia.\nA/P: Influenza A - oseltamivir.', fluA))).toContain('J10.1');
  });
});
