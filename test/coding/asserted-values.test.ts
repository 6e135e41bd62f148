// The gate's asserted-value-unstated reason (coding/asserted-values.ts): a code whose title names a
// severity, stage, acuity or remission the record never states goes to a coder. Records written for
// this test from the mechanism (tuned on), not copied from a set.
import { describe, expect, it } from 'vitest';
import type { CodedDiagnosis } from '../../domain/coding.ts';
import { codeEncounter } from '../../coding/index.ts';
import { valuesAssertedUnstated } from '../../coding/asserted-values.ts';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = (diagnoses: string[], notes: string) =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ageYears: 44, sex: 'M' }), codeSets());
/** A diagnosis as the engine would give it, with its tabular title. */
const dx = (code: string): CodedDiagnosis => {
  const icd = codeSets().icd;
  return {
    system: 'ICD-10-CM',
    code,
    description: icd.entries[icd.byCode.get(code) ?? -1]?.description ?? code,
    confidence: 1,
    alternatives: [],
    evidence: [],
    rationale: '',
  };
};

describe('a value the code names and the record does not state', () => {
  it('a severity, a remission or a stage in the title that no statement gives is named; not when a statement gives it', () => {
    const icd = codeSets().icd;
    const depressed = ['Bipolar I disorder, current episode depressed', 'Low mood for three weeks, sleeping more.'];
    expect(valuesAssertedUnstated(icd, depressed, [dx('F31.5')])).toEqual([{ code: 'F31.5', value: 'severe' }]);
    expect(valuesAssertedUnstated(icd, [...depressed, 'Severe episode with psychotic features'], [dx('F31.5')])).toEqual([]);
    expect(valuesAssertedUnstated(icd, ['Bipolar disorder, most recent episode depressed'], [dx('F31.75')])).toEqual([
      { code: 'F31.75', value: 'in remission' },
    ]);
    expect(valuesAssertedUnstated(icd, ['Sacral pressure ulcer'], [dx('L89.153')])).toEqual([{ code: 'L89.153', value: 'stage 3' }]);
    expect(valuesAssertedUnstated(icd, ['Sacral pressure ulcer, stage III'], [dx('L89.153')])).toEqual([]);
  });

  it('a single episode the record does not state (the index default) is named; a first or single episode stated is not', () => {
    const icd = codeSets().icd;
    const moderate = ['Major depressive disorder, moderate', 'Depressed for two months; was depressed once before, years ago.'];
    expect(valuesAssertedUnstated(icd, moderate, [dx('F32.1')])).toEqual([{ code: 'F32.1', value: 'single episode' }]);
    expect(
      valuesAssertedUnstated(icd, ['Major depressive disorder, moderate', 'First depressive episode, began in May.'], [dx('F32.1')]),
    ).toEqual([]);
  });

  it("the code's own inclusion term said word for word, and a value in the title's default clause, are no reason", () => {
    const icd = codeSets().icd;
    const term = { ...dx('A81.1'), evidence: [{ section: 'diagnoses' as const, text: "Dawson's inclusion body encephalitis" }] };
    expect(valuesAssertedUnstated(icd, ["Dawson's inclusion body encephalitis"], [term])).toEqual([]);
    // I26.99 "Other pulmonary embolism without acute cor pulmonale": "acute" is what it is without.
    expect(valuesAssertedUnstated(icd, ['Pulmonary embolism, on apixaban'], [dx('I26.99')])).toEqual([]);
  });

  it("a value the whole category carries is the category's, and signs and factors are coded as documented", () => {
    const icd = codeSets().icd;
    // J21 "Acute bronchiolitis": the index sends bronchiolitis there; "acute" chooses no member.
    expect(valuesAssertedUnstated(icd, ['RSV bronchiolitis'], [dx('J21.0')])).toEqual([]);
    expect(valuesAssertedUnstated(icd, ['Cough'], [dx('R05.1')])).toEqual([]);
  });

  it('goes through the coded encounter: an unstated value keeps the encounter from billing unseen', () => {
    const r = coded(['Bipolar disorder, most recent episode depressed'], 'Follow-up. Mood low for a month. Continue lamotrigine.');
    const named = r.diagnoses.filter((d) => /remission|mild|moderate|severe/i.test(d.description));
    // Whatever member the engine picks, one that names a value the record lacks does not go through.
    if (named.length > 0) expect(r.straightThrough.reasons).toContain('asserted-value-unstated');
    expect(r.straightThrough.eligible).toBe(false);
  });

  it('a value the record states is no reason', () => {
    const r = coded(['Bipolar disorder, current episode depressed, severe, with psychotic features'], 'Hears voices. Started quetiapine.');
    expect(r.straightThrough.reasons).not.toContain('asserted-value-unstated');
  });
});
