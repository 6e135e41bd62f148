// Atrial fibrillation coded persistent or permanent beside a fibrillation that stops by itself
// (coding/atrial-fibrillation-type.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coder = recordCoder(codeSets, { ageYears: 72, sex: 'F' });
const TYPE = /type of atrial fibrillation/;
const persistent = [
  { description: 'Persistent AF', code: 'I48.19' },
  { description: 'On rivaroxaban', code: 'Z79.01' },
];
const record = (middle: string) =>
  `Clinic visit, rhythm follow-up.\n${middle}\nMeds: rivaroxaban 20 mg daily, metoprolol succinate 50.\nA/P:\n1. Persistent AF - rate controlled, continue rivaroxaban.`;

describe('coded persistent beside a self-terminating fibrillation', () => {
  const monitor = record('Event monitor x30 d: three runs of AF, each ended spontaneously within 4 h; otherwise sinus.');
  const listed = record('Problem list: paroxysmal atrial fibrillation (2025).');

  it('is asked, quoting both statements, I48.91 meanwhile', () => {
    for (const notes of [monitor, listed]) {
      const r = coder(notes, persistent);
      expect(r.clarification?.question).toMatch(TYPE);
      expect(r.clarification?.question).toMatch(/Persistent AF/);
      expect(diagnosisCodes(r)).toEqual(['I48.91', 'Z79.01']);
      expect(r.straightThrough.eligible).toBe(false);
    }
  });

  it("the answer's type is coded", () => {
    const question = coder(monitor, persistent).clarification!.question;
    expect(diagnosisCodes(coder(monitor, persistent, [{ question, option: 'Paroxysmal atrial fibrillation' }]))).toContain('I48.0');
    expect(diagnosisCodes(coder(monitor, persistent, [{ question, freeText: 'It is persistent now.' }]))).toContain('I48.19');
  });
});

describe('no second statement of the type', () => {
  it('asks nothing when the record agrees or the self-terminating words are not about the fibrillation', () => {
    for (const middle of [
      'Cardioversion 2025, back in AF within 5 weeks.',
      'No self-terminating episodes on the monitor; in AF throughout.',
      'Palpitations that stop on their own after a few minutes, no AF on Holter.',
    ]) {
      const r = coder(record(middle), persistent);
      expect(r.clarification?.question ?? '').not.toMatch(TYPE);
      expect(diagnosisCodes(r)).toContain('I48.19');
    }
  });
});

describe('a type the physician has already answered', () => {
  it('is not asked again when the answer is a sustained type and the paroxysmal statement remains', () => {
    const notes = record('Problem list: paroxysmal atrial fibrillation (2025).');
    const question = coder(notes, persistent).clarification!.question;
    const r = coder(notes, persistent, [{ question, option: 'Persistent atrial fibrillation' }]);
    expect(r.clarification?.question ?? '').not.toMatch(TYPE);
    expect(diagnosisCodes(r)).toContain('I48.19');
  });
});

describe('a paroxysmal type the record places in the past', () => {
  it('asks nothing', () => {
    const r = coder(record('AF first documented in 2020 as paroxysmal; cardioversion 2023.'), persistent);
    expect(r.clarification?.question ?? '').not.toMatch(TYPE);
    expect(diagnosisCodes(r)).toContain('I48.19');
  });
});
