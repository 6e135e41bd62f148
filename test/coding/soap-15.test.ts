// Long SOAP notes, session 15 (coding-15d): the exact code set of a note whose diagnosis list is
// longer than what the visit did. Each mechanism with our own records, in our own words (tuned on by
// construction; test/coding/soap-set-15.json holds the same kinds of record for the evaluation).
import { describe, expect, it } from 'vitest';
import { documentCodesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const { codes, lines } = documentCodesFor(codeSets, { ageYears: 60, sex: 'M' });

describe('a listed condition the assessment says this visit leaves alone is not coded (IV.J)', () => {
  const notes = [
    'HPI: Heartburn most evenings for two months, worse lying down. Known enlarged prostate, urology follows.',
    'PMH: BPH. Migraine.',
    'Assessment/Plan:',
    '1. GERD - start omeprazole 20 mg before breakfast, raise the head of the bed.',
    '2. Benign prostatic hyperplasia - stable on tamsulosin, not addressed further today.',
  ].join('\n');

  it('the condition the assessment calls not addressed is left off; the one treated stays', () => {
    expect(lines(['GERD', 'Benign prostatic hyperplasia'], notes)).toEqual(['K21.9']);
  });

  it('one the assessment calls part of the presenting illness is coded within it, not separately', () => {
    const flu = [
      'HPI: Two days of fever, aches and cough; rapid influenza A positive. Red watery eyes since yesterday.',
      'Assessment:',
      '1. Influenza A with cough and fever - oseltamivir 75 mg twice daily for 5 days.',
      '2. Conjunctivitis - mild, part of the presenting illness; cool compresses.',
    ].join('\n');
    const got = lines(['Influenza A', 'Conjunctivitis'], flu);
    expect(got.some((c) => c.startsWith('H10'))).toBe(false);
    expect(got.some((c) => c.startsWith('J10'))).toBe(true);
  });

  it('a listed condition the assessment addresses is kept, and so is a code the physician wrote', () => {
    const treated = notes.replace('stable on tamsulosin, not addressed further today', 'PSA drawn today, continue tamsulosin');
    expect(lines(['GERD', 'Benign prostatic hyperplasia'], treated)).toEqual(['K21.9', 'N40.0']);
    const written = codes({
      diagnoses: [{ description: 'GERD' }, { description: 'Benign prostatic hyperplasia', code: 'N40.0' }],
      notes,
    });
    expect(written).toEqual(['K21.9', 'N40.0']);
  });
});

describe('the receptor status a malignancy asks for, signed on its own statement', () => {
  it('"ER+" on the breast cancer line is Z17.0; with the HER2 sign it is the combined status', () => {
    expect(lines(['Right breast carcinoma, lower inner quadrant, ER+'], '', 66, 'F')).toEqual(['C50.311', 'Z17.0']);
    expect(lines(['Right breast carcinoma, lower inner quadrant, ER/PR+ HER2-'], '', 66, 'F')).toEqual(['C50.311', 'Z17.411']);
    expect(lines(['Right breast carcinoma, lower inner quadrant, ER negative'], '', 66, 'F')).toEqual(['C50.311', 'Z17.1']);
  });

  it('no sign on the line, no status; a status already coded is not repeated', () => {
    expect(lines(['Right breast carcinoma, lower inner quadrant'], '', 66, 'F')).toEqual(['C50.311']);
    expect(lines(['Right breast carcinoma, lower inner quadrant, ER+', 'Estrogen receptor positive'], '', 66, 'F')).toEqual([
      'C50.311',
      'Z17.0',
    ]);
  });
});

describe('an uncomplicated substance use is reported only where the record relates it to a condition (I.C.5.b.3)', () => {
  const notes = [
    'HPI: Three days of burning upper belly pain after meals. Drinks a bottle of wine most nights, more on weekends.',
    'Assessment:',
    '1. Gastritis - start pantoprazole 40 mg daily.',
    '2. Alcohol use - drinks daily, advised to stop; handout given.',
  ].join('\n');

  it('alcohol use with no condition tied to it is not coded beside the gastritis', () => {
    expect(lines(['Gastritis', 'Alcohol use'], notes)).toEqual(['K29.70']);
  });

  it('alcohol use the physician ties to the gastritis stays, and so does a use code the physician wrote', () => {
    const tied = notes.replace('drinks daily, advised to stop', 'contributing to the gastritis, advised to stop');
    expect(lines(['Gastritis', 'Alcohol use'], tied)).toEqual(['K29.70', 'F10.90']);
    expect(codes({ diagnoses: [{ description: 'Gastritis' }, { description: 'Alcohol use', code: 'F10.90' }], notes })).toEqual([
      'K29.70',
      'F10.90',
    ]);
  });
});

describe('a malignancy removed with nothing given after it: the surveillance visit is Z08 first-listed (I.C.21.c.8)', () => {
  it('"s/p wide local excision, no adjuvant therapy" says the treatment is over as "completed" does', () => {
    const notes =
      'Dermatology surveillance. Melanoma of the left forearm s/p wide local excision 2022, no adjuvant therapy. Full skin exam today: no recurrence, no nodes. Return 1 year.';
    expect(lines(['History of malignant melanoma of skin, no evidence of disease'], notes)).toEqual(['Z08', 'Z85.820']);
  });

  it('a malignancy still under treatment after its removal is no follow-up after completed treatment', () => {
    const notes =
      'Dermatology surveillance. Melanoma of the left forearm s/p wide local excision 2022, on adjuvant pembrolizumab. Full skin exam today: no recurrence.';
    expect(lines(['History of malignant melanoma of skin, no evidence of disease'], notes)).not.toContain('Z08');
  });
});
