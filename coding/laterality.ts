/**
 * Laterality: the side a condition is coded to, whether the record states it (in the diagnosis or
 * elsewhere about the same body site), whether the code family is coded by side at all (decided
 * from the family's own codes), and what is coded while the side is asked.
 * Just over 300 lines: the statements of a side (diagnosis, findings, procedures done) are weighed
 * against each other here, in one place, so the order of precedence reads in one file.
 */
import type { RecordSection } from '../domain/coding.ts';
import { resolutionFor, sideConflictQuestion, type ClarificationIssue } from './clarification.ts';
import { titleShare, type CodingRun, type MentionWork } from './coding-run.ts';
import type { Mention } from './context.ts';
import { isExtension, type Icd10Cm } from './icd10cm.ts';
import { regionsMeet, regionsOf, type Region } from './body-sites.ts';
import { isComplaintCode } from './complaints.ts';
import type { NotePart } from './sections.ts';
import { saysProcedureDone, withoutProcedureWords } from './procedure-done.ts';
import { tabularSiteWords } from './head-words.ts';
import { conditionWords, queryText, rank, searchFilter } from './ranking.ts';
import { buildQuery, type SearchHit, type SearchQuery } from './search.ts';
import { expandAbbreviations, LATERALITY_WORDS, lateralityOf, tokenize } from './text.ts';

type SideStatement = { side: string; text: string; section: RecordSection };

/** Laterality stated elsewhere in the record about the same body site (notes, procedures), when one side only. */
export function lateralityFromRecord(run: CodingRun, m: Mention): SideStatement | undefined {
  const found = sidesInRecord(run, m);
  if (found.size !== 1) return undefined;
  const [side, src] = [...found.entries()][0] ?? [];
  return side && src ? { side, ...src } : undefined;
}

/** Distinctive words of the mention (its side aside). */
function keyWords(run: CodingRun, m: Mention): Set<string> {
  return new Set(
    tokenize(expandAbbreviations(m.text)).filter(
      (t) => (run.codeSets.icd.idf.get(t) ?? 0) >= 3.5 && !(LATERALITY_WORDS as readonly string[]).includes(t),
    ),
  );
}

function sideSources(run: CodingRun): Array<{ text: string; section: RecordSection; part?: NotePart }> {
  return [
    ...run.notes
      .filter((n) => n.assertion === 'affirmed')
      .map((n) => ({ text: n.text, section: 'notes' as const, ...(n.part ? { part: n.part } : {}) })),
    ...run.input.documentation.procedures.map((p) => ({ text: p.description, section: 'procedures' as const })),
  ];
}

/** Every side the rest of the record states about the same body site, with the statement that says it. */
function sidesInRecord(run: CodingRun, m: Mention): Map<string, { text: string; section: RecordSection }> {
  const key = keyWords(run, m);
  // A mention that names its site takes a side only from a statement at that site: "metastasis to
  // bone" is not on the side of the breast cancer that shares its neoplasm words.
  const sites = tabularSiteWords(run.codeSets.icd);
  const site = [...key].filter((t) => sites.has(t));
  const found = new Map<string, { text: string; section: RecordSection }>();
  for (const s of sideSources(run)) {
    const tokens = tokenize(expandAbbreviations(s.text));
    const side = lateralityOf(tokens);
    if (side && tokens.some((t) => key.has(t)) && (site.length === 0 || tokens.some((t) => site.includes(t)))) found.set(side, s);
  }
  return found;
}

/** A statement of a normal or absent finding ("right leg normal"), or of the past ("repaired 2018"): no side of today's condition. */
const NOT_TODAY =
  /\b(normal|nl|wnl|unremarkable|intact|pearly|translucent|negative|nontender|non-tender|full (rom|range)|clear|no|without|denies|history|prior|previous|s\/p|status post|resolved|years? ago|(19|20)\d\d)\b/i;
/** A repair written without its date is the past ("meniscal tear repaired"), unless the statement is of today's procedure. */
const REPAIRED = /\brepaired\b/i;

/**
 * The clauses of a statement that describe today's condition: a normal, absent or past finding
 * is read clause by clause, so "R lower leg erythema, warmth, no fluctuance" keeps its side while
 * "L leg normal" and "s/p R TKA 2018" give none. In a statement of a procedure done today
 * ("laceration repaired with sutures") the repair is today's.
 */
function clausesOfToday(text: string, procedureDone: boolean): string {
  return text
    .split(/[,;]/)
    .filter((clause) => !NOT_TODAY.test(clause) && (procedureDone || !REPAIRED.test(clause)))
    .join(',')
    .trim();
}

/** "Left" as a verb ("left open", "left in place"): no side. */
const LEFT_AS_VERB = /\bleft (?=open|alone|in place|untreated|unsutured|home|the\b|to\b)/gi;

interface SideOfCondition extends SideStatement {
  /** The statement names the condition itself (a restatement of the diagnosis), not a sign of it. */
  namesCondition: boolean;
  /** The statement reports a procedure done today at the site (procedure-done.ts). */
  procedureDone: boolean;
}

/**
 * The statements of the record giving a side of the mention's condition today: at its site (a word
 * of the mention or a region that meets its region) and about it (aboutTheCondition).
 */
function sidesOfCondition(run: CodingRun, m: Mention): SideOfCondition[] {
  const key = keyWords(run, m);
  const own = conditionWords([...key], run.codeSets.icd);
  const regions = regionsOf(expandAbbreviations(m.text));
  const out: SideOfCondition[] = [];
  for (const { part, ...s } of sideSources(run)) {
    const procedureDone = saysProcedureDone({ ...s, ...(part ? { part } : {}) });
    const today = clausesOfToday(s.text, procedureDone);
    if (today === '') continue;
    const tokens = tokenize(expandAbbreviations(today.replace(LEFT_AS_VERB, ' ').replace(NOT_THE_BODY_SIDE, ' ')));
    const side = lateralityOf(tokens);
    if (!side) continue;
    const atSite = tokens.some((t) => key.has(t)) || regionsClose(regions, regionsOf(expandAbbreviations(s.text)));
    // What a procedure did ("drained", "aspiration", "repair") is no condition the statement names.
    const about = procedureDone ? tokenize(expandAbbreviations(withoutProcedureWords(today))) : tokens;
    if (atSite && aboutTheCondition(run, key, procedureDone ? withoutProcedureWords(s.text) : s.text, about))
      out.push({ side, ...s, namesCondition: tokens.some((t) => own.has(t)), procedureDone });
  }
  return out;
}

const HALF = 0.5;
const NEOPLASM_WORDS = /\b(neoplasm|carcinoma|cancer|malignan\w*|tumou?r|sarcoma|lymphoma|melanoma|adenoma)\b/i;

/** Parts of one hand or one foot: a side stated for one is the side of the others (wrist and hand). */
const DISTAL: ReadonlyArray<ReadonlySet<Region>> = [new Set(['hand', 'wrist', 'finger']), new Set(['foot', 'ankle', 'toe', 'heel'])];

function regionsClose(a: ReadonlySet<Region>, b: ReadonlySet<Region>): boolean {
  if (regionsMeet(a, b)) return true;
  return DISTAL.some((group) => [...a].some((x) => group.has(x)) && [...b].some((y) => group.has(y)));
}

/**
 * A side belongs to the condition it is written with: a statement at the same site is about the
 * mention's condition when it names that condition, nothing else, or only a complaint (pain,
 * numbness, effusion: a sign of the condition). A statement naming another disease ("left breast
 * cyst" beside a right breast carcinoma) gives that disease's side.
 */
function aboutTheCondition(run: CodingRun, key: ReadonlySet<string>, text: string, tokens: readonly string[]): boolean {
  const icd = run.codeSets.icd;
  const own = conditionWords([...key], icd);
  if (tokens.some((t) => own.has(t))) return true;
  const other = [...conditionWords(tokens, icd)].filter((t) => !key.has(t) && (icd.idf.get(t) ?? 0) >= 3.5);
  if (other.length === 0) return true;
  const top = rank(run, { tokens: other }, '', () => true)[0];
  // Another disease only when its code's title is mostly what the statement says (not "night" of night blindness).
  return top === undefined || isComplaintCode(icd, top.code) || titleShare(top.matchedText, text) <= HALF;
}

/**
 * A side that is not the side of the body a condition is coded by: a cerebral artery or hemisphere
 * ("right MCA territory" is the brain lesion of a left hemiparesis) and handedness ("right-handed",
 * which tells the dominant side, dominance.ts).
 */
const NOT_THE_BODY_SIDE =
  /\b(left|right|l|r)[- ](mca|aca|pca|middle cerebral|anterior cerebral|posterior cerebral|cerebral|cerebellar|hemispher\w*|internal capsule|basal ganglia|thalam\w*|frontal|parietal|temporal|occipital|pontine|corona radiata|brain)\b|\b(left|right)[- ]hand(ed|edness| dominant)\b/gi;

/** Sides inside an organ ("left ventricular", "right heart", "left bundle branch") are not laterality. */
const ORGAN_SIDE =
  /\b(left|right)[- ](ventric\w*|heart|atri\w*|bundle|sided heart|main coronary|coronary|anterior descending|circumflex|colon|hemicolectomy|lobe)\b/gi;

/**
 * The sides the documentation could be coded to: for each side, the best code once that side is
 * added must carry that side, stay in the same category and fit nearly as well.
 */
export function sidesInFamily(run: CodingRun, q: SearchQuery, top: SearchHit, context: string): string[] {
  if (!codedBySide(run.codeSets.icd, top.code)) return [];
  const category = top.code.slice(0, 3);
  const sides: string[] = [];
  for (const side of LATERALITY_WORDS) {
    const sided: SearchQuery = { ...q, tokens: [...q.tokens, side], laterality: side };
    const best = rank(run, sided, context, (c) => c.startsWith(category), [category])[0];
    if (best && best.score >= 0.85 && lateralityOf(tokenize(best.description.replace(ORGAN_SIDE, ' '))) === side) sides.push(side);
  }
  return sides;
}

/** The side a code's title names (a side inside an organ, "left ventricular", is none). */
export const sideOf = (description: string) => lateralityOf(tokenize(description.replace(ORGAN_SIDE, ' ')));

/**
 * Whether the side changes this code: the code names a side, or a code beside it (same parent in the
 * tabular, the 7th character set aside) does. "Unspecified cataract" (H26.9) has no sided sibling, so
 * the side of a cataract NOS changes nothing; "carpal tunnel syndrome, unspecified upper limb" does.
 */
export function codedBySide(icd: Icd10Cm, code: string): boolean {
  let i = icd.byCode.get(code);
  let entry = i === undefined ? undefined : icd.entries[i];
  if (entry && isExtension(icd.entries, entry)) {
    i = entry.parent;
    entry = icd.entries[i];
  }
  if (!entry || i === undefined) return false;
  if (sideOf(entry.description)) return true;
  return (icd.children.get(entry.parent) ?? []).some((k) => k !== i && sideOf(icd.entries[k]?.description ?? '') !== undefined);
}

/** The closest code of the same family (subcategory first, then category) that names no side. */
export function unspecifiedSide(run: CodingRun, m: Mention, q: SearchQuery, top: SearchHit, context: string): SearchHit | undefined {
  if (!sideOf(top.description)) return undefined;
  const filter = searchFilter(m);
  for (const len of [top.code.length - 1, 5, 4, 3]) {
    if (len < 3 || len >= top.code.length) continue;
    const prefix = top.code.slice(0, len);
    const hits = rank(run, { ...q, tokens: [...q.tokens, 'unspecified'] }, context, (c) => c.startsWith(prefix) && filter(c), [
      prefix.slice(0, 3),
    ]);
    const found = hits.find((h) => !sideOf(h.description) && h.score >= 0.5);
    if (found) return found;
  }
  return undefined;
}

/**
 * Step: the diagnosis states one side and the rest of the record (exam, imaging, procedure) the
 * other. The physician is asked; until answered the side is left unspecified.
 */
export function checkSideConflict(run: CodingRun, work: MentionWork): void {
  const m = work.mention;
  const ownSide = buildQuery(queryText(m, [])).laterality;
  if (!ownSide || ownSide === 'bilateral' || m.assertion !== 'affirmed') return;
  const sides = sidesInRecord(run, m);
  // Both sides of the site described elsewhere: which one the diagnosis means is read, not settled.
  if (sides.size > 1 && [...sides.keys()].some((s) => s !== ownSide))
    work.inferred.push('the record also describes the other side of the site');
  // A statement about the condition giving the other side (HPI or exam one side, the assessment the
  // other) is a conflict, unless it names another finding while a description of the condition
  // (not a restatement of the diagnosis) gives the diagnosis's own side ("right upper lobe mass"
  // beside "left lung nodule": the nodule is another lesion).
  const statements = sidesOfCondition(run, m);
  const otherSide = (s: SideOfCondition) => s.side !== ownSide && s.side !== 'bilateral';
  // A procedure done today on the other side of the site ("left knee injected", "lesion excised
  // from left forearm"), with none on the diagnosis's side, is where the condition was treated: it
  // is asked whatever the findings say, for a tumour too.
  const treated = statements.some((s) => s.procedureDone && s.side === ownSide)
    ? undefined
    : statements.find((s) => s.procedureDone && otherSide(s));
  // A procedure on the other side while the condition's own statements (assessment, exam, imaging,
  // a procedure statement naming the condition: "right forearm laceration repaired") give its side
  // one way only: the procedure's side is what the record disagrees about, so that is
  // asked, by procedure-side-conflict.ts once the condition is coded (a code without a side has no
  // side of its own to weigh), and the condition keeps its documented side. Only a condition whose
  // own side is stated two ways becomes unspecified (below).
  if (treated && !statements.some((s) => (!s.procedureDone || s.namesCondition) && otherSide(s))) return;
  const other = treated ?? statements.find(otherSide);
  if (!other) return;
  const ownDescribed = statements.some((s) => s.side === ownSide && !s.namesCondition);
  // Both sides described with findings: another lesion, or the condition on both sides; a coder reads which.
  if (!treated && ownDescribed && !other.namesCondition) {
    work.inferred.push(`the record describes the ${other.side} side too ("${other.text}")`);
    return;
  }
  // Another diagnosis line of the same site on the other side ("mild NPDR OS" beside "severe NPDR
  // OD"): the statement is about that line's side, each side its own condition.
  if (otherLineOnSide(run, m, other.side)) return;
  // A tumour's side is the side of the statements naming it: a finding on the other side (a nodule,
  // a cyst, pain) is another lesion or a complaint, not a second side of the tumour.
  if (!treated && NEOPLASM_WORDS.test(expandAbbreviations(m.text)) && !other.namesCondition) return;
  const conflict: ClarificationIssue = {
    kind: 'laterality',
    question: sideConflictQuestion(m.original, other.text),
    clinicalIndicators: [
      `${m.section === 'diagnoses' ? 'Diagnosis' : 'Note'}: "${m.original}"`,
      `${other.section === 'notes' ? 'Note' : 'Procedure'}: "${other.text}"`,
    ],
    options: [ownSide, other.side].map((s) => ({ label: s[0]?.toUpperCase() + s.slice(1), refine: s })),
    reason: `Conflicting documentation: the diagnosis states the ${ownSide} side, the ${other.section} the ${other.side} side.`,
  };
  const resolution = resolutionFor(conflict, run.input.answers);
  const chosen = resolution?.kind === 'option' ? resolution.option.refine : undefined;
  const unsided = m.text
    .replace(/\b(right|left|rt|lt|r|l)\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (chosen) {
    // The answered side is added to the record's words (as other steps' details are), so the
    // diagnosis line's own wording, which names the other side, no longer codes it.
    work.mention = { ...m, text: unsided };
    work.extra.push(chosen);
    work.evidence.push({ section: m.section, text: `Physician answer: ${chosen}` });
  } else {
    work.mention = { ...m, text: unsided };
    if (!resolution) work.sideConflict = conflict;
  }
  work.evidence.push({ section: other.section, text: other.text });
}

/** A diagnosis line other than the mention's that states `side` at the mention's site. */
function otherLineOnSide(run: CodingRun, m: Mention, side: string): boolean {
  const key = keyWords(run, m);
  return run.input.documentation.diagnoses.some((d) => {
    if (d.description === m.original) return false;
    const tokens = tokenize(expandAbbreviations(d.description));
    return lateralityOf(tokens) === side && tokens.some((t) => key.has(t));
  });
}

/**
 * Step: the side stated elsewhere in the record about the same body site, when the mention states none.
 * A side read from another statement only chooses among the sides of the family the mention's own
 * words code to: a condition coded without a side ("HTN", I10) does not become another family's
 * sided code ("ocular hypertension, right eye") because a "right ankle" shares its statement.
 */
export function addSideFromRecord(run: CodingRun, work: MentionWork): void {
  const query = buildQuery(queryText(work.mention, work.extra));
  if (query.laterality || work.sideConflict) return;
  const side = lateralityFromRecord(run, work.mention);
  if (!side) return;
  const unsided = rank(run, query, work.mention.text, searchFilter(work.mention))[0];
  if (unsided && !codedBySide(run.codeSets.icd, unsided.code)) return;
  work.extra.push(side.side);
  work.evidence.push({ section: side.section, text: side.text });
  work.notesDone.push(`side "${side.side}" from ${side.section}`);
  work.inferred.push(`side from ${side.section}`);
}
