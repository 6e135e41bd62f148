// The healing of a fracture (7th character) stated two ways, or named beside a routine-healing code
// (coding/fracture-healing.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const adult = recordCoder(codeSets, { ageYears: 38, sex: 'M' });
const HEALING = /healing of the fracture/;

type Lines = Array<{ description: string; code?: string }>;
/** The record coded again once the physician has answered the question it raised. */
function answered(notes: string, lines: Lines, answer: { option?: string; freeText?: string }) {
  const question = adult(notes, lines).clarification!.question;
  return adult(notes, lines, [{ question, ...answer }]);
}

describe('a routine-healing code beside a statement that the fracture is not healing', () => {
  const lines = [{ description: 'R tibial shaft fx, transverse displaced, subsequent', code: 'S82.221D' }];
  const notes =
    'Ortho recheck, 14 wk after IM nailing of R tibia.\nXR R tibia today: no bridging callus across the transverse line, hardware intact.\nA: R tibial shaft fracture, healing as expected.\nP: continue WBAT, XR 6 wk.';

  it('is asked, quoting both, the written code held meanwhile', () => {
    const r = adult(notes, lines);
    expect(r.clarification?.question).toMatch(HEALING);
    expect(r.clarification?.question).toMatch(/no bridging callus/);
    expect(r.clarification?.question).toMatch(/healing as expected/);
    expect(diagnosisCodes(r)).toEqual(['S82.221D']);
    expect(r.straightThrough.eligible).toBe(false);
  });

  it("the answer's healing is coded", () => {
    expect(diagnosisCodes(answered(notes, lines, { option: 'Nonunion' }))).toEqual(['S82.221K']);
    expect(diagnosisCodes(answered(notes, lines, { freeText: 'It is a delayed union at this point.' }))).toEqual(['S82.221G']);
    expect(diagnosisCodes(answered(notes, lines, { freeText: 'Routine healing, no delayed union.' }))).toEqual(['S82.221D']);
  });

  it('asks nothing when the film shows callus and the healing is routine', () => {
    const r = adult(
      'Ortho recheck, 14 wk after IM nailing of R tibia.\nXR R tibia today: bridging callus on 3 of 4 cortices, hardware intact.\nA: R tibial shaft fracture, healing as expected.',
      lines,
    );
    expect(r.clarification?.question ?? '').not.toMatch(HEALING);
    expect(diagnosisCodes(r)).toEqual(['S82.221D']);
  });
});

describe('a named nonunion a report only suggests, beside routine healing', () => {
  const lines = [{ description: 'L humerus shaft fracture, follow-up', code: 'S42.302D' }];

  it('is asked, the written code held', () => {
    const r = adult(
      'Humerus fx f/u at 4 months in functional brace.\nCT L humerus: persistent gap, findings concerning for nonunion.\nAssessment: L humeral shaft fx - routine healing course.',
      lines,
    );
    expect(r.clarification?.question).toMatch(HEALING);
    expect(diagnosisCodes(r)).toEqual(['S42.302D']);
  });
});

describe('a delayed healing, nonunion or malunion the physician names, nothing saying routine', () => {
  it('recodes a written routine-healing code and reports it changed', () => {
    const r = adult(
      'Foot clinic recheck, R 4th metatarsal fracture 16 wk ago.\nXR: lucent line unchanged.\nA/P: R 4th metatarsal fracture with nonunion. Plan screw fixation.',
      [{ description: 'R 4th metatarsal fx, subsequent', code: 'S92.341D' }],
    );
    expect(diagnosisCodes(r)).toEqual(['S92.341K']);
    expect(r.clarification?.question ?? '').not.toMatch(HEALING);
    expect(r.documentedCodes.find((c) => c.code === 'S92.341D')?.outcome).toBe('changed');
    expect(r.straightThrough.eligible).toBe(false);
  });

  it('asks, and keeps the written code, when the nonunion is only possible', () => {
    const r = adult('Tibia fx f/u 10 wk.\nXR: lucent line.\nA: R tibial shaft fx, possible nonunion.', [
      { description: 'R tibia fx, subsequent', code: 'S82.221D' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['S82.221D']);
    expect(r.clarification?.question).toMatch(HEALING);
  });

  it('keeps an open fracture open (routine healing E to nonunion M)', () => {
    const r = adult('Recheck of R tibia open fracture (type II) 5 months after debridement and nailing.\nA: nonunion of the R tibia.', [
      { description: 'Open fx R tibial shaft, subsequent', code: 'S82.221E' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['S82.221M']);
  });

  it('does not count a nonunion denied, ruled out or named as a risk', () => {
    const lines = [{ description: 'R 4th metatarsal fx, subsequent', code: 'S92.341D' }];
    for (const said of [
      'No nonunion on today\u2019s films.',
      'Rule out delayed union - repeat XR.',
      'Smoker, counselled on nonunion risk.',
    ]) {
      const r = adult(
        `Foot clinic follow-up, R 4th metatarsal fracture 6 wk ago.\n${said}\nA: R 4th metatarsal fracture, follow-up.`,
        lines,
      );
      expect(diagnosisCodes(r)).toEqual(['S92.341D']);
      expect(r.clarification?.question ?? '').not.toMatch(HEALING);
    }
  });
});

describe('a delayed-healing or malunion code beside a statement of routine healing', () => {
  const lines = [{ description: 'L humerus shaft fracture, malunion', code: 'S42.302P' }];
  const notes = 'Humerus fx f/u.\nXR L humerus: callus bridging, alignment acceptable.\nA: L humeral shaft fracture healing well.';

  it('is asked, the written code held', () => {
    const r = adult(notes, lines);
    expect(r.clarification?.question).toMatch(HEALING);
    expect(diagnosisCodes(r)).toEqual(['S42.302P']);
  });

  it("the answer's healing is coded", () => {
    expect(diagnosisCodes(answered(notes, lines, { option: 'Routine healing' }))).toEqual(['S42.302D']);
  });

  it('an incision healing well is not the fracture', () => {
    const r = adult('Humerus fx f/u after plating.\nIncision healing well.\nA: L humeral shaft fracture, malunion.', lines);
    expect(r.clarification?.question ?? '').not.toMatch(HEALING);
    expect(diagnosisCodes(r)).toEqual(['S42.302P']);
  });
});
