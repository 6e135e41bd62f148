/**
 * Rheumatoid arthritis by rheumatoid factor and site, as the tabular divides it: with rheumatoid
 * factor (seropositive, M05.-; without organ or systems involvement M05.7-) or without it
 * (seronegative, M06.0-), and by site, where joints of two or more sites are "multiple sites"
 * (M05.79, M06.09). A word search reads "seropositive" as no word of those titles and "multiple
 * joints" as the "other specified" codes of multiple sites (M06.89, M05.89).
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { isBillable } from './icd10cm.ts';

const POSITIVE =
  /\bseropositive\b|\b(?:rheumatoid factor|rf)\s*(?:\(rf\)\s*)?(?:positive|pos\b|\+)|\b(?:positive|elevated)\s+(?:rheumatoid factor|rf)\b|\bwith\s+(?:a\s+)?(?:positive\s+)?rheumatoid factor\b/i;
const NEGATIVE =
  /\bseronegative\b|\b(?:rheumatoid factor|rf)\s*(?:\(rf\)\s*)?(?:negative|neg\b|-(?!\w))|\bnegative\s+(?:rheumatoid factor|rf)\b|\bwithout\s+rheumatoid factor\b/i;

/** A factor asked about or not known ("Seropositive? Not tested.", "RF pending"): not stated. */
const UNKNOWN = /\?|\bnot\s+(?:yet\s+)?(?:tested|known|checked|done|sent|available)\b|\b(?:unknown|pending|to be checked|ordered)\b/i;

/** The joint sites the tabular codes RA by (5th character), as the record names them. */
const SITES: ReadonlyArray<[digit: string, words: RegExp]> = [
  ['1', /\bshoulders?\b/i],
  ['2', /\belbows?\b/i],
  ['3', /\bwrists?\b/i],
  ['4', /\b(?:hands?|fingers?|mcps?|pips?|metacarpophalangeal|knuckles?)\b/i],
  ['5', /\bhips?\b/i],
  ['6', /\bknees?\b/i],
  ['7', /\b(?:ankles?|feet|foot|toes?|mtps?|metatarsophalangeal)\b/i],
];
const MULTIPLE = /\b(?:multiple|several|many)\s+(?:sites|joints)\b|\bpolyarticular\b|\bpolyarthritis\b/i;
/** The RA codes this step may re-code: unspecified, other specified, without organ involvement, seronegative. */
const RECODED = /^M0(?:5\.[78]|6\.[089])/;
const RA_WORDS = /\b(?:rheumatoid|ra)\b/i;
/** Statements about the joints' disease: its signs, or where it is ("involves the hands and wrists"). */
const JOINT_WORDS = /\b(?:stiffness|synovitis|swelling|swollen|tender\w*|joints?|involv\w*|arthritis|arthralgia)\b/i;

/** Step: rheumatoid arthritis to its rheumatoid-factor category and its site (multiple sites when two or more). */
export function rheumatoidFactorAndSite(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (!drafts.some((d) => RECODED.test(d.code))) return drafts;
  const icd = run.codeSets.icd;
  const doc = run.input.documentation;
  const statements = [
    ...doc.diagnoses.map((d) => d.description),
    ...run.notes.filter((n) => n.assertion === 'affirmed').map((n) => n.original),
  ];
  // Read in the record as written: the clauses lose the "?" of "Seropositive? Not tested."
  const raw = [doc.notes, ...doc.diagnoses.map((d) => d.description)];
  const stated = (re: RegExp) =>
    raw.some((t) => [...t.matchAll(new RegExp(re.source, 'gi'))].some((m) => !UNKNOWN.test(t.slice(m.index, m.index + m[0].length + 25))));
  const positive = stated(POSITIVE);
  const negative = stated(NEGATIVE);
  if (positive === negative) return drafts;
  // The joints named where the arthritis is: statements naming it (or its joints' symptoms).
  const about = statements.filter((s) => RA_WORDS.test(s) || JOINT_WORDS.test(s)).join(' ');
  const named = SITES.filter(([, re]) => re.test(about)).map(([digit]) => digit);
  const multiple = MULTIPLE.test(about) || named.length >= 2;
  return drafts.map((d) => {
    if (!RECODED.test(d.code)) return d;
    const category = positive ? 'M05.7' : 'M06.0';
    const site = d.code.length >= 6 && /[1-8A]/.test(d.code[5] ?? '') ? d.code.slice(5) : '';
    const code = multiple ? `${category}9` : site && isBillable(icd, `${category}${site}`) ? `${category}${site}` : `${category}0`;
    if (code === d.code || !isBillable(icd, code)) return d;
    const factor = positive ? 'with rheumatoid factor (seropositive)' : 'without rheumatoid factor (seronegative)';
    const where = multiple ? 'joints of two or more sites: multiple sites' : site ? 'the site coded' : 'no site named';
    return recoded(run.codeSets, d, code, `The record states rheumatoid arthritis ${factor}, ${where}: ${code}.`);
  });
}
