// Section awareness (ICD-10-CM guideline section IV): from the notes only what the assessment and plan
// address is coded; templated review of systems, copied-forward problem lists, medications, family and
// social history and result flags are not diagnoses of the visit. Wording is our own.
import { describe, expect, it } from 'vitest';
import type { EncounterDocumentation } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';
import { noteMentions } from '../../coding/context.ts';
import { addressedInNotes, noteParts, partAt } from '../../coding/sections.ts';

const codeSets = useCodeSets();

const code = (doc: Partial<EncounterDocumentation>, ageYears = 60) => codeEncounter(codingInput(doc, { ageYears, sex: 'F' }), codeSets());

const TEMPLATED = [
  'CC: follow-up.',
  'HPI: here for blood pressure check, taking lisinopril daily.',
  'ROS: Constitutional: Negative for fever, chills. Respiratory: Negative for cough. Remaining systems negative per template.',
  'PAST MEDICAL HISTORY:',
  '1. Hypertension',
  '2. Gout - resolved',
  '3. Major depression - inactive',
  '4. Asthma',
  'MEDICATIONS: lisinopril 20 mg daily, albuterol PRN',
  'ALLERGIES: NKDA',
  'FAMILY HISTORY: Mother with breast cancer. Father with stroke.',
  'SOCIAL HISTORY: never smoker.',
  'Exam: General: no acute distress. Lungs clear.',
  'Labs: ALT 52 (H)',
].join('\n');

describe('parts of a note', () => {
  it('finds the headings, inline and on their own line, and the part of each statement', () => {
    const notes = 'HPI: cough for a week.\nROS: negative for fever.\nASSESSMENT AND PLAN:\n1. Acute bronchitis - supportive care.';
    const parts = noteParts(notes);
    expect(parts.map((p) => p.part)).toEqual(['present-illness', 'review-of-systems', 'assessment']);
    expect(partAt(parts, notes.indexOf('Acute bronchitis'))).toBe('assessment');
    const mentions = noteMentions(notes);
    expect(mentions.find((m) => m.text.startsWith('Acute bronchitis'))?.part).toBe('assessment');
    expect(mentions.find((m) => /cough/.test(m.text))?.part).toBe('present-illness');
    // Numbering and label text are not statements.
    expect(mentions.some((m) => m.text === '1' || /^allergies/i.test(m.text))).toBe(false);
  });

  it('with an assessment only it is addressed; without one, all but lists, templates and relatives', () => {
    const withAssessment = addressedInNotes([{ part: 'assessment' }, { part: 'present-illness' }]);
    expect(withAssessment({ part: 'plan' })).toBe(true);
    expect(withAssessment({ part: 'present-illness' })).toBe(false);
    const without = addressedInNotes([{ part: 'present-illness' }]);
    expect(without({ part: 'present-illness' })).toBe(true);
    expect(without({ part: 'review-of-systems' })).toBe(false);
    expect(without({ part: 'family-history' })).toBe(false);
    expect(without({ part: 'past-history' })).toBe(false);
  });
});

describe('notes without a diagnosis list', () => {
  it('codes only what the assessment and plan address (plus the codes their notes require)', () => {
    const r = code({
      notes: `${TEMPLATED}\nASSESSMENT AND PLAN:\n1. Essential hypertension - well controlled, continue lisinopril.\nReturn in 3 months.`,
    });
    expect(diagnosisCodes(r)).toEqual(['I10']);
  });

  it('without an assessment, the problem list, ROS, medications, allergies and family history are still not coded', () => {
    const r = code({ notes: `${TEMPLATED}\nExam: right tympanic membrane bulging and erythematous.` });
    for (const c of diagnosisCodes(r)) expect(c).not.toMatch(/^(I10|M10|M1A|F3[23]|J45|T78|Z80|R74|F10)/);
  });

  it('the condition is the head of an assessment item; commentary after a dash does not dilute it', () => {
    const r = code({ notes: 'Assessment:\n2. Type 2 diabetes mellitus without complications - A1c 7.1, continue metformin.' });
    expect(diagnosisCodes(r)).toEqual(['E11.9', 'Z79.84']);
  });

  it('a resolved or inactive condition is history, not a current diagnosis', () => {
    const resolved = noteMentions('Assessment: gout - resolved.');
    expect(resolved.map((m) => m.assertion)).toEqual(['personal-history']);
  });

  it('a plan line naming one word of a code title is not that code', () => {
    expect(diagnosisCodes(code({ notes: 'Assessment: Hyperlipidemia - continue statin. Return in 3 months.' }))).toEqual(['E78.5']);
  });

  it('uncertain diagnosis: the symptoms come from the complaint and history of present illness, not the template', () => {
    const r = code({
      notes: `HPI: two days of substernal chest pain at rest.\nROS: Positive for headache. Negative for fever.\nPMH: migraine.\nAssessment: Chest pain - rule out unstable angina.`,
    });
    expect(diagnosisCodes(r)).toEqual(['R07.9']);
  });
});

describe('the long SOAP note set (test/coding/soap-set.json, written by the engineer who tuned on it)', () => {
  it('adds no code the assessment does not address, and finds most of those it does', async () => {
    const { evaluate, readEvalSet } = await import('../../scripts/eval-coding.ts');
    const report = evaluate(readEvalSet(new URL('./soap-set.json', import.meta.url).pathname), codeSets());
    expect(report.encounters).toBeGreaterThanOrEqual(12);
    expect(report.extraCodes).toBeLessThanOrEqual(2);
    expect(report.top1).toBeGreaterThanOrEqual(0.9);
  });
});
