// A listed condition the visit's assessment states as over is coded as the history it is: a
// malignancy with no evidence of disease after completed treatment is Z85 (I.C.2.d) with the
// follow-up Z08 first (I.C.21.c.8); a condition whose treatment is complete and that has resolved is
// Z86/Z87 with Z09. A condition the assessment calls history while it is still treated stays current.
// Records are written for these tests.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

function codes(lines: Array<{ description: string; code?: string }>, notes: string, sex: 'F' | 'M' = 'M') {
  return codeEncounter(codingInput({ notes, diagnoses: lines }, { ageYears: 61, sex }), codeSets()).diagnoses.map((d) => d.code);
}

describe('a listed condition the assessment states as over', () => {
  it('codes a treated melanoma with no evidence of disease as follow-up and history, even with its C43 code', () => {
    const note =
      'Dermatology surveillance visit. Melanoma of the right forearm excised with clear margins in 2021, no further therapy.\nSkin exam: scar flat, no nodes, no new pigmented lesions.\nA: hx melanoma, no evidence of disease.\nP: full skin exam every 6 months.';
    expect(codes([{ description: 'melanoma R forearm', code: 'C43.61' }], note)).toEqual(['Z08', 'Z85.820']);
  });

  it('codes a deep vein thrombosis whose treatment is complete as follow-up and history', () => {
    const note =
      'Follow-up of right leg DVT found in March. Finished three months of rivaroxaban. Duplex last week: no residual thrombus.\nA: DVT R leg, treatment complete, resolved.\nP: no further anticoagulation.';
    expect(codes([{ description: 'RLE DVT' }], note)).toEqual(['Z09', 'Z86.718']);
  });

  it('keeps the malignancy current while treatment is still given', () => {
    const note =
      'Oncology visit. Colon adenocarcinoma resected in January.\nA: Colon cancer, no evidence of disease on CT, on adjuvant capecitabine cycle 4.\nP: continue adjuvant capecitabine.';
    expect(codes([{ description: 'colon cancer' }], note, 'F')[0]).toMatch(/^C18/);
  });

  it('keeps a condition the assessment states as current beside a history of it', () => {
    const note =
      'A: Melanoma of the right forearm, margin positive on the excision, re-excision today. Melanoma of the back 2015, no evidence of disease.\nP: re-excision, skin checks every 3 months.';
    expect(codes([{ description: 'melanoma R forearm' }], note)[0]).toBe('C43.61');
  });
});
