// A breast malignancy of unstated site and side takes both from the statement that places it in a
// quadrant (coding/breast-site.ts): the side written before the breast itself, never a side read from
// another word of the statement ("adjuvant RT" is radiotherapy). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 58, sex: 'F' });

describe('the side of a breast malignancy from the statement placing it', () => {
  it('"R breast ca, lower inner quadrant, s/p adjuvant RT" is the right lower-inner quadrant', () => {
    const r = code(
      '58F R breast ca, lower inner quadrant, s/p lumpectomy and adjuvant RT 2025.\nA/P: Breast cancer on letrozole - continue.',
      [{ description: 'Breast cancer' }],
    );
    expect(diagnosisCodes(r)).toContain('C50.311');
  });

  it('"L breast" read with a radiotherapy "RT" beside it is still the left breast', () => {
    const r = code(
      '58F L breast ca, upper outer quadrant, s/p lumpectomy and adjuvant RT 2025.\nA/P: Breast cancer on letrozole - continue.',
      [{ description: 'Breast cancer' }],
    );
    expect(diagnosisCodes(r)).toContain('C50.412');
  });

  it('a statement naming both breasts gives no side', () => {
    const r = code(
      '58F breast ca, upper outer quadrant; L breast and R breast imaging clear otherwise.\nA/P: Breast cancer on anastrozole.',
      [{ description: 'Breast cancer' }],
    );
    expect(diagnosisCodes(r).some((c) => c === 'C50.411' || c === 'C50.412')).toBe(false);
  });

  it('"completed RT 2025" is radiotherapy, not a right side making the cancer bilateral', () => {
    const r = code('58F L breast ca, upper outer quadrant, completed RT 2025.\nA/P: Breast cancer on anastrozole - continue.', [
      { description: 'Breast cancer' },
    ]);
    expect(diagnosisCodes(r)).toContain('C50.412');
    expect(diagnosisCodes(r).some((c) => c.startsWith('C56'))).toBe(false);
  });

  it('"RT knee" is still the right knee', () => {
    const r = code('RT knee pain x 2 wk after a twist.\nA/P: RT knee pain - ice, NSAID.', [{ description: 'RT knee pain' }]);
    expect(diagnosisCodes(r)).toContain('M25.561');
  });

  it('a record naming the other breast elsewhere keeps the side unspecified', () => {
    const r = code(
      's/p R breast lumpectomy 2024 for IDC UOQ, ER+.\nExam: L breast lumpectomy scar healed.\nA: breast ca UOQ, ER+, on anastrozole.',
      [{ description: 'Breast cancer' }],
    );
    expect(diagnosisCodes(r)).not.toContain('C50.411');
    expect(diagnosisCodes(r)).not.toContain('C50.412');
  });
});
