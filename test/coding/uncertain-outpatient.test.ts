// Outpatient, a diagnosis stated only with uncertainty is coded as the signs and symptoms the record
// states (guideline IV.H), in the shapes the record writes it: a question mark on the diagnosis line,
// "X r/o Y" with no separator, a listed diagnosis the assessment states only after a term of
// uncertainty (coding/uncertain-in-assessment.ts). Records written for this test.
import { describe, expect, it } from 'vitest';
import { diagnosisMentions, noteMentions } from '../../coding/context.ts';
import { codeEncounter } from '../../coding/index.ts';
import { expandWithGroups } from '../../coding/text.ts';
import { codingInput, diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 38, sex: 'F' });
const read = (description: string, written?: string) =>
  diagnosisMentions([{ description, ...(written ? { code: written } : {}) }]).map((m) => ({
    assertion: m.assertion,
    text: m.text,
    documentedCode: m.documentedCode,
  }));

describe('a question mark on a diagnosis line', () => {
  it('before or after the diagnosis makes it uncertain', () => {
    expect(read('Cholecystitis?')).toEqual([{ assertion: 'uncertain', text: 'Cholecystitis', documentedCode: undefined }]);
    expect(read('? pyelonephritis')).toEqual([{ assertion: 'uncertain', text: 'pyelonephritis', documentedCode: undefined }]);
  });

  it('questions only the item it is written on', () => {
    expect(read('Flank pain, ?nephrolithiasis').map((m) => m.assertion)).toEqual(['affirmed', 'uncertain']);
    expect(read('Epigastric pain - gastritis?').map((m) => `${m.assertion}:${m.text}`)).toEqual([
      'affirmed:Epigastric pain',
      'uncertain:gastritis',
    ]);
  });

  it('codes the stated symptom, not the questioned diagnosis written beside it', () => {
    const r = code('HPI: fever and right flank pain for two days.\nA: Right flank pain - r/o pyelonephritis. Urine culture sent.', [
      { description: 'Pyelonephritis?', code: 'N10' },
    ]);
    expect(diagnosisCodes(r)).not.toContain('N10');
    expect(diagnosisCodes(r).some((c) => c.startsWith('R'))).toBe(true);
  });

  it('a line without a question mark stays affirmed', () => {
    expect(read('Cholecystitis', 'K81.9')).toEqual([{ assertion: 'affirmed', text: 'Cholecystitis', documentedCode: 'K81.9' }]);
  });

  it('a question mark in the notes is no cue there', () => {
    expect(noteMentions('NEW PT? no, established.').some((m) => m.assertion === 'uncertain')).toBe(false);
  });
});

describe('"X r/o Y" with no separator', () => {
  it('X is what the patient has, Y what is to be ruled out', () => {
    expect(read('Dizziness r/o vertebrobasilar insufficiency').map((m) => `${m.assertion}:${m.text}`)).toEqual([
      'affirmed:Dizziness',
      'uncertain:vertebrobasilar insufficiency',
    ]);
  });

  it("the line's written code (the rule-out's) is not given to the certain part", () => {
    const parts = read('Dizziness r/o vertebrobasilar insufficiency', 'G45.0');
    expect(parts.every((m) => m.documentedCode === undefined)).toBe(true);
    expect(diagnosisCodes(code('', [{ description: 'Dizziness r/o vertebrobasilar insufficiency', code: 'G45.0' }]))).toEqual(['R42']);
  });

  it('"rule out" at the start of the line leaves nothing certain', () => {
    expect(read('Rule out pulmonary embolism').map((m) => m.assertion)).toEqual(['uncertain']);
  });

  it('other terms of uncertainty with no separator keep the whole line uncertain', () => {
    expect(read('Headache probable migraine').map((m) => m.assertion)).toEqual(['uncertain']);
  });

  it('a history of a ruled-out condition is not coded as the condition', () => {
    const codes = diagnosisCodes(code('', [{ description: 'history of r/o MI, ruled out' }]));
    expect(codes.filter((c) => c.startsWith('I21') || c.startsWith('I25'))).toEqual([]);
  });
});

describe('a listed diagnosis the assessment states only as uncertain', () => {
  const kneeNote =
    'S: left knee pain for 3 weeks after a long hike, worse on stairs.\nA/P: Left knee pain - likely patellofemoral syndrome vs medial meniscus injury. Ibuprofen, PT referral.';

  it('is coded as the symptom the assessment states, by stem and with the side left to the certain part', () => {
    const r = code(kneeNote, [{ description: 'Patellofemoral syndrome of left knee', code: 'M22.2X2' }]);
    expect(diagnosisCodes(r)).toContain('M25.562');
    expect(diagnosisCodes(r)).not.toContain('M22.2X2');
    expect(r.straightThrough.reasons).toContain('uncertain-diagnosis');
  });

  it('words the list adds that the note never uses are no evidence of certainty', () => {
    const notes = 'A: Elevated liver transaminases; probably nonalcoholic fatty liver disease. RUQ ultrasound ordered.';
    const r = code(notes, [{ description: 'Nonalcoholic fatty liver disease, steatosis', code: 'K76.0' }]);
    expect(diagnosisCodes(r)).not.toContain('K76.0');
    expect(diagnosisCodes(r).some((c) => c.startsWith('R74'))).toBe(true);
  });

  it('stays, for a coder, when the record states no sign or symptom to code instead', () => {
    const r = code('A: likely patellofemoral syndrome.', [{ description: 'Patellofemoral syndrome of left knee', code: 'M22.2X2' }]);
    expect(diagnosisCodes(r)).toEqual(['M22.2X2']);
    expect(r.straightThrough.reasons).toContain('uncertain-diagnosis');
  });

  it('a condition the assessment confirms is coded as listed', () => {
    const r = code('HPI: cough and fever.\nA: Pneumonia, confirmed on CXR. Amoxicillin.', [{ description: 'Pneumonia', code: 'J18.9' }]);
    expect(diagnosisCodes(r)).toEqual(['J18.9']);
    expect(r.straightThrough.reasons).not.toContain('uncertain-diagnosis');
  });

  it('a condition stated first and unsure only of its cause is kept', () => {
    const r = code('A: Asthma exacerbation, likely viral trigger. Prednisone burst.', [
      { description: 'Asthma with acute exacerbation', code: 'J45.901' },
    ]);
    expect(diagnosisCodes(r)).toContain('J45.901');
  });

  it('a certain diagnosis beside an unrelated uncertain one stays coded', () => {
    const notes =
      'A/P:\n1. Type 2 diabetes - A1c 7.2, continue metformin.\n2. Left knee pain - likely patellofemoral syndrome. PT referral.';
    const r = code(notes, [
      { description: 'Type 2 diabetes', code: 'E11.9' },
      { description: 'Patellofemoral syndrome of left knee', code: 'M22.2X2' },
    ]);
    expect(diagnosisCodes(r)).toContain('E11.9');
    expect(diagnosisCodes(r)).toContain('M25.562');
    expect(diagnosisCodes(r)).not.toContain('M22.2X2');
  });

  it('a certain condition written before the term of uncertainty is not replaced', () => {
    const r = code('A: Type 2 diabetes - likely diabetic polyneuropathy, monofilament reduced.', [
      { description: 'Type 2 diabetes with polyneuropathy', code: 'E11.42' },
    ]);
    expect(diagnosisCodes(r)).toContain('E11.42');
  });

  it('inpatient, the listed diagnosis is coded as if established', () => {
    const documentation = { notes: kneeNote, diagnoses: [{ description: 'Patellofemoral syndrome of left knee', code: 'M22.2X2' }] };
    const r = codeEncounter(codingInput(documentation, { ageYears: 38, sex: 'F' }, { placeOfService: '21' }), codeSets());
    expect(diagnosisCodes(r)).toContain('M22.2X2');
  });
});

describe('the symptoms coded instead, as the history writes them', () => {
  it('on both sides: a code for each side where the symptom has no bilateral code', () => {
    const both = code('Rheum new. B hand pain x3 mo, AM stiffness.\nA/P: possible early RA vs inflammatory OA. RF, CCP.', [
      { description: 'Possible RA' },
    ]);
    expect(diagnosisCodes(both)).toEqual(['M79.641', 'M79.642']);
    const one = code('Right hand pain x3 mo.\nA/P: possible early RA vs inflammatory OA.', [{ description: 'Possible RA' }]);
    expect(diagnosisCodes(one)).toEqual(['M79.641']);
  });

  it('past a frequency and a duration written short ("3-4x/d x3 mo")', () => {
    const r = code('GI new. Loose stools 3-4x/d x3 mo, crampy lower abd pain.\nA/P: IBS-D vs celiac. tTG-IgA.', [
      { description: 'IBS-D vs celiac' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['R19.7', 'R10.30']);
  });

  it('a B for both sides only before a body site, never the B of a type', () => {
    expect(expandWithGroups('B knee pain').text).toBe('bilateral knee pain');
    expect(expandWithGroups('vitamin B hand cream').text).not.toContain('bilateral');
    expect(expandWithGroups('hepatitis B, hand rash').text).not.toContain('bilateral');
  });
});

describe('a one-letter SOAP heading before a numbered list', () => {
  it('starts its part', () => {
    const ms = noteMentions('S: knee pain.\nA: \n1. Left knee pain - likely patellofemoral syndrome.\n2. Hypertension - stable.');
    expect(ms.filter((m) => m.part === 'assessment').map((m) => m.text)).toContain('Left knee pain');
  });

  it('a pulse written "P: 88" is still no heading', () => {
    expect(noteMentions('Vitals: BP 120/80\nP: 88\nExam: lungs clear').some((m) => m.part === 'plan')).toBe(false);
  });
});
