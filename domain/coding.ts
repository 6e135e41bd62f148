/**
 * The coding engine's contract: what the coding activity gives it and what it gives back.
 * The engine itself lives in coding/ (plain TypeScript, no Temporal).
 */
import type { EncounterDocumentation, Sex } from './encounter.ts';

export type CodeSystem = 'ICD-10-CM' | 'CPT' | 'HCPCS';

/** Where in the record a matched term was found. */
export type RecordSection = 'diagnoses' | 'notes' | 'procedures' | 'testResults';

export interface CodeCandidate {
  system: CodeSystem;
  code: string;
  description: string;
  /** 0..1 */
  confidence: number;
  /** Human-readable: which terms matched, in which part of the record, and why this code. */
  rationale: string;
  evidence: Array<{ section: RecordSection; text: string }>;
}

export interface CodedDiagnosis extends CodeCandidate {
  system: 'ICD-10-CM';
  /** Ranked alternatives, best first (the chosen code not included). */
  alternatives: CodeCandidate[];
}

export interface CodedProcedure extends CodeCandidate {
  system: 'CPT' | 'HCPCS';
  units: number;
  modifiers: string[];
  /** 1-based pointers into the diagnoses array (1 to 4). */
  diagnosisPointers: number[];
  alternatives: CodeCandidate[];
}

export type EditSeverity = 'error' | 'warning';

export interface EditFinding {
  /** Stable rule id, e.g. NON_BILLABLE, EXCLUDES1, SEX_CONFLICT, AGE_CONFLICT, PTP, MUE, DX_POINTER, DUPLICATE_LINE. */
  rule: string;
  severity: EditSeverity;
  message: string;
  /** Where the rule comes from (e.g. "ICD-10-CM tabular Excludes1", "NCCI PTP"). */
  source: string;
  codes: string[];
  /** True when only the physician's documentation can resolve it (then a query is raised). */
  needsDocumentation: boolean;
}

/** A compliant physician query: indicators quoted from the record, non-leading options, no payment talk. */
export interface ClarificationQueryDraft {
  question: string;
  clinicalIndicators: string[];
  /** Clinically supported options plus "Other (please specify)" and "Clinically undetermined". */
  options: string[];
  /** Why the engine asked (internal, for the coder; not shown as leading text to the physician). */
  reason: string;
}

/** The physician's answer to a query, fed back into coding. */
export interface ClarificationAnswer {
  question: string;
  /** One of the options offered, or absent when free text is given. */
  option?: string;
  freeText?: string;
}

export interface CodingInput {
  documentation: EncounterDocumentation;
  patient: { ageYears: number; sex: Sex };
  dateOfService: string;
  placeOfService: string;
  answers: ClarificationAnswer[];
}

export interface CodingResult {
  diagnoses: CodedDiagnosis[];
  procedures: CodedProcedure[];
  edits: EditFinding[];
  /** Present when the record is ambiguous and the physician must be asked. */
  clarification?: ClarificationQueryDraft;
  /** The code-set releases used (for the audit trail). */
  codeSetVersions: Record<string, string>;
}
