// A skin infection at a recent procedure's site, the link unstated, is asked; a yes puts the
// surgical site infection first (coding/procedure-site-infection.ts). Our own records.
import { describe, expect, it } from 'vitest';
import { LINKED_OPTION } from '../../coding/procedure-site-infection.ts';
import { recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 52, sex: 'F' });
const line = [{ description: 'Cellulitis of left upper arm', code: 'L03.114' }];
const notes =
  'Cyst excised from L upper arm 8 days ago at another clinic. Two days of spreading redness.\nExam: 5 cm erythema and warmth surrounding the incision, no fluctuance.\nA: cellulitis L arm. Doxycycline.';

describe('an infection at a recent procedure site', () => {
  it('is asked, the infection coded as documented until answered', () => {
    const result = code(notes, line);
    expect(result.clarification?.question).toMatch(/due to the procedure/);
    expect(result.diagnoses.map((d) => d.code)).toEqual(['L03.114']);
  });

  it('a yes puts T81.41XA first', () => {
    const question = code(notes, line).clarification?.question ?? '';
    const answered = code(notes, line, [{ question, option: LINKED_OPTION }]);
    expect(answered.diagnoses.map((d) => d.code)).toEqual(['T81.41XA', 'L03.114']);
  });

  it('no procedure told, or the link already stated: nothing asked', () => {
    const noProcedure =
      'Two days of spreading redness after a scrape.\nExam: 5 cm erythema and warmth, no fluctuance.\nA: cellulitis L arm.';
    expect(code(noProcedure, line).clarification).toBeUndefined();
    const linked = notes.replace('A: cellulitis L arm', 'A: post-op wound infection, cellulitis L arm');
    expect(code(linked, line).clarification?.question ?? '').not.toMatch(/due to the procedure/);
  });
});
