// A venous thrombosis coded chronic that the notes never call chronic (coding/venous-thrombosis-acuity.ts).
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import { acuteCounterpart } from '../../coding/venous-thrombosis-acuity.ts';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coder = recordCoder(codeSets, { ageYears: 61, sex: 'F' });
const ACUITY = /acuity of the venous thrombosis/;
const chronicPopliteal = [{ description: 'Chronic DVT right popliteal vein', code: 'I82.531' }];
const record = (middle: string) =>
  `Follow-up, 61-year-old woman on rivaroxaban.\n${middle}\nA/P: R popliteal DVT - continue rivaroxaban 20 mg through March, then reassess.`;

describe('the acute counterpart of a chronic code', () => {
  it('maps each chronic subcategory to its acute one', () => {
    expect(acuteCounterpart('I82.531')).toBe('I82.431');
    expect(acuteCounterpart('I82.722')).toBe('I82.622');
    expect(acuteCounterpart('I82.B21')).toBe('I82.B11');
    expect(acuteCounterpart('I82.221')).toBe('I82.220');
    expect(acuteCounterpart('I82.91')).toBe('I82.90');
    expect(acuteCounterpart('I82.431')).toBeUndefined();
  });
});

describe('coded chronic, the notes never saying chronic', () => {
  const notes = record('Duplex last week: residual partially occlusive thrombus R popliteal vein, chronic-appearing wall changes.');

  it('is asked, the acute code held meanwhile', () => {
    const r = coder(notes, chronicPopliteal);
    expect(r.clarification?.question).toMatch(ACUITY);
    expect(diagnosisCodes(r)).toContain('I82.431');
    expect(diagnosisCodes(r)).not.toContain('I82.531');
    expect(r.straightThrough.eligible).toBe(false);
  });

  it("the answer's acuity is coded", () => {
    const question = coder(notes, chronicPopliteal).clarification!.question;
    expect(diagnosisCodes(coder(notes, chronicPopliteal, [{ question, option: 'Chronic venous thrombosis' }]))).toContain('I82.531');
    expect(diagnosisCodes(coder(notes, chronicPopliteal, [{ question, freeText: 'This is a new, acute clot.' }]))).toContain('I82.431');
  });
});

describe('the physician calls it chronic', () => {
  it('asks nothing and keeps the chronic code', () => {
    for (const middle of [
      'Chronic R popliteal DVT since 2021, recurrent swelling.',
      'Old thrombus R popliteal vein, unchanged on duplex.',
    ]) {
      const r = coder(record(middle), chronicPopliteal);
      expect(r.clarification?.question ?? '').not.toMatch(ACUITY);
      expect(diagnosisCodes(r)).toContain('I82.531');
    }
  });

  it('leaves an acute code alone', () => {
    const r = coder(record('Duplex: new occlusive thrombus R popliteal vein.'), [
      { description: 'Acute DVT right popliteal vein', code: 'I82.431' },
    ]);
    expect(r.clarification?.question ?? '').not.toMatch(ACUITY);
    expect(diagnosisCodes(r)).toContain('I82.431');
  });
});
