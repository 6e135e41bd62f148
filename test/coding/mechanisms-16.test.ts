// Wrong codes from a word match (issue 10, item 4), session 16 (coding-16a): each test names the
// index path, tabular note or guideline it follows. Our own wording; the records of
// test/coding/conventions-set-16.json are the same mechanisms as whole encounters (tuned on).
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 58, sex: 'F' }, { sorted: true });

describe('mass, lump, nodule and lesion are findings: the index codes them by site, never as a neoplasm or another disease', () => {
  it('a lung nodule is the solitary pulmonary nodule (R91.1), several are R91.8; never a rheumatoid nodule', () => {
    expect(codes(['Lung nodule'])).toEqual(['R91.1']);
    expect(codes(['6 mm nodule in the left lung'])).toEqual(['R91.1']);
    expect(codes(['Multiple small pulmonary nodules'])).toEqual(['R91.8']);
  });

  it('a lung mass is R91.8 whichever lobe holds it, never a lung cancer', () => {
    expect(codes(['Right upper lobe lung mass'])).toEqual(['R91.8']);
    expect(codes(['Lung mass, left lower lobe, 2 cm'])).toEqual(['R91.8']);
  });

  it('a breast mass is the unspecified lump in that breast (N63.-), not fibroadenosis', () => {
    expect(codes(['Right breast mass'])).toEqual(['N63.10']);
    expect(codes(['Mass in the left breast'])).toEqual(['N63.20']);
  });

  it('a skin lesion is L98.9 wherever it is, not a lesion of pinta or of the ulnar nerve', () => {
    expect(codes(['Skin lesion'])).toEqual(['L98.9']);
    expect(codes(['Skin lesion of left forearm'])).toEqual(['L98.9']);
    expect(codes(['Right cheek skin lesion'])).toEqual(['L98.9']);
  });

  it('an ulcer of a toe is the non-pressure chronic ulcer by site (L97.5-), with unspecified severity unless stated; no varicose vein', () => {
    expect(codes(['Right great toe ulcer'])).toEqual(['L97.519']);
    expect(codes(['Ulcer of left great toe'])).toEqual(['L97.529']);
    // A pressure ulcer stays one.
    expect(codes(['Pressure ulcer of right heel, stage 2'])).toEqual(['L89.612']);
  });
});

describe('a title that rules out what the record states is another code', () => {
  it('hypertensive heart and CKD with heart failure is I13.0 with the heart failure type (I50.-) and the CKD stage (N18.-) its notes ask for', () => {
    expect(codes(['Hypertensive heart and CKD with HFpEF'])).toEqual(['I13.0', 'I50.30', 'N18.9']);
    expect(codes(['Hypertensive heart and chronic kidney disease with HFpEF, CKD stage 3a'])).toEqual(['I13.0', 'I50.30', 'N18.31']);
  });

  it('without heart failure stated, no heart failure code and no combination with heart failure', () => {
    expect(codes(['Hypertensive heart and chronic kidney disease, CKD stage 2'])).toEqual(['I13.10', 'N18.2']);
    expect(codes(['Hypertensive heart disease and hypertensive chronic kidney disease NOS'])).toEqual(['I13.10', 'N18.9']);
  });
});

describe("the index's defaults and the record's own spellings", () => {
  it('melanoma is malignant unless in situ is written (index: Melanoma (malignant)): its history is Z85.820', () => {
    expect(codes(['Hx melanoma'])).toEqual(['Z85.820']);
    expect(codes(['History of melanoma in situ'])).toEqual(['Z86.006']);
  });

  it('Greek and Latin plurals meet the singular title ("keratoses", "lentigines")', () => {
    expect(codes(['Seborrheic keratoses, trunk'])).toEqual(['L82.1']);
    expect(codes(['Solar lentigines of the hands'])).toEqual(['L81.4']);
  });

  it('"CM" after the kind of a cardiomyopathy is the cardiomyopathy; elsewhere a centimetre', () => {
    expect(codes(['Ischemic CM'])).toEqual(['I25.5']);
    expect(codes(['Right breast mass, 2 cm'])).toEqual(['N63.10']);
  });
});
