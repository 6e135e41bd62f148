// Session twenty-two's positive conditions for straight-through billing: what the tabular's own notes
// say a code is for, read against the rest of the claim and the record (coding/tabular-asks.ts), and
// a loss of consciousness of unspecified duration as its family's unspecified member
// (coding/fragile-choices.ts). Records are our own wording; none of these changes a code.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { additionalCodeNotAskedFor, diagnosticExaminationAsScreening } from '../../coding/tabular-asks.ts';
import { unspecifiedAxisMember } from '../../coding/fragile-choices.ts';
import { codingInput, reasonsBy, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const reasonsFor = reasonsBy(codeSets, { ageYears: 41, sex: 'F' });
const dx = (code: string, description = '') => ({
  system: 'ICD-10-CM' as const,
  code,
  description,
  confidence: 0.9,
  alternatives: [],
  evidence: [],
  rationale: '',
});

describe('a long-term drug code the tabular asks for beside other members of the coded condition', () => {
  it('insulin or an oral drug beside type 1 diabetes goes to a coder (E11, not E10, asks for Z79.4 and Z79.84)', () => {
    expect(additionalCodeNotAskedFor(codeSets().icd, [dx('E10.9'), dx('Z79.4')])).toBe(true);
    expect(additionalCodeNotAskedFor(codeSets().icd, [dx('E10.649'), dx('Z79.84')])).toBe(true);
  });

  it('beside a member that asks for it, or beside no member of the block, it is no reason', () => {
    expect(additionalCodeNotAskedFor(codeSets().icd, [dx('E11.9'), dx('Z79.4')])).toBe(false);
    expect(additionalCodeNotAskedFor(codeSets().icd, [dx('E10.9'), dx('E11.9'), dx('Z79.84')])).toBe(false);
    expect(additionalCodeNotAskedFor(codeSets().icd, [dx('I48.0'), dx('Z79.01')])).toBe(false);
    expect(additionalCodeNotAskedFor(codeSets().icd, [dx('E10.9'), dx('Z96.41')])).toBe(false);
  });

  it('through the engine, written codes of type 1 diabetes and long-term insulin go to a coder', () => {
    const result = codeEncounter(
      codingInput(
        {
          notes: 'Type 1 diabetes since childhood on multiple daily injections. A1c 7.4. No hypoglycemia.',
          diagnoses: [
            { description: 'Type 1 diabetes without complication', code: 'E10.9' },
            { description: 'Insulin use', code: 'Z79.4' },
          ],
        },
        { ageYears: 31, sex: 'M' },
      ),
      codeSets(),
    );
    expect(result.diagnoses.map((d) => d.code)).toEqual(['E10.9', 'Z79.4']);
    expect(result.straightThrough.reasons).toContain('additional-code-not-asked-for');
  });
});

describe('a screening code on a record that calls the examination diagnostic', () => {
  const screening = [dx('Z12.11', 'Encounter for screening for malignant neoplasm of colon')];

  it('a diagnostic study for a symptom beside a screening code goes to a coder (Z12: diagnostic examination, code to sign or symptom)', () => {
    expect(
      diagnosticExaminationAsScreening(codeSets().icd, ['Dark stools for three weeks', 'Plan: diagnostic colonoscopy'], screening),
    ).toBe(true);
  });

  it('a screening record that does not call it diagnostic, or says it is not, is no reason', () => {
    expect(diagnosticExaminationAsScreening(codeSets().icd, ['Average risk, due for colonoscopy at 45'], screening)).toBe(false);
    expect(diagnosticExaminationAsScreening(codeSets().icd, ['No symptoms, not diagnostic: routine screening'], screening)).toBe(false);
    expect(diagnosticExaminationAsScreening(codeSets().icd, ['Plan: diagnostic colonoscopy'], [dx('K92.1', 'Melena')])).toBe(false);
  });

  it('through the engine, a written screening code on a record of a diagnostic examination goes to a coder', () => {
    const result = codeEncounter(
      codingInput(
        {
          notes:
            'Wants a colonoscopy. Reports black tarry stools off and on for a month. A: melena. P: GI referral for diagnostic colonoscopy.',
          diagnoses: [{ description: 'Screening colonoscopy', code: 'Z12.11' }],
        },
        { ageYears: 58, sex: 'M' },
      ),
      codeSets(),
    );
    expect(result.straightThrough.reasons).toContain('diagnostic-examination-as-screening');
  });
});

describe('a loss of consciousness of unspecified duration is its family’s unspecified member', () => {
  it('the duration decides the concussion code (30 minutes or less, 31 to 59 minutes...)', () => {
    expect(
      unspecifiedAxisMember(codeSets().icd, [
        dx('S06.0X9A', 'Concussion with loss of consciousness of unspecified duration, initial encounter'),
      ]),
    ).toBe(true);
    expect(
      unspecifiedAxisMember(codeSets().icd, [
        dx('S06.0X1A', 'Concussion with loss of consciousness of 30 minutes or less, initial encounter'),
      ]),
    ).toBe(false);
  });

  it('through the engine, a concussion with a loss of consciousness of no stated length goes to a coder', () => {
    expect(
      reasonsFor(['Concussion with loss of consciousness'], 'Hit heads with a teammate at practice, briefly knocked out. Headache since.', {
        ageYears: 16,
      }),
    ).toContain('unstated-axis-value');
  });
});
