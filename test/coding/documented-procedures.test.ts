// The physician's procedure codes are kept, never rewritten; age-banded visit codes are checked against age.
import { describe, expect, it } from 'vitest';
import type { DocumentedProcedure } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';
import { ageBandEdits, codeForAge } from '../../coding/age-bands.ts';

const codeSets = useCodeSets();

const input = (procedures: DocumentedProcedure[], ageYears: number) =>
  codingInput(
    { notes: 'Well visit, no complaints.', diagnoses: [{ description: 'Routine health check' }], procedures },
    { ageYears, sex: 'F' },
  );

describe('age bands of preventive visit codes', () => {
  it('knows the band of each age in both series', () => {
    expect(codeForAge('99395', 8)).toBe('99393');
    expect(codeForAge('99385', 70)).toBe('99387');
    expect(codeForAge('99391', 0)).toBe('99391');
    expect(codeForAge('99213', 30)).toBeUndefined();
  });

  it('a code of another band is an edit error naming the right code', () => {
    const [finding, ...rest] = ageBandEdits([{ code: '99396' }, { code: '99213' }], 15);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'AGE_BAND', severity: 'error', codes: ['99396'] });
    expect(finding?.message).toMatch(/99394/);
  });
});

describe('documented procedure codes', () => {
  it('a documented code the catalog lacks is kept as written, reported, and not straight through', () => {
    const r = codeEncounter(input([{ description: 'Spirometry before and after bronchodilator', code: '94060' }], 30), codeSets());
    expect(r.procedures.map((p) => p.code)).toEqual(['94060']);
    expect(r.edits.map((e) => e.rule)).toContain('NOT_IN_CATALOG');
    expect(r.documentedCodes).toEqual([expect.objectContaining({ code: '94060', outcome: 'kept' })]);
    expect(r.straightThrough.eligible).toBe(false);
  });

  it('a documented code of the wrong age band is corrected to the band of the age, the written code offered, and sent to a coder', () => {
    const r = codeEncounter(input([{ description: 'Preventive visit, established patient', code: '99395' }], 50), codeSets());
    expect(r.procedures.map((p) => p.code)).toEqual(['99396']);
    expect(r.procedures[0]?.alternatives[0]?.code).toBe('99395');
    expect(r.documentedCodes).toContainEqual(expect.objectContaining({ code: '99395', outcome: 'changed', codedAs: ['99396'] }));
    expect(r.edits.map((e) => e.rule)).not.toContain('AGE_BAND');
    expect(r.straightThrough.reasons).toContain('documented-code-changed');
  });

  it('a preventive visit described without a code takes the series of the patient status and the band of the age', () => {
    expect(codeEncounter(input([{ description: 'preventive visit 40-64 est' }], 48), codeSets()).procedures.map((p) => p.code)).toEqual([
      '99396',
    ]);
    expect(codeEncounter(input([{ description: 'new pt preventive' }], 3), codeSets()).procedures.map((p) => p.code)).toEqual(['99382']);
    expect(codeEncounter(input([{ description: 'Preventive visit' }], 70), codeSets()).procedures.map((p) => p.code)).toEqual(['99397']);
  });

  it('a visit documented without a code takes the band of the patient age when the catalog has it', () => {
    const r = codeEncounter(input([{ description: 'Preventive medicine visit, established patient' }], 52), codeSets());
    expect(r.procedures.map((p) => p.code)).toEqual(['99396']);
    expect(r.edits.map((e) => e.rule)).not.toContain('AGE_BAND');
  });

  it('a documented lab panel is not swapped for a bigger one', () => {
    const r = codeEncounter(input([{ description: 'Basic metabolic panel', code: '80048' }], 45), codeSets());
    expect(r.procedures.map((p) => p.code)).toEqual(['80048']);
    expect(r.documentedCodes[0]?.outcome).toBe('kept');
  });
});
