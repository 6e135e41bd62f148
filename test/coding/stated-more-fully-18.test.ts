// The straight-through gate: a physician's unspecified code kept while another statement of the notes
// names the same condition with a word that titles another code of its category goes to a coder
// (guideline I.A.9, I.B.2). Wording is our own.
import { describe, expect, it } from 'vitest';
import type { EncounterDocumentation } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const reasons = (doc: Partial<EncounterDocumentation>) =>
  codeEncounter(codingInput(doc, { ageYears: 52, sex: 'F' }), codeSets()).straightThrough.reasons;

describe('an unspecified code while the notes say more', () => {
  it('a physician code for migraine while the assessment names its type goes to a coder, coded as the assessment states it', () => {
    // Since 7d39f94 the assessment's fuller statement decides over the physician's unspecified code;
    // the change itself sends the encounter to a coder (never a silent rewrite), so the gate's
    // 'stated-more-fully' is no longer the reason here.
    const result = codeEncounter(
      codingInput(
        {
          notes: 'Recurrent one-sided headaches with nausea.\nA: migraine with aura, not intractable. Start a triptan.',
          diagnoses: [{ description: 'Migraine', code: 'G43.909' }],
        },
        { ageYears: 52, sex: 'F' },
      ),
      codeSets(),
    );
    expect(result.diagnoses.map((d) => d.code)).toEqual(['G43.109']);
    expect(result.straightThrough.eligible).toBe(false);
    expect(result.straightThrough.reasons).toContain('documented-code-changed');
  });

  it('a word no other code of the category is titled by is no reason (chronic headache NOS is R51.9)', () => {
    expect(
      reasons({
        notes: 'Chronic headaches, neurological exam normal.',
        diagnoses: [{ description: 'Headache', code: 'R51.9' }],
      }),
    ).not.toContain('stated-more-fully');
  });
});
