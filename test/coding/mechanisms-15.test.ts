// Wrong and missing codes by mechanism (issue 10), session 15 (coding-15a): each test names the
// guideline or tabular note it follows. Our own wording; the records of
// test/coding/conventions-set-15.json are the same mechanisms as whole encounters (tuned on).
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 63, sex: 'F' }, { sorted: true });

describe('"use additional code to identify site of ulcer" (E11.621) reads every statement of the ulcer', () => {
  it('the site comes from the line that names it when another line names the ulcer without it', () => {
    expect(codes(['Type 2 diabetes with foot ulcer', 'Diabetic foot ulcer, left heel'])).toEqual(['E11.621', 'L97.429']);
    expect(codes(['DM2 with foot ulcer', 'Diabetic ulcer of right heel, fat layer exposed'])).toEqual(['E11.621', 'L97.412']);
  });

  it('no statement names a site: no site code', () => {
    expect(codes(['Type 2 diabetes with foot ulcer', 'Diabetic foot ulcer'])).toEqual(['E11.621']);
  });
});

describe('a course with an end is not long-term therapy (I.C.21.c.3), its length in digits or in words', () => {
  it('"for five days" is a course like "for 5 days"', () => {
    const notes = (length: string) => `Exacerbation with wheeze. Prednisone 40 mg daily ${length}. Continue tiotropium.`;
    expect(codes(['COPD with acute exacerbation'], notes('for five days'))).toEqual(['J44.1']);
    expect(codes(['COPD with acute exacerbation'], notes('x seven days'))).toEqual(['J44.1']);
    expect(codes(['COPD with acute exacerbation'], notes('for 5 days'))).toEqual(['J44.1']);
  });

  it('years of a drug in words stay long-term', () => {
    expect(codes(['Polymyalgia rheumatica'], 'On prednisone 5 mg daily for the past three years.')).toEqual(['M35.3', 'Z79.52']);
  });
});

describe('"suspicious for" is a term of uncertainty (IV.H): the finding is coded, not the suspected disease', () => {
  it('a lung mass suspicious for malignancy is the mass, never a lung cancer', () => {
    expect(codes(['Lung mass, suspicious for malignancy'])).toEqual(['R91.8']);
    expect(codes(['Pulmonary nodule concerning for malignancy'])).toEqual(['R91.1']);
  });

  it('an infiltrate consistent with pneumonia is the infiltrate (a cue after the finding leaves the finding certain)', () => {
    expect(codes(['Infiltrate consistent with pneumonia'])).toEqual(['R91.8']);
  });
});

// The status is read from the malignancy's own line (receptor-status.ts, 2955a46), not from the notes.
describe('the receptor status the C50 note asks for ("use additional code ... receptor status (Z17.-)")', () => {
  it('an estrogen receptor sign on the line is Z17.0 or Z17.1', () => {
    expect(codes(['Right breast carcinoma, lower inner quadrant, ER+'])).toEqual(['C50.311', 'Z17.0']);
    expect(codes(['Right breast carcinoma, lower inner quadrant, ER negative'])).toEqual(['C50.311', 'Z17.1']);
  });

  it('hormone receptor and HER2 signs together are the combined code, never beside Z17.0', () => {
    expect(codes(['Left breast carcinoma, central portion, ER/PR+, HER2-'])).toEqual(['C50.112', 'Z17.411']);
  });

  it('"ER" for the emergency room gives no status', () => {
    expect(codes(['Left breast carcinoma, central portion'], 'Seen in ER - given fluids. Letrozole held.')).toEqual(['C50.112']);
  });
});

describe('a surveillance visit after a malignancy removed is Z08 first, the history after it (I.C.21.c.8, I.C.2.d)', () => {
  it('the history code says the treatment is over: "completed" need not be written', () => {
    const notes = 'Colon adenocarcinoma, sigmoid, resected 2021, no chemotherapy. CEA normal. Colonoscopy surveillance next year.';
    expect(codes(['History of colon cancer, surveillance visit'], notes)[0]).toBe('Z08');
    expect(codes(['History of colon cancer, surveillance visit'], notes)).toContain('Z85.038');
  });

  it('a visit for another condition that mentions the history is no follow-up examination', () => {
    const notes = 'Reflux worse after meals; start omeprazole. Colon cancer resected 2021, surveillance per oncology.';
    expect(codes(['Gastro-esophageal reflux disease', 'History of colon cancer'], notes)).not.toContain('Z08');
  });
});
