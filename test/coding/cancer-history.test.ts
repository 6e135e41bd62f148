// History after completed cancer treatment (guideline I.C.2.d, I.C.21.c): Z08 with the Z85 history,
// the organ's acquired absence (Z90) and the therapy history (Z92.21 chemotherapy, Z92.3 radiation)
// the record states; a history of an organ's removal is its acquired absence. Examples written for
// this test (tuned on); wording is our own.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 67, sex: 'F' }, { sorted: true });

describe('after completed cancer treatment', () => {
  it('follow-up visit: Z08, the Z85 history, the absence and the chemotherapy history', () => {
    expect(
      codes(['Follow-up after completed treatment for breast cancer', 'History of right mastectomy', 'History of chemotherapy']),
    ).toEqual(['Z08', 'Z85.3', 'Z90.11', 'Z92.21']);
  });

  // The therapy history only from a diagnosis line (session 13: outside coders leave out a therapy the narrative tells).
  it('what the notes say the treatment was, when it is over: the absence, not the therapy history', () => {
    expect(
      codes(
        ['Surveillance after completed treatment of colon cancer'],
        'Status post hemicolectomy and adjuvant chemotherapy, completed last year.',
        { sex: 'M' },
      ),
    ).toEqual(['Z08', 'Z85.038', 'Z90.49']);
  });

  it('a history of cancer treated with radiation adds the radiation history', () => {
    expect(codes(['Personal history of prostate cancer treated with radiation'], '', { sex: 'M' })).toEqual(['Z85.46', 'Z92.3']);
  });

  it('therapy still under way is not a history', () => {
    expect(codes(['History of breast cancer'], 'Currently receiving radiation therapy.')).not.toContain('Z92.3');
  });

  it('a removal alone is the acquired absence, never another history code', () => {
    expect(codes(['History of prostatectomy'], '', { sex: 'M' })).toEqual(['Z90.79']);
    expect(codes(['S/p splenectomy'])).toEqual(['Z90.81']);
  });
});
