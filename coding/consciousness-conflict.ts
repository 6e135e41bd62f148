/**
 * Whether a concussion or another intracranial injury (S06.-) came with a loss of consciousness, the
 * 6th character of its code (0 without, 1-6 by duration, 9 of unspecified duration, A status
 * unknown), stated two ways: the EMS report says he was knocked out and the patient that he never
 * lost consciousness; the history "no LOC" and the assessment "concussion with brief LOC"; a code
 * written without loss of consciousness beside a history of a witnessed unresponsive spell. A coder
 * may pick neither statement, so the physician is asked, both quoted; until answered the injury is
 * coded with its loss of consciousness status unknown (the classification's own value for a record
 * that does not settle it), and an answer codes the character it states (none, a duration, or a
 * loss of consciousness of unspecified duration).
 *
 * Not a statement of this injury's loss of consciousness: one denied only where all agree (a review
 * of systems "no LOC" beside nothing else), only feared or planned for ("return if LOC"), doubted
 * ("possible LOC", "unclear if LOC"), a level of consciousness ("altered LOC", "LOC: alert"), or of
 * another time or person (a prior concussion, a dated history, the family history).
 */
import { askCharacter, type NamedValues } from './character-conflict.ts';
import { detailConflictQuestion, type ClarificationOption } from './clarification.ts';
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import type { NotePart } from './sections.ts';

/** Intracranial injuries whose 6th character is the loss of consciousness (S06.0X1A, S06.5X0A, S06.310A). */
const BY_CONSCIOUSNESS = /^S06\.[0-9][0-9X][0-9A][A-Z]$/;

type Loc = 'none' | 'lost';

/** Words for a loss of consciousness, as records write them. */
const LOST =
  /\b(loss of consciousness|loc|lost consciousness|los(?:e|ing) consciousness|passed out|blacked out|knocked (?:out|unconscious)|out cold|unconscious(?:ness)?|unresponsive|(?:was|were|went) out (?:for|briefly|cold)|(?:did not|didn't|wouldn't|would not) (?:respond|wake)(?! to\b))\b/gi;
/** "LOC" that is a level of consciousness: altered, decreased, or an exam heading ("LOC: alert"). */
const LEVEL_BEFORE = /\b(altered|alteration of|decreased|depressed|diminished|fluctuating|level of|change in|impaired)\s*$/i;
const LEVEL_AFTER = /^\s*(?:[:=]|(?:is |was )?(?:alert|normal|intact|wnl|awake)\b)/i;
/** A denial before the words in their clause ("no LOC", "did not lose consciousness", "-LOC"). */
const DENIED_IN_CLAUSE =
  /\b(no|not|never|without|w\/o|denies|denied|negative for|did not|didn't|does not|doesn't|nor)\b[^,;]*$|(?:^|\s)(?:-|\(-\))\s*$/i;
/** A denial that reaches over a list ("denies headache, vomiting or LOC"), unless something is affirmed after it. */
const DENIED_OVER_LIST = /\b(denies|denied|negative for)\b([^.;:+]*)$/i;
const AFFIRMED_AFTER_DENIAL = /\bbut\b|\breports?\b|\bendorses?\b|\bpositive\b|\bwith\b|\bhas\b|\bhad\b/i;
/** A denial after the words ("LOC: denied", "LOC - none", "LOC neg"). */
const DENIED_AFTER = /^\s*(?:[:-]\s*)?(?:denied|none|neg(?:ative)?|no)\b|^\s*\(-\)/i;
/** A doubt before or after the words: not a statement either way. */
const DOUBTED_BEFORE =
  /\b(possible|possibly|unclear|unknown|uncertain|unsure|questionable|not sure|may have|might have|vs\.?|versus|whether|r\/o|rule out)\b[^,;]*$|\?\s*$/i;
const DOUBTED_AFTER = /^\s*\?|^\s*(?:status )?(?:unknown|unclear|uncertain)\b/i;
/** A plan or a warning in the statement ("return if LOC", "precautions: LOC, vomiting"): not what happened. */
const NOT_HAPPENED = /\b(if|return|precautions?|warning|watch for|monitor for|should|seek care|call)\b/i;
/** Another time: a prior injury, a history, a year before the visit's (years are read apart). */
const ANOTHER_TIME = /\b(prior|previous|history of|hx of|h\/o|remote|years? ago|last year)\b/i;
const YEAR = /\b(?:19|20)\d\d\b/g;
/** Parts of a note that are of another time or person, or list drugs. */
const OTHER_CONTEXT: ReadonlySet<NotePart> = new Set(['past-history', 'family-history', 'social-history', 'medications', 'allergies']);

/** What a statement says of the loss of consciousness: none, lost, or nothing (absent, doubted, planned, another time). */
export function consciousnessStated(text: string, serviceYear = Infinity): Loc | undefined {
  if (NOT_HAPPENED.test(text) || ANOTHER_TIME.test(text)) return undefined;
  if ([...text.matchAll(YEAR)].some((y) => Number(y[0]) < serviceYear)) return undefined;
  let found: Loc | undefined;
  for (const m of text.matchAll(LOST)) {
    const before = text.slice(0, m.index);
    const after = text.slice((m.index ?? 0) + m[0].length);
    if (/^loc$/i.test(m[0]) && (LEVEL_BEFORE.test(before) || LEVEL_AFTER.test(after))) continue;
    if (DOUBTED_BEFORE.test(before) || DOUBTED_AFTER.test(after)) continue;
    const list = DENIED_OVER_LIST.exec(before);
    const denied =
      /^(?:did not|didn't|wouldn't|would not)/i.test(m[0]) === false &&
      (DENIED_IN_CLAUSE.test(before) || DENIED_AFTER.test(after) || (list !== null && !AFFIRMED_AFTER_DENIAL.test(list[2] ?? '')));
    const value: Loc = denied ? 'none' : 'lost';
    // One statement saying both ("no LOC per pt, but EMS says knocked out") settles nothing by itself.
    if (found && found !== value) return undefined;
    found = value;
  }
  return found;
}

/** The loss of consciousness a code's 6th character states (A, status unknown, states none). */
function codedLoc(code: string): Loc | undefined {
  const c = code[6];
  return c === '0' ? 'none' : c && /[1-9]/.test(c) ? 'lost' : undefined;
}

const withCharacter = (code: string, c: string) => `${code.slice(0, 6)}${c}${code.slice(7)}`;

const LABELS: Record<string, string> = {
  '0': 'No loss of consciousness',
  '1': 'Loss of consciousness of 30 minutes or less',
  '2': 'Loss of consciousness of 31 to 59 minutes',
  '3': 'Loss of consciousness of 1 hour to 5 hours 59 minutes',
  '4': 'Loss of consciousness of 6 hours to 24 hours',
  '9': 'Loss of consciousness of unspecified duration',
};

/** Durations an answer may give, shortest first, each with the character it codes. */
const DURATIONS: NamedValues<string> = [
  [
    '1',
    /\b(brief(ly)?|moment(ary|arily)?|a few seconds|seconds?|secs?|under 30 min\w*|less than 30 min\w*|<\s*30 min\w*|30 min\w* or less|\d+\s*-?\s*\d*\s*(?:s|sec|secs|seconds))\b/i,
  ],
  ['2', /\b(3[1-9]|4\d|5\d)\s*(?:min|mins|minutes)\b/i],
  ['3', /\b([1-5])\s*(?:h|hr|hrs|hours?)\b/i],
  ['4', /\b([6-9]|1\d|2[0-4])\s*(?:h|hr|hrs|hours?)\b/i],
];
const MINUTES = /\b(\d{1,2})\s*(?:-\s*\d{1,2}\s*)?(?:min|mins|minutes)\b/i;

/** The 6th character an answer in the physician's own words states. */
export function answeredCharacter(words: string): string | undefined {
  const stated = consciousnessStated(words.replace(/\b(unknown|unclear)\b/gi, ' '));
  if (/\bstatus unknown\b|\bunknown whether\b/i.test(words) && stated === undefined) return 'A';
  if (stated === 'none') return '0';
  // An answer in other words ("Yes, out for about a minute"): a yes or a duration is a loss.
  const yes = /\byes\b/i.test(words) || MINUTES.test(words) || DURATIONS.some(([, w]) => w.test(words));
  if (stated !== 'lost' && !yes) return undefined;
  const minutes = MINUTES.exec(words);
  if (minutes && Number(minutes[1]) <= 30) return '1';
  return DURATIONS.find(([, w]) => w.test(words))?.[0] ?? '9';
}

/** Statements of the record (diagnosis lines and notes), each once, not of another time or a drug list. */
function statements(run: CodingRun): string[] {
  const out = new Set<string>(run.input.documentation.diagnoses.map((d) => d.description));
  for (const n of run.notes) if (!(n.part && OTHER_CONTEXT.has(n.part)) && n.assertion !== 'family-history') out.add(n.original);
  return [...out];
}

/**
 * Step: an intracranial injury whose loss of consciousness the record (or its code) states two ways
 * is asked; loss of consciousness status unknown until answered.
 */
export function consciousnessStatedTwoWays(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const d = drafts.find((x) => BY_CONSCIOUSNESS.test(x.code));
  // Asked already (absence-conflict.ts asks a condition written without it), or answered there.
  if (!d || run.issues.some((i) => i.order === d.order) || d.evidence.some((e) => e.text.startsWith('Physician answer:'))) return drafts;
  const icd = run.codeSets.icd;
  const held = withCharacter(d.code, 'A');
  if (!icd.byCode.has(held)) return drafts;
  const year = Number(run.input.dateOfService.slice(0, 4)) || Infinity;
  const said = statements(run)
    .map((text) => ({ text: text.trim(), loc: consciousnessStated(text, year) }))
    .filter((s): s is { text: string; loc: Loc } => s.loc !== undefined);
  const lost = said.find((s) => s.loc === 'lost');
  const none = said.find((s) => s.loc === 'none');
  const coded = codedLoc(d.code);
  const quote = d.evidence[0]?.text ?? d.description;
  // The two statements: one of each, or the code's own statement against one that says otherwise.
  const pair: [string, string] | undefined =
    lost && none
      ? [none.text, lost.text]
      : coded === 'none' && lost
        ? [quote, lost.text]
        : coded === 'lost' && none
          ? [quote, none.text]
          : undefined;
  if (!pair || pair[0] === pair[1]) return drafts;
  const options: ClarificationOption[] = Object.entries(LABELS)
    .map(([c, label]) => ({ label, code: withCharacter(d.code, c) }))
    .filter((o) => icd.byCode.has(o.code));
  return askCharacter(run, drafts, {
    draft: d,
    question: detailConflictQuestion(pair[0], pair[1], 'loss of consciousness (none, or its duration)'),
    clinicalIndicators: pair.map((p) => `Documented: "${p}"`),
    options,
    reason: `The record states the injury both without and with a loss of consciousness; the 6th character of ${d.code.slice(0, 6)}- depends on it, so ${held} (loss of consciousness status unknown) until answered.`,
    held,
    fromWords: (words) => {
      const c = answeredCharacter(words);
      if (c === undefined) return undefined;
      const code = withCharacter(d.code, c);
      return icd.byCode.has(code) ? code : withCharacter(d.code, c === '0' || c === 'A' ? c : '9');
    },
    heldWhy: 'The loss of consciousness is documented two ways: status unknown until the physician answers.',
    answeredWhy: (code) => `The physician answered the loss of consciousness: ${code}.`,
  });
}
