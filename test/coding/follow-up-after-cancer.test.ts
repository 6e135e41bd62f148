// Follow-up after completed cancer treatment (Z08, guideline I.C.21.c.8) and the history it comes with
// (Z85, I.C.2.d): a malignancy line the visit states as over - by its own "NED", by the visit's
// finding of no disease left, with a billing footer only restating the line - is history; therapy a
// statement ends ("completed and stopped") is not current; a lumpectomy leaves the breast.
// Records written for this test.
import { describe, expect, it } from 'vitest';
import { CLASS_PATTERNS } from '../../coding/drug-classes.ts';
import { takenNow } from '../../coding/long-term-drugs.ts';
import { removedOrganText } from '../../coding/ranking.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
/** The codes for diagnosis lines written with their codes, as a claim carries them. */
const codes = (diagnoses: Array<{ description: string; code: string }>, notes: string): string[] =>
  codeEncounter(codingInput({ notes, diagnoses }, { ageYears: 66, sex: 'F' }), codeSets()).diagnoses.map((d) => d.code);

describe('a malignancy line the visit states as over', () => {
  it('the line’s own "NED" beside a history of resection', () => {
    const notes =
      'Oncology surveillance. Rectosigmoid adenocarcinoma s/p low anterior resection 2020, no adjuvant therapy. CEA normal today.';
    expect(codes([{ description: 'Rectosigmoid cancer - NED', code: 'C19' }], notes)).toContain('Z08');
  });

  it('the visit’s finding of no recurrence, every statement of the cancer being history', () => {
    const notes =
      'Surveillance visit.\nLLL adenocarcinoma s/p lobectomy 2022, no chemotherapy.\nNo evidence of recurrence on today’s CT chest.';
    const got = codes([{ description: 'Lung cancer LLL', code: 'C34.32' }], notes);
    expect(got[0]).toBe('Z08');
    expect(got.some((c) => c.startsWith('C34'))).toBe(false);
  });

  it('a "Dx:" footer restating the line is not a statement of current disease', () => {
    const notes =
      'A/P:\n1. Hx ascending colon CA, completed treatment 2023 - NED on surveillance. CEA every 6 months.\n\nDx: Ascending colon cancer (C18.2)';
    expect(codes([{ description: 'Ascending colon cancer', code: 'C18.2' }], notes)).toContain('Z08');
  });

  it('not while treatment is still given, nor when nothing says the disease is gone', () => {
    const treated = 'Surveillance.\nBreast cancer s/p lumpectomy 2023.\nNo evidence of recurrence. Continues on adjuvant letrozole.';
    expect(codes([{ description: 'Left breast cancer', code: 'C50.912' }], treated)).not.toContain('Z08');
    const instilled = 'Urology. Bladder cancer s/p TURBT 2024, now on maintenance BCG. No recurrence on cystoscopy today.';
    expect(codes([{ description: 'h/o bladder cancer', code: 'Z85.51' }], instilled)).not.toContain('Z08');
    const silent = 'Oncology visit.\nLLL adenocarcinoma s/p lobectomy 2022.\nCT chest ordered.';
    expect(codes([{ description: 'Lung cancer LLL', code: 'C34.32' }], silent)).not.toContain('Z08');
  });
});

describe('what the treatment left', () => {
  it('a drug its statement says was completed and stopped is not taken now', () => {
    const found = CLASS_PATTERNS.find(([c]) => c.code === 'Z79.810');
    if (!found) throw new Error('no SERM class');
    const [c, p] = found;
    expect(takenNow(c, p, 'radiation 2016, then raloxifene for 5 years, completed and stopped in 2021')).toBeUndefined();
    expect(takenNow(c, p, 'raloxifene for 5 years, stopped 2021')).toBeUndefined();
    expect(takenNow(c, p, 'raloxifene 60 mg daily for 3 years, bone density stable')).toBe('raloxifene');
  });

  it('a partial mastectomy leaves the breast; a mastectomy does not', () => {
    expect(removedOrganText('s/p left partial mastectomy 2019')).toBeUndefined();
    expect(removedOrganText('s/p left mastectomy 2019')).toBe('acquired absence of breast');
  });
});
