/**
 * The type of atrial fibrillation stated two ways. A record that codes the fibrillation persistent
 * (I48.1-) or permanent (I48.2-) while another of its statements calls it paroxysmal, or tells of
 * episodes that end by themselves (a monitor's "all episodes self-terminated", "in sinus the next day
 * on its own"), states the type twice and differently: paroxysmal AF is the fibrillation that stops
 * by itself, so the two cannot both hold, and the coder may pick neither (the type is the physician's
 * to state). The physician is asked, both statements quoted; until answered the fibrillation is held
 * at the unspecified code I48.91, and an answer naming a type codes it.
 *
 * Not a statement that tells the course itself ("paroxysmal, now persistent"): a fibrillation that
 * progressed is one statement of today's type. The other direction (coded paroxysmal beside a
 * fibrillation that does not stop) is atrial-fibrillation-course.ts.
 */
import { askCharacter, namedIn, statedIn, type NamedValues } from './character-conflict.ts';
import { detailConflictQuestion } from './clarification.ts';
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { resultStatements } from './reported-results.ts';

/** Persistent (I48.1-) and permanent (I48.2-) atrial fibrillation: a fibrillation that does not stop by itself. */
const SUSTAINED_CODE = /^I48\.(1|2)/;
const HELD = 'I48.91';
const HELD_WHY = 'The type of atrial fibrillation is stated two ways: unspecified type until the physician answers.';
/** A question another step raised about the type. */
const TYPE_ASKED = /\btype of atrial fibrillation\b/i;
/** Atrial fibrillation named in a statement (not denied: "no AF on Holter" is not about it). */
const AF: NamedValues<'af'> = [['af', /\b(?:a-?fib|af|atrial fibrillation|paf)\b/i]];
/**
 * A statement of the sustained type beside the paroxysmal one, or of the type it had once ("first
 * documented as paroxysmal", "initially paroxysmal"): it tells of a course that changed.
 */
const BOTH_TYPES = /\b(?:persistent|permanent|first|initially|originally|previously|formerly|progress\w*|evolv\w*|became)\b/i;

/** A statement of a fibrillation that stops by itself: the paroxysmal type, or its course. */
const SELF_TERMINATING: NamedValues<'paroxysmal'> = [
  [
    'paroxysmal',
    /\b(?:paroxysmal|paf|self[- ]terminat\w*|self[- ]limit\w*|(?:stop|stops|stopped|end|ends|ended|resolv\w*|terminat\w*|convert\w*|revert\w*)\s+(?:on (?:its|their) own|by (?:itself|themselves)|spontaneously)|spontaneous(?:ly)?\s+(?:conver\w*|terminat\w*|resol\w*))\b/i,
  ],
];

/** Longstanding persistent and permanent: types a fibrillation reaches over years, after a paroxysmal start. */
const LONG_COURSE = /^I48\.(11|2)/;
/** A statement dated to a year: for a long-course type, the type it had then. */
const DATED = /\b(?:19|20)\d\d\b/;

/** The type an answer in the physician's own words names. */
const TYPE_WORDS: NamedValues<string> = [
  ['I48.11', /\blong[- ]?standing persistent\b/i],
  ['I48.21', /\bpermanent\b/i],
  ['I48.19', /\bpersistent\b/i],
  ['I48.0', /\bparoxysmal\b/i],
];

const OPTIONS = [
  { label: 'Paroxysmal atrial fibrillation', code: 'I48.0' },
  { label: 'Persistent atrial fibrillation', code: 'I48.19' },
  { label: 'Longstanding persistent atrial fibrillation', code: 'I48.11' },
  { label: 'Permanent atrial fibrillation', code: 'I48.21' },
];

/** Step: AF coded persistent or permanent beside a statement of a self-terminating fibrillation is asked; I48.91 until answered. */
export function atrialFibrillationTypeConflict(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const af = drafts.find((d) => SUSTAINED_CODE.test(d.code));
  if (!af || !run.codeSets.icd.byCode.has(HELD)) return drafts;
  const open = run.issues.filter((i) => i.order === af.order);
  if (open.length > 0) {
    // Another step already asks the type (a second statement naming it): the code waits unspecified.
    if (!open.some((i) => TYPE_ASKED.test(i.question))) return drafts;
    return drafts.map((d) => (d === af ? recoded(run.codeSets, d, HELD, HELD_WHY) : d));
  }
  const own = new Set(af.evidence.map((e) => e.text.trim()));
  const doc = run.input.documentation;
  const statements = [...clausesOf(doc.notes), ...resultStatements(doc.testResults)].filter(
    (s) => !own.has(s.trim()) && namedIn(s, AF) !== undefined && !BOTH_TYPES.test(s) && !(LONG_COURSE.test(af.code) && DATED.test(s)),
  );
  const paroxysmal = statedIn(statements, SELF_TERMINATING);
  if (!paroxysmal) return drafts;
  const quote = af.evidence[0]?.text ?? af.description;
  const question = detailConflictQuestion(quote, paroxysmal.text, 'type of atrial fibrillation');
  // A type the physician answered to another step's question is today's type: not asked again.
  if (run.input.answers.some((a) => a.question !== question && TYPE_ASKED.test(a.question))) return drafts;
  return askCharacter(run, drafts, {
    draft: af,
    question,
    clinicalIndicators: [`Documented: "${quote}"`, `Record: "${paroxysmal.text}"`],
    options: OPTIONS.filter((o) => run.codeSets.icd.byCode.has(o.code)),
    reason: `Atrial fibrillation is coded ${af.code} (persistent or permanent) while the record tells of a fibrillation that stops by itself ("${paroxysmal.text}"); ${HELD} until the physician states the type.`,
    held: HELD,
    fromWords: (words) => namedIn(words, TYPE_WORDS),
    heldWhy: HELD_WHY,
    answeredWhy: (code) => `The physician answered the type of atrial fibrillation: ${code}.`,
  });
}
