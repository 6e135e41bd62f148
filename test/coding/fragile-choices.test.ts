// Session twelve's gate reasons (coding/fragile-choices.ts, code-encounter.ts), raised by codeEncounter:
// for each, a record written for this test that raises it and a near one that does not. The records
// are ours (tuned on), written from the mechanism, not copied from a set.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import type { CodingInput } from '../../domain/coding.ts';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = (diagnoses: CodingInput['documentation']['diagnoses'], notes: string, ageYears = 60, sex: 'F' | 'M' = 'F') =>
  codeEncounter(codingInput({ notes, diagnoses }, { ageYears, sex }), codeSets());
const reasons = (diagnoses: string[], notes: string, ageYears = 60, sex: 'F' | 'M' = 'F') =>
  coded(described(diagnoses), notes, ageYears, sex).straightThrough.reasons;

describe('fragile choices send the encounter to a coder', () => {
  it('organism-uncoded: a wound culture grew an organism no code names; not while the culture is pending', () => {
    const dx = ['Cellulitis of left lower leg'];
    // (An organism the agent table codes, "grew MRSA", is coded B95.62 and so not uncoded: infectious-agent.ts.)
    expect(reasons(dx, 'Red warm shin. Wound culture grew viridans streptococci. Doxycycline started.')).toContain('organism-uncoded');
    expect(reasons(dx, 'Red warm shin. Wound culture pending. Cephalexin started.')).not.toContain('organism-uncoded');
  });

  it('unstated-axis-value: an unspecified member whose family is split by a value the record leaves out; not when the value is stated', () => {
    expect(reasons(['Heart failure'], 'Ankle edema, on furosemide. Weight stable.', 70, 'M')).toContain('unstated-axis-value');
    expect(reasons(['Chronic systolic heart failure'], 'Ankle edema, on furosemide. Weight stable.', 70, 'M')).not.toContain(
      'unstated-axis-value',
    );
  });

  it.each([
    ['Chronic kidney disease', 'N18.9', true],
    ['Chronic kidney disease stage 4', 'N18.4', false],
    ['Carpal tunnel syndrome', 'G56.00', true],
    ['Carpal tunnel syndrome of right wrist', 'G56.01', false],
  ] as const)('unstated-axis-value: a family split by stage or by side: "%s" is %s, held %s (asked or not)', (line, code, held) => {
    const r = coded(described([line]), 'Symptoms steady since the last visit. Plan unchanged, recheck in three months.', 71, 'M');
    expect(r.diagnoses.map((d) => d.code)).toContain(code);
    expect(r.straightThrough.reasons.includes('unstated-axis-value')).toBe(held);
  });

  it('unstated-axis-value: a pregnancy code with no trimester', () => {
    const r = coded(described(['Pyelonephritis in pregnancy']), 'Pregnant, flank pain and fever. Admitted for IV antibiotics.', 27);
    const unspecifiedTrimester = r.diagnoses.some((d) => /unspecified trimester/i.test(d.description));
    expect(unspecifiedTrimester ? r.straightThrough.reasons : ['unstated-axis-value']).toContain('unstated-axis-value');
  });

  it('default-against-record: "not intractable" while the assessment says treatment failed; not when it works', () => {
    const dx = ['Migraine with aura'];
    expect(reasons(dx, 'Assessment: migraine with aura, attacks unchanged despite two preventives tried at full dose.', 35)).toContain(
      'default-against-record',
    );
    expect(reasons(dx, 'Assessment: migraine with aura, attacks much fewer on propranolol.', 35)).not.toContain('default-against-record');
  });

  it('default-against-record reads the same words for a failed treatment as the intractability query ("did not help")', () => {
    const dx = ['Cluster headache'];
    expect(reasons(dx, 'Assessment: episodic cluster headache; verapamil did not help, oxygen to try.', 44, 'M')).toContain(
      'default-against-record',
    );
    expect(reasons(dx, 'Assessment: episodic cluster headache; verapamil helps, continue.', 44, 'M')).not.toContain(
      'default-against-record',
    );
  });

  it('qualifier-unused: a qualifying word that moves the condition to another category is not left out silently', () => {
    // Written without the pregnancy the qualifier implies: the engine's I10 leaves "gestational" out.
    const r = coded(described(['Gestational hypertension']), 'BP 146/94 today, recheck in one week.', 50, 'M');
    const essential = r.diagnoses.some((d) => d.code === 'I10');
    expect(essential ? r.straightThrough.reasons : ['qualifier-unused']).toContain('qualifier-unused');
    expect(reasons(['Essential hypertension'], 'BP 148/92 on lisinopril.', 58, 'M')).not.toContain('qualifier-unused');
  });

  it("statement-word-unused: a word of the code's own statement its category codes by; not when the statement says no more than the code", () => {
    const copd = (description: string, notes: string) => coded([{ description, code: 'J44.9' }], notes, 66, 'M').straightThrough.reasons;
    const sciatica = (description: string) => coded([{ description, code: 'M54.31' }], 'Pain down the right leg.', 40, 'M');
    // The physician's M54.31 (neither residual nor excluding what the line says) is kept as written;
    // "low back pain" is what M54.41 (lumbago with sciatica, right side) is titled by.
    const both = sciatica('Sciatica, right side, with low back pain');
    expect(both.diagnoses.map((d) => d.code)).toEqual(['M54.31']);
    expect(both.straightThrough.reasons).toContain('statement-word-unused');
    // A residual J44.9 beside "acute exacerbation" is coded from the line (J44.1) and reported as changed instead.
    expect(copd('COPD with acute exacerbation', 'Two days of more sputum and wheeze. Prednisone burst.')).toContain(
      'documented-code-changed',
    );
    expect(copd('COPD', 'Stable breathing on tiotropium.')).not.toContain('statement-word-unused');
  });

  it('statement-word-unused: a word a runner-up of the same condition explains ("threatened"), not a word of another condition', () => {
    const r = coded(
      described(['Threatened miscarriage']),
      'Pregnant, light spotting since yesterday, os closed, fetal heartbeat seen.',
      29,
    );
    const threatened = r.diagnoses.some((d) => /threatened/i.test(d.description));
    expect(threatened ? ['statement-word-unused'] : r.straightThrough.reasons).toContain('statement-word-unused');
    expect(reasons(['Miscarriage'], 'Pregnant, bleeding with tissue passed yesterday, os open.', 29)).not.toContain(
      'statement-word-unused',
    );
    // "Mild" is a runner-up's word (mild dementia), but that runner-up is no dehydration.
    expect(reasons(['Mild dehydration'], 'Poor intake for two days, dry mucosa, oral fluids.', 40)).not.toContain('statement-word-unused');
  });

  it('diagnosis-line-uncoded: a diagnosis line the engine finds nothing for; not for a line a step codes (BMI)', () => {
    expect(reasons(['Essential hypertension', 'PMDD'], 'BP 140/90. Both discussed.')).toContain('diagnosis-line-uncoded');
    expect(reasons(['Obesity', 'BMI 33.5'], 'Diet counselling given.')).not.toContain('diagnosis-line-uncoded');
  });
});
