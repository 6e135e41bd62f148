// What a long SOAP note addresses (ICD-10-CM guideline IV.J): conditions that require or affect the
// care of this visit, as the assessment and plan state them. Session 12 (coding-12a); wording is our own.
import { describe, expect, it } from 'vitest';
import type { EncounterDocumentation } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { noteMentions } from '../../coding/context.ts';
import { noteParts, partAt } from '../../coding/sections.ts';
import { codingInput, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const code = (doc: Partial<EncounterDocumentation>, ageYears = 58, sex: 'F' | 'M' = 'F') =>
  codeEncounter(codingInput(doc, { ageYears, sex }), codeSets());

const CARRIED_FORWARD = [
  'ROS: Constitutional: tiredness positive. GI: heartburn positive. Psych: worry positive.',
  'Problem list: 1. Hypertension 2. Hyperlipidemia 3. GERD 4. Osteoarthritis of knees',
  'Meds: lisinopril 20 mg daily, atorvastatin 20 mg, omeprazole 20 mg prn',
].join('\n');

describe('headings a SOAP note is written with', () => {
  it('the one-letter headings S:, O:, A:, P: at the start of a line, not a pulse written "P: 88"', () => {
    const notes =
      'S: here to recheck blood pressure.\nO: BP 128/76.\nT: 98.4\nP: 88\nA: Hypertension, controlled.\nP: Continue lisinopril.';
    const parts = noteParts(notes);
    expect(parts.map((p) => p.part)).toEqual(['present-illness', 'exam', 'assessment', 'plan']);
    expect(partAt(parts, notes.indexOf('P: 88'))).toBe('exam');
    expect(partAt(parts, notes.indexOf('Continue'))).toBe('plan');
    // In lower case, or inside a line, a letter and a colon are not a heading.
    expect(noteParts('Vitals: T 98.4, P: 88, R 16\na: nothing').map((p) => p.part)).toEqual(['vitals']);
  });

  it('headings joined by a slash, with a remark in brackets, and the other names of the assessment', () => {
    const notes = [
      'SUBJECTIVE/HPI: cough for a week.',
      'Problem List (carried forward):',
      '1. Gout',
      'ROS (10-point): negative.',
      'IMPRESSION/RECOMMENDATIONS:',
      '1. Acute bronchitis',
      'Reason for encounter: cough',
      'MDM: bronchitis, no pneumonia on exam.',
      'Diagnoses addressed this visit:',
      '1. Acute bronchitis',
    ].join('\n');
    const partOf = (words: string) => partAt(noteParts(notes), notes.indexOf(words));
    expect(partOf('cough for')).toBe('present-illness');
    expect(partOf('1. Gout')).toBe('past-history');
    expect(partOf('negative.')).toBe('review-of-systems');
    expect(partOf('1. Acute')).toBe('assessment');
    expect(partOf('cough\nMDM')).toBe('complaint');
    expect(partOf('bronchitis, no')).toBe('assessment');
    expect(partAt(noteParts(notes), notes.lastIndexOf('Acute bronchitis'))).toBe('assessment');
    // The heading's words are label text, not a statement.
    expect(noteMentions(notes).some((m) => /reason|impression|addressed|mdm/i.test(m.text))).toBe(false);
  });

  it('a note written S/O/A/P is coded from its assessment and plan, not its problem list or template', () => {
    const r = code({
      notes: `S: here for blood pressure follow-up, home readings 120s.\n${CARRIED_FORWARD}\nO: BP 126/78. Heart regular.\nLabs: LDL 150 (H)\nA: Essential hypertension, at goal.\nP: Continue lisinopril 20 mg daily.`,
    });
    expect(diagnosisCodes(r)).toEqual(['I10']);
  });

  it('"Reason for encounter" is a heading, not a reason an immunization was not given', () => {
    const r = code({
      notes: `Reason for encounter: sugar follow-up\nHPI: on metformin, fasting sugars 110s.\n${CARRIED_FORWARD}\nDiagnoses addressed this visit:\n1. Type 2 diabetes mellitus without complications - continue metformin 500 mg twice daily`,
    });
    expect(diagnosisCodes(r)).toEqual(['E11.9', 'Z79.84']);
  });
});

describe('the history is not the visit', () => {
  it('a past pregnancy in the history (resolved gestational diabetes, a C-section) does not make her pregnant now', () => {
    const r = code({
      notes: [
        'HPI: two years of right knee pain on stairs; no injury.',
        'PAST MEDICAL HISTORY: Hypothyroidism. Gestational diabetes in her second pregnancy 2004, resolved.',
        'SURGICAL HISTORY: Cesarean section 2004.',
        'Exam: right knee crepitus, medial joint line tenderness.',
        'Assessment: Primary osteoarthritis of right knee.',
        'Plan: home exercises, follow up in 3 months.',
      ].join('\n'),
      diagnoses: [{ description: 'Primary osteoarthritis, right knee' }],
    });
    expect(diagnosisCodes(r)).toEqual(['M17.11']);
  });

  it('a pregnancy stated now still allows the pregnancy chapter', () => {
    const r = code(
      {
        notes:
          'HPI: 24 weeks pregnant, routine prenatal visit.\nPMH: C-section 2021.\nAssessment: Supervision of normal pregnancy, second trimester.',
        diagnoses: [{ description: 'Supervision of normal pregnancy, second trimester' }, { description: '24 weeks gestation' }],
      },
      31,
    );
    expect(diagnosisCodes(r)).toContain('Z3A.24');
    expect(diagnosisCodes(r).some((c) => c.startsWith('Z34'))).toBe(true);
  });

  it('a drug named in a long-term therapy statement is not the cause of that statement', () => {
    const r = code({
      notes: [
        'HPI: knee pain; she has taken meloxicam 15 mg daily for 6 months with partial relief from the pain, and exercises from a physical therapist.',
        'Assessment: Primary osteoarthritis of right knee - continue meloxicam daily.',
      ].join('\n'),
      diagnoses: [{ description: 'Primary osteoarthritis, right knee' }],
    });
    expect(diagnosisCodes(r).some((c) => c.startsWith('T39'))).toBe(false);
  });
});

describe('what the assessment says it leaves alone', () => {
  it("a problem the assessment says is not addressed, deferred, another clinician's or needing nothing is not coded", () => {
    const r = code({
      notes: [
        'HPI: burning with urination for two days, no fever.',
        'Assessment and plan:',
        '1. Acute cystitis without hematuria - nitrofurantoin 100 mg twice daily for 5 days.',
        '2. Benign prostatic hyperplasia not addressed today.',
        '3. Prediabetes - not rechecked today; A1c at her physical.',
        '4. Hypertension per PCP; BP elevated today, letter sent.',
        '5. Seborrheic keratosis of the back - reassurance only.',
      ].join('\n'),
    });
    expect(diagnosisCodes(r)).toEqual(['N30.00']);
  });

  it('a problem the plan treats is still coded, whatever else its line says', () => {
    const r = code({
      notes:
        'Assessment and plan:\n1. Hypertension, not at goal - increase lisinopril to 40 mg; recheck at next visit.\n2. Asthma - not treated with oral steroids today, continue inhaled fluticasone daily.',
    });
    expect(diagnosisCodes(r)).toContain('I10');
    expect(diagnosisCodes(r).some((c) => c.startsWith('J45'))).toBe(true);
  });

  it('an uncertain diagnosis is coded by the signs the assessment names, not every complaint of the history', () => {
    const r = code(
      {
        notes: [
          'HPI: his wife hears loud snoring and pauses in breathing; he wakes with a dry mouth and has morning headaches.',
          'Assessment:',
          '1. Loud snoring, witnessed apneas, and daytime somnolence (Epworth 14, dozes at lights) - high likelihood of sleep apnea, study ordered.',
          'Plan: home sleep apnea test. Hypertension per PCP; BP elevated today, letter sent.',
        ].join('\n'),
        diagnoses: [{ description: 'Suspected obstructive sleep apnea' }],
      },
      52,
      'M',
    );
    expect([...diagnosisCodes(r)].sort()).toEqual(['R06.81', 'R06.83', 'R40.0']);
  });
});

describe('drugs the visit does not continue long-term', () => {
  const onlyZ = (r: ReturnType<typeof code>) =>
    diagnosisCodes(r).filter((c) => c.startsWith('Z79') || c.startsWith('Z87') || c.startsWith('T'));

  it('a drug tried, switched from, or taken as needed by the plan is not long-term therapy', () => {
    const tried = code({
      notes:
        'HPI: She has tried naproxen 500 mg twice daily for 3 months with partial relief.\nMedications: naproxen 500 mg BID.\nAssessment: primary osteoarthritis of right knee.\nPlan: continue naproxen as needed with food.',
      diagnoses: [{ description: 'Primary osteoarthritis, right knee' }],
    });
    expect(onlyZ(tried)).toEqual([]);
    const switched = code(
      {
        notes:
          'HPI: Taking clopidogrel 75 mg daily (switched from aspirin after the stroke), atorvastatin 80 mg.\nPlan: continue clopidogrel daily (aspirin intolerance).',
        diagnoses: [{ description: 'History of ischemic stroke without residual deficits' }, { description: 'Long-term clopidogrel' }],
      },
      70,
      'M',
    );
    expect(onlyZ(switched)).not.toContain('Z79.82');
  });

  it('steroid courses counted over the past year are not long-term systemic steroids', () => {
    const r = code(
      {
        notes:
          'HPI: cough and wheeze with colds. One urgent care visit in 2025 and oral steroids twice in the past 12 months (February and August).\nAssessment: asthma exacerbation - albuterol nebulizer, return precautions.',
        diagnoses: [{ description: 'Asthma exacerbation' }],
      },
      9,
      'M',
    );
    expect(diagnosisCodes(r)).not.toContain('Z79.52');
  });

  it('a drug started today is not yet long-term use; the drugs continued still are', () => {
    const r = code({
      notes: [
        'HPI: fasting sugars 180s on metformin 1000 mg twice daily.',
        'Plan: Continue metformin. Start semaglutide 0.25 mg weekly for 4 weeks then 0.5 mg; plan to stop glipizide once semaglutide reaches 1 mg.',
      ].join('\n'),
      diagnoses: [{ description: 'Type 2 diabetes mellitus with hyperglycemia' }],
    });
    expect(diagnosisCodes(r)).toContain('Z79.84');
    expect(diagnosisCodes(r)).not.toContain('Z79.85');
  });

  it('a history written under "Cardiac history:" is the history part: no tobacco history code the visit does not use', () => {
    const r = code(
      {
        notes: [
          'Interval history: chest tightness on steep hills, relieved by rest, unchanged for months.',
          'Cardiac history: CAD s/p stent to the LAD 2024; hypertension. Non-cardiac: reflux, former smoker quit 1998.',
          'Assessment: coronary artery disease with stable angina - continue metoprolol and aspirin.',
        ].join('\n'),
        diagnoses: [{ description: 'Coronary artery disease with stable angina' }],
      },
      69,
      'M',
    );
    expect(diagnosisCodes(r)).not.toContain('Z87.891');
  });
});
