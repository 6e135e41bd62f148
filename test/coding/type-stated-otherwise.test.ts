// A condition's type stated two ways, each a code of its own (coding/type-stated-otherwise.ts).
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coder = recordCoder(codeSets, { ageYears: 12, sex: 'F' });
const TYPE = /type of the condition/;

describe('two statements give two types', () => {
  it('asks the type; the written code stands meanwhile', () => {
    const r = coder(
      'Med check. HPI: ADHD, predominantly hyperactive-impulsive type per psychology testing.\nPlan: continue methylphenidate.\nA: ADHD, combined type, stable.',
      [{ description: 'ADHD, combined type' }],
    );
    expect(r.clarification?.question).toMatch(TYPE);
    expect(diagnosisCodes(r)).toContain('F90.2');
  });

  it('codes the type the physician answers', () => {
    const notes = 'Med check. HPI: ADHD, predominantly hyperactive-impulsive type per psychology testing.\nA: ADHD, combined type, stable.';
    const first = coder(notes, [{ description: 'ADHD, combined type' }]);
    const question = first.clarification?.question ?? '';
    const r = coder(notes, [{ description: 'ADHD, combined type' }], [{ question, freeText: 'Predominantly hyperactive type' }]);
    expect(diagnosisCodes(r)).toContain('F90.1');
  });
});

describe('the types agree, or the record says the type changed', () => {
  it('asks nothing', () => {
    for (const notes of [
      'Med check. Problem list: ADHD, combined type.\nA: ADHD, combined type, stable.',
      'Med check. Previously predominantly inattentive type; now combined type on teacher scales.\nA: ADHD, combined type.',
    ]) {
      const r = coder(notes, [{ description: 'ADHD, combined type' }]);
      expect(r.clarification?.question ?? '').not.toMatch(TYPE);
      expect(diagnosisCodes(r)).toContain('F90.2');
    }
  });
});
