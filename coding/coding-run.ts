/**
 * What the steps of the engine share while one encounter is coded: the run (input, code sets, the
 * notes read into mentions, the clarifications raised so far, the chapters the record allows) and
 * the diagnosis drafts passed from step to step.
 */
import type { CodeCandidate, CodedDiagnosis, CodingInput, RecordSection } from '../domain/coding.ts';
import type { CodeSets } from './code-sets.ts';
import type { ClarificationIssue } from './clarification.ts';
import type { Mention } from './context.ts';
import type { ProcedureCorrection } from './procedure-corrections.ts';
import { NARROW_SITE_FAMILIES, SITE_FAMILIES, type SearchHit } from './search.ts';
import { coreTokens, expandAbbreviations, tokenize } from './text.ts';

/** A diagnosis on its way through the steps; `order` keeps the record's order (fractions for added codes). */
export interface DiagnosisDraft extends CodedDiagnosis {
  order: number;
  /** For a code found by a word search: the share of the matched title's words the record names (0..1). */
  titleShare?: number;
  /** A combination code that joins statements the record does not link itself (the "with" presumption). */
  presumed?: string;
  /** Details of the code read from another statement than the condition's own (side, type, stage). */
  inferred?: string[];
}

export interface CodingRun {
  input: CodingInput;
  codeSets: CodeSets;
  notes: Mention[];
  /** Clarifications raised by the steps, each tied to the draft it is about. */
  issues: ClarificationIssue[];
  /** Codes the record's context allows (pregnancy and newborn codes only with that context). */
  allowed: (code: string) => boolean;
  /** The mention each draft was coded from, by draft order. */
  mentions: Map<number, Mention>;
  /** A diagnosis the record states as uncertain (coded by its signs and symptoms, or left out). */
  uncertain?: boolean;
  /** Codes the physician wrote whose own line reads as another category (written-code-support.ts). */
  writtenElsewhere?: string[];
  /** Physicians' unspecified codes kept, with the words the notes add to their condition (fuller-statement.ts). */
  statedMore?: Map<string, string[]>;
  /** Procedure lines whose written code the record shows to be wrong, with what replaced it (procedure-corrections.ts). */
  procedureCorrections?: Map<object, ProcedureCorrection>;
  /** What perRecord computed for this record (shared by the run's copies). */
  memo: Map<string, unknown>;
}

/**
 * A fact about the whole record, computed once per run: a step that reads the whole record again for
 * each diagnosis or mention makes coding time grow with the square of the record (issue 10: at most
 * linearly). `key` names the fact; `compute` must depend on the record alone.
 */
export function perRecord<T>(run: CodingRun, key: string, compute: () => T): T {
  if (run.memo.has(key)) return run.memo.get(key) as T;
  const value = compute();
  run.memo.set(key, value);
  return value;
}

/**
 * How much of a code title's meaning the documented text names: its core words (site words through
 * their region: "lumbar" names the "lower back"), as a share. Under one half, the code is a word match.
 */
export function titleShare(title: string, documented: string): number {
  const core = coreTokens(title);
  if (core.length === 0) return 1;
  const words = tokenize(expandAbbreviations(documented));
  const said = new Set([...words, ...words.flatMap((t) => [...(SITE_FAMILIES.get(t) ?? []), ...(NARROW_SITE_FAMILIES.get(t) ?? [])])]);
  return Math.round((core.filter((t) => said.has(t)).length / core.length) * 1000) / 1000;
}

/** The whole record as text (notes, diagnoses, test results) for indicator checks. */
export function recordText(run: CodingRun): string {
  return perRecord(run, 'recordText', () => {
    const doc = run.input.documentation;
    return [
      doc.notes,
      ...doc.diagnoses.map((d) => d.description),
      ...doc.testResults.map((t) => `${t.name} ${t.value} ${t.flag ?? ''}`),
    ].join(' \n ');
  });
}

/** Whether the whole record (recordText) matches a pattern without the global flag; tested once per run and pattern. */
export function recordSays(run: CodingRun, pattern: RegExp): boolean {
  const said = perRecord(run, 'recordSays', () => new Map<RegExp, boolean>());
  let yes = said.get(pattern);
  if (yes === undefined) {
    yes = pattern.test(recordText(run));
    said.set(pattern, yes);
  }
  return yes;
}

/** How much a match counts by where in the record it was found. */
export const SECTION_WEIGHT: Record<RecordSection, number> = { diagnoses: 1, notes: 0.85, procedures: 0.8, testResults: 0.7 };

export const round = (n: number) => Math.round(n * 1000) / 1000;

export function candidate(hit: SearchHit, confidence: number, rationale: string, evidence: CodeCandidate['evidence']): CodeCandidate {
  return { system: 'ICD-10-CM', code: hit.code, description: hit.description, confidence: round(confidence), rationale, evidence };
}

/** The tabular description of a code (the code itself when it is not in the code set). */
export function describeIcd(codeSets: CodeSets, code: string): string {
  const icd = codeSets.icd;
  return icd.entries[icd.byCode.get(code) ?? -1]?.description ?? code;
}

/** What a step states about a code it adds: how sure, where in the list, the record's words, and why. */
export type DraftFacts = Pick<DiagnosisDraft, 'confidence' | 'order' | 'evidence' | 'rationale'> &
  Partial<Pick<DiagnosisDraft, 'alternatives' | 'titleShare' | 'inferred' | 'presumed'>>;

/**
 * The one way a step adds a diagnosis draft: the ICD-10-CM code with its tabular description, the
 * confidence rounded as every figure the engine reports, no alternatives unless the step has some.
 */
export function newDraft(codeSets: CodeSets, code: string, facts: DraftFacts): DiagnosisDraft {
  const { confidence, order, titleShare: share, inferred, alternatives, evidence, rationale, presumed } = facts;
  return {
    system: 'ICD-10-CM',
    code,
    description: describeIcd(codeSets, code),
    confidence: round(confidence),
    order,
    ...(share !== undefined ? { titleShare: share } : {}),
    ...(inferred !== undefined ? { inferred } : {}),
    alternatives: alternatives ?? [],
    evidence,
    rationale,
    ...(presumed !== undefined ? { presumed } : {}),
  };
}

/** A draft a step codes to another code: the code and its tabular description replace the draft's, the step's reason follows its rationale. */
export function recoded(codeSets: CodeSets, d: DiagnosisDraft, code: string, why: string): DiagnosisDraft {
  return { ...d, code, description: describeIcd(codeSets, code), rationale: `${d.rationale} ${why}` };
}

/** One mention being coded: each step of mention coding reads it and adds to it. */
export interface MentionWork {
  /** The mention (its text loses a conflicting side, or gains the side the physician answered). */
  mention: Mention;
  order: number;
  evidence: CodeCandidate['evidence'];
  /** Words added to the mention's text from elsewhere in the record and from answers. */
  extra: string[];
  /** What the steps did, for the rationale. */
  notesDone: string[];
  /** An open question about conflicting sides (the plain side question is then not asked). */
  sideConflict?: ClarificationIssue;
  /** Questions about details two statements of the record give differently (raised with the mention). */
  conflicts: ClarificationIssue[];
  /** Aspects (type, stage) another diagnosis line states and codes on its own. */
  statedElsewhere: Set<string>;
  /** Clauses of the notes about the same condition (encounter phase for the 7th character). */
  related: string[];
  /** Details taken from another statement or assumed by default (side, type, stage), for the gate. */
  inferred: string[];
  /** Clauses a conflict leaves aside: their detail is asked, so they are not read as the condition's context. */
  setAside?: string[];
}
