// The side of an operated fracture stated two ways (coding/injury-side-conflict.ts): a film of the other
// side whose hardware is intact is the fracture's own, and the held code is the unspecified side of
// the same family (displaced and nondisplaced fractures number it 3 and 6). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const adult = recordCoder(codeSets, { ageYears: 47, sex: 'M' });
const SIDE = /side of the injury/;

describe('a film of the other side after fixation', () => {
  it('is asked, the displaced fracture held at the unspecified side', () => {
    const r = adult(
      'Post-op visit, 6 wk s/p ORIF.\nXR R ankle 3 views: plate and screws intact, trimalleolar fracture healing.\nA/P: Trimalleolar fx, routine healing.',
      [{ description: 'Displaced trimalleolar fracture of left lower leg, routine healing', code: 'S82.852D' }],
    );
    expect(r.clarification?.question).toMatch(SIDE);
    expect(diagnosisCodes(r)).toEqual(['S82.853D']);
  });

  it('a nondisplaced fracture is held at its own unspecified side', () => {
    const r = adult(
      'XR LEFT ankle: splint intact, nondisplaced lateral malleolus fracture healing.\nA/P: lateral malleolus fx, routine healing.',
      [{ description: 'Nondisplaced fracture of lateral malleolus of right fibula, routine healing', code: 'S82.64XD' }],
    );
    expect(r.clarification?.question).toMatch(SIDE);
    expect(diagnosisCodes(r)).toEqual(['S82.66XD']);
  });
});

describe('what is intact on the other side that is not the injury', () => {
  it('asks nothing for the other side found neurovascularly intact or normal', () => {
    for (const notes of [
      'Post-op visit.\nExam: L ankle NV intact, nontender.\nXR R ankle: plate intact, fracture healing.\nA/P: R trimalleolar fx, routine healing.',
      'Post-op visit.\nL ankle exam intact.\nA/P: R trimalleolar fx, routine healing.',
    ]) {
      const r = adult(notes, [{ description: 'Displaced trimalleolar fracture of right lower leg, routine healing', code: 'S82.851D' }]);
      expect(r.clarification?.question ?? '').not.toMatch(SIDE);
      expect(diagnosisCodes(r)).toEqual(['S82.851D']);
    }
  });
});
