/**
 * The side of an injury stated two ways: the history says she fell onto her LEFT hand, the exam and
 * the films are of the left wrist, and the assessment says "right distal radius fracture"; a code
 * written for the right femoral neck beside a problem list and an exam of the left hip. Both
 * statements are about today's injury, so a coder may pick neither (laterality.ts asks this of a
 * diagnosis line that names its side itself; this step reads the coded injury against the rest of
 * the record, whichever statement gave the code its side). The physician is asked the side, both
 * statements quoted; until answered the injury is coded of unspecified side, and an answer naming a
 * side codes it.
 *
 * Not a statement of today's injury's side: a clause that finds the other side normal or uninjured
 * ("R wrist nontender", "left upper extremity normal", "no fx"; a cast or hardware intact is the injury's
 * own), compares with it ("contralateral",
 * "compared with the right"), dates it ("hx left wrist fracture 2015", "prior", "s/p"), names the
 * dominant hand or the hand used meanwhile ("typing with the right hand"), or names another kind of
 * injury or an operation at the site ("left knee abrasion", "left knee: well-healed incisions" beside
 * a right knee sprain); a second coded injury on the other side at the same or a near site.
 */
import { askCharacter } from './character-conflict.ts';
import { detailConflictQuestion, type ClarificationOption } from './clarification.ts';
import { describeIcd, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { regionsOf, type Region } from './body-sites.ts';
import { sideOf } from './laterality.ts';
import type { NotePart } from './sections.ts';
import { expandAbbreviations, lateralityOf, tokenize } from './text.ts';

/** Regions a side stated at one is the side of an injury at another: a fall on the hand breaks the wrist or the radius. */
const NEAR: ReadonlyArray<ReadonlySet<Region>> = [
  new Set(['hand', 'wrist', 'finger', 'forearm']),
  new Set(['foot', 'ankle', 'toe', 'heel', 'lower leg']),
  new Set(['hip', 'thigh']),
  new Set(['knee', 'lower leg']),
  new Set(['elbow', 'forearm', 'upper arm']),
  new Set(['shoulder', 'upper arm']),
];
const near = (a: ReadonlySet<Region>, b: ReadonlySet<Region>) =>
  [...a].some((x) => b.has(x)) || NEAR.some((g) => [...a].some((x) => g.has(x)) && [...b].some((y) => g.has(y)));

/** Kinds of injury a title or a statement names. */
const KIND =
  /\b(fractures?|fx|sprains?|strains?|dislocations?|subluxations?|lacerations?|contusions?|abrasions?|burns?|punctures?|bites?|tears?|avulsions?|crush\w*|incisions?|scars?|reconstruction|arthroplasty|replacement)\b/gi;
const CANONICAL: Record<string, string> = { fx: 'fracture' };
const kindsOf = (text: string) =>
  new Set([...text.matchAll(KIND)].map((m) => CANONICAL[m[1]!.toLowerCase()] ?? m[1]!.toLowerCase().replace(/s$/, '')));

/** A clause that is not of today's injury on that side: normal, uninjured, compared, of the past, or the dominant hand. */
const NOT_TODAY =
  /\b(normal|nl|wnl|unremarkable|intact|negative|neg|nontender|non-tender|no|not|without|denies|full (?:rom|range)|contralateral|compar\w*|vs|versus|history|hx|prior|previous|remote|s\/p|status post|healed fracture|years? ago|dominant|handed|typ(?:es|ing)|writ(?:es|ing)|us(?:es|ing)|meanwhile|stable|doing well)\b|\bhand[- ]dominant\b/i;
const YEAR = /\b(?:19|20)\d\d\b/g;
/**
 * What is intact is the fixation or the dressing of the injury itself ("XR left ankle: hardware
 * intact", "cast intact"), not the other side found normal: the clause still gives the injury's side.
 */
const DEVICE_INTACT =
  /\b(hardware|fixation|plates?|screws?|implants?|nails?|rods?|k-?wires?|syndesmotic (?:screws?|fixation)|casts?|splints?|sutures?|staples?|dressings?)\s+(?:(?:is|are|remains?|appears?|in place and|in good position and)\s+)?intact\b/gi;
/** "Left" as a verb: no side. */
const LEFT_AS_VERB = /\bleft (?=open|alone|in place|untreated|unsutured|home|the\b|to\b|with\b|against\b)/gi;
const OTHER_CONTEXT: ReadonlySet<NotePart> = new Set(['family-history', 'social-history', 'medications', 'allergies']);

/**
 * A statement of the notes that may give today's injury a side: not of a relative, a drug list or a
 * negation; from the past history (a problem list) only when it dates the injury to the visit's year
 * ("fracture of LEFT femoral neck, s/p hemiarthroplasty 10/2026"), an undated one being a prior injury.
 */
function mayGiveSide(n: { part?: NotePart; assertion: string; original: string }, year: number): boolean {
  if (n.part && OTHER_CONTEXT.has(n.part)) return false;
  if (n.assertion !== 'affirmed' && n.assertion !== 'personal-history') return false;
  if (n.part !== 'past-history') return true;
  const years = [...n.original.matchAll(YEAR)].map((y) => Number(y[0]));
  return years.length > 0 && years.every((y) => y === year);
}

interface SideClause {
  side: 'right' | 'left';
  text: string;
  /** A diagnosis line: a side on it the coded injury departs from was settled by the note's own statement of it. */
  line: boolean;
}

/** Clauses of the record's current statements stating a side at a region near the injury's, and of no other kind of injury. */
function sidedClauses(run: CodingRun, regions: ReadonlySet<Region>, kinds: ReadonlySet<string>, year: number): SideClause[] {
  const lines = new Set<string>(run.input.documentation.diagnoses.map((d) => d.description));
  const statements = new Set<string>(lines);
  for (const n of run.notes) if (mayGiveSide(n, year)) statements.add(n.original);
  const out: SideClause[] = [];
  for (const s of statements)
    for (const clause of s.split(/[,;]/)) {
      if (NOT_TODAY.test(clause.replace(DEVICE_INTACT, '$1 in place'))) continue;
      if ([...clause.matchAll(YEAR)].some((y) => Number(y[0]) < year)) continue;
      const side = lateralityOf(tokenize(expandAbbreviations(clause.replace(LEFT_AS_VERB, ' '))));
      if (side !== 'right' && side !== 'left') continue;
      if (!near(regions, regionsOf(expandAbbreviations(clause)))) continue;
      const named = kindsOf(clause);
      if (named.size > 0 && ![...named].some((k) => kinds.has(k))) continue;
      out.push({ side, text: s.trim(), line: lines.has(s) });
    }
  return out;
}

/** A title without its side: the words the same injury's codes on each side share. */
const withoutSide = (title: string) =>
  title
    .toLowerCase()
    .replace(/\b(right|left|unspecified)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The code of the same injury on `side`: the code differing from it in the 6th or 5th character only
 * whose title says that side (right 1 and left 2, unspecified 9; or 1, 2 and 3 beside the
 * nondisplaced 4, 5 and 6), and is otherwise the same title.
 */
function onSide(run: CodingRun, code: string, side: 'right' | 'left' | 'unspecified'): string | undefined {
  const icd = run.codeSets.icd;
  const bare = withoutSide(describeIcd(run.codeSets, code));
  for (const at of [6, 5]) {
    if (!/\d/.test(code[at] ?? '')) continue;
    for (const digit of '1234567890') {
      const to = `${code.slice(0, at)}${digit}${code.slice(at + 1)}`;
      if (to === code || !icd.byCode.has(to)) continue;
      const title = describeIcd(run.codeSets, to);
      if (withoutSide(title) !== bare) continue;
      if (side === 'unspecified' ? /\bunspecified\b/i.test(title) && !sideOf(title) : sideOf(title) === side) return to;
    }
  }
  return undefined;
}

/** Step: an injury coded to one side while a current statement about it gives the other is asked; unspecified side until answered. */
export function injurySideStatedTwoWays(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const year = Number(run.input.dateOfService.slice(0, 4)) || Infinity;
  for (const d of drafts) {
    if (!/^S\d\d/.test(d.code) || run.issues.some((i) => i.order === d.order)) continue;
    if (d.evidence.some((e) => e.text.startsWith('Physician answer:'))) continue;
    const own = sideOf(d.description);
    if (own !== 'right' && own !== 'left') continue;
    const regions = regionsOf(d.description);
    const kinds = kindsOf(d.description);
    if (regions.size === 0 || kinds.size === 0) continue;
    // Another coded injury on the other side at the same or a near site (a hand laceration beside a
    // forearm one): the other side's statements are about it.
    const besides = (x: DiagnosisDraft) =>
      x !== d && /^S\d\d/.test(x.code) && sideOf(x.description) !== own && near(regions, regionsOf(x.description));
    if (drafts.some(besides)) continue;
    const clauses = sidedClauses(run, regions, kinds, year);
    const other = clauses.find((c) => c.side !== own && !c.line);
    if (!other) continue;
    const held = onSide(run, d.code, 'unspecified');
    if (!held) continue;
    const ownText = clauses.find((c) => c.side === own)?.text ?? d.evidence[0]?.text ?? d.description;
    if (ownText === other.text) continue;
    const options: ClarificationOption[] = (['right', 'left'] as const)
      .map((side) => ({ label: side === 'right' ? 'Right' : 'Left', code: onSide(run, d.code, side) ?? '' }))
      .filter((o) => o.code !== '');
    return askCharacter(run, drafts, {
      draft: d,
      question: detailConflictQuestion(ownText, other.text, 'side of the injury'),
      clinicalIndicators: [`Documented: "${ownText}"`, `Documented: "${other.text}"`],
      options,
      reason: `The injury is coded to the ${own} side (${d.code}) and the record also states the ${other.side} side of it; ${held} (unspecified side) until answered.`,
      held,
      fromWords: (words) => {
        // The side the answer names first ("Left - 'right' was a dictation error").
        const first = /\b(right|left|rt|lt)\b/i.exec(words)?.[1]?.toLowerCase();
        return first ? onSide(run, d.code, first.startsWith('r') ? 'right' : 'left') : undefined;
      },
      heldWhy: 'The side of the injury is documented two ways: unspecified side until the physician answers.',
      answeredWhy: (code) => `The physician answered the side of the injury: ${code}.`,
    });
  }
  return drafts;
}
