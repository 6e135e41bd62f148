// Sides: unspecified while asked, conflicting sides queried; uncertain diagnoses keep the certain part
// and fall back to the documented symptom. Wording is our own.
import { describe, expect, it } from 'vitest';
import type { CodingInput } from '../../domain/coding.ts';
import type { EncounterDocumentation } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const input = (doc: Partial<EncounterDocumentation>, answers: CodingInput['answers'] = []) =>
  codingInput(doc, { ageYears: 45, sex: 'M' }, { answers });
const dx = (...descriptions: string[]) => descriptions.map((description) => ({ description }));

describe('laterality', () => {
  it('no side documented: the unspecified-side code stands while the side is asked', () => {
    const r = codeEncounter(input({ diagnoses: dx('cellulitis of the upper arm') }), codeSets());
    expect(r.diagnoses[0]?.code).toBe('L03.119');
    expect(r.clarification?.question).toMatch(/side/);
  });

  it('diagnosis and exam on opposite sides: asked as conflicting documentation, side unspecified meanwhile', () => {
    const doc = { diagnoses: dx('Cellulitis, left forearm'), notes: 'Exam: right forearm warm and erythematous with tenderness.' };
    const r = codeEncounter(input(doc), codeSets());
    expect(r.diagnoses[0]?.code).toBe('L03.119');
    expect(r.clarification?.question).toMatch(/also/);
    expect(r.clarification?.options).toEqual(expect.arrayContaining(['Left', 'Right']));
    const answered = codeEncounter(input(doc, [{ question: r.clarification?.question ?? '', option: 'Right' }]), codeSets());
    expect(answered.diagnoses[0]?.code).toBe('L03.113');
    expect(answered.clarification).toBeUndefined();
  });

  it('diagnosis and exam on the same side: no question', () => {
    const r = codeEncounter(input({ diagnoses: dx('Cellulitis, left forearm'), notes: 'Left forearm warm and red.' }), codeSets());
    expect(r.diagnoses[0]?.code).toBe('L03.114');
    expect(r.clarification).toBeUndefined();
  });
});

describe('uncertain diagnoses in the office', () => {
  it('the certain symptom before an uncertain diagnosis is coded, and the visit points to it', () => {
    const r = codeEncounter(
      input({
        diagnoses: dx('Headache \u2014 suspect migraine'),
        procedures: [{ description: 'office visit, established patient, level 3' }],
      }),
      codeSets(),
    );
    expect(r.diagnoses.map((d) => d.code)).toEqual(['R51.9']);
    expect(r.edits.some((e) => e.rule === 'DX_POINTER')).toBe(false);
  });

  it('the uncertain diagnosis itself is not coded', () => {
    const r = codeEncounter(input({ diagnoses: dx('cough, possible pneumonia') }), codeSets());
    expect(r.diagnoses.map((d) => d.code)).toEqual(['R05.9']);
  });
});

describe('asthma without a stated severity', () => {
  it('is coded as unspecified asthma per the guideline while the severity is asked (it changes the code: J45.2-J45.5)', () => {
    const r = codeEncounter(input({ diagnoses: dx('asthma') }), codeSets());
    expect(r.diagnoses.map((d) => d.code)).toEqual(['J45.909']);
    expect(r.clarification?.question).toMatch(/severity/);
  });
});
