// Ulcerative colitis and Crohn's disease stated differently in one record (coding/exclusive-conflicts.ts):
// the physician is asked which it is. Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 41, sex: 'M' });

describe("ulcerative colitis against Crohn's disease", () => {
  it('asks when the problem list names the other disease by its abbreviation alone', () => {
    const r = code("Problem list: UC.\nAssessment: Crohn's - continue adalimumab.", [
      { description: "Crohn's disease of small intestine" },
    ]);
    expect(r.clarification?.question).toMatch(/not normally present together/);
    expect(r.clarification?.question).toContain('UC');
  });

  it('asks when the past history gives the abbreviation and a year', () => {
    const r = code("PMH: UC dx 2018.\nAssessment: Crohn's flare - prednisone taper.", [{ description: "Crohn's disease" }]);
    expect(r.clarification?.question).toMatch(/not normally present together/);
  });

  it("asks when the note calls it Crohn's by the site ('Crohn's colitis')", () => {
    const r = code("Problem list: Crohn's colitis.\nAssessment: Ulcerative colitis flare - budesonide.", [
      { description: 'Ulcerative colitis' },
    ]);
    expect(r.clarification?.question).toMatch(/not normally present together/);
  });
});

describe('no conflict', () => {
  it("a Crohn's disease the note rules out is not a second diagnosis", () => {
    const r = code("Problem list: Ulcerative colitis.\nAssessment: UC - stable on mesalamine. Crohn's disease ruled out by biopsy.", [
      { description: 'Ulcerative colitis' },
    ]);
    expect(r.clarification?.question ?? '').not.toMatch(/not normally present together/);
    expect(diagnosisCodes(r)[0]).toMatch(/^K51/);
  });

  it("a relative's Crohn's disease is not the patient's", () => {
    const r = code("Family history: Crohn's disease in brother.\nAssessment: UC - stable on mesalamine.", [
      { description: 'Ulcerative colitis' },
    ]);
    expect(r.clarification?.question ?? '').not.toMatch(/not normally present together/);
  });

  it('an abbreviation of another meaning is no condition ("UC" as urgent care is not in a short statement)', () => {
    const r = code("Seen at urgent care last week.\nAssessment: Crohn's - continue adalimumab.", [{ description: "Crohn's disease" }]);
    expect(r.clarification?.question ?? '').not.toMatch(/not normally present together/);
  });
});
