// Extra codes (issue 10 item 5, session 19): a superbill line whose condition the note names only in
// the history it carries forward (past history, problem list, medication list), while its
// assessment and plan, written problem by problem, never take it up, is not coded (guideline IV.J).
// Examples written for this test (tuned on writer-set-30/-34).
import { describe, expect, it } from 'vitest';
import { sortedCodesBy, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = sortedCodesBy(codeSets, { ageYears: 72, sex: 'M' });

const note = (assessment: string) =>
  [
    'HPI: Here for follow-up of diabetes and cholesterol. Sugars 110-150 at home.',
    'PMH (copied forward): type 2 diabetes; hyperlipidemia; primary open-angle glaucoma both eyes; gout.',
    'Meds: metformin 1000 mg twice daily, atorvastatin 40 mg, latanoprost drops.',
    'Exam: well appearing, feet normal.',
    'ASSESSMENT / PLAN:',
    assessment,
  ].join('\n');

describe('a listed condition the note names only in its carried-forward history is not coded', () => {
  it('glaucoma and gout on the superbill, in the copied PMH only, the assessment takes up three other problems: not coded', () => {
    const a =
      '1. Type 2 diabetes - A1c 7.1, continue metformin.\n2. Hyperlipidemia - LDL at goal, continue atorvastatin.\n3. Health maintenance - flu shot declined.';
    expect(codes(['Type 2 diabetes', 'Hyperlipidemia', 'Glaucoma both eyes', 'Gout'], note(a))).toEqual(['E11.9', 'E78.5', 'Z79.84']);
  });
  it('kept: the assessment takes it up, the note has no full assessment, or the physician wrote a code', () => {
    const a =
      '1. Type 2 diabetes - A1c 7.1, continue metformin.\n2. Hyperlipidemia - LDL at goal, continue atorvastatin.\n3. Gout - no flares, continue allopurinol.';
    expect(codes(['Type 2 diabetes', 'Hyperlipidemia', 'Gout'], note(a))).toEqual(['E11.9', 'E78.5', 'M10.9', 'Z79.84']);
    expect(codes(['Type 2 diabetes', 'Gout'], 'PMH: gout; type 2 diabetes.\nA/P: diabetes stable.')).toEqual(['E11.9', 'M10.9']);
    // Tobacco history is reported wherever the record states it; the hyperlipidemia the numbered
    // assessment manages ("at goal, continue") is coded though no diagnosis line names it (guideline IV.J).
    const b =
      '1. Type 2 diabetes - A1c 7.1, continue metformin.\n2. Hyperlipidemia - LDL at goal, continue atorvastatin.\n3. Gout - no flares.';
    expect(codes(['Type 2 diabetes', 'Former smoker'], note(b).replace('gout.', 'gout; former smoker, quit 2010.'))).toEqual([
      'E11.9',
      'E78.5',
      'Z79.84',
      'Z87.891',
    ]);
  });
});
