// A migraine stated intractable in one statement and not intractable, well controlled or responding
// to its treatment in another changes the code (G43.x1 vs G43.x0): the physician is asked, as two
// stated types of diabetes or stages of CKD are (specificity.ts, checkDetailConflict). A control
// said of another condition, or one the record dates to the past, asks nothing. Records written for this test.
import { describe, expect, it } from 'vitest';
import { answeredBy, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = answeredBy(codeSets, { ageYears: 38, sex: 'F' });
const asked = (r: ReturnType<typeof run>) => /intractab/.test(r.clarification?.question ?? '');

describe('intractability stated two ways', () => {
  it('intractable on the line, well controlled in the note: asked; the answer codes it', () => {
    const note = 'HPI: migraines are well controlled on topiramate, one attack a month. Plan: continue topiramate.';
    const first = run(['Intractable migraine with aura'], note);
    expect(asked(first)).toBe(true);
    expect(first.straightThrough.eligible).toBe(false);
    const answered = run(['Intractable migraine with aura'], note, [
      { question: first.clarification?.question as string, option: 'No, not intractable' },
    ]);
    expect(diagnosisCodes(answered)[0]).toMatch(/^G43\.10/);
    expect(answered.clarification).toBeUndefined();
  });

  it('intractable on the line, responding to treatment in the assessment: asked', () => {
    const r = run(['Migraine without aura, intractable'], 'Assessment: Migraine without aura - responding well to amitriptyline.');
    expect(asked(r)).toBe(true);
  });

  it('a written answer naming one value codes it, whatever else it says', () => {
    const line = ['Chronic migraine, not intractable'];
    const note = 'Impression: chronic migraine without aura, refractory to two preventives.';
    const first = run(line, note);
    expect(asked(first)).toBe(true);
    const answered = run(line, note, [
      {
        question: first.clarification?.question as string,
        freeText: 'Chronic migraine without aura, intractable, without status migrainosus.',
      },
    ]);
    expect(diagnosisCodes(answered)).toEqual(['G43.719']);
  });

  it('intractable in the history of present illness, not intractable in the assessment: asked', () => {
    const r = run(['Migraine'], 'HPI: intractable migraine per neurology. Assessment: migraine without aura, not intractable.');
    expect(asked(r)).toBe(true);
  });
});

describe('no conflict of intractability', () => {
  it("the control is another condition's", () => {
    const r = run(['Migraine without aura, intractable'], 'Hypertension well controlled on lisinopril. Plan: rimegepant.');
    expect(asked(r)).toBe(false);
    expect(diagnosisCodes(r)).toContain('G43.019');
  });

  it('the control is dated to the past', () => {
    const r = run(
      ['Intractable migraine without aura'],
      'Migraines well controlled on topiramate until this spring; now daily despite it.',
    );
    expect(asked(r)).toBe(false);
  });

  it('both statements say intractable', () => {
    const r = run(['Chronic migraine, intractable'], 'Assessment: chronic migraine without aura, intractable, despite three preventives.');
    expect(asked(r)).toBe(false);
  });
});
