// A coded condition the notes relate to a drug only as likely or possible (coding/uncertain-drug-cause.ts).
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/code-encounter.ts';
import { codingInput, diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coder = recordCoder(codeSets, { ageYears: 74, sex: 'F' });
const RELATION = /whether the condition is due to/;
const lines = [{ description: 'Orthostatic hypotension' }];

describe('the drug is named as a cause only with uncertainty', () => {
  it('asks the relation; the condition is coded as written, no adverse effect', () => {
    const r = coder(
      'Dizzy when standing since doxazosin was added last month.\nA: Orthostatic hypotension, probably from doxazosin. Stop it, recheck in 2 weeks.',
      lines,
    );
    expect(r.clarification?.question).toMatch(RELATION);
    expect(r.clarification?.question).toMatch(/doxazosin/);
    expect(diagnosisCodes(r)).toContain('I95.1');
    expect(diagnosisCodes(r).some((c) => c.startsWith('T44'))).toBe(false);
  });
});

describe('the answer', () => {
  it('codes the drug-induced member and the adverse effect on a yes', () => {
    const notes =
      'Dizzy when standing since doxazosin was added last month.\nA: Orthostatic hypotension, probably from doxazosin. Stop it.';
    const question = coder(notes, lines).clarification?.question ?? '';
    const r = coder(notes, lines, [{ question, option: 'Yes: the condition is due to doxazosin' }]);
    expect(diagnosisCodes(r)).toContain('I95.2');
    expect(diagnosisCodes(r)).toContain('T44.6X5A');
  });
});

describe('no uncertainty, an abnormal result, or an inpatient stay', () => {
  it('asks nothing of an abnormal result a drug likely explains', () => {
    const r = coder(
      'Creatinine 1.5 from 1.0 since enalapril was begun.\nA: Elevated creatinine, likely hemodynamic from enalapril; recheck in a week.',
      [{ description: 'Elevated creatinine' }],
    );
    expect(r.clarification?.question ?? '').not.toMatch(RELATION);
  });

  it('asks nothing of a stated or absent relation', () => {
    for (const notes of [
      'Dizzy when standing.\nA: Orthostatic hypotension due to doxazosin. Stop it.',
      'Dizzy when standing, dehydrated.\nA: Orthostatic hypotension, likely from poor oral intake. Fluids.',
    ]) {
      const r = coder(notes, lines);
      expect(r.clarification?.question ?? '').not.toMatch(RELATION);
    }
  });

  it('asks nothing in a hospital stay (the uncertain cause is coded there)', () => {
    const r = codeEncounter(
      codingInput(
        { notes: 'A: Orthostatic hypotension, probably from doxazosin. Stop it.', diagnoses: lines },
        { ageYears: 74, sex: 'F' },
        { placeOfService: '21' },
      ),
      codeSets(),
    );
    expect(r.clarification?.question ?? '').not.toMatch(/only as uncertain/);
  });
});
