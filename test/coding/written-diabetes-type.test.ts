// A written diabetes code whose type rests on the code alone, the line naming no type, while the
// assessment states the other type (coding/fuller-statement.ts typeRestated): the assessment's type is
// coded. A line that states a type itself is a conflict, never settled here. Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 31, sex: 'F' });

describe('a written diabetes type the assessment states otherwise', () => {
  const notes = 'Type 1 DM since age 12 on MDI insulin. A1c 8.4.\nA/P: Type 1 diabetes with hyperglycemia - increase basal, CGM ordered.';

  it("a line naming no type is coded by the assessment's type", () => {
    const r = code(notes, [{ description: 'Diabetes with hyperglycemia', code: 'E11.65' }]);
    expect(diagnosisCodes(r)).toContain('E10.65');
    expect(diagnosisCodes(r)).not.toContain('E11.65');
  });

  it('a line stating the type itself is not recoded by the assessment', () => {
    const r = code(notes, [{ description: 'Type 2 diabetes with hyperglycemia', code: 'E11.65' }]);
    expect(diagnosisCodes(r)).not.toContain('E10.65');
  });

  it('an assessment stating the same type leaves the written code', () => {
    const r = code('On metformin. A1c 8.4.\nA/P: Type 2 diabetes with hyperglycemia - add GLP-1.', [
      { description: 'Diabetes with hyperglycemia', code: 'E11.65' },
    ]);
    expect(diagnosisCodes(r)).toContain('E11.65');
  });

  it('a note stating the written type as well is a conflict, not recoded here', () => {
    const r = code('Problem list: type 2 diabetes (2015).\nA/P: Type 1 diabetes with hyperglycemia - increase basal.', [
      { description: 'Diabetes with hyperglycemia', code: 'E11.65' },
    ]);
    expect(diagnosisCodes(r)).not.toContain('E10.65');
  });
});
