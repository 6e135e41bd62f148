// The first-listed diagnosis (guideline section IV, I.C.2.b, I.C.21.c.8) and a symptom the record
// relates to its cause (I.B.4). Examples written for this test (tuned on); wording is our own.
import { describe, expect, it } from 'vitest';
import { codesFor, codedBy, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const inOrder = codesFor(codeSets, { sex: 'F', ageYears: 64 });
const coded = codedBy(codeSets, { sex: 'F', ageYears: 64 });

describe('first-listed diagnosis', () => {
  it('the primary malignancy before its metastasis, whatever order the lines are in', () => {
    expect(
      inOrder(['Liver metastases', 'Adenocarcinoma of the sigmoid colon'], 'Second cycle of FOLFOX today for the colon cancer.'),
    ).toEqual(['C18.7', 'C78.7']);
  });

  it('the metastasis first when the visit treats it alone', () => {
    expect(inOrder(['Bone metastases', 'Breast cancer, left'], 'Palliative radiation to the bone metastases, fraction 3 of 5.')[0]).toBe(
      'C79.51',
    );
  });

  it('a follow-up after completed treatment of a non-malignant condition: Z09, then the history', () => {
    const codes = inOrder(['Pneumonia, resolved'], 'Follow-up after finishing antibiotics; chest x-ray clear, lungs clear.');
    expect(codes).toEqual(['Z09', 'Z87.01']);
    const z09 = coded(['Pneumonia, resolved'], 'Follow-up after finishing antibiotics; chest x-ray clear.').find((d) => d.code === 'Z09');
    expect(z09?.rationale).toMatch(/I\.C\.21\.c\.8/);
  });

  it('not while the condition is still there', () => {
    expect(inOrder(['Pneumonia'], 'Recheck: still coughing, crackles persist at the right base.')).toEqual(['J18.9']);
  });
});

describe('a symptom the record relates to its cause', () => {
  it('"due to" a coded diagnosis of another body system: the diagnosis only', () => {
    expect(inOrder(['Chest pain', 'GERD'], 'Chest pain due to acid reflux; omeprazole started.')).toEqual(['K21.9']);
    expect(inOrder(['Chest pain due to reflux', 'Gastroesophageal reflux disease'], 'Omeprazole.')).toEqual(['K21.9']);
  });

  it('without that link the symptom of another system stays', () => {
    expect(inOrder(['Chest pain', 'GERD'], 'Chest pain at rest, stress test ordered; reflux controlled on omeprazole.')).toEqual([
      'R07.9',
      'K21.9',
    ]);
  });
});
