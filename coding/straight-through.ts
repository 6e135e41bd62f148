/**
 * The encounter's confidence and the straight-through rule. The raw score is what the engine knows
 * about its own certainty (each code's match quality, how close the runner-up codes came); the
 * calibration table (fitted on labelled encounters by `npm run calibrate:coding`) turns it into the
 * observed rate of exactly right code sets, and the threshold is the lowest calibrated confidence at
 * which the labelled encounters reached the straight-through precision target.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type {
  CodedDiagnosis,
  CodedProcedure,
  DocumentedCodeOutcome,
  EditFinding,
  StraightThroughDecision,
  StraightThroughReason,
} from '../domain/coding.ts';

const CalibrationBin = z.object({
  /** Raw scores from this value (inclusive)... */
  from: z.number().min(0).max(1),
  /** ...to the next bin's `from` get this confidence. */
  confidence: z.number().min(0).max(1),
});

export const StraightThroughConfig = z.object({
  /** Straight through only at or above this calibrated confidence. */
  threshold: z.number().min(0).max(1),
  /** The precision the threshold was chosen for (exact code set right). */
  targetPrecision: z.number().min(0).max(1),
  /** Isotonic calibration, ascending by `from`; empty: the raw score is used as is. */
  calibration: z.array(CalibrationBin),
  /** Where the threshold and the table came from (sets, command, date, figures). */
  source: z.string().min(1),
  /**
   * The straight-through precision measured on labelled records the engine was not tuned on, and
   * which records (activities/straight-through-policy.ts enables straight-through billing only with
   * these). Kept by `npm run calibrate:coding`, which cannot measure them itself.
   */
  measuredPrecision: z.number().min(0).max(1).optional(),
  measuredOn: z.string().min(1).optional(),
  /** The threshold in force when the precision was measured (a different threshold voids the figure). */
  measuredAtThreshold: z.number().min(0).max(1).optional(),
});
export type StraightThroughConfig = z.infer<typeof StraightThroughConfig>;

export const STRAIGHT_THROUGH_CONFIG_PATH = fileURLToPath(new URL('../data/coding/straight-through.json', import.meta.url));

export function loadStraightThroughConfig(path = STRAIGHT_THROUGH_CONFIG_PATH): StraightThroughConfig {
  return StraightThroughConfig.parse(JSON.parse(readFileSync(path, 'utf8')));
}

let loaded: StraightThroughConfig | undefined;
/** The configuration shipped with the engine (read once). */
export function straightThroughConfig(): StraightThroughConfig {
  loaded ??= loadStraightThroughConfig();
  return loaded;
}

/** How the engine rates one encounter before calibration (0..1): every code must be right at once. */
export function rawEncounterScore(diagnoses: readonly CodedDiagnosis[], procedures: readonly CodedProcedure[]): number {
  if (diagnoses.length === 0) return 0;
  let score = 1;
  for (const d of diagnoses) score *= d.confidence;
  for (const p of procedures) score *= p.confidence;
  return Math.round(score * 1000) / 1000;
}

export function calibrated(raw: number, config: StraightThroughConfig): number {
  let confidence = raw;
  for (const bin of config.calibration) if (raw >= bin.from) confidence = bin.confidence;
  return confidence;
}

export interface DecisionInput {
  confidence: number;
  diagnoses: readonly CodedDiagnosis[];
  edits: readonly EditFinding[];
  documentedCodes: readonly DocumentedCodeOutcome[];
  clarificationOpen: boolean;
  /** A diagnosis is documented as uncertain (its signs and symptoms are coded instead). */
  uncertain?: boolean;
  /** An unspecified code while the notes state its condition more fully (fuller-statement.ts). */
  statedMoreFully?: boolean;
  /** A mental or behavioural disorder coded as unspecified (review-signals.ts). */
  mentalDisorderUnspecified?: boolean;
  /** A BMI of 40 or more and no weight diagnosis on the claim (review-signals.ts). */
  bmiWithoutWeightDiagnosis?: boolean;
  /** A code rests on a word match: the record names less than half of its title. */
  wordMatch?: boolean;
  /** A combination code joins statements the record does not link itself. */
  presumed?: boolean;
  /** A side, type or stage came from another statement or the classification's default. */
  inferred?: boolean;
  /** Notes coded with no diagnosis list and no assessment or plan. */
  noAssessment?: boolean;
  /** A diagnosis has a runner-up code of another category within COMPETING_FAMILY_MARGIN. */
  competingFamilies?: boolean;
  /** A current long-term drug with its own Z79 code and no Z79 code on the claim (review-signals.ts). */
  longTermDrugUndecided?: boolean;
  /** A history/follow-up code, or a neoplasm beside completed treatment (review-signals.ts). */
  historyContext?: boolean;
  /** A preventive examination without abnormal findings while the record names a finding (review-signals.ts). */
  preventiveWithFindings?: boolean;
  /** A Z79 code with no current drug of its class named (review-signals.ts). */
  longTermDrugUnsupported?: boolean;
  /** A symptom code beside a diagnosis of the same body system (review-signals.ts). */
  symptomBesideDiagnosis?: boolean;
  /** An injury code leaving out a documented word its category codes by (review-signals.ts). */
  injuryDetailUnused?: boolean;
  /** An organism reported as found that no code names (fragile-choices.ts). */
  organismUncoded?: boolean;
  /** A family's unspecified member where the classification codes an axis value (fragile-choices.ts). */
  unstatedAxisValue?: boolean;
  /** A title's value of an axis no statement of the record states (asserted-values.ts). */
  assertedValueUnstated?: boolean;
  /** A title's default value while the record says the condition resists treatment (fragile-choices.ts). */
  defaultAgainstRecord?: boolean;
  /** A qualifying word of the code's statement left out of the code (fragile-choices.ts). */
  qualifierUnused?: boolean;
  /** A word of a code's own statement that no code explains and its category or a runner-up codes by (fragile-choices.ts). */
  statementWordUnused?: boolean;
  /** A diagnosis-list condition the notes say the visit did not address (review-signals.ts). */
  listedNotAddressed?: boolean;
  /** A diagnosis line with no code found for it (code-encounter.ts). */
  diagnosisLineUncoded?: boolean;
  /** Another statement gives a coded condition a value its code does not carry (stated-otherwise.ts). */
  conditionStatedOtherwise?: boolean;
  /** Another statement of a coded condition has words that title another code of its category (other-statements.ts). */
  siblingTitledElsewhere?: boolean;
  /** The assessment names a coded condition with a word that titles only another category of its chapter (other-statements.ts). */
  otherCategoryNamed?: boolean;
  /** A code the physician wrote whose own line reads as another category (written-code-support.ts). */
  writtenCodeElsewhere?: boolean;
  /** A code titled as not from an injury while the record tells of one (review-signals.ts). */
  nontraumaticAfterInjury?: boolean;
  /** A diagnosis line has a word the engine cannot read where the word can change the code (unread-words.ts). */
  unreadLineWord?: boolean;
  /** A fracture coded as its category's unspecified fracture (review-signals.ts). */
  fractureTypeUnstated?: boolean;
  /** An injury code names a particular part no statement of the record names (review-signals.ts). */
  injuryPartUnstated?: boolean;
  /** A code titled unspecified while the record reports test or imaging results (reported-results.ts). */
  unspecifiedBesideResults?: boolean;
  /** A sign or symptom code while the record reports test or imaging results (reported-results.ts). */
  symptomBesideResults?: boolean;
  /** A code titled "without" something a statement of the record affirms (absence-affirmed.ts). */
  absenceAffirmed?: boolean;
  /** An examination coded with abnormal findings and no finding beside it (review-signals.ts). */
  abnormalFindingsUncoded?: boolean;
  /** A diagnosis line or assessment statement reads as another code of a coded diagnosis's category (statement-reading.ts). */
  statementReadsOtherwise?: boolean;
  /** A statement of the record gives a coded site the other side (side-agreement.ts). */
  sideStatedOtherwise?: boolean;
  /** A code the tabular asks for beside other members of a coded condition's block, not beside the coded one (tabular-asks.ts). */
  additionalCodeNotAskedFor?: boolean;
  /** A screening or general examination code on a record that calls the examination diagnostic (tabular-asks.ts). */
  diagnosticExaminationAsScreening?: boolean;
  /** The assessment addresses a condition of a category no code on the claim is of (assessed-uncoded.ts). */
  assessedConditionUncoded?: boolean;
  /** A written diagnosis line no word of which the notes' assessment or plan uses (unassessed-written-line.ts). */
  writtenLineUnassessed?: boolean;
}

/**
 * Findings that a written procedure code disagrees with the record: its description reads as another
 * code, the record does not support the vaccine administration written (vaccine-coding.ts), or a
 * vaccine product is not for the patient's age.
 */
const PROCEDURE_CONFLICTS = new Set(['DOCUMENTED_CODE_DIFFERS', 'DOCUMENTED_CODE_CORRECTED', 'VACCINE_ADMINISTRATION', 'AGE_CONFLICT']);

/**
 * Findings that the record does not support a procedure line as coded: no catalog entry, no code
 * found, a visit level or a repair's length the record does not state (wound-repair.ts).
 */
const UNSUPPORTED_PROCEDURE = new Set(['UNMATCHED_PROCEDURE', 'NOT_IN_CATALOG', 'VISIT_LEVEL_UNSTATED', 'REPAIR_LENGTH_UNSTATED']);

/** Below this confidence a code is the engine's guess: the encounter goes to a coder (never a physician query). */
export const LOW_CONFIDENCE = 0.55;

/**
 * How close a runner-up of another category must come to make the choice of family fragile: the
 * score one side word adds to a code (search.ts), i.e. a single word of the record could flip it.
 */
export const COMPETING_FAMILY_MARGIN = 0.08;

export function straightThroughDecision(input: DecisionInput, config: StraightThroughConfig): StraightThroughDecision {
  const reasons: StraightThroughReason[] = [];
  const add = (r: StraightThroughReason, when: boolean) => {
    if (when && !reasons.includes(r)) reasons.push(r);
  };
  add('no-diagnosis', input.diagnoses.length === 0);
  add('open-clarification', input.clarificationOpen);
  add(
    'edit-failed',
    input.edits.some((e) => e.severity === 'error'),
  );
  add(
    'unmatched-procedure',
    input.edits.some((e) => UNSUPPORTED_PROCEDURE.has(e.rule)),
  );
  add(
    'documented-code-changed',
    input.documentedCodes.some((d) => d.outcome === 'changed'),
  );
  add(
    'documented-code-dropped',
    input.documentedCodes.some((d) => d.outcome === 'dropped'),
  );
  add('uncertain-diagnosis', input.uncertain === true);
  add('stated-more-fully', input.statedMoreFully === true);
  add('mental-disorder-unspecified', input.mentalDisorderUnspecified === true);
  add('bmi-without-weight-diagnosis', input.bmiWithoutWeightDiagnosis === true);
  add('word-match', input.wordMatch === true);
  add(
    'procedure-conflict',
    input.edits.some((e) => PROCEDURE_CONFLICTS.has(e.rule)),
  );
  add('combination-presumed', input.presumed === true);
  add('detail-inferred', input.inferred === true);
  add('no-assessment', input.noAssessment === true);
  add('competing-families', input.competingFamilies === true);
  add('long-term-drug-undecided', input.longTermDrugUndecided === true);
  add('history-context', input.historyContext === true);
  add('preventive-with-findings', input.preventiveWithFindings === true);
  add('abnormal-findings-uncoded', input.abnormalFindingsUncoded === true);
  add('long-term-drug-unsupported', input.longTermDrugUnsupported === true);
  add('symptom-beside-diagnosis', input.symptomBesideDiagnosis === true);
  add('injury-detail-unused', input.injuryDetailUnused === true);
  add('organism-uncoded', input.organismUncoded === true);
  add('unstated-axis-value', input.unstatedAxisValue === true);
  add('asserted-value-unstated', input.assertedValueUnstated === true);
  add('default-against-record', input.defaultAgainstRecord === true);
  add('qualifier-unused', input.qualifierUnused === true);
  add('statement-word-unused', input.statementWordUnused === true);
  add('listed-not-addressed', input.listedNotAddressed === true);
  add('diagnosis-line-uncoded', input.diagnosisLineUncoded === true);
  add('condition-stated-otherwise', input.conditionStatedOtherwise === true);
  add('sibling-titled-elsewhere', input.siblingTitledElsewhere === true);
  add('other-category-named', input.otherCategoryNamed === true);
  add('written-code-elsewhere', input.writtenCodeElsewhere === true);
  add('statement-reads-otherwise', input.statementReadsOtherwise === true);
  add('nontraumatic-after-injury', input.nontraumaticAfterInjury === true);
  add('unread-line-word', input.unreadLineWord === true);
  add('fracture-type-unstated', input.fractureTypeUnstated === true);
  add('injury-part-unstated', input.injuryPartUnstated === true);
  add('unspecified-beside-results', input.unspecifiedBesideResults === true);
  add('symptom-beside-results', input.symptomBesideResults === true);
  add('absence-affirmed', input.absenceAffirmed === true);
  add('side-stated-otherwise', input.sideStatedOtherwise === true);
  add('additional-code-not-asked-for', input.additionalCodeNotAskedFor === true);
  add('diagnostic-examination-as-screening', input.diagnosticExaminationAsScreening === true);
  add('assessed-condition-uncoded', input.assessedConditionUncoded === true);
  add('written-line-unassessed', input.writtenLineUnassessed === true);
  add('low-confidence', input.confidence < config.threshold || input.diagnoses.some((d) => d.confidence < LOW_CONFIDENCE));
  return { eligible: reasons.length === 0, reasons, threshold: config.threshold, thresholdSource: config.source };
}
