// Neoplasm sites as documented (guideline I.C.2): "metastatic to" names the secondary site and the
// primary is coded too; "from" names the primary; a statement's histology words are not a second
// neoplasm; a code titled for the other sex is never chosen. Examples written for this test (tuned on).
import { describe, expect, it } from 'vitest';
import { metastasisMentions } from '../../coding/metastasis.ts';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 66, sex: 'M' });
const mention = (text: string) => ({ section: 'diagnoses' as const, original: text, text, assertion: 'affirmed' as const });

describe('metastasisMentions', () => {
  it('splits primary and secondary sites by "to" and "from"', () => {
    expect(metastasisMentions(mention('Renal cell carcinoma metastatic to lung and bone')).map((m) => m.text)).toEqual([
      'Renal cell carcinoma',
      'secondary malignant neoplasm of lung',
      'secondary malignant neoplasm of bone',
    ]);
    expect(metastasisMentions(mention('Liver metastases from pancreatic cancer')).map((m) => m.text)).toEqual([
      'pancreatic cancer',
      'secondary malignant neoplasm of Liver',
    ]);
    expect(metastasisMentions(mention('Metastatic melanoma to brain')).map((m) => m.text)).toEqual([
      'melanoma',
      'secondary malignant neoplasm of brain',
    ]);
    expect(metastasisMentions(mention('Essential hypertension')).map((m) => m.text)).toEqual(['Essential hypertension']);
  });
});

describe('neoplasm codes by documented site', () => {
  it('cancer metastatic to bone: the primary and C79.51', () => {
    expect(codes(['Prostate cancer metastatic to bone'])).toEqual(['C61', 'C79.51']);
    expect(codes(['Metastatic prostate cancer to bone'])).toEqual(['C61', 'C79.51']);
  });

  it('secondary sites named alone are secondary, not primary, neoplasms', () => {
    expect(codes(['Brain metastases'])).toEqual(['C79.31']);
  });

  it('a lung lobe named with a histology is one lung code of that lobe and side', () => {
    expect(codes(['Squamous cell carcinoma of left upper lobe of lung'])).toEqual(['C34.12']);
  });

  it("a woman's breast cancer is never a male-breast code", () => {
    const female = codes(['Breast cancer metastatic to bone'], '', { sex: 'F' });
    expect(female).toContain('C79.51');
    expect(female.find((c) => c.startsWith('C50'))).toMatch(/^C50\.91/);
  });
});
