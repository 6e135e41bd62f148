// Two sides for one condition in two parts of the note are asked; a side written with another
// condition, a normal exam of the other side or a past event is no conflict. Examples written for
// this test (tuned on), several body systems.
import { describe, expect, it } from 'vitest';
import { answeredBy, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = answeredBy(codeSets, { ageYears: 59, sex: 'F' });
const sideAsked = (r: ReturnType<typeof run>) => /side affected/.test(r.clarification?.question ?? '');

describe('two sides for the same condition', () => {
  it('HPI and exam one side, the assessment the other: asked, the unspecified side coded meanwhile; the answer takes the side', () => {
    const notes =
      'HPI: Right shoulder pain for a year, worse overhead. Exam: right shoulder painful arc. Assessment: impingement syndrome of left shoulder.';
    const first = run(['Impingement syndrome of left shoulder'], notes);
    expect(sideAsked(first)).toBe(true);
    expect(first.clarification?.options.slice(0, 2)).toEqual(['Left', 'Right']);
    expect(diagnosisCodes(first)).toContain('M75.40');
    const again = run(['Impingement syndrome of left shoulder'], notes, [
      { question: first.clarification?.question as string, option: 'Right' },
    ]);
    expect(diagnosisCodes(again)).toContain('M75.41');
    expect(again.clarification).toBeUndefined();
  });

  it('a complaint of the other hand beside a wrist condition is asked (the hand and the wrist are one site for a side)', () => {
    const r = run(['Carpal tunnel syndrome, right'], 'Numbness of the left hand at night, wakes her. Plan: wrist splint.');
    expect(sideAsked(r)).toBe(true);
    expect(r.straightThrough.eligible).toBe(false);
  });
});

describe('no side conflict', () => {
  it('a finding on the other side beside a tumour is another lesion', () => {
    const lung = run(['Malignant neoplasm of right lung'], 'CT: left lung nodule 4 mm, stable. Right upper lobe mass.');
    expect(sideAsked(lung)).toBe(false);
    expect(diagnosisCodes(lung)).toContain('C34.91');
    const breast = run(['Malignant neoplasm of right breast'], 'Exam: left breast cyst. Right breast mass 2 cm.');
    expect(sideAsked(breast)).toBe(false);
  });

  it('a normal exam of the other side, a past injury of it, or "left open" gives no side', () => {
    expect(sideAsked(run(['Cellulitis of left lower leg'], 'Exam: left lower leg erythema and warmth. Right leg normal.'))).toBe(false);
    expect(
      sideAsked(run(['Primary osteoarthritis, right knee'], 'Left knee meniscal tear repaired 2018. Right knee pain with stairs.')),
    ).toBe(false);
    expect(sideAsked(run(['Laceration of right hand'], 'Cut on the right hand with a knife. Irrigated, left open, dressing.'))).toBe(false);
  });
});
