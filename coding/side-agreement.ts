/**
 * A positive condition for straight-through billing (issue 10 item 2): the side a code names is the
 * side every statement of its site names. "HPI: L knee pain", "X-ray L knee 3 views" beside an
 * assessment of right knee osteoarthritis (M17.11) is documentation that disagrees with itself, which a
 * coder may not settle (the physician is asked): the record goes to a coder. A statement of the other
 * side as normal ("R knee normal", "left ankle nontender") agrees with the code.
 */
import type { CodedDiagnosis } from '../domain/coding.ts';

/** The side a title names and the words after it, up to a comma, "with", "without", "of" or parenthesis. */
const TITLE_SIDE = /\b(right|left) ([a-z ]+?)(?=,|$| with | without | of |\()/i;
/** Sites a side is written beside in records (the last word of the title's sided phrase). */
const SITES = new Set([
  'knee',
  'hip',
  'ankle',
  'foot',
  'wrist',
  'hand',
  'shoulder',
  'elbow',
  'arm',
  'forearm',
  'leg',
  'thigh',
  'finger',
  'thumb',
  'toe',
  'breast',
  'eye',
  'ear',
  'kidney',
  'ovary',
  'testis',
  'femur',
  'tibia',
  'fibula',
  'radius',
  'ulna',
  'humerus',
  'clavicle',
]);
/** The other side as records write it; a single letter only in capitals ("L knee"). */
const OTHER_SIDE: Record<string, string> = { right: '(?:[Ll]eft|LEFT|[Ll]t|L)', left: '(?:[Rr]ight|RIGHT|[Rr]t|R)' };
/** Said just after the site, these describe it as normal. */
const NORMAL_AFTER = /\b(?:no|not|normal|nontender|negative|neg|intact|unremarkable|without|denies|wnl|fine)\b/i;
/** How far after the site a "normal" still describes it. */
const WINDOW = 30;

/** A coded side's site and the pattern of its other side, if the title names a side of a site. */
function otherSideOf(title: string): RegExp | undefined {
  if (/\bbilateral\b/i.test(title)) return undefined;
  const m = TITLE_SIDE.exec(title);
  const side = m?.[1]?.toLowerCase();
  const site = m?.[2]?.trim().split(/\s+/).at(-1)?.toLowerCase();
  if (side === undefined || site === undefined || !SITES.has(site)) return undefined;
  return new RegExp(
    `\\b${OTHER_SIDE[side]}\\.?\\W+(?:[A-Za-z]+\\W+){0,2}?(?:${site}|${site[0]?.toUpperCase()}${site.slice(1)}|${site.toUpperCase()})s?\\b`,
    'g',
  );
}

/** Words an examination describes a site by that mean its own name (the eardrum for the ear). */
const SITE_SYNONYMS: Readonly<Record<string, string>> = {
  ear: 'ears?|tms?|tympanic membranes?|ear ?drums?|(?:ear )?canals?|eacs?',
  eye: 'eyes?|conjunctivae?|lids?|eyelids?|cornea',
  breast: 'breasts?',
  knee: 'knees?',
  hip: 'hips?',
  ankle: 'ankles?',
  foot: 'foot|feet',
  wrist: 'wrists?',
  hand: 'hands?',
  shoulder: 'shoulders?',
  elbow: 'elbows?',
  kidney: 'kidneys?',
  ovary: 'ovary|ovaries|adnexae?',
  testis: 'testis|testes|testicles?',
};
/** The site of a condition whose title names no site word (otitis: the ear). */
const SITE_OF_CONDITION: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:otitis|tympan\w*|myringitis|cerumen|otalgia|otorrhea|mastoiditis|eustachian)\b/, 'ear'],
  [/\b(?:conjunctivitis|keratitis|cataracts?|glaucoma|blepharitis|chalazion|hordeolum|retinopathy|uveitis|iritis)\b/, 'eye'],
  [/\b(?:mastitis|gynecomastia|mastodynia)\b/, 'breast'],
];
/** A description of a site as normal ("L TM pearly gray, translucent, nl landmarks"). */
const NORMAL_WORDS =
  /\b(?:normal|nl|wnl|within normal limits|unremarkable|pearly(?: gr[ae]y)?|translucent|clear|nontender|non-tender|intact|benign)\b/i;
/** A description of a site as abnormal, where nothing just before denies it. */
const ABNORMAL_WORDS =
  /(?<!\b(?:no|not|without|nor)\s+(?:\w+\s+){0,2})\b(?:bulg\w*|erythem\w*|injected|red|dull|opaque|effusions?|fluid|pus|purulent|perforat\w*|retract\w*|swollen|swelling|edema\w*|tender|pain\w*|abnormal\w*|mass(?:es)?|lesions?|discharge|drainage|decreased|reduced|limited|crepitus|deformit\w*)\b/i;

/** Said before a site in its statement, these describe it after a procedure on it (a canal cleared), not as found. */
const AFTER_PROCEDURE =
  /\b(?:post|post-?op\w*|re-?exam\w*|re-?check\w*|removed|irrigated|s\/p|status post|(?:after|following) (?:the )?(?:removal|irrigation|lavage|procedure|curett\w*|debridement))\b/i;

/**
 * The statement of the record that describes one side of a bilateral code's site as normal
 * ("Acute otitis media, bilateral" beside "L TM pearly gray, translucent, nl landmarks"): the
 * assessment and the examination disagree on the sides, which only the physician can settle. A side
 * described after a procedure on it ("re-exam: R canal clear") is no finding of the visit's condition.
 */
export function oneSideNormalStatement(
  statements: readonly string[],
  d: { description: string },
): { statement: string; side: 'right' | 'left' } | undefined {
  if (!/\bbilateral\b/i.test(d.description)) return undefined;
  const title = d.description.toLowerCase();
  const site = title.split(/[^a-z]+/).find((w) => SITE_SYNONYMS[w] !== undefined) ?? SITE_OF_CONDITION.find(([re]) => re.test(title))?.[1];
  if (site === undefined) return undefined;
  const sided = new RegExp(`\\b(?:right|left|rt|lt|R|L)\\.?\\s+(?:[A-Za-z]+\\s+){0,1}?(?:${SITE_SYNONYMS[site]})\\b`, 'gi');
  for (const s of statements)
    for (const m of s.matchAll(sided)) {
      if (/^[rl]\b/.test(m[0])) continue; // a lower-case single letter is no side
      if (AFTER_PROCEDURE.test(s.slice(0, m.index ?? 0))) continue;
      const after = s.slice((m.index ?? 0) + m[0].length).split(/[.;]|\b(?:right|left|rt|lt|R|L)\b\.?\s/)[0] ?? '';
      if (NORMAL_WORDS.test(after) && !ABNORMAL_WORDS.test(after))
        return { statement: `${m[0]}${after}`.trim(), side: /^r/i.test(m[0]) ? 'right' : 'left' };
    }
  return undefined;
}

const oneSideNormal = (statements: readonly string[], d: CodedDiagnosis) => oneSideNormalStatement(statements, d) !== undefined;

/**
 * A code whose side a statement of the record gives the other way for the same site (not as
 * normal), or a bilateral code one side of whose site a statement describes as normal.
 */
export function sideStatedOtherwise(statements: readonly string[], diagnoses: readonly CodedDiagnosis[]): CodedDiagnosis | undefined {
  return diagnoses.find((d) => {
    if (oneSideNormal(statements, d)) return true;
    const other = otherSideOf(d.description);
    if (other === undefined) return false;
    return statements.some((s) =>
      [...s.matchAll(other)].some((m) => !NORMAL_AFTER.test(s.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + WINDOW))),
    );
  });
}
