/**
 * The acuity of a venous thrombosis. The classification holds each venous thrombosis twice, acute and
 * chronic (I82.4- and I82.5- for the deep veins of a leg, I82.6-/I82.7- of an arm, I82.A1-/I82.A2-
 * and the like), and its index sends a thrombosis with no acuity to the acute code: chronic is coded
 * only where the physician says chronic. A thrombosis written with a chronic code while the notes,
 * which tell of the thrombosis, never call it chronic (a follow-up on an anticoagulant with residual
 * thrombus on a scan, "chronic-appearing" in an imaging report, is not the physician's statement) is a
 * code the record does not support: the physician is asked the acuity, and until answered the acute
 * counterpart, the classification's default, is held. An answer naming an acuity codes it.
 *
 * Not where a statement of the notes calls the thrombosis chronic (or old, longstanding): that is the
 * physician's word for the chronic code.
 */
import { askCharacter, namedIn, type NamedValues } from './character-conflict.ts';
import { specificityQuestion } from './clarification.ts';
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';

/** The thrombosis named in a statement (not denied). */
const THROMBOSIS: NamedValues<'thrombosis'> = [['thrombosis', /\b(?:dvt|vte|thromb\w*|clots?)\b/i]];
/** The physician's word for a chronic thrombosis; an imaging descriptor ("chronic-appearing") is not it. */
const CHRONIC_STATED: NamedValues<'chronic'> = [
  ['chronic', /\b(?:chronic(?![- ](?:appearing|looking|features?|changes?))|old (?:dvt|clots?|thromb\w*)|long-?standing)\b/i],
];
/** The acuity an answer in the physician's own words names. */
const ACUITY_WORDS: NamedValues<'acute' | 'chronic'> = [
  ['chronic', /\bchronic\b/i],
  ['acute', /\b(?:acute|new|recent)\b/i],
];

/** A chronic venous thrombosis code's acute counterpart, or undefined for a code that is not chronic. */
export function acuteCounterpart(code: string): string | undefined {
  if (/^I82\.5/.test(code)) return `I82.4${code.slice(5)}`;
  if (/^I82\.7/.test(code)) return `I82.6${code.slice(5)}`;
  if (/^I82\.[ABC]2/.test(code)) return `${code.slice(0, 5)}1${code.slice(6)}`;
  if (/^I82\.(2[129]|89)1$/.test(code)) return `${code.slice(0, 6)}0`;
  if (code === 'I82.91') return 'I82.90';
  return undefined;
}

/** Step: a chronic venous thrombosis code the notes never call chronic is asked; the acute code until answered. */
export function venousThrombosisAcuity(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const clot = drafts.find((d) => acuteCounterpart(d.code) !== undefined && !run.issues.some((i) => i.order === d.order));
  if (!clot) return drafts;
  const acute = acuteCounterpart(clot.code)!;
  if (!run.codeSets.icd.byCode.has(acute)) return drafts;
  const told = clausesOf(run.input.documentation.notes).filter((s) => namedIn(s, THROMBOSIS) !== undefined);
  // Notes that do not tell of the thrombosis say nothing of its acuity either way.
  if (told.length === 0 || told.some((s) => namedIn(s, CHRONIC_STATED) !== undefined)) return drafts;
  const quote = clot.evidence[0]?.text ?? clot.description;
  return askCharacter(run, drafts, {
    draft: clot,
    question: specificityQuestion(quote, 'acuity of the venous thrombosis (acute or chronic)'),
    clinicalIndicators: [`Documented: "${quote}" (${clot.code})`, ...told.slice(0, 3).map((s) => `Note: "${s}"`)],
    options: [
      { label: 'Acute venous thrombosis', code: acute },
      { label: 'Chronic venous thrombosis', code: clot.code },
    ],
    reason: `The thrombosis is coded chronic (${clot.code}) while the notes never call it chronic; a thrombosis of no stated acuity is coded acute (${acute}) until the physician states it.`,
    held: acute,
    fromWords: (words) => {
      const acuity = namedIn(words, ACUITY_WORDS);
      return acuity === 'chronic' ? clot.code : acuity === 'acute' ? acute : undefined;
    },
    heldWhy: 'The notes never call the thrombosis chronic: the acute code, the classification default, until the physician answers.',
    answeredWhy: (code) => `The physician answered the acuity of the thrombosis: ${code}.`,
  });
}
