// A heel ulcer of no stated kind in a bedbound patient: pressure or not is asked
// (coding/ulcer-cause-query.ts). Records written for this test.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = (descriptions: string[], notes: string, answers: Array<{ question: string; option?: string }> = []) =>
  codeEncounter(
    codingInput({ notes, diagnoses: descriptions.map((description) => ({ description })) }, { ageYears: 82, sex: 'M' }, { answers }),
    codeSets(),
  );

describe('the kind of a heel ulcer in a patient confined to bed', () => {
  const notes = 'Home visit. Bedbound after repeated hospitalizations. L heel: 2 x 1.8 cm ulcer, fat layer exposed.';

  it('is asked, the ulcer coded as written meanwhile', () => {
    const r = run(['L heel ulcer'], notes);
    expect(r.clarification?.question).toMatch(/kind of ulcer/);
    expect(r.diagnoses.map((d) => d.code)).toEqual(['L97.422']);
  });

  it('an answer of a pressure ulcer codes the left heel pressure ulcer', () => {
    const question = run(['L heel ulcer'], notes).clarification?.question ?? '';
    const r = run(['L heel ulcer'], notes, [{ question, option: 'Pressure ulcer (pressure injury)' }]);
    expect(r.diagnoses.map((d) => d.code)).toContain('L89.629');
  });

  it('not when a statement names the kind, nor when the patient walks', () => {
    expect(
      run(['L heel ulcer'], 'Home visit. Bedbound. L heel: diabetic foot ulcer, fat layer exposed.').clarification?.question ?? '',
    ).not.toMatch(/kind of ulcer/);
    expect(run(['L heel ulcer'], 'Ambulates with walker. L heel ulcer, fat layer exposed.').clarification?.question ?? '').not.toMatch(
      /kind of ulcer/,
    );
  });
});
