// Session fifteen's gate reasons: a carrier code does not stand for the organism an infection grew
// (organism-uncoded, coding/fragile-choices.ts), and a listed condition the notes say the visit did not
// address (listed-not-addressed, coding/review-signals.ts). Records written for this test from the
// mechanism (tuned on), not copied from a set.
import { describe, expect, it } from 'vitest';
import type { CodedDiagnosis } from '../../domain/coding.ts';
import { codeEncounter } from '../../coding/index.ts';
import { organismUncoded } from '../../coding/fragile-choices.ts';
import { listedNotAddressed } from '../../coding/review-signals.ts';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = (diagnoses: string[], notes: string) =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ageYears: 52, sex: 'M' }), codeSets());
const dx = (code: string, description: string, line?: string): CodedDiagnosis => ({
  system: 'ICD-10-CM',
  code,
  description,
  confidence: 1,
  alternatives: [],
  evidence: line === undefined ? [] : [{ section: 'diagnoses', text: line }],
  rationale: '',
});

describe('a carrier code is not the agent of an infection', () => {
  const abscess = dx('L02.416', 'Cutaneous abscess of left lower limb');
  const carrier = dx('Z22.322', 'Carrier or suspected carrier of Methicillin resistant Staphylococcus aureus');

  it('an organism a culture grew from the infection, coded only as carried, is uncoded; a screening swab is carriage', () => {
    expect(organismUncoded(['Drainage culture grew MRSA; abscess due to MRSA'], [abscess, carrier])).toBe(true);
    expect(organismUncoded(['Preoperative nasal swab positive for MRSA, carrier'], [carrier])).toBe(false);
    const agent = dx('B95.62', 'Methicillin resistant Staphylococcus aureus infection as the cause of diseases classified elsewhere');
    expect(organismUncoded(['Drainage culture grew MRSA; abscess due to MRSA'], [abscess, agent])).toBe(false);
  });

  it('goes through the coded encounter', () => {
    const r = coded(
      ['Abscess of left thigh', 'MRSA'],
      'Thigh abscess drained last week. Drainage culture grew MRSA; abscess due to MRSA. Doxycycline.',
    );
    const codes = r.diagnoses.map((d) => d.code);
    // Whatever the engine codes for the bare "MRSA" line, a carrier code alone does not bill unseen.
    if (codes.some((c) => c.startsWith('Z22')) && !codes.some((c) => /^B9[5-7]/.test(c)))
      expect(r.straightThrough.reasons).toContain('organism-uncoded');
    expect(r.straightThrough.eligible).toBe(false);
  });
});

describe('a listed condition the notes say the visit did not address', () => {
  const migraine = dx('G43.909', 'Migraine, unspecified, not intractable, without status migrainosus', 'Migraine');

  it('is a reason when a clause of the notes says the visit left it alone; not when the visit treated it', () => {
    const notes = (line: string) => `Assessment:\n1. Acute sinusitis - amoxicillin.\n2. ${line}`;
    expect(listedNotAddressed(notes('Migraine - stable, not addressed today.'), [migraine])).toBe(true);
    expect(listedNotAddressed(notes('Migraine - managed by her PCP.'), [migraine])).toBe(true);
    expect(listedNotAddressed(notes('Migraine - better on propranolol, continue.'), [migraine])).toBe(false);
    // A code from the notes alone is the engine's own reading of them (sections.ts), not the list's.
    expect(listedNotAddressed(notes('Migraine - not addressed today.'), [{ ...migraine, evidence: [] }])).toBe(false);
  });

  it('goes through the coded encounter', () => {
    const r = coded(
      ['Acute maxillary sinusitis', 'Hypothyroidism'],
      'Facial pain and purulent discharge for 12 days.\nAssessment:\n1. Acute maxillary sinusitis - amoxicillin-clavulanate.\n2. Hypothyroidism - stable, not addressed today.',
    );
    // Either the condition left alone is not on the claim (sections.ts/left-alone.ts), or a coder sees it.
    if (r.diagnoses.some((d) => d.code.startsWith('E03'))) expect(r.straightThrough.reasons).toContain('listed-not-addressed');
    else expect(r.diagnoses.map((d) => d.code)).toEqual(['J01.00']);
  });
});
