// The side of an injury stated two ways (coding/injury-side-conflict.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const adult = recordCoder(codeSets, { ageYears: 44, sex: 'F' });
const SIDE = /side/;

describe('the coded side against a statement of the notes about the same injury', () => {
  const notes =
    'HPI: slipped on stairs, landed on her LEFT hand 3 wk ago.\nEXAM: Left short arm cast intact, fingers warm.\nIMAGING: Left wrist 3 views: distal radius fracture, alignment maintained.\nASSESSMENT:\nRight distal radius Colles fracture, closed, routine healing.';
  const dx = [{ description: 'Colles fx, closed, routine healing' }];

  it('is asked, unspecified side meanwhile', () => {
    const r = adult(notes, dx);
    expect(r.clarification?.question).toMatch(SIDE);
    expect(diagnosisCodes(r)).toEqual(['S52.539D']);
  });

  it("the answer's side is coded, the first side it names", () => {
    const question = adult(notes, dx).clarification!.question;
    const r = adult(notes, dx, [{ question, freeText: "Left - 'right' in the assessment was a typo." }]);
    expect(diagnosisCodes(r)).toEqual(['S52.532D']);
  });

  it('a fall on the other hand is about the wrist fracture', () => {
    const r = adult(
      'HPI: Fell on outstretched right hand yesterday.\nXR right wrist: nondisplaced distal radius fracture.\nA: Fracture of left distal radius, closed. Splint.',
      [{ description: 'Fracture of left distal radius' }],
    );
    expect(r.clarification?.question).toMatch(SIDE);
    expect(diagnosisCodes(r)).toEqual(['S52.509A']);
  });
});

describe('statements of the other side that are not of this injury', () => {
  it('asks nothing for a prior injury, a normal other side, the hand used meanwhile or an old operation', () => {
    for (const notes of [
      'HPI: Fell on right hand. Hx left wrist fracture 2015.\nXR right wrist: distal radius fracture.\nA: Right distal radius fracture.',
      'HPI: Fell on right hand.\nExam: left wrist normal, right wrist TTP.\nA: Right distal radius fracture.',
      'HPI: Fell on right hand, types with the left hand meanwhile.\nA: Right distal radius fracture.',
      'HPI: Fell on right hand.\nExam: left forearm: well-healed incision from 2018 plating.\nA: Right distal radius fracture.',
    ]) {
      const r = adult(notes, [{ description: 'Right distal radius fracture' }]);
      expect(r.clarification?.question ?? '').not.toMatch(SIDE);
      expect(diagnosisCodes(r)).toEqual(['S52.501A']);
    }
  });

  it('a diagnosis line on the other side the note corrects is not asked here', () => {
    const r = adult(
      'HPI: rolled L ankle on a curb.\nExam: L ankle swelling, R ankle nl. Ant drawer lax vs R.\nA/P: Sprain L ankle, ATFL.',
      [{ description: 'Sprain R ankle', code: 'S93.401A' }],
    );
    expect(r.clarification?.reason ?? '').not.toMatch(/coded to the left side/);
  });
});

describe('two coded injuries, one on each side', () => {
  it('asks nothing: each side has its own injury', () => {
    const r = adult(
      'Cut on broken glass 1 hr ago.\nWound 1: R hand dorsum, 2 cm laceration, NV intact.\nWound 2: L forearm volar, 3 cm laceration.\nBoth irrigated and closed with nylon.',
      [{ description: 'Laceration of left forearm' }, { description: 'Laceration of right hand' }],
    );
    expect(r.clarification?.question ?? '').not.toMatch(SIDE);
  });
});
