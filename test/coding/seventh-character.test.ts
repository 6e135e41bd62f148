// 7th character from the encounter wording of the whole record, not only the diagnosis line.
// Wording is our own (not from the evaluation sets).
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';
import { encounterPhase } from '../../coding/search.ts';

const codeSets = useCodeSets();

const codes = (diagnosis: string, notes: string) =>
  codeEncounter(codingInput({ notes, diagnoses: [{ description: diagnosis }] }, { ageYears: 30, sex: 'M' }), codeSets()).diagnoses.map(
    (d) => d.code,
  );

describe('encounterPhase', () => {
  it('reads the phase from encounter wording', () => {
    expect(encounterPhase('Here for follow-up of the ankle sprain')).toBe('subsequent');
    expect(encounterPhase('Laceration healing well, sutures out')).toBe('subsequent');
    expect(encounterPhase('Cast change today')).toBe('subsequent');
    expect(encounterPhase('Scar, late effect of the burn')).toBe('sequela');
    expect(encounterPhase('Fracture with delayed healing')).toBe('delayed healing');
    expect(encounterPhase('Twisted ankle yesterday')).toBeUndefined();
  });

  it('a diagnosis line that ends in the visit kind, and a recheck visit, are subsequent', () => {
    expect(encounterPhase('Right wrist sprain, follow-up')).toBe('subsequent');
    expect(encounterPhase('Contusion of left knee (follow up)')).toBe('subsequent');
    expect(encounterPhase('Scalp laceration - follow-up visit')).toBe('subsequent');
    expect(encounterPhase('Recheck R thumb sprain, 2 wk after the fall; less pain.')).toBe('subsequent');
  });

  it('a planned follow-up or recheck is not a subsequent encounter', () => {
    expect(encounterPhase('Finger laceration, follow up in 7 days for suture removal')).toBeUndefined();
    expect(encounterPhase('Recheck in 2 weeks if not better')).toBeUndefined();
    expect(encounterPhase('Laceration repaired with 4 sutures. Return in 10 days for suture removal.')).toBeUndefined();
    expect(encounterPhase('Here today for suture removal; wound closed')).toBe('subsequent');
  });

  it('a planned follow-up is not a subsequent encounter', () => {
    expect(encounterPhase('Follow up in 10 days if not improving')).toBeUndefined();
    expect(encounterPhase('Follow-up with orthopaedics next week')).toBeUndefined();
  });

  it("the condition's own wording comes before the rest of the record", () => {
    expect(encounterPhase('sprain, initial encounter\nfollow-up of sprain')).toBe('initial');
  });
});

describe('codeEncounter: 7th character', () => {
  it('a follow-up visit for a healing injury gets D, the first visit A', () => {
    expect(codes('Sprain of left ankle', 'Back for follow-up of the ankle sprain; swelling gone, healing well.')).toEqual(['S93.402D']);
    expect(codes('Sprain of left ankle', 'Twisted the ankle yesterday. Follow up in 2 weeks if still sore.')).toEqual(['S93.402A']);
  });

  it('an injury line written "<injury>, follow-up" gets D', () => {
    expect(codes('Left ankle sprain, follow-up', 'Sprained it 3 weeks ago; swelling down, walking without a brace.')).toEqual(['S93.402D']);
  });

  it('delayed healing of a fracture gets G', () => {
    expect(codes('Fracture of right distal radius', 'Cast off today; fracture shows delayed healing on x-ray.')).toEqual(['S52.501G']);
  });
});

describe('encounter type: how the injury happened is its first visit', () => {
  const clarify = (diagnosis: string, notes: string) =>
    codeEncounter(codingInput({ notes, diagnoses: [{ description: diagnosis }] }, { ageYears: 30, sex: 'M' }), codeSets()).clarification
      ?.reason;

  it('an injury told by its mechanism (rolled, stubbed, caught in a door, a crash, a misstep) is not asked', () => {
    expect(clarify('Nondisplaced fracture of right lateral malleolus', 'Rolled her ankle stepping off a curb. Boot.')).toBeUndefined();
    expect(clarify('Nondisplaced fracture of proximal phalanx of right great toe', 'Stubbed the toe on a bed frame.')).toBeUndefined();
    expect(clarify('Fracture of distal phalanx of left middle finger', 'Finger caught in a car door.')).toBeUndefined();
    expect(clarify('Open fracture of right tibial shaft', 'Bicycle crash, bone visible through the wound.')).toBeUndefined();
    expect(clarify('Nondisplaced fracture of left fifth metatarsal', 'Pain after a misstep on the stairs.')).toBeUndefined();
  });

  it('a fracture with no encounter wording and no injury told is still asked', () => {
    expect(clarify('Fracture of lower end of left radius', 'Cast in place, fingers warm. Recheck in two weeks.')).toMatch(/encounter type/);
  });
});

describe('a fracture not healing as expected, coded routine healing, is asked', () => {
  const run = (diagnosis: string, notes: string, answers: Array<{ question: string; option?: string; freeText?: string }> = []) =>
    codeEncounter(codingInput({ notes, diagnoses: [{ description: diagnosis }] }, { ageYears: 30, sex: 'M' }, { answers }), codeSets());
  const notes =
    'Follow-up of the left distal radius fracture, 4 months after the fall. X-ray today: no bridging callus, fracture line still visible. Plan: start bone stimulator, recheck 6 weeks.';

  it('no bridging callus and a bone stimulator at a follow-up: the healing is asked; the answer codes the 7th character', () => {
    const first = run('Fracture of left distal radius', notes);
    expect(first.diagnoses.map((d) => d.code)).toEqual(['S52.502D']);
    expect(first.clarification?.options).toEqual(expect.arrayContaining(['Routine healing', 'Delayed healing', 'Nonunion']));
    const question = first.clarification?.question as string;
    expect(
      run('Fracture of left distal radius', notes, [{ question, freeText: 'Nonunion of the radius fracture.' }]).diagnoses.map(
        (d) => d.code,
      ),
    ).toEqual(['S52.502K']);
    expect(run('Fracture of left distal radius', notes, [{ question, option: 'Delayed healing' }]).diagnoses.map((d) => d.code)).toEqual([
      'S52.502G',
    ]);
  });

  it('not asked: healing well at follow-up, or the delayed healing already stated', () => {
    expect(
      run('Fracture of left distal radius', 'Follow-up 6 weeks after the fall; x-ray shows bridging callus, healing well.').clarification,
    ).toBeUndefined();
    expect(
      run('Fracture of left distal radius with delayed healing', 'Follow-up 4 months on; no bridging callus. Start bone stimulator.')
        .clarification,
    ).toBeUndefined();
  });
});
