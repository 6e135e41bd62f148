// The assessment stating a line's condition more fully (coding/fuller-statement.ts): a title that
// leaves its axis "without mention of" a value is the family's default; a word of the line the
// statement's code holds as nonessential ("(congestive)"); a code of another category whose note asks
// for the line's condition beside it is another condition, not the line's. Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = (notes: string, diagnoses: Array<{ description: string; code?: string }>) =>
  codeEncounter(codingInput({ notes, diagnoses }, { ageYears: 81, sex: 'M' }), codeSets());

describe("Parkinson's disease by dyskinesia and fluctuations", () => {
  it('takes the dyskinesia and fluctuations the assessment states', () => {
    const r = code("A: Parkinson's disease with wearing-off motor fluctuations and peak-dose dyskinesia. Add amantadine.", [
      { description: "Parkinson's disease", code: 'G20' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['G20.B2']);
  });

  it('stays the default when the assessment states neither', () => {
    const r = code("A: Parkinson's disease, stable on carbidopa/levodopa.", [{ description: "Parkinson's disease", code: 'G20' }]);
    expect(diagnosisCodes(r)).toEqual(['G20.A1']);
  });
});

describe('heart failure by the type the assessment states', () => {
  it('codes chronic systolic heart failure for a line "CHF"', () => {
    const r = code('Assessment: chronic systolic HF, mildly volume up. Torsemide 40 x3 days.', [{ description: 'CHF', code: 'I50.9' }]);
    expect(diagnosisCodes(r)).toEqual(['I50.22']);
  });

  it('keeps I50.9 when no type is stated', () => {
    const r = code('Assessment: HF, mildly volume up. Torsemide 40 x3 days.', [{ description: 'CHF', code: 'I50.9' }]);
    expect(diagnosisCodes(r)).toEqual(['I50.9']);
  });

  it('reads combined systolic/diastolic and combined systolic and diastolic as one type (nothing asked)', () => {
    const r = code('Chronic combined systolic and diastolic HF, euvolemic. Continue carvedilol.', [
      { description: 'Chronic combined systolic/diastolic HF' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['I50.42']);
    expect(r.clarification).toBeUndefined();
  });
});

describe('a combination code that asks for the line beside it', () => {
  it('keeps the CKD line beside diabetic CKD and codes the hypertension with it', () => {
    const r = code('Assessment: DM2 w/ CKD, HTN - stable.', [
      { description: 'Type 2 diabetes with CKD' },
      { description: 'Hypertension' },
      { description: 'CKD' },
    ]);
    expect(diagnosisCodes(r).sort()).toEqual(['E11.22', 'I12.9', 'N18.9']);
  });

  it('still takes a fuller statement of the same category', () => {
    const r = code('Assessment: CKD stage 3b, stable.', [{ description: 'CKD' }]);
    expect(diagnosisCodes(r)).toEqual(['N18.32']);
  });
});
