// A written diagnosis line that the notes' assessment and plan never name goes to a coder
// (coding/unassessed-written-line.ts). Our own records; nothing here changes a code.
import { describe, expect, it } from 'vitest';
import { recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 30, sex: 'M' });
const reasons = (notes: string, line: { description: string; code: string }) => code(notes, [line]).straightThrough.reasons;

describe('a written line the assessment never names', () => {
  it('an assessment concluding another condition sends the encounter to a coder', () => {
    const notes = 'Dizzy on standing this week.\nExam: normal.\nAssessment: Benign paroxysmal positional vertigo. Epley maneuver done.';
    expect(reasons(notes, { description: 'Orthostatic hypotension', code: 'I95.1' })).toContain('written-line-unassessed');
  });

  it('an assessment naming the line, abbreviated, is no reason', () => {
    const notes = 'BP check.\nAssessment: HTN - at goal, continue lisinopril.';
    expect(reasons(notes, { description: 'Essential hypertension', code: 'I10' })).not.toContain('written-line-unassessed');
  });

  it('a note with no assessment is no reason', () => {
    expect(reasons('BP 128/80 today.', { description: 'Essential hypertension', code: 'I10' })).not.toContain('written-line-unassessed');
  });
});
