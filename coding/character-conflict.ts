/**
 * One character of a code that the record states two ways (a burn's degree, a fracture's healing, the
 * control of a gestational diabetes): the written or coded statement gives one value and another
 * statement of the record gives another. A coder may pick neither (the physician's statement decides,
 * and it disagrees with itself), so the physician is asked, both statements quoted, with the code of
 * each value as an option; until answered the code is held at a stated fallback (the unspecified
 * value, or the code as written), and an answer naming a value codes it.
 *
 * The modules that find such conflicts say what is asked and what is held; this one asks, holds and
 * reads the answer, the same way for each.
 */
import { resolutionFor, resolvedWords, type ClarificationIssue, type ClarificationOption } from './clarification.ts';
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { DENIED_BEFORE } from './denial.ts';

/** Values a text may name, in the order they are tried, each with the words that name it. */
export type NamedValues<K> = ReadonlyArray<readonly [K, RegExp]>;

/** Words before a value in its clause that deny it ("no blisters", "negative for nonunion", "rule out delayed union"). */
export { DENIED_BEFORE };

/**
 * The first value (in the order given) a text names where the words before it in its clause do not
 * take it back (`unsaid`: denial by default; a module adds what else does not state the value, such
 * as a plan or a possibility). Every occurrence is tried, so a value denied once and stated again counts.
 */
export function namedIn<K>(text: string, values: NamedValues<K>, unsaid: RegExp = DENIED_BEFORE): K | undefined {
  return values.find(([, words]) => statesWords(text, words, unsaid))?.[0];
}

/** The first value (in the order given) any of the statements names, with the statement that names it. */
export function statedIn<K>(
  statements: readonly string[],
  values: NamedValues<K>,
  unsaid: RegExp = DENIED_BEFORE,
): { value: K; text: string } | undefined {
  for (const [value, words] of values) for (const s of statements) if (statesWords(s, words, unsaid)) return { value, text: s.trim() };
  return undefined;
}

function statesWords(text: string, words: RegExp, unsaid: RegExp): boolean {
  const every = new RegExp(words.source, words.flags.includes('g') ? words.flags : `${words.flags}g`);
  for (const m of text.matchAll(every)) if (!unsaid.test(text.slice(0, m.index))) return true;
  return false;
}

/** The rationale of a code the physician chose in answer (for questions whose options say what each is). */
export const chosenInAnswer = (): string => 'The physician chose it in answer to the query.';

/** A character of one draft's code asked of the physician. */
export interface CharacterQuestion {
  /** The draft whose code carries the character. */
  draft: DiagnosisDraft;
  question: string;
  clinicalIndicators: string[];
  /** One option per value, each with the code it stands for. */
  options: ClarificationOption[];
  reason: string;
  /** The code while the question is open (the unspecified value, or the code as written). */
  held: string;
  /**
   * Whether two statements of the record disagree (the default), or the record states too little: a
   * fuller statement found later leaves only the questions between statements open.
   */
  betweenStatements?: boolean;
  /** The code an answer in the physician's own words names, when it chose no offered option. */
  fromWords?: (words: string) => string | undefined;
  /** What the rationale adds while the question is open (nothing when the held code is the draft's own). */
  heldWhy?: string;
  /** What the rationale adds once the physician has answered with `code`. */
  answeredWhy: (code: string) => string;
}

/**
 * Asks the character (unless already answered) and codes the draft: the answer's code, else the held
 * one. A code not in the code set leaves the drafts as they are (the question still stands). Any
 * module that asks about one draft's code and holds a code until answered asks through here.
 */
export function askCharacter(run: CodingRun, drafts: DiagnosisDraft[], asked: CharacterQuestion): DiagnosisDraft[] {
  const issue: ClarificationIssue = {
    kind: 'specificity',
    question: asked.question,
    clinicalIndicators: asked.clinicalIndicators,
    options: asked.options,
    reason: asked.reason,
    order: asked.draft.order,
    ...(asked.betweenStatements === false ? {} : { betweenStatements: true as const }),
  };
  const resolution = resolutionFor(issue, run.input.answers);
  if (!resolution) run.issues.push(issue);
  const words = resolution && resolution.kind !== 'option' ? resolvedWords(resolution) : undefined;
  const answered = resolution?.kind === 'option' ? resolution.option.code : words ? asked.fromWords?.(words) : undefined;
  const code = answered ?? asked.held;
  if (!run.codeSets.icd.byCode.has(code)) return drafts;
  const why = answered === undefined ? asked.heldWhy : asked.answeredWhy(code);
  if (why === undefined && code === asked.draft.code) return drafts;
  return drafts.map((d) => (d === asked.draft ? recoded(run.codeSets, d, code, why ?? '') : d));
}
