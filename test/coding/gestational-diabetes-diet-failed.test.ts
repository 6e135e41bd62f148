// A written diet-controlled gestational diabetes beside a record saying diet alone failed and a drug
// was started (coding/gestational-diabetes-control.ts): the change is stated, the control now is
// coded, nothing asked. Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coder = recordCoder(codeSets, { ageYears: 30, sex: 'F' });
const CONTROL = /control of the gestational diabetes/;
const lines = [
  { description: 'Gestational diabetes, diet controlled', code: 'O24.410' },
  { description: '30 weeks gestation', code: 'Z3A.30' },
];

describe('diet stated as not enough, the drug taken now', () => {
  it('codes the drug control without asking', () => {
    const r = coder(
      'OB visit 30w. GDM found at 25 wk; diet insufficient, glyburide 2.5 mg daily started at 27 wk, sugars at goal.\nA/P: GDM - continue glyburide.',
      lines,
    );
    expect(r.clarification?.question ?? '').not.toMatch(CONTROL);
    expect(diagnosisCodes(r)).toContain('O24.415');
  });
});

describe('no change stated', () => {
  it('still asks diet against a drug taken now', () => {
    const r = coder('OB visit 30w. GDM, sugars at goal on glyburide 2.5 mg daily.\nA/P: GDM - continue.', lines);
    expect(r.clarification?.question).toMatch(CONTROL);
    expect(diagnosisCodes(r)).toContain('O24.419');
  });
});
