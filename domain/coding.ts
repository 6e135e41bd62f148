/**
 * The coding engine's contract: what the coding activity gives it and what it gives back.
 * The engine itself lives in coding/ (plain TypeScript, no Temporal).
 */
import type { EncounterDocumentation, Sex } from './encounter.ts';

export type CodeSystem = 'ICD-10-CM' | 'CPT' | 'HCPCS';

/** Where in the record a matched term was found. */
export type RecordSection = 'diagnoses' | 'notes' | 'procedures' | 'testResults';

/**
 * Where a quoted text sits in the record: the field of the documentation and the character offsets
 * of the quote in that field's string (`start` inclusive, `end` exclusive, UTF-16 units as in
 * JavaScript), so `field's text.slice(start, end) === text`.
 */
export interface RecordSpan {
  /** `notes`, `diagnoses[i].description`, `procedures[i].description` or `testResults[i].name` (i from 0). */
  field: string;
  start: number;
  end: number;
}

/** A piece of evidence for a code: a quote of the record (with its span), or a physician's answer (no span). */
export interface Evidence {
  section: RecordSection;
  text: string;
  /** Present when `text` is a verbatim quote of the record. */
  span?: RecordSpan;
}

export interface CodeCandidate {
  system: CodeSystem;
  code: string;
  description: string;
  /** 0..1 */
  confidence: number;
  /** Human-readable: which terms matched, in which part of the record, and why this code. */
  rationale: string;
  evidence: Evidence[];
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
  /**
   * Stable rule id, e.g. NON_BILLABLE, EXCLUDES1, SEX_CONFLICT, AGE_CONFLICT, AGE_BAND (a procedure code of another
   * age band), PTP, MUE, DX_POINTER, DUPLICATE_LINE, UNMATCHED_PROCEDURE, VISIT_LEVEL_UNSTATED (an office visit line with no level), NOT_IN_CATALOG (a documented code kept as written),
   * DOCUMENTED_CODE_CORRECTED (a written procedure code a rule of the code set corrected, the written code offered beside).
   */
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

/**
 * Why an encounter may not go straight to billing. The engine raises all but `payer-review`, which
 * the workflow adds when a payer rule asks for review.
 */
export type StraightThroughReason =
  /** The encounter confidence is below the configured straight-through threshold. */
  | 'low-confidence'
  /** A pre-claim edit of severity "error" failed (Excludes1, sex/age conflict, non-billable, PTP...). */
  | 'edit-failed'
  /** A code the physician documented was coded as another code. */
  | 'documented-code-changed'
  /** A code the physician documented is not on the claim. */
  | 'documented-code-dropped'
  /** A documented procedure matches no catalog entry, or its documented code is not in the catalog (kept as written). */
  | 'unmatched-procedure'
  /** No diagnosis could be coded. */
  | 'no-diagnosis'
  /** A clarification is open: the physician must answer first. */
  | 'open-clarification'
  /** A diagnosis is documented as uncertain ("rule out", "vs", "possible"): its symptoms are coded, a coder confirms. */
  | 'uncertain-diagnosis'
  /** An unspecified code while another statement of the notes names its condition with a word that titles another code of its category. */
  | 'stated-more-fully'
  /** A mental or behavioural disorder coded as unspecified: which disorder, its episode and severity decide the code. */
  | 'mental-disorder-unspecified'
  /** A BMI of 40 or more recorded and no weight diagnosis on the claim: the BMI is reported only with the provider's weight diagnosis. */
  | 'bmi-without-weight-diagnosis'
  /** A code rests on a word match: the record names less than half of the code's title (another site or family). */
  | 'word-match'
  /** A procedure's description reads like another catalog code than the one the physician wrote (kept; a coder settles it). */
  | 'procedure-conflict'
  /** A combination code joins statements the record does not link itself (the "with" presumption fired). */
  | 'combination-presumed'
  /** A side, type or stage was read from another statement than the condition's own, or assumed by default. */
  | 'detail-inferred'
  /** The notes were coded without a diagnosis list and have no assessment or plan to say what the visit addressed. */
  | 'no-assessment'
  /** A code of another category fits a diagnosis almost as well as the one chosen. */
  | 'competing-families'
  /** A drug of a class with its own Z79 code is named as current and no Z79 code is on the claim. */
  | 'long-term-drug-undecided'
  /** A history, follow-up or aftercare code, or a neoplasm beside completed treatment: history versus current is the coder's. */
  | 'history-context'
  /** A preventive examination coded without abnormal findings while the record names a finding. */
  | 'preventive-with-findings'
  /** A Z79 long-term drug code on the claim with no current drug of its class named in the record. */
  | 'long-term-drug-unsupported'
  /** A sign or symptom code beside a coded diagnosis of the same body system (integral to it, or not). */
  | 'symptom-beside-diagnosis'
  /** An injury code that leaves out a documented word its category codes by (fracture type, part of the bone). */
  | 'injury-detail-unused'
  /** The record reports an organism as found (a culture grew it) and no code on the claim names it. */
  | 'organism-uncoded'
  /** A code is its family's unspecified member where the classification codes a value (type, severity, trimester) the record does not state. */
  | 'unstated-axis-value'
  /** A code's title names a value (severity, stage, acuity, remission) no statement of the record states, not its whole category's. */
  | 'asserted-value-unstated'
  /** A code asserts its family's default ("not intractable", "uncomplicated") while the record says the condition resists treatment. */
  | 'default-against-record'
  /** A code leaves out a word of its own statement that qualifies the condition and titles other codes ("pulmonary" hypertension). */
  | 'qualifier-unused'
  /** A word of a code's own statement that no code explains and that its category or a runner-up codes by. */
  | 'statement-word-unused'
  /** A condition coded from the diagnosis list while the notes say the visit did not address it. */
  | 'listed-not-addressed'
  /** A diagnosis line the engine found no code for. */
  | 'diagnosis-line-uncoded'
  /** Another statement names a coded condition with a value of an axis its code does not carry (type 1 / type 2, stage 3b / stage 4). */
  | 'condition-stated-otherwise'
  /** Another statement of a coded condition uses words that title another code of its category ("concussion w/o LOC"). */
  | 'sibling-titled-elsewhere'
  /** The assessment names a coded condition with a word that titles only another category of its chapter (Hashimoto's). */
  | 'other-category-named'
  /** A code the physician wrote on a line that reads as another category ("Prediabetes" written E11.9). */
  | 'written-code-elsewhere'
  | 'statement-reads-otherwise'
  | 'abnormal-findings-uncoded'
  /** A code titled as not from an injury while the record tells of one (a fall, a blow). */
  | 'nontraumatic-after-injury'
  /** A diagnosis line has a word the engine cannot read where the word can change the code ("HTN w/ LVH"). */
  | 'unread-line-word'
  /** A fracture coded as its category's unspecified fracture, no type stated (Colles, torus, transverse...). */
  | 'fracture-type-unstated'
  /** An injury code names a particular part (pisiform) no statement of the record names. */
  | 'injury-part-unstated'
  /** A code titled unspecified on a record that reports test or imaging results (reported-results.ts). */
  | 'unspecified-beside-results'
  /** A sign or symptom code on a record that reports test or imaging results (reported-results.ts). */
  | 'symptom-beside-results'
  /** A code titled "without" something a statement of the record affirms (absence-affirmed.ts). */
  | 'absence-affirmed'
  /** A statement of the record gives a coded site the other side (side-agreement.ts). */
  | 'side-stated-otherwise'
  /** A code the tabular asks for beside other members of a coded condition's block, not beside the coded one (tabular-asks.ts). */
  | 'additional-code-not-asked-for'
  /** A screening or general examination code on a record that calls the examination diagnostic (tabular-asks.ts). */
  | 'diagnostic-examination-as-screening'
  /** The assessment addresses a condition of a category no code on the claim is of (assessed-uncoded.ts). */
  | 'assessed-condition-uncoded'
  /** A written diagnosis line that the notes' assessment and plan never name (unassessed-written-line.ts). */
  | 'written-line-unassessed'
  /** A payer rule asks for review (added by the workflow, not the engine). */
  | 'payer-review';

export interface StraightThroughDecision {
  /** True only when `reasons` is empty. */
  eligible: boolean;
  reasons: StraightThroughReason[];
  /** The threshold the confidence was compared with, and where it came from (configuration). */
  threshold: number;
  thresholdSource: string;
}

/** What became of a code the physician wrote on a diagnosis or procedure line. */
export interface DocumentedCodeOutcome {
  system: CodeSystem;
  /** As documented (trimmed, upper case). */
  code: string;
  /** The line it was written on (`diagnoses[i]` or `procedures[i]`, i from 0). */
  line: string;
  outcome: 'kept' | 'changed' | 'dropped';
  /** For `changed`: the code(s) the engine put in its place for that line. */
  codedAs?: string[];
  /** Why, for the coder. */
  reason: string;
}

export interface CodingResult {
  diagnoses: CodedDiagnosis[];
  procedures: CodedProcedure[];
  edits: EditFinding[];
  /** Present when the record is ambiguous and the physician must be asked. */
  clarification?: ClarificationQueryDraft;
  /** The code-set releases used (for the audit trail). */
  codeSetVersions: Record<string, string>;
  /**
   * The engine's confidence (0..1) that the whole code set (diagnoses and procedures) is exactly
   * right, calibrated on labelled encounters (see `data/coding/straight-through.json`).
   */
  confidence: number;
  /** Whether the encounter may go to billing with no coder in between, and if not, why. */
  straightThrough: StraightThroughDecision;
  /** Every code the physician documented: kept, changed or dropped. */
  documentedCodes: DocumentedCodeOutcome[];
}
