// Queries a coder would send (issue 10 item 5), session 11: a family the tabular splits by an axis
// whose value the record leaves open (the stage of a pressure ulcer in a record full of other
// numbers; the degree of a burn; the duration of a loss of consciousness), not asked when the record
// states it as far as the classification's member does (CKD "stage 3"); answers worded otherwise
// than the offered options still resolve. Examples written for this test (tuned on).
import { describe, expect, it } from 'vitest';
import type { ClarificationAnswer } from '../../domain/coding.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = (diagnoses: string[], notes = '', answers: ClarificationAnswer[] = []) =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ageYears: 67, sex: 'M' }, { answers }), codeSets());

describe('an axis the record leaves open', () => {
  const ulcerNotes =
    'Home health referral. Wt 61.2 kg (63 kg in 2 months), T 98.4, BP 132/81. Left buttock wound 2 x 3 cm, dressing changed, turn q2h.';

  it('a pressure ulcer with no stage is asked, though the record carries weights and temperatures', () => {
    const r = run(['Pressure ulcer of left buttock'], ulcerNotes);
    expect(diagnosisCodes(r)).toEqual(['L89.329']);
    expect(r.clarification?.question).toMatch(/stage/);
    expect(r.straightThrough.eligible).toBe(false);
  });

  it('an answer choosing a stage in its own words ("Stage 2") gives the staged code', () => {
    const first = run(['Pressure ulcer of left buttock'], ulcerNotes);
    const answered = run(['Pressure ulcer of left buttock'], ulcerNotes, [
      { question: first.clarification?.question ?? '', option: 'Stage 2' },
    ]);
    expect(diagnosisCodes(answered)).toEqual(['L89.322']);
    expect(answered.clarification).toBeUndefined();
  });

  it('a burn with no degree is asked; a degree in the answer or the record codes it', () => {
    const notes = 'Spilled boiling water on left forearm at home today. Cool compresses, silver sulfadiazine, dressing.';
    const r = run(['Burn of left forearm'], notes);
    expect(r.clarification?.question).toMatch(/degree/);
    const answered = run(['Burn of left forearm'], notes, [
      { question: r.clarification?.question ?? '', option: 'Other (please specify)', freeText: 'Second degree, blistering.' },
    ]);
    expect(diagnosisCodes(answered)).toEqual(['T22.212A']);
    expect(answered.clarification).toBeUndefined();
    expect(run(['Second degree burn of left forearm'], notes).clarification).toBeUndefined();
  });

  it('a loss of consciousness of no stated duration is asked; a stated duration is not', () => {
    const notes =
      'Struck head on the rim falling during a basketball game yesterday, knocked out per his coach. Headache. Neuro exam nonfocal.';
    const r = run(['Concussion with LOC'], notes);
    expect(diagnosisCodes(r)).toEqual(['S06.0X9A']);
    expect(r.clarification?.question).toMatch(/duration/);
    const stated = run(['Concussion with LOC'], notes.replace('knocked out', 'lost consciousness for about 2 minutes'));
    expect(stated.clarification?.question ?? '').not.toMatch(/duration/);
  });

  it('CKD documented as stage 3 is coded stage 3 unspecified without asking 3a or 3b', () => {
    const r = run(['Chronic kidney disease stage 3'], 'eGFR 41, stable. Continue losartan.');
    expect(diagnosisCodes(r)).toEqual(['N18.30']);
    expect(r.clarification).toBeUndefined();
  });
});

describe('answers that resolve', () => {
  it('a side answered with the other entry taken back after a dash gives the side', () => {
    const notes = 'Rolled right ankle stepping off a curb today. Lateral swelling, able to bear weight, Ottawa negative.';
    const r = run(['Sprain of left ankle'], notes);
    expect(r.clarification?.question).toMatch(/side/);
    const answered = run(['Sprain of left ankle'], notes, [
      { question: r.clarification?.question ?? '', freeText: 'Right ankle - the left on the list was entered in error.' },
    ]);
    expect(diagnosisCodes(answered)[0]).toMatch(/^S93\.40[1-9]A$/);
    expect(diagnosisCodes(answered)[0]?.charAt(6)).toBe('1');
    expect(answered.clarification).toBeUndefined();
  });
});
