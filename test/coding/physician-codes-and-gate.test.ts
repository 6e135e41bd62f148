// The physician's own procedure codes (written on the line, in its description, or in the notes) are
// kept, never silently rewritten or dropped; a conflicting description is a suggestion for a coder,
// and a code a rule of the code set shows wrong (another age band) is corrected and reported as changed. The
// straight-through gate sends uncertain diagnoses, word matches and procedure conflicts to a coder.
// Wording is our own.
import { describe, expect, it } from 'vitest';
import type { EncounterDocumentation } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { titleShare } from '../../coding/coding-run.ts';
import { straightThroughDecision } from '../../coding/straight-through.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = (doc: Partial<EncounterDocumentation>, ageYears = 40) => codeEncounter(codingInput(doc, { ageYears, sex: 'M' }), codeSets());

describe('procedure codes the physician wrote', () => {
  it('a code written in the description is kept as written (in the catalog or not), never a description match', () => {
    const r = code(
      {
        diagnoses: [{ description: 'Well child check' }],
        procedures: [
          { description: 'Preventive visit established 1-4 years 99392' },
          { description: 'Basic metabolic panel (80048)' },
          { description: 'Nebulizer treatment CPT 94640' },
        ],
      },
      3,
    );
    expect(r.procedures.map((p) => p.code)).toEqual(['99392', '80048', '94640']);
    expect(r.procedures.map((p) => p.code)).not.toContain('80053');
    expect(r.documentedCodes.map((d) => d.outcome)).toEqual(['kept', 'kept', 'kept']);
    expect(r.straightThrough.eligible).toBe(false);
  });

  it('a code written out in the notes is a procedure even with no procedure line', () => {
    const r = code({
      diagnoses: [{ description: 'Common wart of the left hand' }],
      notes: 'Cryotherapy to 3 warts, CPT 17110, tolerated well.',
    });
    expect(r.procedures.map((p) => p.code)).toEqual(['17110']);
    expect(r.procedures[0]?.evidence[0]?.text).toContain('17110');
  });

  it('an age-banded code of another band is corrected to the band of the age, reported as changed (to a coder)', () => {
    const r = code(
      { diagnoses: [{ description: 'Routine adult exam' }], procedures: [{ description: 'Preventive visit', code: '99392' }] },
      30,
    );
    expect(r.procedures.map((p) => p.code)).toEqual(['99395']);
    expect(r.procedures[0]?.alternatives.map((a) => a.code)).toContain('99392');
    expect(r.documentedCodes.map((d) => d.outcome)).toEqual(['changed']);
    expect(r.straightThrough.reasons).toContain('documented-code-changed');
  });

  it('a description that reads like another catalog code: the written code stays, the other is a suggestion for a coder', () => {
    const r = code({
      diagnoses: [{ description: 'Palpitations' }],
      procedures: [{ description: 'Electrocardiogram ECG 12 lead with interpretation and report', code: '99213' }],
    });
    expect(r.procedures[0]?.code).toBe('99213');
    expect(r.procedures[0]?.alternatives[0]?.code).toBe('93000');
    expect(r.edits.map((e) => e.rule)).toContain('DOCUMENTED_CODE_DIFFERS');
    expect(r.straightThrough.reasons).toContain('procedure-conflict');
  });
});

describe('straight-through gate', () => {
  it('an uncertain diagnosis is coded by its symptoms and goes to a coder', () => {
    const r = code({ diagnoses: [{ description: 'Syncope vs seizure' }], notes: 'Passed out at church, brief shaking.' });
    expect(r.diagnoses.length).toBeGreaterThan(0);
    for (const d of r.diagnoses) expect(d.code).toMatch(/^R/);
    expect(r.straightThrough.reasons).toContain('uncertain-diagnosis');
    expect(r.straightThrough.eligible).toBe(false);
  });

  it('an uncertain statement of the assessment (no diagnosis list) also goes to a coder', () => {
    const r = code({ notes: 'HPI: burning with urination for 2 days.\nAssessment: Dysuria, possible urinary tract infection.' });
    expect(r.diagnoses.map((d) => d.code)).toEqual(['R30.0']);
    expect(r.straightThrough.reasons).toContain('uncertain-diagnosis');
  });

  it('titleShare: the share of a title the record names, sites through their region', () => {
    expect(titleShare('Partial anomalous pulmonary venous return', 'Return in 3 months')).toBeLessThan(0.5);
    expect(titleShare('Strain of muscle, fascia and tendon of lower back', 'lumbar strain')).toBeGreaterThanOrEqual(0.5);
  });

  it('a word match, an uncertainty or a procedure conflict each stop straight-through whatever the confidence', () => {
    const config = { threshold: 0.5, targetPrecision: 0.98, calibration: [], source: 'test' };
    const base = { confidence: 1, diagnoses: [{} as never], edits: [], documentedCodes: [], clarificationOpen: false };
    expect(straightThroughDecision(base, config).eligible).toBe(true);
    expect(straightThroughDecision({ ...base, wordMatch: true }, config).reasons).toEqual(['word-match']);
    expect(straightThroughDecision({ ...base, uncertain: true }, config).reasons).toEqual(['uncertain-diagnosis']);
    const conflict = {
      rule: 'DOCUMENTED_CODE_DIFFERS',
      severity: 'warning' as const,
      message: '',
      source: '',
      codes: [],
      needsDocumentation: false,
    };
    expect(straightThroughDecision({ ...base, edits: [conflict] }, config).reasons).toEqual(['procedure-conflict']);
  });
});

describe('a diagnosis code the physician wrote that says less than its line', () => {
  const written = (description: string, code: string, notes = 'Seen today.') =>
    codeEncounter(codingInput({ notes, diagnoses: [{ description, code }] }, { ageYears: 58, sex: 'F' }), codeSets());

  it("a residual code beside a line in another code's tabular wording: the line's code, reported as changed, to a coder", () => {
    const r = written('COVID-19', 'B34.2', 'Positive antigen test at home, fever two days.');
    expect(r.diagnoses.map((d) => d.code)).toEqual(['U07.1']);
    expect(r.documentedCodes).toEqual([expect.objectContaining({ code: 'B34.2', outcome: 'changed', codedAs: ['U07.1'] })]);
    expect(r.straightThrough.eligible).toBe(false);
  });

  it("an unspecified code beside a line stating the category's axis: the stated value (an exacerbation, recurrence and severity, the kind of hyperlipidemia)", () => {
    expect(written('Chronic obstructive lung disease, acute exacerbation', 'J44.9').diagnoses[0]?.code).toBe('J44.1');
    expect(written('Major depressive disorder, recurrent episode, moderate', 'F33.9').diagnoses[0]?.code).toBe('F33.1');
    expect(written('Mixed hyperlipidemia', 'E78.5').diagnoses[0]?.code).toBe('E78.2');
  });

  it('a written code whose title excludes what the line states ("without hematuria" beside "with hematuria", "uncomplicated" beside a status asthmaticus): coded from the line, to a coder', () => {
    const cystitis = written('Acute cystitis with hematuria', 'N30.00', 'Burning on urination, urine dip blood 2+.');
    expect(cystitis.diagnoses.map((d) => d.code)).toEqual(['N30.01']);
    expect(cystitis.documentedCodes[0]?.outcome).toBe('changed');
    expect(cystitis.straightThrough.eligible).toBe(false);
    expect(written('Migraine with aura', 'G43.009').diagnoses[0]?.code).toBe('G43.109');
    expect(written('Moderate persistent asthma with status asthmaticus', 'J45.40').diagnoses[0]?.code).toBe('J45.42');
    expect(written('Alcohol dependence, in early remission', 'F10.20').diagnoses[0]?.code).toBe('F10.21');
  });

  it('a written code the line says no more than, or a specific one, is kept as written', () => {
    for (const [line, code] of [
      ['Low back pain', 'M54.50'],
      ['Headache', 'R51.9'],
      ['Acute sinusitis', 'J01.90'],
      ['Type 2 diabetes mellitus without complications', 'E11.9'],
      ['Hypothyroidism, on levothyroxine', 'E03.9'],
      ['Acute cystitis, no hematuria', 'N30.00'],
      ['Migraine without aura, intractable', 'G43.019'],
      ['Type 2 DM, no complications', 'E11.9'],
      ['Mild intermittent asthma, uncomplicated', 'J45.20'],
    ] as const) {
      const r = written(line, code);
      expect(r.diagnoses[0]?.code, line).toBe(code);
      expect(r.documentedCodes[0]?.outcome, line).toBe('kept');
    }
  });
});
