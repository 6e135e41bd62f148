/**
 * The coding engine: ICD-10-CM suggestion, procedure coding against the customer's catalog, claim
 * edits and physician queries. Plain TypeScript, no Temporal. (Payer prior-authorization rules:
 * the payer directory, payers/directory.ts.)
 */
export { loadCodeSets, type CodeSets } from './code-sets.ts';
export { codeEncounter, LOW_CONFIDENCE } from './suggest.ts';
export { runEdits, type DiagnosisLine, type ProcedureLine } from './edits.ts';
export { loadProcedureCatalog, procedureSystem, type ProcedureCatalog, type CatalogProcedure } from './procedures.ts';
export { OTHER_OPTION, UNDETERMINED_OPTION } from './query.ts';
