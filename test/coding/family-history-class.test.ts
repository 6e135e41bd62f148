// Family history coded through the class the tabular sends the relative's condition to
// (coding/history-classifiable.ts): the Z80-Z84 subcategories' "conditions classifiable to ..." notes
// route the condition's own code, so a word match on "family history ... disease" cannot land in
// another class. Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 49, sex: 'F' });
const codes = (notes: string, lines: Array<{ description: string; code?: string }>) => diagnosisCodes(code(notes, lines));

describe('a family history whose condition the history titles do not name', () => {
  it('coronary disease of a parent is the circulatory family history, not another class', () => {
    expect(
      codes('Mother had a stent at 52; pt asks about her own risk.', [{ description: 'Family history of coronary artery disease' }]),
    ).toEqual(['Z82.49']);
    expect(codes('Dad MI at 47.', [{ description: 'FHx CAD' }])).toEqual(['Z82.49']);
  });

  it('a written family history code of the right class is kept', () => {
    expect(codes('Brother with CABG at 55.', [{ description: 'FHx premature coronary disease', code: 'Z82.49' }])).toEqual(['Z82.49']);
  });

  it('a condition the titles name keeps its own code', () => {
    expect(codes('Sister diagnosed at 44.', [{ description: 'Family history of breast cancer' }])).toEqual(['Z80.3']);
    expect(codes('Mother with bone loss.', [{ description: 'Family history of osteoporosis' }])).toEqual(['Z82.62']);
    expect(codes('Father on insulin.', [{ description: 'Family history of diabetes' }])).toEqual(['Z83.3']);
  });

  it("the patient's own condition is not a family history", () => {
    const r = codes('CAD s/p PCI 2021, stable on ASA and statin.', [{ description: 'Coronary artery disease' }]);
    expect(r.some((c) => /^Z8[0-4]/.test(c))).toBe(false);
  });
});
