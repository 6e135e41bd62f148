// A gestational diabetes coded diet controlled beside a drug taken now (coding/gestational-diabetes-control.ts).
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const pregnant = recordCoder(codeSets, { ageYears: 30, sex: 'F' });
const CONTROL = /control of the gestational diabetes/;
const lines = [
  { description: 'GDM diet controlled', code: 'O24.410' },
  { description: '29 weeks', code: 'Z3A.29' },
];
const record = (middle: string) =>
  `G1P0 at 29w2d. GDM dx at 26 wk.\nFasting 90-101 on carb-controlled meals.\n${middle}\nA/P: GDM, diet controlled. Continue meal plan, log BG. RTC 1 wk.`;

/** The record coded again once the physician has answered the question it raised. */
function answered(notes: string, answer: { option?: string; freeText?: string }) {
  const question = pregnant(notes, lines).clarification!.question;
  return pregnant(notes, lines, [{ question, ...answer }]);
}

describe('diet controlled beside an oral drug or insulin taken now', () => {
  const oral = record('Meds: prenatal vitamin, glyburide 2.5 mg qAM.');
  const insulin = record('Pt states she is taking NPH every night as MFM started last week.');

  it('is asked, quoting both, unspecified control meanwhile', () => {
    for (const notes of [oral, insulin]) {
      const r = pregnant(notes, lines);
      expect(r.clarification?.question).toMatch(CONTROL);
      expect(r.clarification?.question).toMatch(/diet controlled/);
      expect(diagnosisCodes(r)).toEqual(['O24.419', 'Z3A.29']);
      expect(r.straightThrough.eligible).toBe(false);
    }
  });

  it("the answer's control is coded", () => {
    expect(diagnosisCodes(answered(oral, { freeText: 'Controlled with glyburide and diet.' }))).toContain('O24.415');
    expect(diagnosisCodes(answered(insulin, { option: 'Insulin controlled' }))).toContain('O24.414');
    expect(diagnosisCodes(answered(insulin, { freeText: 'Diet only, she never started the NPH.' }))).toContain('O24.410');
  });
});

describe('a drug not taken now', () => {
  it('asks nothing when insulin or metformin is only discussed, planned or kept for rising sugars', () => {
    for (const middle of [
      'Meds: prenatal vitamin.\nDiscussed insulin if fasting values rise above 95; she would prefer metformin.',
      'Plan to start metformin 500 mg if sugars rise.',
      'Was on metformin for PCOS, stopped at conception.',
    ]) {
      const r = pregnant(record(middle), lines);
      expect(r.clarification?.question ?? '').not.toMatch(CONTROL);
      expect(diagnosisCodes(r)).toEqual(['O24.410', 'Z3A.29']);
    }
  });
});

describe('a change of control the physician states', () => {
  it('codes the control now, the written code reported changed', () => {
    const r = pregnant(
      'G1P0 at 29w2d. GDM dx at 26 wk, fasting above goal on diet.\nA/P: GDM, now A2 - start NPH 6 units at bedtime today, teaching done.',
      [{ description: 'GDM diet controlled', code: 'O24.410' }],
    );
    expect(diagnosisCodes(r)).toContain('O24.414');
    expect(r.clarification?.question ?? '').not.toMatch(CONTROL);
    expect(r.documentedCodes.find((c) => c.code === 'O24.410')?.outcome).toBe('changed');
  });
});

// Diet stated as not enough and a drug started: the change is stated, the control now is coded.
const dietLines = [
  { description: 'Gestational diabetes, diet controlled', code: 'O24.410' },
  { description: '30 weeks gestation', code: 'Z3A.30' },
];

describe('diet stated as not enough, the drug taken now', () => {
  it('codes the drug control without asking', () => {
    const r = pregnant(
      'OB visit 30w. GDM found at 25 wk; diet insufficient, glyburide 2.5 mg daily started at 27 wk, sugars at goal.\nA/P: GDM - continue glyburide.',
      dietLines,
    );
    expect(r.clarification?.question ?? '').not.toMatch(CONTROL);
    expect(diagnosisCodes(r)).toContain('O24.415');
  });
});

describe('no change stated', () => {
  it('still asks diet against a drug taken now', () => {
    const r = pregnant('OB visit 30w. GDM, sugars at goal on glyburide 2.5 mg daily.\nA/P: GDM - continue.', dietLines);
    expect(r.clarification?.question).toMatch(CONTROL);
    expect(diagnosisCodes(r)).toContain('O24.419');
  });
});
