/**
 * The coding engine: ICD-10-CM suggestion, procedure coding against the customer's catalog, claim
 * edits and clarifications for the physician. Plain TypeScript, no Temporal. (Payer
 * prior-authorization rules: the payer directory, payers/directory.ts.)
 */
export { loadCodeSets, type CodeSets } from './code-sets.ts';
export { codeEncounter, DIAGNOSIS_STEPS, type CodingOptions } from './code-encounter.ts';
export { LOW_CONFIDENCE } from './straight-through.ts';
export { runEdits, type DiagnosisLine, type ProcedureLine } from './edits.ts';
export { loadProcedureCatalog, procedureSystem, type ProcedureCatalog, type CatalogProcedure } from './procedures.ts';
export { OTHER_OPTION, UNDETERMINED_OPTION } from './clarification.ts';
export { CODING_INPUT_LIMITS, type CodingInputLimits } from './limits.ts';
