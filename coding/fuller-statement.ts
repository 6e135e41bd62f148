/**
 * One condition stated twice: short on the diagnosis list or problem list ("Migraine",
 * "Hypothyroidism") and in full in the note's assessment ("Migraine with aura, not intractable,
 * without status migrainosus", "Postsurgical hypothyroidism"). The most specific statement of the
 * condition decides (guideline I.B.2: codes to the highest level of specificity documented; I.A.9:
 * an unspecified code only when the record gives no more): a line coded to an unspecified code is
 * coded from the assessment or plan statement that says all its words and more, when that
 * statement's code names the same condition. The line's own questions then go with its code.
 *
 * The physician's own code on the line is read against the record the same way (I.B.2 applies to
 * it too): when a statement of the same condition that the visit addresses says more than the
 * code's title (a side or both sides, "intractable" beside "not intractable", a value its residual
 * title leaves open: `saysMore`), the statement is coded in its place. The change is reported
 * (documented-codes.ts) and keeps the encounter from going straight through.
 */
import { citedPatterns } from './additional.ts';
import { titleShare, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { PLAN_OR_COMMENT } from './commentary.ts';
import type { CodedDiagnosis } from '../domain/coding.ts';
import type { Mention } from './context.ts';
import { keyWords } from './ranking.ts';
import { metastasisMentions } from './metastasis.ts';
import { normalizeIcdCode, notesFor, type Icd10Cm } from './icd10cm.ts';
import { addressedInNotes, ADDRESSED_PARTS, NOT_ADDRESSED_PARTS } from './sections.ts';
import { codeWords } from './fragile-choices.ts';
import { regionsOf } from './body-sites.ts';
import { categoryEntries } from './review-signals.ts';
import { expandAbbreviations, stemOf, tokenize } from './text.ts';

/**
 * A title that leaves its axis to the record: "unspecified", or "without mention of" a value (G20.A1
 * "Parkinson's disease without dyskinesia, without mention of fluctuations"), the member the
 * classification keeps for a record that says nothing of it.
 */
const UNSPECIFIED = /\bunspecified\b|\bwithout mention of\b/i;
/** The assessment's statement must find its code as confidently as the notes' assessment is coded. */
const STATEMENT_CONFIDENCE = 0.55;

/**
 * The drafts of the fuller statement in place of the line's, or undefined when the line's own code
 * stands. `statement` codes a statement of the notes at the line's order (mentions.ts, without its questions).
 */
export function fullerStatement(
  run: CodingRun,
  line: Mention,
  coded: readonly DiagnosisDraft[],
  statement: (m: Mention) => DiagnosisDraft[],
  saysMore?: (m: Mention, code: string) => string | undefined,
): DiagnosisDraft[] | undefined {
  const first = coded[0];
  if (!first) return undefined;
  const unspecified = UNSPECIFIED.test(first.description);
  // The physician's code, kept as written: read against the statements below (saysMore).
  const written = line.documentedCode !== undefined && first.code === normalizeIcdCode(line.documentedCode) && saysMore !== undefined;
  if (!unspecified && !written) return undefined;
  const icd = run.codeSets.icd;
  const said = keyWords(icd, line.text);
  if (said.size === 0) return undefined;
  const addressed = addressedInNotes(run.notes);
  for (const n of run.notes) {
    if (n.assertion !== 'affirmed' || n.unaddressed) continue;
    const inAssessment = n.part !== undefined && ADDRESSED_PARTS.has(n.part);
    const words = keyWords(icd, n.text);
    // One word of the line the statement leaves out may be one its code's title holds as a
    // nonessential modifier ("CHF" beside "chronic systolic HF": I50.22 "Chronic systolic
    // (congestive) heart failure"); checked on the statement's code below.
    const unsaid = [...said].filter((t) => !says(words, t));
    if (unsaid.length > 1 || (unsaid.length === 1 && said.size < 3)) continue;
    // A statement of a primary and its spread ("breast cancer metastatic to bone") is two conditions
    // (metastasis.ts), not the line's one stated more fully.
    if (metastasisMentions(n).length > 1) continue;
    // An unspecified code gives way to an assessment that says more words of its condition; a
    // written code to a statement the visit addresses that says more than the code's title.
    const more = unspecified && inAssessment && words.size > said.size;
    const retyped =
      written &&
      inAssessment &&
      typeRestated(
        line.original,
        n.original,
        first.description,
        run.notes.map((o) => o.original),
      );
    if (!more && !retyped && !(written && addressed(n) && saysMore(n, first.code))) continue;
    const drafts = statement(n);
    const best = drafts[0];
    if (
      !best ||
      best.code === first.code ||
      best.confidence < STATEMENT_CONFIDENCE ||
      titleShare(best.description, `${n.text} ${n.original}`) < 0.5 ||
      // The same condition: the code's title says the line's words, or, in the line's own
      // subcategory, says all but a site the title words otherwise ("sacrum" for "sacral region", L89.15-).
      !sameCondition([...said], best.description, best.code.slice(0, 5) === first.code.slice(0, 5)) ||
      !unsaid.every((t) => nonessentialWords(best.description).has(t)) ||
      // A code of another category whose note asks for the line's condition beside it ("DM2 w/ CKD"
      // for a line "CKD": E11.22 "use additional code to identify stage of chronic kidney disease";
      // "anemia of CKD": D63.1 "code first underlying chronic kidney disease") codes another
      // condition with it, not the line's condition more fully: the line keeps its code.
      asksForBeside(icd, best.code, first.code)
    )
      continue;
    return drafts.map((d) => ({
      ...d,
      evidence: [...first.evidence, ...d.evidence.filter((e) => !first.evidence.some((f) => f.text === e.text))],
      rationale: `${d.rationale} The assessment states "${line.original}" more specifically ("${n.original}"); the most specific statement of the condition decides (in place of ${first.code}).`,
    }));
  }
  return undefined;
}

/** `code`, of another category, cites the category of `line` in a "use additional code" or "code first" note. */
function asksForBeside(icd: Icd10Cm, code: string, line: string): boolean {
  const category = line.slice(0, 3);
  if (code.slice(0, 3) === category) return false;
  const codeFirst = notesFor(icd, code, 'cf').flatMap(([, p]) => p);
  return [...citedPatterns(icd, code), ...codeFirst].some((p) => p.startsWith(category));
}

/** The words a title holds in parentheses: nonessential modifiers, "(congestive)". */
function nonessentialWords(title: string): Set<string> {
  return new Set([...title.matchAll(/\(([^)]*)\)/g)].flatMap((m) => tokenize(m[1] ?? '')));
}

/** The title says each of the line's words, or (`sameSubcategory`) each but a site the title names in a word of the same region. */
function sameCondition(said: readonly string[], title: string, sameSubcategory: boolean): boolean {
  const words = tokenize(title);
  const missing = said.filter((t) => !says(words, t));
  if (missing.length === 0) return true;
  if (!sameSubcategory) return false;
  const titled = regionsOf(title);
  return missing.every((t) => {
    const site = regionsOf(t);
    return site.size > 0 && [...site].every((r) => titled.has(r));
  });
}

/** The type a statement or title gives a diabetes ("type 1", "T2DM", "type II"), read after the abbreviations are expanded. */
function diabetesType(text: string): string | undefined {
  const m = /\btype\s*(1|2|i{1,2})\b(?=[^.;]*\bdiabet)/i.exec(expandAbbreviations(text));
  const t = m?.[1]?.toLowerCase();
  return t === undefined ? undefined : t === 'i' ? '1' : t === 'ii' ? '2' : t;
}

/**
 * The written code's type of diabetes rests on the code alone (its line names no type: "DM w
 * hypoglycemia" written E11.649) while the assessment states the other type ("T1DM with
 * hypoglycemia"): the assessment's statement is the documentation, the code a guess at it. A line that
 * states a type itself, or a note stating the code's type as well, is a conflict between statements,
 * asked elsewhere, never settled here.
 */
function typeRestated(line: string, statement: string, title: string, notes: readonly string[]): boolean {
  const coded = diabetesType(title);
  const stated = diabetesType(statement);
  if (coded === undefined || stated === undefined || coded === stated || diabetesType(line) !== undefined) return false;
  // A note that states the code's type too makes two statements of the type: a conflict to ask, not this.
  return !notes.some((n) => diabetesType(n) === coded);
}

/**
 * A compound word that is a kind of the condition its rest names: a condition named by how many
 * sites it involves (a polyneuropathy or a mononeuropathy is a neuropathy, an oligoarthritis an
 * arthritis). Only those conditions: a count prefix on another word can make another disease
 * (polymyalgia rheumatica is no myalgia, polymyositis no myositis), and a prefix naming an organ
 * makes another condition ("cardiomyopathy" is no myopathy, "osteomyelitis" no myelitis).
 */
const KIND_PREFIX = /^(?:poly|mono|oligo|multi)-?/;
const COUNTED_BY_SITES = /^(?:neuropath(?:y|ies)|neuritis|radiculopath(?:y|ies)|arthritis|arthropath(?:y|ies)|arthralgias?)$/;
/** The compound says the word: one of the site-counted conditions with a count prefix ("polyneuropathy" says "neuropathy"). */
export const compoundSays = (compound: string, word: string) =>
  COUNTED_BY_SITES.test(word) && KIND_PREFIX.test(compound) && compound.replace(KIND_PREFIX, '') === word;
/** A statement's words say the line's word: the word itself or a compound of its kind. */
const says = (words: Iterable<string>, word: string) => [...words].some((w) => w === word || compoundSays(w, word));

/** One word of the condition in two forms ("hypothyroid", "hypothyroidism"): the same first five letters. */
const sameWord = (a: string, b: string) => a === b || (a.length >= 5 && b.length >= 5 && stemOf(a) === stemOf(b));
/** Another statement's word `w` says the line's word `t`: the same word, or a compound of its kind ("polyneuropathy" says "neuropathy"). */
const saysWord = (t: string, w: string) => sameWord(t, w) || compoundSays(w, t);

/** A word that denies the next ones ("no exacerbations"); "without" is a value the classification titles codes by. */
const DENIAL = new Set(['no', 'not', 'non', 'denies', 'negative']);
/** The words of a statement a denial stands before (up to two words) or a "negative" after ("strep negative"). */
function deniedWords(text: string): Set<string> {
  const tokens = tokenize(expandAbbreviations(text));
  return new Set(tokens.filter((_, k) => tokens.slice(Math.max(0, k - 2), k).some((t) => DENIAL.has(t)) || tokens[k + 1] === 'negative'));
}

/**
 * For a review signal, not a code: the words another statement of the notes adds to a line's
 * condition when the line was coded to an unspecified code ("migraine w/o aura" beside a line
 * "migraine" coded G43.909; "ankle sprain, ATFL" beside "ankle sprain" coded to the unspecified
 * ligament). Only words that would change the code: another code of the same category is titled by
 * the word and by the line's condition (title or inclusion terms: "aura" under G43, "talofibular"
 * under S93); a word the code's own title or inclusion terms explain, or one the statement denies
 * ("no exacerbations"), is none. "Chronic headaches" beside "Headache R51.9" is no more: no other
 * code of R51 is titled "chronic". Read up to the statement's commentary; any part counts but
 * those that never name the visit's diagnosis (history, medications, review of systems).
 */
export function wordsStatedMore(run: CodingRun, line: Mention, coded: readonly DiagnosisDraft[]): string[] {
  const first = coded[0];
  if (!first || !UNSPECIFIED.test(first.description)) return [];
  const icd = run.codeSets.icd;
  const said = [...keyWords(icd, line.text)];
  if (said.length === 0) return [];
  // The code's own inclusion terms explain too ("claudication" of I73.9)...
  const own = codeWords(icd, first.code);
  // ...and a word counts only when another code of the category is titled by it and by the line's
  // condition (title or inclusion term): a word that would change the code.
  const others = categoryEntries(icd, first.code.slice(0, 3)).map((i) => [...codeWords(icd, icd.entries[i]?.code ?? first.code)]);
  const distinguishes = (w: string) => others.some((words) => words.includes(w) && said.every((t) => words.some((v) => saysWord(t, v))));
  const titled = tokenize(first.description);
  const explained = (w: string) => w.length < 3 || own.has(w) || said.some((t) => sameWord(t, w)) || titled.some((t) => sameWord(t, w));
  const more = new Set<string>();
  for (const n of run.notes) {
    if (n.assertion !== 'affirmed' || n.unaddressed || (n.part !== undefined && NOT_ADDRESSED_PARTS.has(n.part))) continue;
    const stated = n.text.split(PLAN_OR_COMMENT)[0] ?? n.text;
    const words = [...keyWords(icd, stated)];
    if (!said.every((t) => words.some((w) => saysWord(t, w)))) continue;
    const denied = deniedWords(n.original);
    for (const w of words) if (!explained(w) && !denied.has(w) && distinguishes(w)) more.add(w);
  }
  return [...more];
}

/**
 * An unspecified code on the claim while the notes state its condition with a word no code of the
 * claim explains (wordsStatedMore): guideline I.A.9 and I.B.2, an unspecified code only when the
 * record gives no more; whether the fuller statement decides (a cause, a type) is the coder's reading.
 */
export function statedMoreFully(statedMore: ReadonlyMap<string, readonly string[]>, diagnoses: readonly CodedDiagnosis[]): boolean {
  const titles = diagnoses.flatMap((d) => tokenize(d.description));
  return diagnoses.some((d) => (statedMore.get(d.code) ?? []).some((w) => !titles.some((t) => sameWord(t, w))));
}
