/**
 * The site of an osteoporotic pathological fracture (M80, its 5th character): shoulder 1, humerus 2,
 * forearm and wrist 3, hand 4, femur and hip 5, lower leg 6, ankle and foot 7, vertebra(e) 8, other
 * site A, pelvis B (unspecified 0). A word search reads "pathological L1 fracture" as no site it
 * knows and lands on "other site" or "unspecified site"; the Alphabetic Index puts a fracture of a
 * vertebra under M80.-8 whether the record says "vertebral", "compression fracture of the spine" or
 * names the level ("L1", "T12").
 *
 * Only the fracture's own statement (the mention the code came from) is read, and only when it names
 * one site: two sites, or none, leave the code as found. The kind (age-related M80.0, other M80.8),
 * the side where the site has one, and the 7th character are kept.
 *
 * Osteoporosis coded without current fracture (M81.0, M81.8) whose own statement names a current
 * fracture ("age-related osteoporosis with L2 compression fracture") is M80 of the same kind
 * (guideline I.C.13.d.1; M81's Excludes1 sends "with current pathological fracture" to M80), at the
 * site named (unspecified when none), its 7th character by the encounter the record states (A when
 * none). Not a fracture the statement calls healed, old or past (M81 with Z87.310 is that).
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { relatedClauses } from './ranking.ts';
import { encounterPhase, type EncounterPhase } from './search.ts';

/** Site words by the M80 5th character. */
const SITES: ReadonlyArray<readonly [string, RegExp]> = [
  [
    '8',
    /\b(?:vertebra[el]?|vertebral|spine|spinal|[ctl]-?spine|compression (?:fracture|fx)|(?:thoracic|lumbar|cervical)\s+(?:fracture|fx|vertebra\w*|compression)|[ctl](?:[1-9]|1[0-2])(?:\s*-\s*[ctl]?(?:[1-9]|1[0-2]))?)\b/i,
  ],
  ['5', /\b(?:femur|femoral|hip|intertrochanteric|subtrochanteric|trochanteric|pertrochanteric)\b/i],
  ['2', /\b(?:humerus|humeral)\b/i],
  ['1', /\bshoulder\b/i],
  ['3', /\b(?:radius|radial|ulna|ulnar|forearm|wrist|colles'?)\b/i],
  ['4', /\b(?:hand|metacarpal\w*)\b/i],
  ['6', /\b(?:tibia|tibial|fibula|fibular|lower leg)\b/i],
  ['7', /\b(?:ankle|foot|feet|calcane\w*|metatarsal\w*|malleol\w*)\b/i],
  ['B', /\b(?:pelvis|pelvic|pubic|ramus|rami|acetabul\w*|sacrum|sacral|iliac|ilium)\b/i],
];

const SIDE = { right: /\b(?:right|rt|r)\b/i, left: /\b(?:left|lt|l)\b/i };

/** The one site a statement names, or undefined for none or more than one. */
export function fractureSite(statement: string): string | undefined {
  const named = SITES.filter(([, words]) => words.test(statement)).map(([site]) => site);
  return named.length === 1 ? named[0] : undefined;
}

/** The M80 code of `code`'s kind and 7th character at `site` (the side from the statement for a sided site). */
function atSite(run: CodingRun, code: string, site: string, statement: string): string | undefined {
  const kind = code.slice(0, 5);
  const seventh = code.slice(-1);
  const withoutSide = site === '8' || site === 'A' || site === 'B';
  const right = SIDE.right.test(statement);
  const left = SIDE.left.test(statement);
  const side = right && !left ? '1' : left && !right ? '2' : '9';
  const to = withoutSide ? `${kind}${site}X${seventh}` : `${kind}${site}${side}${seventh}`;
  return run.codeSets.icd.byCode.has(to) && run.allowed(to) ? to : undefined;
}

/** Osteoporosis without current fracture and the M80 subcategory of its kind. */
const WITH_FRACTURE: Readonly<Record<string, string>> = { 'M81.0': 'M80.0', 'M81.8': 'M80.8' };
const FRACTURE = /\b(?:fractures?|fx)\b/i;
/** A fracture said to be past, healed or absent in the statement: no current one. */
const NOT_CURRENT =
  /\b(?:healed|old|remote|prior|previous|history|hx|h\/o|without|w\/o|no|denies|negative|risk|prevent\w*|(?:19|20)\d\d|years? ago)\b/i;
const SEVENTH: Readonly<Record<EncounterPhase, string>> = {
  initial: 'A',
  subsequent: 'D',
  'delayed healing': 'G',
  nonunion: 'K',
  malunion: 'P',
  sequela: 'S',
};

/** The M80 code for an M81 draft whose own statement names a current fracture, or undefined. */
function currentFracture(run: CodingRun, d: DiagnosisDraft): string | undefined {
  const kind = WITH_FRACTURE[d.code];
  const mention = run.mentions.get(d.order);
  if (!kind || !mention || mention.assertion !== 'affirmed') return undefined;
  if (!FRACTURE.test(mention.text) || NOT_CURRENT.test(mention.text)) return undefined;
  if (run.input.documentation.diagnoses.some((l) => l.description === mention.original && l.code?.startsWith('M81'))) return undefined;
  const site = fractureSite(mention.text) ?? '0';
  const phase = encounterPhase([mention.text, ...relatedClauses(run, mention)].join('\n'));
  return atSite(run, `${kind}${site}X${SEVENTH[phase ?? 'initial']}`, site, mention.text);
}

/**
 * Step: an M80 code of unspecified or other site whose own statement names one site: the code of
 * that site; an M81 code whose own statement names a current fracture: the M80 code.
 */
export function osteoporoticFractureSite(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  return drafts.map((d) => {
    const pathological = drafts.some((e) => e.code.startsWith('M80')) ? undefined : currentFracture(run, d);
    if (pathological)
      return recoded(
        run.codeSets,
        d,
        pathological,
        `The osteoporosis's own statement names a current fracture: ${pathological}, osteoporosis with current pathological fracture (guideline I.C.13.d.1), not ${d.code}.`,
      );
    if (!/^M80\.[08][0A]/.test(d.code)) return d;
    const mention = run.mentions.get(d.order);
    const statement = mention?.text ?? d.evidence[0]?.text ?? '';
    const site = fractureSite(statement);
    if (!site || site === d.code[5]) return d;
    const to = atSite(run, d.code, site, statement);
    if (!to || to === d.code) return d;
    return recoded(
      run.codeSets,
      d,
      to,
      `The fracture's statement ("${mention?.original ?? statement}") names its site: ${to} (M80's 5th character, the site of the pathological fracture).`,
    );
  });
}
