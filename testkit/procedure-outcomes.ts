/**
 * What the procedure tests (test/coding/*-corrections.test.ts and others) assert about a coded
 * encounter: the procedure lines claimed, the physician's written procedure codes and how the engine
 * treated each one.
 *
 * Imports vitest: for test files only.
 */
import { expect } from 'vitest';
import type { CodingResult } from '../domain/coding.ts';

/** The claim's procedure lines as code and units ("11105x2"), in code order. */
export const claimLines = (r: CodingResult) => r.procedures.map((p) => `${p.code}x${p.units}`).sort();

/** The claim's procedure codes, in code order. */
export const claimCodes = (r: CodingResult) => r.procedures.map((p) => p.code).sort();

/** The written CPT/HCPCS codes with their outcome (kept, changed, ...), diagnoses left out. */
export const writtenProcedures = (r: CodingResult) => r.documentedCodes.filter((d) => d.system !== 'ICD-10-CM');

/**
 * A correction as a coder sees it: the written code reported as changed to `to` (one code or the
 * codes in order), the reason naming both, the written code offered beside the corrected line, the
 * correction edit raised, and the encounter kept from going straight through.
 */
export function expectCorrected(r: CodingResult, from: string, to: string | readonly string[]): void {
  const codes = typeof to === 'string' ? [to] : [...to];
  const outcome = writtenProcedures(r).find((d) => d.code === from);
  expect(outcome?.outcome, from).toBe('changed');
  expect(outcome?.codedAs).toEqual(codes);
  expect(outcome?.reason).toContain(from);
  expect(outcome?.reason).toContain(codes[0]);
  expect(r.procedures.some((p) => p.alternatives.some((a) => a.code === from))).toBe(true);
  expect(r.edits).toContainEqual(expect.objectContaining({ rule: 'DOCUMENTED_CODE_CORRECTED' }));
  expect(r.straightThrough.eligible).toBe(false);
  expect(r.straightThrough.reasons).toContain('documented-code-changed');
}

/** The written code left as the physician wrote it. */
export const expectKept = (r: CodingResult, code: string) =>
  expect(writtenProcedures(r).find((d) => d.code === code)?.outcome, code).toBe('kept');
