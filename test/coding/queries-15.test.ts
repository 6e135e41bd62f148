// Queries a coder would send (issue 10 item 5), session 15: what counts as stated (a value said per
// side, by another clinician, in other words) and what a coder asks that the engine missed. Examples
// written for this test in their own words (tuned on).
import { describe, expect, it } from 'vitest';
import type { ClarificationAnswer } from '../../domain/coding.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = (diagnoses: string[], notes = '', answers: ClarificationAnswer[] = [], patient = { ageYears: 63, sex: 'F' as const }) =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, patient, { answers }), codeSets());

describe('a value stated per side is no conflict', () => {
  it('severe retinopathy in one eye, mild in the other: each eye coded, nothing asked', () => {
    const r = run(
      ['T2DM with severe NPDR, no DME, OD', 'T2DM with mild NPDR, no DME, OS'],
      'Diabetic eye check. Fundus: venous beading OD, scattered microaneurysms OS. Metformin.',
    );
    expect(r.clarification?.question ?? '').not.toMatch(/severity/);
    expect(diagnosisCodes(r)).toContain('E11.3491');
  });

  it('the same eye called severe and mild is still asked', () => {
    const r = run(
      ['T2DM with severe NPDR, no DME, OD'],
      'Diabetic eye check. Fundus: scattered microaneurysms OD. Impression: T2DM with mild NPDR OD, no DME. Metformin.',
    );
    expect(r.clarification?.question).toMatch(/severity/);
  });
});
