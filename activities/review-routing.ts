/**
 * Whether the engine's codes may go to billing without a coder, and if not why, in the coder's
 * words: the engine's straight-through decision (calibrated confidence, no diagnosis, an unmatched
 * procedure), a code the physician wrote that the result changed or dropped, and the payer's
 * coder-review rules (payers/directory.ts). Error-severity edits are added by the workflow (they
 * also apply to a coder's codes); an open clarification is the coding stage's business.
 */
import type { CodingResult, StraightThroughReason } from '../domain/coding.ts';
import type { CoderReviewReason } from '../workflows/messages.ts';

/** The engine's reasons that mean "not confident enough to bill", in the coder's words. */
const NOT_CONFIDENT: Partial<Record<StraightThroughReason, string>> = {
  'low-confidence': 'the engine is not confident enough to bill',
  'no-diagnosis': 'the engine found no diagnosis to bill',
  'unmatched-procedure': 'a documented procedure matches no catalog entry',
  'uncertain-diagnosis': 'a diagnosis is documented as uncertain (its signs and symptoms are coded instead)',
  'stated-more-fully': 'an unspecified code is on the claim while the notes state the condition more fully (a cause, a type)',
  'mental-disorder-unspecified':
    'a mental or behavioural disorder is coded as unspecified: which disorder, its episode and its severity decide the code',
  'bmi-without-weight-diagnosis': 'a BMI of 40 or more is recorded and no weight diagnosis is on the claim',
  'word-match': 'a code rests on a word match the documentation does not fully support',
  'procedure-conflict': "a procedure's description reads like another code than the one the physician wrote",
  'combination-presumed': 'a combination code joins conditions the record does not link itself (presumed by the "with" convention)',
  'detail-inferred': "a side, type or stage was read from another part of the record than the condition's own statement",
  'no-assessment': 'the notes have no diagnosis list and no assessment or plan',
  'competing-families': 'a code of another category fits a diagnosis almost as well',
  'long-term-drug-undecided': 'the record names a long-term drug with its own status code (Z79) and none is on the claim',
  'history-context': 'history, follow-up or completed treatment: current condition versus history is a coder decision',
  'preventive-with-findings': 'a preventive examination is coded without abnormal findings while the record names a finding',
  'abnormal-findings-uncoded':
    'an examination is coded "with abnormal findings" and no finding is on the claim: the finding is coded beside it, or the examination found nothing',
  'long-term-drug-unsupported': 'a long-term drug status code (Z79) is on the claim with no current drug of its class in the record',
  'symptom-beside-diagnosis': 'a sign or symptom is coded beside a diagnosis of the same body system',
  'injury-detail-unused': 'an injury code leaves out a documented detail its category codes by (type or part)',
  'organism-uncoded': 'the record reports an organism as found and no code on the claim names it',
  'unstated-axis-value':
    "a code is its family's unspecified member: a value the classification codes by (type, severity, trimester) is not stated",
  'asserted-value-unstated': 'a code names a severity, stage, acuity or remission the record does not state',
  'default-against-record':
    'a code asserts the default "not intractable" or "uncomplicated" while the record says the condition resists treatment',
  'qualifier-unused': "a code leaves out a word of its own statement that qualifies the condition (another code's title has it)",
  'statement-word-unused':
    "a word of a code's own statement is explained by no code, while other codes of its category or a close runner-up are titled with it",
  'listed-not-addressed': 'a condition on the diagnosis list is one the notes say this visit did not address',
  'diagnosis-line-uncoded': 'a diagnosis line has no code the engine could find',
  'condition-stated-otherwise':
    'another statement of the record names a coded condition with a value (type, stage, acuity, severity) its code does not carry',
  'sibling-titled-elsewhere':
    'another statement of the record names a coded condition with words that title another code of its category ("w/o LOC" beside LOC status unknown)',
  'written-code-elsewhere':
    'a code the physician wrote names another category than its own line reads as ("Prediabetes" written as type 2 diabetes): the line\'s reading is the suggestion beside it',
  'statement-reads-otherwise':
    'a diagnosis line or the assessment reads, on its own, as another code of a coded diagnosis\'s category ("alcohol use disorder, moderate, in early remission" beside a written alcohol abuse code)',
  'other-category-named':
    "the assessment names a coded condition with a word that titles another category of the classification (Hashimoto's beside hypothyroidism)",
  'injury-part-unstated':
    'an injury code names a particular part (a bone, a ligament) that no statement of the record names: the documented site decides the code',
  'fracture-type-unstated':
    'a fracture is coded with no type (Colles, Smith, torus, transverse...) while its category codes each: the imaging report or the physician says which',
  'unread-line-word':
    'a diagnosis line has a word the engine cannot read (an abbreviation it does not know) where the word can change the code',
  'unspecified-beside-results':
    'a code leaves its condition unspecified while the record reports test or imaging results: what they show (a type, a cause, another condition) is for a coder to weigh, or to ask the physician',
  'symptom-beside-results':
    'a sign or symptom is billed while the record reports test or imaging results: whether they explain it (a cause, a type) is for a coder to weigh, or to ask the physician',
  'absence-affirmed':
    'a code says the condition is without something (esophagitis, bleeding, aura) that a statement of the record says is present',
  'side-stated-otherwise':
    "a statement of the record gives a coded site the other side (the history or imaging says left, the code right): the physician's to settle",
  'additional-code-not-asked-for':
    "a code the tabular asks for beside other members of a coded condition's block is on the claim without them (long-term insulin beside type 1 diabetes): whether it is reported with this one is a coder decision",
  'diagnostic-examination-as-screening':
    'a screening or general examination code is on the claim while the record calls the examination diagnostic: a diagnostic examination is coded to its sign or symptom',
  'assessed-condition-uncoded':
    'the assessment addresses a condition (a chronic condition managed at the visit) that no code on the claim is of: whether it is reported is a coder decision',
  'written-line-unassessed':
    "a diagnosis the physician wrote is named nowhere in the note's assessment or plan (the assessment concludes something else): whether the written code stands is a coder decision",
  'nontraumatic-after-injury':
    "a code says the condition is not from an injury while the record tells of one (a fall, a blow): traumatic or not is the physician's to say",
};

function notConfident(result: CodingResult): CoderReviewReason | undefined {
  const { straightThrough, confidence } = result;
  const why = straightThrough.reasons.flatMap((r) => {
    const words = NOT_CONFIDENT[r];
    if (words === undefined) return [];
    if (r !== 'low-confidence') return [words];
    // A threshold of 1: no confidence has shown the straight-through precision on independent records.
    return [
      straightThrough.threshold >= 1
        ? `${words} (confidence ${confidence}: no confidence has yet shown the straight-through precision on records the engine was not tuned on)`
        : `${words} (confidence ${confidence} < ${straightThrough.threshold})`,
    ];
  });
  return why.length > 0 ? { kind: 'low_confidence', detail: why.join('; ') } : undefined;
}

/** Codes the physician wrote that the result changed or dropped (the engine's documentedCodes). */
export function documentedCodesNotKept(result: Pick<CodingResult, 'documentedCodes'>): CoderReviewReason[] {
  const notKept = result.documentedCodes.filter((d) => d.outcome !== 'kept');
  if (notKept.length === 0) return [];
  const detail = notKept
    .map(
      (d) =>
        (d.outcome === 'changed'
          ? `${d.code} (${d.line}) was changed to ${(d.codedAs ?? []).join(', ')}`
          : `${d.code} (${d.line}) was dropped`) + `: ${d.reason}`,
    )
    .join('; ');
  return [
    {
      kind: 'documented_code_changed',
      detail: `the physician documented codes the suggestions do not keep: ${detail}`,
      codes: notKept.map((d) => d.code),
    },
  ];
}

export function reviewReasons(result: CodingResult, payerRule: Array<{ code: string; note?: string }>): CoderReviewReason[] {
  const reasons: CoderReviewReason[] = [];
  const low = notConfident(result);
  if (low) reasons.push(low);
  reasons.push(...documentedCodesNotKept(result));
  if (payerRule.length > 0) {
    const notes = [...new Set(payerRule.map((r) => r.note).filter((n): n is string => n !== undefined))];
    reasons.push({
      kind: 'payer_rule',
      detail: `the payer asks a coder to review ${payerRule.map((r) => r.code).join(', ')}${notes.length ? ` (${notes.join('; ')})` : ''}`,
      codes: payerRule.map((r) => r.code),
    });
  }
  return reasons;
}
