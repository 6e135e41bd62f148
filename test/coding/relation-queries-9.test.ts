// Relations the guidelines do not presume: group 3 pulmonary hypertension with a lung disease,
// hypertension with an endocrine cause, a drug and a condition it can cause (lithium and the
// thyroid). Asked when unlinked; a "yes" answer (option or free text opening with yes) codes the link.
// Examples written for this test (tuned on).
import { describe, expect, it } from 'vitest';
import { answeredBy, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = answeredBy(codeSets, { ageYears: 66, sex: 'F' });
const relationAsked = (r: ReturnType<typeof run>) => /whether the condition is due to/.test(r.clarification?.question ?? '');

describe('relations asked, and coded once answered', () => {
  it('pulmonary hypertension beside COPD is asked; yes codes I27.23', () => {
    const first = run(['Pulmonary hypertension', 'COPD'], 'Echo: RVSP 55. On 2 L oxygen.');
    expect(relationAsked(first)).toBe(true);
    expect(diagnosisCodes(first)).toContain('I27.20');
    const yes = first.clarification?.options.find((o) => o.startsWith('Yes')) as string;
    const again = run(['Pulmonary hypertension', 'COPD'], 'Echo: RVSP 55. On 2 L oxygen.', [
      { question: first.clarification?.question as string, option: yes },
    ]);
    expect(diagnosisCodes(again)).toContain('I27.23');
    expect(again.clarification).toBeUndefined();
  });

  it('hypertension beside primary hyperaldosteronism is asked; a free-text yes codes secondary hypertension I15.2', () => {
    const first = run(['Hypertension', 'Primary hyperaldosteronism'], 'On spironolactone.');
    expect(relationAsked(first)).toBe(true);
    const again = run(['Hypertension', 'Primary hyperaldosteronism'], 'On spironolactone.', [
      { question: first.clarification?.question as string, freeText: 'Yes, secondary to the aldosteronism' },
    ]);
    expect(diagnosisCodes(again)).toContain('I15.2');
    expect(diagnosisCodes(again)).not.toContain('I10');
  });

  it('hypothyroidism on lithium is asked; "Yes, lithium" gives the adverse-effect T code', () => {
    const first = run(['Hypothyroidism'], 'Medications: lithium 300 mg twice daily, levothyroxine.');
    expect(relationAsked(first)).toBe(true);
    const again = run(['Hypothyroidism'], 'Medications: lithium 300 mg twice daily, levothyroxine.', [
      { question: first.clarification?.question as string, freeText: 'Yes, lithium' },
    ]);
    expect(diagnosisCodes(again)).toContain('T43.595A');
    expect(again.clarification).toBeUndefined();
  });

  it('nothing asked when the record states the link or names no cause', () => {
    expect(relationAsked(run(['Hypertension'], 'Lifestyle advice.'))).toBe(false);
    const linked = run(['Lithium-induced hypothyroidism'], 'Medications: lithium, levothyroxine.');
    expect(relationAsked(linked)).toBe(false);
    expect(diagnosisCodes(linked)).toContain('T43.595A');
  });
});
