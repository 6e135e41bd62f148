/**
 * The degree of a burn as the record describes it. The classification's own inclusion notes name
 * each degree by what is seen (T20-T32: first degree [erythema], second degree [blisters, epidermal
 * loss], third degree [deep necrosis of underlying tissue, full-thickness skin loss]). A burn coded
 * first degree beside an examination of blisters or bullae, or second degree beside full-thickness
 * loss, is documentation that disagrees with itself: a coder may not code the degree from the
 * description (the physician's statement decides) nor bill the statement unseen. The physician is
 * asked the degree, quoting both; until answered the burn is coded of unspecified degree (T2x.0-),
 * and an answer naming a degree codes it. An examination of another site (a second burn) is not the
 * burn's.
 */
import { askCharacter, namedIn, statedIn, type NamedValues } from './character-conflict.ts';
import { detailConflictQuestion } from './clarification.ts';
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { regionsMeet, regionsOf } from './body-sites.ts';

/** Burns of external body surface by site (T20-T25): the fifth character is the degree (0 unspecified, 1-3). */
const BURN_BY_DEGREE = /^T2[0-5]\.[0-3]/;
/** What each degree looks like, deepest first, as an examination describes it (not denied in its clause). */
const DESCRIBED: NamedValues<number> = [
  [3, /\b(full[- ]thickness|charred|leathery|eschar|insensate|white waxy|deep necrosis)\b/i],
  [
    2,
    /\b(blisters?|blistered|bullae|bulla|bullous|vesicles?|partial[- ]thickness|epidermal loss|unroofed|weeping|moist (?:pink|red) base)\b/i,
  ],
];
/** A degree in the physician's own words (a statement's or an answer's). */
export const DEGREE_WORDS: NamedValues<number> = [
  [1, /\b(?:first|1st)[- ]degree\b|\b1\s*°|\bsuperficial(?: thickness)? burns?\b|\bsuperficial thickness\b|\bepidermal burn\b/i],
  [2, /\b(?:second|2nd)[- ]degree\b|\b2\s*°|\bpartial[- ]thickness\b/i],
  [3, /\b(?:third|3rd)[- ]degree\b|\b3\s*°|\bfull[- ]thickness\b/i],
];
const ORDINAL = ['first', 'second', 'third'];
const LABEL = ['First degree', 'Second degree', 'Third degree'];

const withDegree = (code: string, degree: number) => `${code.slice(0, 4)}${degree}${code.slice(5)}`;

/**
 * What a degree query about a burn code holds and offers: the unspecified-degree code until the
 * physician answers, each degree the code set has for its site, and how an answer is read
 * (undefined: the site has no unspecified degree).
 */
export function degreeChoices(run: CodingRun, burn: DiagnosisDraft) {
  const held = withDegree(burn.code, 0);
  if (!run.codeSets.icd.byCode.has(held)) return undefined;
  const options = [1, 2, 3]
    .map((n) => ({ label: LABEL[n - 1]!, code: withDegree(burn.code, n) }))
    .filter((o) => run.codeSets.icd.byCode.has(o.code));
  return {
    held,
    options,
    /** The degree an answer in the physician's own words names. */
    fromWords: (words: string) => {
      const degree = namedIn(words, DEGREE_WORDS);
      return degree === undefined ? undefined : withDegree(burn.code, degree);
    },
    answeredWhy: (code: string) => `The physician answered the degree of the burn: ${code}.`,
  };
}

/** Step: a burn coded shallower than the examination describes it is asked; unspecified degree until answered. */
export function burnDegreeDescribed(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const burn = drafts.find((d) => BURN_BY_DEGREE.test(d.code) && d.code[4] !== '0' && !run.issues.some((i) => i.order === d.order));
  if (!burn) return drafts;
  const coded = Number(burn.code[4]);
  const own = new Set(burn.evidence.map((e) => e.text));
  // The deepest degree a statement of the record (not the burn's own) describes.
  // Only statements of the burn's own site: a second burn elsewhere ("blisters of the palm" beside a
  // first degree forearm burn) is another burn, described for its own code.
  // A statement naming no site is the burn's only when the record codes no burn elsewhere.
  const site = regionsOf([...own].join(' '));
  const elsewhere = drafts.some(
    (d) => d !== burn && /^T2[0-5]/.test(d.code) && !regionsMeet(site, regionsOf(d.evidence.map((e) => e.text).join(' '))),
  );
  const described = statedIn(
    clausesOf(run.input.documentation.notes).filter((s) => {
      if (own.has(s)) return false;
      const named = regionsOf(s);
      return site.size === 0 || (named.size === 0 ? !elsewhere : regionsMeet(site, named));
    }),
    DESCRIBED,
  );
  if (!described || described.value <= coded) return drafts;
  const choices = degreeChoices(run, burn);
  if (!choices) return drafts;
  const { held } = choices;
  const quote = burn.evidence[0]?.text ?? burn.description;
  return askCharacter(run, drafts, {
    draft: burn,
    question: detailConflictQuestion(quote, described.text, 'degree of the burn'),
    clinicalIndicators: [`Documented: "${quote}"`, `Examination: "${described.text}"`],
    ...choices,
    reason: `The burn is coded of the ${ORDINAL[coded - 1]} degree (${burn.code}) and the examination describes the ${ORDINAL[described.value - 1]} ("${described.text}"); ${held} (unspecified degree) until the physician answers.`,
    heldWhy: `The burn's degree is stated and described two ways: unspecified degree until the physician answers.`,
  });
}
