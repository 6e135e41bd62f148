// An intracranial injury's loss of consciousness stated two ways (coding/consciousness-conflict.ts).
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';
import { answeredCharacter, consciousnessStated } from '../../coding/consciousness-conflict.ts';

const codeSets = useCodeSets();
const adult = recordCoder(codeSets, { ageYears: 24, sex: 'M' });
const LOC = /loss of consciousness/;
type Lines = Array<{ description: string; code?: string }>;
const lines = (...d: string[]): Lines => d.map((description) => ({ description }));

function answered(notes: string, dx: Lines, answer: { option?: string; freeText?: string }) {
  const question = adult(notes, dx).clarification!.question;
  return adult(notes, dx, [{ question, ...answer }]);
}

describe('no LOC in one statement, a loss of consciousness in another', () => {
  const ems =
    'HPI: Bicycle crash, struck head. EMS run sheet: knocked out about one minute.\nPt insists he never lost consciousness.\nExam: GCS 15.\nA: Concussion.';
  const hpiVsAssessment = 'HPI: Struck head on a shelf, no LOC.\nExam: nonfocal.\nA/P: Concussion with brief LOC. Cognitive rest.';

  it('is asked, quoting both, with the status unknown held', () => {
    for (const [notes, dx] of [
      [ems, lines('Concussion')],
      [hpiVsAssessment, lines('Concussion with brief LOC')],
    ] as const) {
      const r = adult(notes, dx);
      expect(r.clarification?.question).toMatch(LOC);
      expect(diagnosisCodes(r)).toEqual(['S06.0XAA']);
      expect(r.straightThrough.eligible).toBe(false);
    }
  });

  it('is asked for another intracranial injury too', () => {
    const r = recordCoder(codeSets, { ageYears: 71, sex: 'F' })(
      'HPI: Tripped on rug, hit head. Denies loss of consciousness.\nCT head: small subdural hematoma.\nA: Traumatic subdural hematoma, passed out briefly per son.',
      lines('Traumatic subdural hematoma'),
    );
    expect(r.clarification?.question).toMatch(LOC);
    expect(diagnosisCodes(r)[0]).toMatch(/^S06\.5XAA$/);
  });

  it("the answer's duration sets the 6th character", () => {
    expect(diagnosisCodes(answered(ems, lines('Concussion'), { freeText: 'Yes, out for roughly 60 seconds per EMS.' }))).toEqual([
      'S06.0X1A',
    ]);
    expect(diagnosisCodes(answered(ems, lines('Concussion'), { freeText: 'He did not lose consciousness.' }))).toEqual(['S06.0X0A']);
    expect(diagnosisCodes(answered(ems, lines('Concussion'), { option: 'Loss of consciousness of unspecified duration' }))).toEqual([
      'S06.0X9A',
    ]);
  });
});

describe('statements that agree, or are not of this injury', () => {
  it('asks nothing when every statement denies it, a review of systems among them', () => {
    const r = adult(
      'HPI: Head-to-head collision at soccer. No LOC, no vomiting.\nROS: Neuro: +HA, no LOC.\nA: Concussion without loss of consciousness.',
      lines('Concussion without loss of consciousness'),
    );
    expect(r.clarification).toBeUndefined();
    expect(diagnosisCodes(r)).toEqual(['S06.0X0A']);
  });

  it('asks nothing for a prior concussion, a level of consciousness, a warning or a doubt', () => {
    for (const notes of [
      'HPI: Tripped, struck head, no loss of consciousness. Prior concussion in 2019 with LOC.\nA: Concussion w/o LOC.',
      'HPI: Fell skiing, no LOC.\nExam: LOC: alert. GCS 15.\nA: Concussion without LOC. Return if LOC, vomiting or confusion.',
      'HPI: Fell skiing, unclear if LOC.\nA: Concussion without loss of consciousness.',
    ]) {
      const r = adult(notes, lines('Concussion without loss of consciousness'));
      expect(r.clarification?.question ?? '').not.toMatch(LOC);
    }
  });
});

describe('reading one statement', () => {
  it('tells a denial from a loss, and reads nothing in a plan or a doubt', () => {
    expect(consciousnessStated('Denies headache, neck pain or LOC')).toBe('none');
    expect(consciousnessStated('EMS: found unresponsive for ~2 minutes')).toBe('lost');
    expect(consciousnessStated('+LOC x 30 sec')).toBe('lost');
    expect(consciousnessStated('Return precautions: LOC, seizure')).toBeUndefined();
    expect(consciousnessStated('possible LOC')).toBeUndefined();
    expect(consciousnessStated('altered LOC')).toBeUndefined();
  });

  it('reads the character an answer states', () => {
    expect(answeredCharacter('LOC about 10-15 seconds')).toBe('1');
    expect(answeredCharacter('Lost consciousness for 45 minutes')).toBe('2');
    expect(answeredCharacter('No loss of consciousness')).toBe('0');
    expect(answeredCharacter('He passed out, duration not known')).toBe('9');
  });
});
