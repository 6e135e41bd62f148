/**
 * The shared setup of the coding-engine tests (test/coding/*): the code sets loaded once per test
 * file, and coding inputs with the fields a test does not care about filled in.
 *
 * `useCodeSets()` registers a `beforeAll` that loads the code sets (nothing to tear down) and
 * returns a getter: call it inside tests, `codeEncounter(input, codeSets())`.
 *
 * Imports vitest: for test files only.
 */
import { beforeAll } from 'vitest';
import { codeEncounter, loadCodeSets, type CodeSets } from '../coding/index.ts';
import type { CodingInput } from '../domain/coding.ts';
import type { EncounterDocumentation } from '../domain/encounter.ts';

export function useCodeSets(): () => CodeSets {
  let codeSets: CodeSets | undefined;
  beforeAll(async () => {
    codeSets = await loadCodeSets();
  });
  return () => {
    if (codeSets === undefined) throw new Error('the code sets load in a beforeAll: call codeSets() inside a test');
    return codeSets;
  };
}

/**
 * A coding input for `patient`: documentation fields not given are empty, the service is an office
 * visit (place of service 11) on 2026-05-04, and no clarification is answered; `extra` overrides any field.
 */
export function codingInput(
  documentation: Partial<EncounterDocumentation>,
  patient: CodingInput['patient'],
  extra: Partial<CodingInput> = {},
): CodingInput {
  return {
    documentation: { notes: '', diagnoses: [], procedures: [], testResults: [], ...documentation },
    patient,
    dateOfService: '2026-05-04',
    placeOfService: '11',
    answers: [],
    ...extra,
  };
}

/** Diagnoses as the physician wrote them: descriptions only, no codes. */
export const described = (descriptions: readonly string[]) => descriptions.map((description) => ({ description }));

/**
 * The diagnosis codes the engine gives `patient` for the physician's described diagnoses and note:
 * `const codes = codesFor(codeSets, { ageYears: 67, sex: 'F' })`, then `codes(['Type 2 diabetes'],
 * 'note')`; a test that needs another patient says so at the call, `codes([...], '', { sex: 'M' })`.
 * `sorted`: in code order, for tests that compare sets; otherwise in the engine's order.
 */
export function codesFor(codeSets: () => CodeSets, patient: CodingInput['patient'], { sorted = false } = {}) {
  return (diagnoses: readonly string[], notes = '', differently: Partial<CodingInput['patient']> = {}): string[] => {
    const input = codingInput({ notes, diagnoses: described(diagnoses) }, { ...patient, ...differently });
    const codes = codeEncounter(input, codeSets()).diagnoses.map((d) => d.code);
    return sorted ? codes.sort() : codes;
  };
}

/**
 * The coded diagnoses for described diagnoses and a note, with the patient's sex and age given by
 * position after the note and defaulting to `patient`: `const coded = codedBy(codeSets, { sex: 'F',
 * ageYears: 64 })`, then `coded(['Gout of left great toe'], '', 'M', 70)`. `sortedCodesBy` gives the
 * codes alone, in code order, for tests that compare sets.
 */
export function codedBy(codeSets: () => CodeSets, patient: CodingInput['patient']) {
  return (diagnoses: readonly string[], notes = '', sex = patient.sex, ageYears = patient.ageYears) =>
    codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ...patient, ageYears, sex }), codeSets()).diagnoses;
}

export function sortedCodesBy(codeSets: () => CodeSets, patient: CodingInput['patient']) {
  const coded = codedBy(codeSets, patient);
  return (...args: Parameters<typeof coded>): string[] =>
    coded(...args)
      .map((d) => d.code)
      .sort();
}

/**
 * The engine's whole result (codes, questions, gate) for described diagnoses and a note, with the
 * physician's answers and the patient's age by position: `const run = answeredBy(codeSets, { sex:
 * 'M', ageYears: 62 })`, then `run(['DVT of left leg'], note)` and, once answered,
 * `run(['DVT of left leg'], note, [{ question, freeText: 'Acute.' }], 70)`.
 */
export function answeredBy(codeSets: () => CodeSets, patient: CodingInput['patient']) {
  return (diagnoses: readonly string[], notes = '', answers: CodingInput['answers'] = [], ageYears = patient.ageYears) =>
    codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ...patient, ageYears }, { answers }), codeSets());
}

/**
 * The straight-through gate's reasons for described diagnoses and a note: `const reasonsFor =
 * reasonsBy(codeSets, { ageYears: 16, sex: 'F' })`, then `reasonsFor(['concussion'], note)`; another
 * patient is given at the call, `reasonsFor([...], note, { ageYears: 61, sex: 'M' })`.
 */
export function reasonsBy(codeSets: () => CodeSets, patient: CodingInput['patient']) {
  return (diagnoses: readonly string[], notes = '', differently: Partial<CodingInput['patient']> = {}) =>
    codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ...patient, ...differently }), codeSets()).straightThrough
      .reasons;
}

/** The diagnosis codes of a result, in the engine's order. */
export const diagnosisCodes = (result: { diagnoses: ReadonlyArray<{ code: string }> }): string[] => result.diagnoses.map((d) => d.code);

/**
 * The diagnosis codes, in the engine's order, of whole documentation and of described lines with a
 * note, for `patient` unless a call gives another age or sex by position: `const { codes, lines } =
 * documentCodesFor(codeSets, { ageYears: 60, sex: 'M' })`, then `codes({ notes, diagnoses }, 72)` or
 * `lines(['Type 2 diabetes'], note, 45, 'F')`.
 */
export function documentCodesFor(codeSets: () => CodeSets, patient: CodingInput['patient']) {
  const codes = (doc: Partial<EncounterDocumentation>, ageYears = patient.ageYears, sex = patient.sex): string[] =>
    codeEncounter(codingInput(doc, { ageYears, sex }), codeSets()).diagnoses.map((d) => d.code);
  const lines = (descriptions: readonly string[], notes = '', ageYears = patient.ageYears, sex = patient.sex): string[] =>
    codes({ diagnoses: described(descriptions), notes }, ageYears, sex);
  return { codes, lines };
}

/**
 * Codes a note with its diagnosis lines (written codes optional) and the physician's answers, for
 * `patient`: `const code = recordCoder(codeSets, { ageYears: 52, sex: 'M' })`, then
 * `code(notes, [{ description: 'COPD', code: 'J44.9' }], answers)`.
 */
export function recordCoder(codeSets: () => CodeSets, patient: CodingInput['patient']) {
  return (notes: string, diagnoses: Array<{ description: string; code?: string }>, answers: CodingInput['answers'] = []) =>
    codeEncounter(codingInput({ notes, diagnoses }, patient, { answers }), codeSets());
}
