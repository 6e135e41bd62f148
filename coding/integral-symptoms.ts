/**
 * Signs and symptoms integral to a stated diagnosis (guideline I.B.5, IV.D): a sign or symptom that
 * is routinely part of a definitive diagnosis coded in the same encounter is not coded beside it
 * ("dysuria" listed under "acute cystitis", "wheezing" under an asthma exacerbation, "fever" and
 * "cough" under COVID-19). One that is not routinely part of it stays (I.B.6: a cough beside
 * hypertension), and so does one the classification tells to code as well (a "code first" or "use
 * additional code" note linking the two).
 *
 * What "routinely part of" means is read from the classification, not from a list of pairs:
 * - the tabular's own notes: an Excludes note of the symptom (or its category) citing the diagnosis,
 *   or one of the diagnosis citing the symptom (R51 headache cites G43-G44; J45.901 cites R06.2);
 * - the body system: chapter 18 groups its symptoms by the body-system chapter they belong to
 *   (R00-R09 circulatory and respiratory, R10-R19 digestive, R20-R23 skin, R30-R39 genitourinary...),
 *   and a definitive diagnosis of that system explains them;
 * - the general symptoms (R50-R69) by the kind of disease: fever and chills by an infection or
 *   inflammation, malaise and fatigue by an anemia, a thyroid disorder or an infection;
 * - a symptom the body-system chapters classify with a site ("pain in right knee" M25.561, otalgia
 *   H92.0-) by a diagnosis of the same chapter at the same site, on no other side;
 * - a complaint felt at a site (pain, swelling, numbness: "pain in left thigh", "chest pain", "ocular
 *   pain", "tingling of the right hand") by a disease or injury of any chapter at that site or in it,
 *   on no other side (coding/body-sites.ts): a limb's swelling with the thrombosis or cellulitis of
 *   that limb, chest pain with a myocardial infarction, a headache with sinusitis, a toe's pain with
 *   gout of the foot; not a knee's pain with a thrombosis of the thigh;
 * - a disease defined by its accompanying features: the features its clinical definition requires
 *   (DEFINING_FEATURES), which no site or body system relates to it;
 * - an abnormal result of the organ a coded disease is of (ORGAN_RESULTS): elevated transaminases
 *   with a liver disease, a raised PSA with prostate cancer; other findings (R70-R99) stay.
 *
 * Over 300 lines because the three readings of "routinely part of" share the symptom, diagnosis and
 * site tests below.
 */
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import { regionsMeet, regionsOf, type Region } from './body-sites.ts';
import { ancestry, EntryKind, matchesPattern, notesFor } from './icd10cm.ts';
import { SITE_FAMILIES } from './search.ts';
import { expandAbbreviations, tokenize } from './text.ts';
import { clausesOf } from './context.ts';
import { ADDRESSED_PARTS } from './sections.ts';

type BodySystem =
  | 'circulatory'
  | 'respiratory'
  | 'digestive'
  | 'skin'
  | 'nervous'
  | 'musculoskeletal'
  | 'genitourinary'
  | 'mental'
  | 'infection'
  | 'fatigue-causes';

/** A range of three-character categories, inclusive. */
type Range = readonly [from: string, to: string];

/** Hypertensive diseases (I10-I16): they explain no sign or symptom by body system alone. */
const SILENT_HYPERTENSION: Range = ['I10', 'I16'];

/**
 * Where each body system's definitive diagnoses are classified: its chapter, and the chapter 1 blocks
 * named for the same system (intestinal infectious diseases; viral infections of skin and mucous
 * membranes). COVID-19 (U07.1) is the respiratory disease the classification keeps in chapter 22.
 */
const SYSTEM_CODES: Readonly<Record<Exclude<BodySystem, 'infection'>, readonly Range[]>> = {
  circulatory: [['I00', 'I99']],
  respiratory: [
    ['J00', 'J99'],
    ['U07', 'U07'],
  ],
  digestive: [
    ['K00', 'K95'],
    ['A00', 'A09'],
  ],
  skin: [
    ['L00', 'L99'],
    ['B00', 'B09'],
    ['B35', 'B49'],
  ],
  nervous: [['G00', 'G99']],
  musculoskeletal: [['M00', 'M99']],
  genitourinary: [
    ['N00', 'N99'],
    ['O23', 'O23'],
  ],
  mental: [['F01', 'F99']],
  // Anemias (D50-D64) and disorders of the thyroid gland (E00-E07).
  'fatigue-causes': [
    ['D50', 'D64'],
    ['E00', 'E07'],
  ],
};

/**
 * Chapter 18's categories by the body system they belong to: its blocks as titled in the tabular,
 * R00-R09 ("circulatory and respiratory systems") split at its categories, and the general symptoms
 * that point to a kind of disease.
 */
const SYMPTOM_SYSTEMS: ReadonlyArray<readonly [Range, readonly BodySystem[]]> = [
  [['R00', 'R03'], ['circulatory']],
  [['R04', 'R09'], ['respiratory']],
  [['R10', 'R19'], ['digestive']],
  [['R20', 'R23'], ['skin']],
  [
    ['R25', 'R29'],
    ['nervous', 'musculoskeletal'],
  ],
  [['R30', 'R39'], ['genitourinary']],
  [
    ['R40', 'R46'],
    ['mental', 'nervous'],
  ],
  [['R47', 'R47'], ['nervous']],
  [['R49', 'R49'], ['respiratory']],
  [['R50', 'R50'], ['infection']],
  [['R52', 'R52'], ['infection']],
  [
    ['R53', 'R53'],
    ['fatigue-causes', 'infection'],
  ],
  [['R60', 'R60'], ['circulatory']],
];
/** Chills (R68.83) go with fever. */
const CHILLS = 'R68.83';

/** Titles of an infection or an inflammation (musculoskeletal "-itis" aside: arthritis is no fever's cause). */
const INFECTION_TITLE = /\binfect|pneumonia|influenza|abscess|cellulitis|sepsis|bronchiolitis/i;
const INFLAMMATION_TITLE = /itis\b/i;

/** Body-system chapters classify some symptoms with their site: "Pain in ...", "Otalgia", "Cervicalgia", "Low back pain". */
export const SITE_SYMPTOM_TITLE = /^(pain in\b|[a-z]*algia\b|(?:low back|ocular) pain\b)/i;

/** Complaints felt at a site: pain, swelling, a lump, a disturbed skin sensation. */
const SITE_COMPLAINT =
  /\b(pain|ache|headache|[a-z]*algia|swelling|edema|lump|paresthesia|anesthesia|hypoesthesia|hyperesthesia|skin sensation|tenderness|effusion|stiffness)\b/i;

/**
 * Diseases whose clinical definition requires accompanying features no site or body system relates to
 * them: migraine's attacks come with nausea or vomiting, or with sensitivity to light and sound, and
 * with visual aura (the International Classification of Headache Disorders' criteria).
 */
const DEFINING_FEATURES: ReadonlyArray<readonly [disease: string, features: readonly string[]]> = [
  ['G43', ['R11', 'R51', 'H53.1', 'H53.71', 'H93.23']],
];
/** Words of those titles that are not the site. */
const NOT_SITE = new Set(['pain', 'unspecified', 'other', 'right', 'left', 'bilateral', 'region', 'site', 'part', 'joint', 'side']);

const category = (code: string) => code.slice(0, 3);
const inRange = (code: string, [from, to]: Range) => category(code) >= from && category(code) <= to;

/** Step: drops the signs and symptoms a definitive diagnosis of the encounter routinely explains. */
export function withoutIntegralSymptoms(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const explainers = drafts.filter((d) => isDefinitive(run, d));
  if (explainers.length === 0) return drafts;
  const dropped = new Set<number>();
  const notes = new Map<DiagnosisDraft, string[]>();
  const kept = drafts.filter((d) => {
    if (!isSymptom(run, d) || (documentedByPhysician(run, d) && !writtenBesideAssessedDiagnosis(run, d))) return true;
    const texts = (e: DiagnosisDraft) => ({ dx: mentionText(run, e), symptom: mentionText(run, d) });
    const by = explainers.find(
      (e) => e !== d && (explains(run, e.code, d.code, texts(e)) || linkedByRecord(run, texts(e))) && !changeFromBaseline(run, texts(e)),
    );
    if (!by) return true;
    dropped.add(d.order);
    notes.set(by, [...(notes.get(by) ?? []), `"${d.evidence[0]?.text ?? d.description}" (${d.code})`]);
    return false;
  });
  if (dropped.size === 0) return drafts;
  run.issues = run.issues.filter((i) => i.order === undefined || !dropped.has(i.order) || kept.some((d) => d.order === i.order));
  return kept.map((d) => {
    const symptoms = notes.get(d);
    if (!symptoms) return d;
    const what = symptoms.length === 1 ? 'is a sign or symptom' : 'are signs or symptoms';
    return {
      ...d,
      rationale: `${d.rationale} ${symptoms.join(', ')} ${what} routinely part of ${d.code}, not coded separately (guideline I.B.5).`,
    };
  });
}

/** A symptom stated as a change: acute, new, sudden. */
const ACUTE_CHANGE = /\b(?:acute(?:ly)?|new(?:ly)?|sudden(?:ly)?|abrupt(?:ly)?)\b/i;
/** A sentence of the notes giving the patient's baseline ("baseline: dementia, oriented to self"). */
const BASELINE = /\bbaseline\b/i;

/**
 * A symptom stated as acute or new ("acute confusion") beside a condition a sentence of the notes
 * gives as the patient's baseline ("baseline: dementia, oriented to self"): the change from the
 * baseline is what the visit is for, not a sign routinely part of the baseline condition (I.B.5
 * drops only what is routinely part of it), so it is coded.
 */
function changeFromBaseline(run: CodingRun, texts: { dx: string; symptom: string }): boolean {
  if (!ACUTE_CHANGE.test(texts.symptom)) return false;
  const dxWords = tokenize(expandAbbreviations(texts.dx)).filter((w) => w.length > 3);
  if (dxWords.length === 0) return false;
  return run.input.documentation.notes.split(/(?<=[.!?])\s+|\n+/).some((sentence) => {
    if (!BASELINE.test(sentence)) return false;
    const words = new Set(tokenize(expandAbbreviations(sentence)));
    return dxWords.every((w) => words.has(w));
  });
}

/** A chapter 18 symptom or a body-system chapter's site symptom. */
function isSymptom(run: CodingRun, d: DiagnosisDraft): boolean {
  if (d.code.startsWith('R')) return !FINDING_NOT_SYMPTOM.test(d.code) || organResult(d.code) !== undefined;
  // The organ chapters' complaints a disease's definition names (sensitivity to light, hyperacusis).
  if (DEFINING_FEATURES.some(([, features]) => features.some((f) => matchesPattern(d.code, f)))) return true;
  return SITE_SYMPTOM_TITLE.test(titleOf(run, d.code));
}
/**
 * Abnormal findings of examinations and results (R70-R99) are not complaints a diagnosis explains,
 * nor is hypoxemia (R09.02, and asphyxia R09.01): a measured oxygenation that a lung disease does not
 * routinely bring (most patients with COPD, asthma or pneumonia are not hypoxemic), so coded beside it
 * when the provider states it...
 */
const FINDING_NOT_SYMPTOM = /^R(7|8|9)|^R09\.0/;

/**
 * ...except a result that measures the organ a coded disease is of: the abnormal values that make or
 * follow the diagnosis (elevated transaminases in hepatitis or fatty liver, high glucose in diabetes,
 * proteinuria in a kidney disease, a raised PSA in prostate cancer). Each finding's code patterns, then
 * the diseases of the organ it measures.
 */
const ORGAN_RESULTS: ReadonlyArray<readonly [finding: string, organDiseases: readonly string[]]> = [
  ['R74.0', ['K70..K77', 'B15..B19', 'B25.1', 'C22']],
  ['R74.8', ['K85', 'K86']],
  ['R73', ['E08..E13', 'O24']],
  ['R80', ['N00..N08', 'N18', 'E08.2', 'E09.2', 'E10.2', 'E11.2', 'E13.2', 'I12', 'I13', 'O14', 'O11']],
  ['R94.4', ['N00..N08', 'N17..N19', 'I12', 'I13']],
  ['R97.2', ['C61', 'D07.5']],
  ['R97.0', ['C18..C21']],
  ['R79.1', ['D65..D68']],
  ['R82.7', ['N10..N12', 'N30', 'N34', 'N39.0', 'O23']],
  ['R94.31', ['I20..I25', 'I44..I49']],
  ['R94.6', ['E00..E07']],
];
const organResult = (code: string) => ORGAN_RESULTS.find(([finding]) => matchesPattern(code, finding));

/** A diagnosis the record states as established and current: not a symptom, status or history (Z), nor family history. */
function isDefinitive(run: CodingRun, d: DiagnosisDraft): boolean {
  if (/^[RZ]/.test(d.code) || DRUG_EFFECT.test(d.code) || isSymptom(run, d)) return false;
  const m = run.mentions.get(d.order);
  return m === undefined || m.assertion === 'affirmed';
}

/**
 * The drug codes (T36-T50): an adverse effect or a poisoning is coded with its manifestations, which it
 * names no diagnosis for (I.C.19.e.5): it explains no symptom away.
 */
const DRUG_EFFECT = /^T(3[6-9]|4\d|50)\./;

/**
 * A symptom code the physician wrote on its own line gives way like a found one only when the note's
 * assessment and plan address a definitive diagnosis and never the symptom itself ("SOB" listed
 * beside COPD, the assessment "COPD with acute exacerbation - prednisone"): the line is the visit's
 * complaint, the assessment its diagnosis (guideline I.B.5). A symptom the assessment takes up on
 * its own stays as written (I.B.6, IV.D), and so does one with no assessment to read.
 */
function writtenBesideAssessedDiagnosis(run: CodingRun, d: DiagnosisDraft): boolean {
  const addressed = run.notes.filter((m) => m.part !== undefined && ADDRESSED_PARTS.has(m.part) && m.assertion === 'affirmed');
  if (addressed.length === 0) return false;
  const own = tokenize(expandAbbreviations(mentionText(run, d))).filter((w) => w.length > 2);
  if (own.length === 0) return false;
  return !addressed.some((m) => {
    const said = new Set(tokenize(expandAbbreviations(m.original)));
    return own.some((w) => said.has(w));
  });
}

/** A code the physician wrote beside the symptom is kept as written (documented codes are respected). */
function documentedByPhysician(run: CodingRun, d: DiagnosisDraft): boolean {
  const written = run.mentions.get(d.order)?.documentedCode;
  return written !== undefined && written.replace(/\./g, '').toUpperCase() === d.code.replace(/\./g, '');
}

function titleOf(run: CodingRun, code: string): string {
  const icd = run.codeSets.icd;
  return icd.entries[icd.byCode.get(code) ?? -1]?.description ?? '';
}

/** The words the record used for a coded condition (its diagnosis line or clause of the notes). */
function mentionText(run: CodingRun, d: DiagnosisDraft): string {
  return run.mentions.get(d.order)?.text ?? d.evidence[0]?.text ?? '';
}

/**
 * Does the definitive diagnosis `dx` routinely explain the symptom `symptom`? `texts` are the words
 * the record used for each, read for a site or side the code's title does not carry.
 */
export function explains(
  run: CodingRun,
  dx: string,
  symptom: string,
  texts: { dx: string; symptom: string } = { dx: '', symptom: '' },
): boolean {
  const icd = run.codeSets.icd;
  // "Code first" at the symptom or "use additional code" at the diagnosis: the classification codes both.
  if (notesFor(icd, symptom, 'cf').some(([, ps]) => ps.some((p) => matchesPattern(dx, p)))) return false;
  if (notesFor(icd, dx, 'ua').some(([, ps]) => ps.some((p) => matchesPattern(symptom, p)))) return false;
  const measured = organResult(symptom);
  if (measured) return measured[1].some((p) => matchesPattern(dx, p));
  const cites = (from: string, to: string) => categoryExcludes(run, from).some((p) => matchesPattern(to, p));
  if (cites(symptom, dx) || cites(dx, symptom)) return true;
  if (DEFINING_FEATURES.some(([d, features]) => matchesPattern(dx, d) && features.some((f) => matchesPattern(symptom, f)))) return true;
  if (atComplaintSite(run, dx, symptom, texts)) return true;
  if (!symptom.startsWith('R')) return sameSite(run, dx, symptom);
  const systems = symptom === CHILLS ? (['infection'] as const) : SYMPTOM_SYSTEMS.find(([r]) => inRange(symptom, r))?.[1];
  // Hypertension is a silent disease: no symptom is routinely part of it by its body system alone
  // (guideline I.B.6's example keeps a symptom beside it); palpitations or a slow pulse beside it are
  // the visit's own problems.
  if (inRange(dx, SILENT_HYPERTENSION)) return false;
  return (systems ?? []).some((s) => (s === 'infection' ? isInfection(run, dx) : SYSTEM_CODES[s].some((r) => inRange(dx, r))));
}

/**
 * The code patterns the Excludes1 and Excludes2 notes of a code and its categories cite. Notes of
 * blocks and chapters are left out: they separate whole groups ("symptoms, signs ... (R00-R94)" under
 * the circulatory chapter), not a symptom from the disease it belongs to.
 */
function categoryExcludes(run: CodingRun, code: string): string[] {
  const icd = run.codeSets.icd;
  return ancestry(icd, code)
    .filter((e) => e.kind === EntryKind.Header || e.kind === EntryKind.Billable)
    .flatMap((e) => [...(icd.notes[e.code]?.ex1 ?? []), ...(icd.notes[e.code]?.ex2 ?? [])])
    .flatMap(([, patterns]) => patterns);
}

function isInfection(run: CodingRun, code: string): boolean {
  if (inRange(code, ['A00', 'B99']) || category(code) === 'U07') return true;
  const titles = ancestry(run.codeSets.icd, code).map((e) => e.description);
  if (titles.some((t) => INFECTION_TITLE.test(t))) return true;
  return !code.startsWith('M') && INFLAMMATION_TITLE.test(titles[0] ?? '');
}

/** A site symptom and a diagnosis of the same chapter naming the same site, on no other side. */
function sameSite(run: CodingRun, dx: string, symptom: string): boolean {
  if (dx[0] !== symptom[0]) return false;
  const symptomWords = siteWords(titleOf(run, symptom));
  const dxTitle = titleOf(run, dx);
  const dxWords = siteWords(dxTitle);
  if (![...symptomWords].some((w) => dxWords.has(w))) return false;
  const side = (t: string) => (/\bright\b/i.test(t) ? 'right' : /\bleft\b/i.test(t) ? 'left' : undefined);
  const a = side(titleOf(run, symptom));
  const b = side(dxTitle);
  return a === undefined || b === undefined || a === b || /\bbilateral\b/i.test(dxTitle);
}

/**
 * A complaint felt at a site (its title's site, else the record's words for it) and a disease or
 * injury there: the code's title or, when it names no site, its categories' titles and then the
 * record's words. The sides must agree where both are stated.
 */
function atComplaintSite(run: CodingRun, dx: string, symptom: string, texts: { dx: string; symptom: string }): boolean {
  const symptomTitle = titleOf(run, symptom);
  if (!SITE_COMPLAINT.test(symptomTitle)) return false;
  const symptomSites = firstRegions([symptomTitle, texts.symptom]);
  if (symptomSites.size === 0) return false;
  const dxTitles = ancestry(run.codeSets.icd, dx).map((e) => e.description);
  const dxSites = firstRegions([...dxTitles, texts.dx]);
  if (!regionsMeet(symptomSites, dxSites)) return false;
  const a = sideOf(symptomTitle) ?? sideOf(texts.symptom);
  const b = sideOf(titleOf(run, dx)) ?? sideOf(texts.dx);
  return a === undefined || b === undefined || a === b || b === 'bilateral';
}

/** The regions of the first text that names any. */
function firstRegions(texts: readonly string[]): Set<Region> {
  for (const t of texts) {
    const regions = regionsOf(t);
    if (regions.size > 0) return regions;
  }
  return new Set();
}

const sideOf = (t: string) =>
  /\bbilateral\b/i.test(t) ? 'bilateral' : /\bright\b/i.test(t) ? 'right' : /\bleft\b/i.test(t) ? 'left' : undefined;

function siteWords(title: string): Set<string> {
  const words = tokenize(title).filter((t) => !NOT_SITE.has(t));
  return new Set([...words, ...words.flatMap((t) => SITE_FAMILIES.get(t) ?? [])].filter((t) => !['upper', 'lower', 'limb'].includes(t)));
}

/** "Due to", "secondary to", "from", "caused by": the record relates a symptom to its cause. */
const CAUSE_LINK = /\b(?:due to|secondary to|caused by|because of|from|related to|attributed to|d\/t|2\/2)\b/i;
/** Words of a statement that say nothing of what it is about. */
const LINK_NEUTRAL = new Set(['acute', 'chronic', 'mild', 'severe', 'likely', 'probable', 'unspecified', 'right', 'left', 'bilateral']);

/**
 * The record itself says the symptom comes from the diagnosis ("chest pain due to GERD"): a related
 * definitive diagnosis is established, so the symptom is not coded (guideline I.B.4), whatever the
 * body system. Read from one statement (a diagnosis line or a clause of the notes) naming the symptom
 * before the link and the diagnosis after it.
 */
function linkedByRecord(run: CodingRun, texts: { dx: string; symptom: string }): boolean {
  const words = (t: string) => tokenize(expandAbbreviations(t)).filter((w) => w.length > 2 && !LINK_NEUTRAL.has(w));
  // The symptom's own words: a line "chest pain due to reflux" names its cause after the link.
  const symptom = words(texts.symptom.split(CAUSE_LINK)[0] ?? '');
  const dx = words(texts.dx);
  if (symptom.length === 0 || dx.length === 0) return false;
  const doc = run.input.documentation;
  return [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)].some((s) => {
    const link = CAUSE_LINK.exec(s);
    if (!link) return false;
    const before = new Set(words(s.slice(0, link.index)));
    const after = new Set(words(s.slice(link.index + link[0].length)));
    return symptom.every((w) => before.has(w)) && dx.some((w) => after.has(w));
  });
}
