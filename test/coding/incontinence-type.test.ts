// Stress or urge incontinence beside a described leakage of the other type is asked: mixed?
// (coding/incontinence-type.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { answeredBy, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = answeredBy(codeSets, { ageYears: 84, sex: 'F' });

describe('the type of urinary incontinence', () => {
  it('asks when the history describes urge leakage beside a stress diagnosis, coding stress meanwhile', () => {
    const r = run(
      ['Stress urinary incontinence'],
      "HPI: leaks 'when I cough or laugh', also 'when I get the urge I can't hold it, I wet before I get to the bathroom'. Assessment: stress urinary incontinence. Pelvic floor PT.",
    );
    expect(r.clarification?.question).toMatch(/type of urinary incontinence/);
    expect(diagnosisCodes(r)).toEqual(['N39.3']);
  });

  it('codes mixed incontinence when answered so', () => {
    const note =
      "HPI: leaks 'when I cough or laugh', also 'when I get the urge I can't hold it, I wet before I get to the bathroom'. Assessment: stress urinary incontinence. Pelvic floor PT.";
    const question = run(['Stress urinary incontinence'], note).clarification?.question ?? '';
    const r = run(['Stress urinary incontinence'], note, [{ question, freeText: 'Mixed urinary incontinence.' }]);
    expect(diagnosisCodes(r)).toEqual(['N39.46']);
  });

  it('asks nothing when only stress leakage is described', () => {
    const r = run(
      ['Stress urinary incontinence'],
      'HPI: leaks when she coughs or sneezes; no urgency. Assessment: stress urinary incontinence. Pelvic floor PT.',
    );
    expect(r.clarification).toBeUndefined();
  });
});
