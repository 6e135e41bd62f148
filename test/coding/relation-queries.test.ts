// A current drug or device beside a condition it is known to cause, unlinked, is asked (the
// guidelines do not presume the link); a stated link is coded without a query; a "yes" answer adds
// the adverse-effect code. Examples written for this test (tuned on).
import { describe, expect, it } from 'vitest';
import { answeredBy, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = answeredBy(codeSets, { ageYears: 70, sex: 'M' });
const codes = diagnosisCodes;

describe('relations the guidelines do not presume', () => {
  it('hives after an antibiotic are asked; "yes, from the amoxicillin" adds the adverse-effect code, "no" does not', () => {
    const notes = 'Started amoxicillin 5 days ago for otitis media. Now diffuse hives on trunk and arms.';
    const first = run(['Urticaria'], notes, [], 6);
    expect(first.clarification?.question).toMatch(/due to amoxicillin/);
    expect(codes(first)).not.toContain('T36.0X5A');
    const question = first.clarification?.question as string;
    expect(codes(run(['Urticaria'], notes, [{ question, freeText: 'Yes, the hives are from the amoxicillin' }], 6))).toContain('T36.0X5A');
    const no = run(['Urticaria'], notes, [{ question, option: 'No: not due to amoxicillin' }], 6);
    expect(codes(no)).not.toContain('T36.0X5A');
    expect(no.clarification).toBeUndefined();
  });

  it('hypothyroidism on amiodarone and hyponatremia on an SSRI are asked; a "yes" codes the drug class', () => {
    const notes = 'On amiodarone for atrial fibrillation for 2 years. TSH 14.';
    const first = run(['Hypothyroidism', 'Atrial fibrillation'], notes);
    expect(first.clarification?.question).toMatch(/due to amiodarone/);
    const again = run(['Hypothyroidism', 'Atrial fibrillation'], notes, [
      { question: first.clarification?.question as string, freeText: 'Yes, amiodarone-induced' },
    ]);
    expect(codes(again)).toContain('T46.2X5A');
    expect(run(['Hyponatremia'], 'Sodium 126. Takes sertraline 100 mg daily.').clarification?.question).toMatch(/due to sertraline/);
  });

  it('an indwelling catheter beside a urinary infection is asked; "catheter-associated" in the diagnosis is not', () => {
    expect(
      run(['Urinary tract infection'], 'Chronic indwelling Foley catheter for retention. Cloudy urine.').clarification?.question,
    ).toMatch(/due to (indwelling )?Foley catheter/i);
    expect(run(['Catheter-associated urinary tract infection'], 'Chronic indwelling Foley catheter.').clarification).toBeUndefined();
  });

  it('a stated link, a past drug or a drug with no known effect on the condition asks nothing', () => {
    expect(run(['Urticaria due to amoxicillin'], 'Started amoxicillin 5 days ago.', [], 6).clarification).toBeUndefined();
    expect(run(['Urticaria'], 'Completed amoxicillin last year. Hives after eating shellfish.', [], 6).clarification).toBeUndefined();
    expect(run(['Hypothyroidism'], 'On levothyroxine, TSH normal.').clarification).toBeUndefined();
  });
});
