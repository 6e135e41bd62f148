/**
 * codeEncounter: from the documentation to ranked ICD-10-CM diagnoses, catalog procedures, edits and,
 * when the record is ambiguous, one compliant physician query. Pure and deterministic.
 */
import type {
  CodeCandidate, CodedDiagnosis, CodedProcedure, CodingInput, CodingResult, EditFinding, RecordSection,
} from '../domain/coding.ts';
import type { CodeSets } from './code-sets.ts';
import { COMBINATION_RULES } from './combinations.ts';
import { citedPatterns, documentedAdditionalCodes, type RecordStatement } from './additional.ts';
import { clausesOf, diagnosisMentions, noteMentions, type Mention } from './context.ts';
import { runEdits } from './edits.ts';
import { EntryKind, isBillable, matchesPattern, normalizeIcdCode, notesFor } from './icd10cm.ts';
import { matchProcedure, procedureTokens } from './procedures.ts';
import { pregnancyStatus, refinePregnancyCode } from './pregnancy.ts';
import {
  confirmQuestion, conflictQuestion, diagnosisQuestion, lateralityQuestion, resolutionFor, sideConflictQuestion, specificityQuestion, toDraft,
  type QueryIssue,
} from './query.ts';
import { buildQuery, mostSpecificBillable, searchIcd, useAdditionalFilter, type SearchHit, type SearchQuery } from './search.ts';
import { SPECIFICITY_RULES, type SpecificityRule } from './specificity.ts';
import { coreTokens, expandAbbreviations, expandWithGroups, isNeutral, lateralityOf, LATERALITY_WORDS, tokenize } from './text.ts';

/** Below this confidence the physician is asked. */
export const LOW_CONFIDENCE = 0.55;
/** Two codes of equal specificity closer than this are "competing". */
export const COMPETING_MARGIN = 0.015;
/** A match at least this good is not queried for a tie. */
const STRONG_MATCH = 0.8;
const SECTION_WEIGHT: Record<RecordSection, number> = { diagnoses: 1, notes: 0.85, procedures: 0.8, testResults: 0.7 };
const INPATIENT = '21';
/** Words that choose a 7th character (encounter, healing) rather than name a condition. */
const ENCOUNTER_WORDS = new Set(['initial', 'subsequent', 'encounter', 'routine', 'healing', 'delayed', 'sequela', 'closed', 'open', 'nonunion', 'malunion']);
/** Words rarer than this (inverse document frequency) carry meaning; commoner ones ("right", "other") do not. */
const TRIVIAL_IDF = 3;

interface DiagnosisDraft extends CodedDiagnosis {
  order: number;
}

interface Context {
  input: CodingInput;
  codeSets: CodeSets;
  notes: Mention[];
  issues: QueryIssue[];
  /** Codes the record's context allows (pregnancy and newborn codes only with that context). */
  allowed: (code: string) => boolean;
}

/**
 * A hit found for words left over from a better match (or for a bare symptom phrase) stands only
 * when more than one meaningful documented word supports it, or when the record explains the whole
 * core of the text it matched: one shared word ("peripheral", "following") is not a diagnosis.
 */
export function wellSupported(icd: CodeSets['icd'], hit: SearchHit, queryTokens: readonly string[], groups: readonly string[][] = []): boolean {
  const strong = hit.matched.filter((t) => !isNeutral(t) && !(LATERALITY_WORDS as readonly string[]).includes(t) &&
    !ENCOUNTER_WORDS.has(t) && (icd.idf.get(t) ?? 0) >= TRIVIAL_IDF);
  // The words one expansion produced count once ("following surgery" is one qualifier).
  const units = new Set(strong.map((t) => {
    const g = groups.findIndex((grp) => grp.includes(t));
    return g >= 0 ? `#${g}` : t;
  }));
  if (units.size >= 2) return true;
  const q = new Set(queryTokens);
  const core = coreTokens(hit.matchedText);
  return core.length > 0 && core.every((t) => q.has(t));
}

const PREGNANCY_CONTEXT = /\b(pregnan\w*|gestation\w*|prenatal|antenatal|antepartum|postpartum|puerper\w*|obstetric\w*|trimester|intrauterine pregnancy|iup|childbirth|labou?r and delivery|delivery|delivered|c-section|cesarean|caesarean|miscarriage|abortion|ectopic|g\d+\s*p\d+|\d+\s*(weeks?|wks?)\s*(pregnant|gestation|ega|ga)|lmp|edd|fetal|fetus)\b/i;
const NEWBORN_CONTEXT = /\b(newborn|neonat\w*|perinatal|birth weight|preterm|premature infant|nicu|born at|infant of (a )?(diabetic )?mother|liveborn|\d+\s*(days?|hours?)\s*old)\b/i;
/** An injury: what happened to the body, or the event that did it. */
const INJURY_CONTEXT = /\b(injur\w*|fractur\w*|sprain\w*|strain\w*|lacerat\w*|contusion\w*|bruis\w*|abrasion\w*|wounds?|burn(s|ed|t)?|scald\w*|bites?|bitten|stings?|stung|dislocat\w*|subluxation|trauma\w*|fell|falls?|fallen|falling|tripped|slipped|struck|hit|twist\w*|rolled|crush\w*|puncture\w*|foreign body|concussion|frostbite|avulsion|amputat\w*|blunt|penetrating|gunshot|shot by|stab\w*|assault\w*|accident\w*|mva|mvc|collision|crash\w*|tear|torn|rupture\w*|cut|cuts|caught|jammed|impact)\b/i;
/** A poisoning, adverse effect or underdosing of a drug or substance. */
const POISONING_CONTEXT = /\b(poison\w*|overdos\w*|toxic\w*|intoxicat\w*|ingest\w*|underdos\w*|adverse (effect|reaction|event)s?|side[- ]effects?|reaction to|took too (much|many)|missed (his |her |their )?(doses?|medications?|pills?)|ran out|not taking|stopped taking|unable to afford|non-?complian\w*|non-?adheren\w*|exposure to|exposed to|envenomat\w*|venom\w*|bites?|stings?|stung|carbon monoxide|fumes|swallowed)\b/i;
/** Effects of external causes (heat, cold, pressure, drowning, lightning, abuse, allergy). */
const ENVIRONMENT_CONTEXT = /\b(heat|hot (weather|car|environment)|sun\w*|cold exposure|exposure|hypotherm\w*|frostbite|chilblains?|immersion|lightning|drown\w*|submersion|altitude|barotrauma|decompression|diving|flying|asphyx\w*|suffocat\w*|strangulat\w*|chok\w*|abuse\w*|neglect\w*|maltreat\w*|battered|allerg\w*|anaphyla\w*|angioedema|electr\w*|radiation|motion sickness|starvation|dehydration due to|thirst|exhaustion|vibration)\b/i;
/**
 * Pregnancy (O00-O9A, Z3A, Z33-Z39) and perinatal (P00-P96, Z38) codes need that context in the
 * record; so do injuries (S00-T34, T79), poisonings and underdosing (T36-T65), effects of external
 * causes (T66-T78) and external causes (V00-Y99): a word they share with the record ("shot",
 * "pressure", "chronic") is not an injury or an event.
 */
function contextFilter(input: CodingInput): (code: string) => boolean {
  const doc = input.documentation;
  const text = [doc.notes, ...doc.diagnoses.map((d) => d.description)].join(' \n ');
  const pregnancy = input.patient.sex !== 'M' && PREGNANCY_CONTEXT.test(text);
  const newborn = input.patient.ageYears < 1 || NEWBORN_CONTEXT.test(text);
  const injury = INJURY_CONTEXT.test(text);
  const poisoning = POISONING_CONTEXT.test(text);
  const environment = ENVIRONMENT_CONTEXT.test(text);
  return (code) => {
    const c0 = code.charCodeAt(0);
    if (c0 === 79 /* O */ || /^Z3[3-79A]/.test(code)) return pregnancy;
    if (c0 === 80 /* P */ || code.startsWith('Z38')) return newborn;
    if (c0 === 83 /* S */) return injury;
    if (c0 === 84 /* T */) {
      const n = Number(code.slice(1, 3));
      if (n <= 34 || n === 79) return injury;
      if (n >= 36 && n <= 65) return poisoning;
      if (n >= 66 && n <= 78) return environment || injury;
      return true;
    }
    if (c0 >= 86 /* V */ && c0 <= 89 /* Y */) return injury || poisoning || environment;
    return true;
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function indicatorsFor(ctx: Context, m: Mention): string[] {
  const q = new Set(tokenize(expandAbbreviations(m.text)).filter((t) => (ctx.codeSets.icd.idf.get(t) ?? 0) >= 3.5));
  const out = [`${m.section === 'diagnoses' ? 'Diagnosis' : 'Note'}: "${m.original}"`];
  for (const n of ctx.notes) {
    if (n.original === m.original || out.length >= 4) continue;
    if (tokenize(expandAbbreviations(n.original)).some((t) => q.has(t))) out.push(`Note: "${n.original}"`);
  }
  for (const t of ctx.input.documentation.testResults) {
    if (t.flag && t.flag !== 'N' && out.length < 6) out.push(`Result: ${t.name} ${t.value}${t.unit ? ` ${t.unit}` : ''} (${t.flag})`);
  }
  return [...new Set(out)];
}

/** Laterality stated elsewhere in the record about the same body site (notes, procedures). */
function lateralityFromRecord(ctx: Context, m: Mention): { side: string; text: string; section: RecordSection } | undefined {
  const key = new Set(tokenize(expandAbbreviations(m.text)).filter((t) => (ctx.codeSets.icd.idf.get(t) ?? 0) >= 3.5 && !(LATERALITY_WORDS as readonly string[]).includes(t)));
  const sources: Array<{ text: string; section: RecordSection }> = [
    ...ctx.notes.filter((n) => n.assertion === 'affirmed').map((n) => ({ text: n.text, section: 'notes' as const })),
    ...ctx.input.documentation.procedures.map((p) => ({ text: p.description, section: 'procedures' as const })),
  ];
  const found = new Map<string, { text: string; section: RecordSection }>();
  for (const s of sources) {
    const tokens = tokenize(expandAbbreviations(s.text));
    const side = lateralityOf(tokens);
    if (side && tokens.some((t) => key.has(t))) found.set(side, s);
  }
  if (found.size !== 1) return undefined;
  const [side, src] = [...found.entries()][0] ?? [];
  return side && src ? { side, ...src } : undefined;
}

/**
 * The sides the documentation could be coded to: for each side, the best code once that side is
 * added must carry that side, stay in the same category and fit nearly as well.
 */
/** Sides inside an organ ("left ventricular", "right heart", "left bundle branch") are not laterality. */
const ORGAN_SIDE = /\b(left|right)[- ](ventric\w*|heart|atri\w*|bundle|sided heart|main coronary|coronary|colon|hemicolectomy|lobe)\b/gi;

function sidesInFamily(ctx: Context, q: SearchQuery, top: SearchHit, context: string): string[] {
  const category = top.code.slice(0, 3);
  const sides: string[] = [];
  for (const side of LATERALITY_WORDS) {
    const sided: SearchQuery = { ...q, tokens: [...q.tokens, side], laterality: side };
    const best = rank(ctx, sided, context, (c) => c.startsWith(category))[0];
    if (best && best.score >= 0.85 && lateralityOf(tokenize(best.description.replace(ORGAN_SIDE, ' '))) === side) sides.push(side);
  }
  return sides;
}

const sideOf = (description: string) => lateralityOf(tokenize(description.replace(ORGAN_SIDE, ' ')));

/** The closest code of the same family (subcategory first, then category) that names no side. */
function unspecifiedSide(ctx: Context, m: Mention, q: SearchQuery, top: SearchHit, context: string): SearchHit | undefined {
  if (!sideOf(top.description)) return undefined;
  const filter = searchFilter(m);
  for (const len of [top.code.length - 1, 5, 4, 3]) {
    if (len < 3 || len >= top.code.length) continue;
    const prefix = top.code.slice(0, len);
    const hits = rank(ctx, { ...q, tokens: [...q.tokens, 'unspecified'] }, context, (c) => c.startsWith(prefix) && filter(c));
    const found = hits.find((h) => !sideOf(h.description) && h.score >= 0.5);
    if (found) return found;
  }
  return undefined;
}

function candidate(hit: SearchHit, confidence: number, rationale: string, evidence: CodeCandidate['evidence']): CodeCandidate {
  return { system: 'ICD-10-CM', code: hit.code, description: hit.description, confidence: round(confidence), rationale, evidence };
}

/**
 * Status, history and score codes that one shared word must not bring in: each needs its own
 * support in the documented text (an amputation for Z89, a malignancy for Z85, the scale's name for
 * a stroke-scale or coma-scale score, "BMI" for a body mass index code).
 */
const NEEDS_SUPPORT: Array<[RegExp, RegExp]> = [
  [/^Z89/, /\b(amputat\w*|absen(ce|t)|missing|loss of|lost|disarticulat\w*|stump|removed)\b/i],
  [/^Z90/, /\b(\w+ectomy|absen(ce|t)|missing|removed|removal|resect\w*)\b/i],
  [/^Z85/, /\b(malignan\w*|cancer|carcinoma|neoplasm|tumou?r|lymphoma|leuka?emia|melanoma|sarcoma|myeloma|\w*blastoma|metasta\w*|seminoma|mesothelioma)\b/i],
  [/^Z02\.84/, /\bchild welfare\b/i],
  [/^R29\.7/, /\b(nihss|stroke scale)\b/i],
  [/^R40\.2[0-4]/, /\b(coma scale|gcs|glasgow)\b/i],
  [/^Z68/, /\b(bmi|body mass)\b/i],
];

function supportFilter(m: Mention): (code: string) => boolean {
  const text = `${m.original} ${expandAbbreviations(m.text)}`;
  const blocked = NEEDS_SUPPORT.filter(([, support]) => !support.test(text)).map(([code]) => code);
  return (c) => !blocked.some((re) => re.test(c));
}

function historyFilter(m: Mention): ((code: string) => boolean) | undefined {
  if (m.assertion === 'personal-history') return (c) => matchesPattern(c, 'Z85..Z88') || c.startsWith('Z91') || c.startsWith('Z92');
  if (m.assertion === 'family-history') return (c) => matchesPattern(c, 'Z80..Z84');
  // An affirmed, current condition is not a history code ("gestational diabetes" is not Z86.32).
  if (m.assertion === 'affirmed' && !/\bhistory\b/.test(expandAbbreviations(m.text))) return (c) => c.charCodeAt(0) !== 90 /* Z */ || !(/^Z8[0-7]|^Z92/.test(c));
  return undefined;
}

function searchFilter(m: Mention): (code: string) => boolean {
  const history = historyFilter(m);
  const support = supportFilter(m);
  return history ? (c) => history(c) && support(c) : support;
}

function queryText(m: Mention, extra: string[]): string {
  const prefix = m.assertion === 'personal-history' ? 'personal history ' : m.assertion === 'family-history' ? 'family history ' : '';
  return `${prefix}${m.text} ${extra.join(' ')}`.trim();
}

/** Ranked, resolved-to-billable hits for a query. */
function rank(ctx: Context, q: SearchQuery, context: string, filter?: (c: string) => boolean): SearchHit[] {
  const allowed = filter ? (c: string) => ctx.allowed(c) && filter(c) : ctx.allowed;
  const opts = { limit: 8, filter: allowed };
  const hits = searchIcd(ctx.codeSets.icd, q, opts);
  const out: SearchHit[] = [];
  for (const h of hits) {
    // A bare number ("42", "2") is not evidence for a code: some documented word must match too.
    if (!h.matched.some((t) => !/^\d/.test(t) && !isNeutral(t))) continue;
    const r = mostSpecificBillable(ctx.codeSets.icd, h, q, context);
    if (!out.some((o) => o.code === r.code)) out.push(r);
  }
  return out.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
}

/** Another affirmed statement of the record that names the same condition with the detail a rule asks for. */
function detailElsewhere(ctx: Context, m: Mention, rule: SpecificityRule): { detail: string; section: RecordSection; text: string } | undefined {
  const statements: Array<{ section: RecordSection; text: string; original: string }> = [
    ...diagnosisMentions(ctx.input.documentation.diagnoses).filter((d) => d.assertion === 'affirmed'),
    ...ctx.notes.filter((n) => n.assertion === 'affirmed'),
  ].map((s) => ({ section: s.section, text: s.text, original: s.original }));
  for (const s of statements) {
    if (s.original === m.original) continue;
    const text = expandAbbreviations(s.text);
    if (!rule.mentions.test(text) || !rule.unlessAlso.test(text)) continue;
    const detail = rule.detail.exec(text)?.[0];
    if (detail) return { detail, section: s.section, text: s.original };
  }
  return undefined;
}

/** Clauses of the notes about the same condition: they share a meaningful word with the mention. */
function relatedClauses(ctx: Context, m: Mention): string[] {
  const icd = ctx.codeSets.icd;
  const key = new Set(tokenize(expandAbbreviations(m.text)).filter((t) => (icd.idf.get(t) ?? 0) >= TRIVIAL_IDF &&
    !(LATERALITY_WORDS as readonly string[]).includes(t) && !ENCOUNTER_WORDS.has(t) && !isNeutral(t)));
  const out: string[] = [];
  for (const n of ctx.notes) {
    if (out.includes(n.original)) continue;
    if (tokenize(expandAbbreviations(n.original)).some((t) => key.has(t))) out.push(n.original);
  }
  return out;
}

/** Codes one mention; may add issues. Returns zero, one or two diagnoses (two when the text names two conditions). */
function codeMention(ctx: Context, m: Mention, order: number): DiagnosisDraft[] {
  m = { ...m };
  const icd = ctx.codeSets.icd;
  const weight = SECTION_WEIGHT[m.section];
  const evidence: CodeCandidate['evidence'] = [{ section: m.section, text: m.original }];
  const extra: string[] = [];
  const notesDone: string[] = [];

  // The physician's own code, when it is a valid billable code.
  if (m.documentedCode) {
    const code = normalizeIcdCode(m.documentedCode);
    if (isBillable(icd, code)) {
      const i = icd.byCode.get(code) as number;
      const description = icd.entries[i]?.description ?? '';
      return [{
        system: 'ICD-10-CM', code, description, confidence: 0.95, order, alternatives: [], evidence,
        rationale: `Code ${code} documented by the physician with "${m.original}" (diagnoses); validated as billable in ${icd.release}.`,
      }];
    }
  }

  // The diagnosis states one side and the rest of the record (exam, imaging, procedure) the other:
  // the physician is asked; until answered the side is left unspecified.
  let sideConflict: QueryIssue | undefined;
  const ownSide = buildQuery(queryText(m, [])).laterality;
  if (ownSide && ownSide !== 'bilateral' && m.assertion === 'affirmed') {
    const other = lateralityFromRecord(ctx, m);
    if (other && other.side !== 'bilateral' && other.side !== ownSide) {
      const conflict: QueryIssue = {
        kind: 'laterality', question: sideConflictQuestion(m.original, other.text),
        clinicalIndicators: [`${m.section === 'diagnoses' ? 'Diagnosis' : 'Note'}: "${m.original}"`, `${other.section === 'notes' ? 'Note' : 'Procedure'}: "${other.text}"`],
        options: [ownSide, other.side].map((s) => ({ label: s[0]?.toUpperCase() + s.slice(1), refine: s })),
        reason: `Conflicting documentation: the diagnosis states the ${ownSide} side, the ${other.section} the ${other.side} side.`,
      };
      const resolution = resolutionFor(conflict, ctx.input.answers);
      const chosen = resolution?.kind === 'option' ? resolution.option.refine : undefined;
      const unsided = m.text.replace(/\b(right|left|rt|lt|r|l)\b/gi, ' ').replace(/\s+/g, ' ').trim();
      if (chosen) {
        m = { ...m, text: `${unsided} ${chosen}` };
        evidence.push({ section: m.section, text: `Physician answer: ${chosen}` });
      } else {
        m = { ...m, text: unsided };
        if (!resolution) sideConflict = conflict;
      }
      evidence.push({ section: other.section, text: other.text });
    }
  }

  // Laterality stated elsewhere in the record.
  let query = buildQuery(queryText(m, extra));
  if (!query.laterality && !sideConflict) {
    const side = lateralityFromRecord(ctx, m);
    if (side) {
      extra.push(side.side);
      evidence.push({ section: side.section, text: side.text });
      notesDone.push(`side "${side.side}" from ${side.section}`);
    }
  }

  // A detail the classification needs (type, stage) stated by another statement about the same condition.
  const statedElsewhere = new Set<string>();
  for (const rule of SPECIFICITY_RULES) {
    const own = expandAbbreviations(queryText(m, extra));
    if (!rule.mentions.test(own) || rule.unlessAlso.test(own)) continue;
    const found = detailElsewhere(ctx, m, rule);
    if (!found) continue;
    evidence.push({ section: found.section, text: found.text });
    if (found.section === 'diagnoses') {
      // Another diagnosis line states it and is coded on its own: nothing to ask, nothing to add here.
      statedElsewhere.add(rule.aspect);
      notesDone.push(`${rule.aspect} stated by another diagnosis ("${found.text}")`);
    } else {
      extra.push(found.detail);
      notesDone.push(`${rule.aspect} ("${found.detail}") documented in ${found.section} ("${found.text}")`);
    }
  }

  // What the rest of the record says about this condition (encounter phase for the 7th character).
  const related = relatedClauses(ctx, m);
  const phaseContext = () => [`${m.text} ${extra.join(' ')}`, ...related].join('\n');

  // Answers already given refine the text; each refinement may be followed by another question.
  const answered = new Set<string>();
  // While a side conflict is open, the plain side question is not asked as well.
  if (sideConflict) answered.add(lateralityQuestion(m.original));
  let hits: SearchHit[] = [];
  let issue: QueryIssue | undefined;
  for (let round_ = 0; round_ < 4; round_++) {
    query = buildQuery(queryText(m, extra));
    const documented = m.documentedCode ? normalizeIcdCode(m.documentedCode) : undefined;
    const headerFilter = documented && icd.byCode.has(documented) ? (c: string) => c.startsWith(documented) : undefined;
    hits = rank(ctx, query, phaseContext(), headerFilter ?? searchFilter(m));
    issue = issueFor(ctx, m, query, hits, answered, extra, statedElsewhere);
    if (!issue) break;
    const resolution = resolutionFor(issue, ctx.input.answers);
    if (!resolution) {
      if (issue.defaultRefine) {
        // Code the classification's default while the question is open (e.g. diabetes NOS: type 2).
        query = buildQuery(queryText(m, [...extra, issue.defaultRefine]));
        hits = rank(ctx, query, phaseContext(), searchFilter(m));
        notesDone.push(`${issue.defaultRefine} assumed by the classification's default until the physician answers`);
      }
      break;
    }
    answered.add(issue.question);
    evidence.push({ section: m.section, text: `Physician answer: ${resolution.kind === 'option' ? resolution.option.label : resolution.kind === 'free-text' ? resolution.text : 'clinically undetermined'}` });
    if (resolution.kind === 'option' && resolution.option.code) {
      const chosen = hits.find((h) => h.code === resolution.option.code);
      if (chosen) hits = [chosen, ...hits.filter((h) => h !== chosen)];
      issue = undefined;
      break;
    }
    if (resolution.kind === 'option' && resolution.option.refine) extra.push(resolution.option.refine);
    else if (resolution.kind === 'free-text') extra.push(resolution.text);
    issue = undefined;
    if (resolution.kind === 'undetermined') {
      hits = rank(ctx, query, [m.text, ...related].join('\n'), searchFilter(m));
      break;
    }
  }
  if (sideConflict) issue = sideConflict;
  if (issue) ctx.issues.push({ ...issue, order });

  // While the side is asked, the code is the family's unspecified-side code, not one of the sides.
  if (issue?.kind === 'laterality' && !query.laterality && hits[0]) {
    const unsided = unspecifiedSide(ctx, m, query, hits[0], phaseContext());
    if (unsided) {
      hits = [unsided, ...hits.filter((h) => h.code !== unsided.code)];
      notesDone.push(`side not documented: unspecified-side code ${unsided.code} until the physician answers`);
    }
  }

  const top = hits[0];
  if (!top) return [];
  const confidence = Math.min(1, top.score) * weight;
  const alternatives = hits.slice(1, 4).map((h) => candidate(h, Math.min(1, h.score) * weight, `Also matched "${h.matched.join(' ')}" (${h.matchedText}).`, evidence));
  const assertionNote = m.assertion === 'personal-history' ? ' Documented as history: personal-history code, not the active condition.'
    : m.assertion === 'family-history' ? ' Documented as family history.' : '';
  const drafts: DiagnosisDraft[] = [{
    system: 'ICD-10-CM', code: top.code, description: top.description, confidence: round(confidence), order, alternatives, evidence: [...evidence],
    rationale: `Matched "${top.matched.join(' ')}" in ${m.section} ("${m.original}") to "${top.matchedText}"${notesDone.length ? `; ${notesDone.join('; ')}` : ''}; most specific billable code the documentation supports.${assertionNote}`,
  }];

  // A second condition named in the same text ("diabetes with CKD stage 3a").
  const covered = new Set([...top.matched, ...tokenize(top.description)]);
  // Words one documented word expanded to ("colon": "colon large intestine") are consumed together.
  const groups = expandWithGroups(queryText(m, extra)).groups;
  for (const g of groups) if (g.some((t) => covered.has(t))) for (const t of g) covered.add(t);
  const rest = query.tokens.filter((t) => !covered.has(t) && !(LATERALITY_WORDS as readonly string[]).includes(t) && !ENCOUNTER_WORDS.has(t));
  const total = query.tokens.reduce((s, t) => s + (icd.idf.get(t) ?? 0), 0);
  const restWeight = rest.reduce((s, t) => s + (icd.idf.get(t) ?? 0), 0);
  if (rest.length > 0 && total > 0 && restWeight / total >= 0.2) {
    const q2: SearchQuery = query.laterality ? { tokens: [...rest, query.laterality], laterality: query.laterality } : { tokens: rest };
    const second = rank(ctx, q2, m.text, searchFilter(m))[0];
    if (second && second.score >= 0.75 && second.code.slice(0, 3) !== top.code.slice(0, 3) && wellSupported(icd, second, rest, groups)) {
      drafts.push({
        system: 'ICD-10-CM', code: second.code, description: second.description, confidence: round(second.score * weight * 0.95), order: order + 0.5,
        alternatives: [], evidence: [...evidence],
        rationale: `The same documentation ("${m.original}") also names "${second.matched.join(' ')}", coded separately as "${second.matchedText}".`,
      });
    }
  }
  return drafts;
}

/** The whole record as text (notes, diagnoses, test results) for indicator checks. */
function recordText(ctx: Context): string {
  const doc = ctx.input.documentation;
  return [doc.notes, ...doc.diagnoses.map((d) => d.description), ...doc.testResults.map((t) => `${t.name} ${t.value} ${t.flag ?? ''}`)].join(' \n ');
}

function issueFor(ctx: Context, m: Mention, q: SearchQuery, hits: SearchHit[], answered: Set<string>, extra: string[], statedElsewhere: ReadonlySet<string> = new Set()): QueryIssue | undefined {
  const top = hits[0];
  const fullText = `${m.text} ${extra.join(' ')}`;
  const open = (issue: QueryIssue) => (answered.has(issue.question) ? undefined : issue);
  for (const rule of SPECIFICITY_RULES) {
    if (statedElsewhere.has(rule.aspect)) continue;
    if (rule.indicatedBy && !rule.indicatedBy.test(recordText(ctx))) continue;
    if (rule.mentions.test(expandAbbreviations(fullText)) && !rule.unlessAlso.test(expandAbbreviations(fullText))) {
      const issue = open({
        kind: 'specificity', question: specificityQuestion(m.original, rule.aspect), clinicalIndicators: indicatorsFor(ctx, m),
        options: rule.options, reason: `The ${rule.aspect} is not documented; the default code was used.`,
        ...(rule.defaultRefine ? { defaultRefine: rule.defaultRefine } : {}),
      });
      if (issue) return issue;
    }
  }
  if (!top || m.assertion !== 'affirmed') return undefined;
  if (!q.laterality) {
    const sides = sidesInFamily(ctx, q, top, fullText);
    if (sides.length > 0) {
      const issue = open({
        kind: 'laterality', question: lateralityQuestion(m.original), clinicalIndicators: indicatorsFor(ctx, m),
        options: sides.map((s) => ({ label: s[0]?.toUpperCase() + s.slice(1), refine: s })),
        reason: `${top.code} belongs to a family coded by side and the record does not state the side.`,
      });
      if (issue) return issue;
    }
  }
  const second = hits[1];
  // A tie between strong matches is the engine's own ambiguity, not a gap in the record: the
  // deterministic choice stands (alternatives listed); only weak ties go to the physician.
  if (second && top.score < STRONG_MATCH && top.score - second.score <= COMPETING_MARGIN && top.code.length === second.code.length &&
    top.code.slice(0, 3) !== second.code.slice(0, 3) && !/unspecified/i.test(top.description)) {
    const close = hits.filter((h) => top.score - h.score <= COMPETING_MARGIN && h.code.length === top.code.length).slice(0, 4);
    const issue = open({
      kind: 'competing', question: diagnosisQuestion(m.original), clinicalIndicators: indicatorsFor(ctx, m),
      options: close.map((h) => ({ label: h.description, code: h.code })),
      reason: `Codes of equal specificity fit the documentation equally well: ${close.map((h) => h.code).join(', ')}.`,
    });
    if (issue) return issue;
  }
  if (top.score * SECTION_WEIGHT[m.section] < LOW_CONFIDENCE) {
    const issue = open({
      kind: 'low-confidence', question: diagnosisQuestion(m.original), clinicalIndicators: indicatorsFor(ctx, m),
      options: hits.slice(0, 3).map((h) => ({ label: h.description, code: h.code })),
      reason: `Best match ${top.code} has low confidence (${round(top.score)}).`,
    });
    if (issue) return issue;
  }
  return undefined;
}

/** Symptoms and abnormal findings, used when the diagnosis is uncertain (outpatient) or absent. */
function symptomDrafts(ctx: Context, startOrder: number, onlySymptoms: boolean, uncertainLines: Mention[] = []): DiagnosisDraft[] {
  const out: DiagnosisDraft[] = [];
  const sources: Mention[] = [
    // The uncertain diagnosis line itself may name a sign or symptom ("possible migraine headache").
    ...uncertainLines,
    ...ctx.notes.filter((n) => n.assertion === 'affirmed' || (!onlySymptoms && (n.assertion === 'personal-history' || n.assertion === 'family-history'))),
    ...ctx.input.documentation.testResults
      .filter((t) => t.flag && t.flag !== 'N')
      .map((t): Mention => ({
        section: 'testResults', assertion: 'affirmed', original: `${t.name} ${t.value}${t.unit ? ` ${t.unit}` : ''} (${t.flag})`,
        text: `${t.name} ${t.flag === 'H' ? 'elevated high' : t.flag === 'L' ? 'low decreased' : 'abnormal'}`,
      })),
  ];
  let order = startOrder;
  for (const whole of sources) {
   // Each item of a list of symptoms is searched on its own ("cough and fever").
   const parts = whole.section === 'notes' ? whole.text.split(/,|\band\b|\bwith\b/).map((t) => t.trim()).filter(Boolean) : [whole.text];
   for (const part of parts) {
    const m: Mention = { ...whole, text: part };
    const filter = onlySymptoms ? (c: string) => c.startsWith('R') : searchFilter(m);
    const q = buildQuery(queryText(m, []));
    if (q.tokens.length === 0) continue;
    const groups = expandWithGroups(queryText(m, [])).groups;
    for (const hit of rank(ctx, q, m.text, filter).slice(0, 1)) {
      if (hit.score < 0.8 || !wellSupported(ctx.codeSets.icd, hit, q.tokens, groups)) continue;
      // A clause that names two symptoms ("cough and fever") yields both.
      const found = [hit];
      const rest = q.tokens.filter((t) => !hit.matched.includes(t));
      if (rest.length) {
        const more = rank(ctx, { tokens: rest }, m.text, filter)[0];
        if (more && more.score >= 0.8 && more.code !== hit.code && wellSupported(ctx.codeSets.icd, more, rest, groups)) found.push(more);
      }
      for (const h of found) {
        out.push({
          system: 'ICD-10-CM', code: h.code, description: h.description, confidence: round(h.score * SECTION_WEIGHT[m.section]), order: order++,
          alternatives: [], evidence: [{ section: m.section, text: m.original }],
          rationale: onlySymptoms
            ? `Diagnosis documented as uncertain in an outpatient setting: coded the documented sign or symptom "${h.matched.join(' ')}" from ${m.section} ("${m.original}").`
            : `No diagnosis list: coded "${h.matched.join(' ')}" from ${m.section} ("${m.original}").`,
        });
      }
    }
   }
  }
  return out;
}

function applyCombinations(drafts: DiagnosisDraft[], codeSets: CodeSets): DiagnosisDraft[] {
  let out = drafts;
  for (const rule of COMBINATION_RULES) {
    const first = out.find((d) => d.code === rule.when[0] || d.code.startsWith(`${rule.when[0]}.`));
    const second = out.find((d) => d !== first && d.code.startsWith(rule.when[1]));
    if (!first || !second) continue;
    const code = rule.replaceFirstWith(second.code);
    const i = codeSets.icd.byCode.get(code);
    const description = i === undefined ? code : codeSets.icd.entries[i]?.description ?? code;
    out = out.map((d) => d === first ? {
      ...d, code, description, evidence: [...d.evidence, ...second.evidence],
      rationale: `${d.rationale} Combined with ${second.code} into ${code} (${rule.name}): ICD-10-CM presumes the link ("with" convention); ${second.code} is kept for the stage or type.`,
    } : d);
  }
  return out;
}

function addUseAdditional(ctx: Context, drafts: DiagnosisDraft[], mentions: Map<number, Mention>): DiagnosisDraft[] {
  const out = [...drafts];
  const doc = ctx.input.documentation;
  const statements: RecordStatement[] = [
    ...doc.diagnoses.map((d) => ({ section: 'diagnoses' as const, text: d.description })),
    ...clausesOf(doc.notes).map((text) => ({ section: 'notes' as const, text })),
  ];
  // Codes the notes cite and the record documents (drug in use, weeks of gestation, tobacco history).
  for (const d of drafts) {
    for (const add of documentedAdditionalCodes(ctx.codeSets.icd, d.code, statements, out.map((o) => o.code), ctx.input.patient.ageYears)) {
      if (!ctx.allowed(add.code)) continue;
      const i = ctx.codeSets.icd.byCode.get(add.code) as number;
      out.push({
        system: 'ICD-10-CM', code: add.code, description: ctx.codeSets.icd.entries[i]?.description ?? add.code,
        confidence: round(0.9 * SECTION_WEIGHT[add.statement.section]), order: d.order + 0.25, alternatives: [],
        evidence: [{ section: add.statement.section, text: add.statement.text }],
        rationale: `"Use additional code" note at ${d.code}: the record documents ${add.what} (${add.statement.section}: "${add.statement.text}").`,
      });
    }
  }
  for (const d of drafts) {
    const filter = useAdditionalFilter(ctx.codeSets.icd, d.code);
    const m = mentions.get(d.order);
    if (!filter || !m || out.some((o) => o !== d && filter(o.code))) continue;
    let hit = rank(ctx, buildQuery(m.text), m.text, filter)[0];
    let source = m;
    if (!hit || hit.score < 0.75) {
      // The history the note asks for, stated in the notes ("mother had colon cancer" with a screening).
      for (const n of ctx.notes.filter((x) => x.assertion === 'family-history' || x.assertion === 'personal-history')) {
        const h = rank(ctx, buildQuery(queryText(n, [])), n.text, (c) => filter(c) && (searchFilter(n)?.(c) ?? true))[0];
        if (h && h.score >= 0.75 && (!hit || h.score > hit.score)) { hit = h; source = n; }
      }
    }
    // From the condition's own words, every core word of the added code must be documented
    // ("asthma" alone is not eosinophilic asthma; "with CKD" is CKD, stage unspecified).
    if (hit && source === m) {
      const q = new Set(buildQuery(m.text).tokens);
      if (!coreTokens(hit.matchedText).every((t) => q.has(t))) hit = undefined;
    }
    if (hit && hit.score >= 0.75) {
      const m = source;
      out.push({
        system: 'ICD-10-CM', code: hit.code, description: hit.description, confidence: round(hit.score * SECTION_WEIGHT[m.section]),
        order: d.order + 0.25, alternatives: [], evidence: m === source && source.section === 'diagnoses' ? d.evidence : [{ section: m.section, text: m.original }],
        rationale: `"Use additional code" note at ${d.code}; "${hit.matched.join(' ')}" documented in ${m.section} ("${m.original}").`,
      });
    }
  }
  return out;
}

const ABNORMAL_FINDINGS = /\b(newly diagnosed|new diagnosis|new(ly)? (found|noted|detected|discovered)|abnormal (findings?|exam|examination|results?|labs?)|incidental(ly)? (found|finding|noted)|found to have)\b/i;
const NO_ABNORMAL_FINDINGS = /\b(without|no) abnormal findings?\b|\bnormal (exam|examination|findings)\b/i;

/**
 * Examination codes come "with" and "without abnormal findings": the "with" code when the record
 * documents a new or abnormal finding made at the encounter (or an abnormal result), unless the
 * physician wrote that there were none.
 */
function withAbnormalFindings(ctx: Context, drafts: DiagnosisDraft[], mentions: Map<number, Mention>): DiagnosisDraft[] {
  const doc = ctx.input.documentation;
  const statements = [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)];
  const finding = statements.find((t) => ABNORMAL_FINDINGS.test(t) && !NO_ABNORMAL_FINDINGS.test(t));
  const result = doc.testResults.find((t) => t.flag && t.flag !== 'N');
  if (!finding && !result) return drafts;
  const icd = ctx.codeSets.icd;
  return drafts.map((d) => {
    if (!/without abnormal findings/i.test(d.description)) return d;
    const m = mentions.get(d.order);
    if (m && NO_ABNORMAL_FINDINGS.test(m.original)) return d;
    const wanted = d.description.replace(/without abnormal findings/i, 'with abnormal findings').toLowerCase();
    const parent = icd.entries[icd.byCode.get(d.code) ?? -1]?.parent ?? -1;
    const sibling = (icd.children.get(parent) ?? []).map((k) => icd.entries[k]).find((e) => e?.description.toLowerCase() === wanted);
    if (!sibling || !ctx.allowed(sibling.code)) return d;
    const why = finding ? `"${finding}"` : `result ${result?.name} ${result?.value} (${result?.flag})`;
    return {
      ...d, code: sibling.code, description: sibling.description,
      evidence: [...d.evidence, finding ? { section: 'notes' as const, text: finding } : { section: 'testResults' as const, text: `${result?.name} ${result?.value}` }],
      rationale: `${d.rationale} The record documents an abnormal or new finding at this examination (${why}): "with abnormal findings".`,
    };
  });
}

const FIRST_PREGNANCY = /\b(g1(\s*p0)?|primigravida|primigravid|first pregnancy|nulliparous|nullip)\b/i;
const LATER_PREGNANCY = /\b(g([2-9]|1\d)\s*p?\d*|multigravida|multigravid|multiparous|multip|second pregnancy|third pregnancy)\b/i;

/**
 * Supervision of a normal pregnancy is coded first (Z34.0-) or other (Z34.8-) pregnancy from the
 * gravidity the record states; unspecified (Z34.9-) only when it states none.
 */
function withGravidity(ctx: Context, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const doc = ctx.input.documentation;
  const text = [doc.notes, ...doc.diagnoses.map((d) => d.description)].join(' \n ');
  const first = FIRST_PREGNANCY.exec(text);
  const later = LATER_PREGNANCY.exec(text);
  const stated = first && !later ? first : later && !first ? later : undefined;
  if (!stated) return drafts;
  const family = stated === first ? '0' : '8';
  const icd = ctx.codeSets.icd;
  return drafts.map((d) => {
    if (!/^Z34\.[089]/.test(d.code) || d.code[4] === family) return d;
    const code = `Z34.${family}${d.code.slice(5)}`;
    if (!isBillable(icd, code) || !ctx.allowed(code)) return d;
    return { ...d, code, description: icd.entries[icd.byCode.get(code) ?? -1]?.description ?? code, rationale: `${d.rationale} Gravidity documented ("${stated[0]}"): ${code}.` };
  });
}

/** Pregnancy codes follow the trimester and phase the record states elsewhere (weeks of gestation). */
function withPregnancyDetails(ctx: Context, drafts: DiagnosisDraft[], mentions: Map<number, Mention>): DiagnosisDraft[] {
  const doc = ctx.input.documentation;
  drafts = withGravidity(ctx, drafts);
  const status = pregnancyStatus([...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)]);
  if (!status.antepartum && !status.trimester) return drafts;
  return drafts.map((d) => {
    const m = mentions.get(d.order);
    if (m?.documentedCode) return d;
    const refined = refinePregnancyCode(ctx.codeSets.icd, d.code, d.description, m?.original ?? '', status);
    if (!refined || !ctx.allowed(refined.code)) return d;
    return { ...d, code: refined.code, description: refined.description, rationale: `${d.rationale} Refined to ${refined.code}: ${refined.why}.` };
  });
}

/** Code-first notes: the etiology code goes before its manifestation. */
function sequence(ctx: Context, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const list = [...drafts].sort((a, b) => a.order - b.order);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!item) continue;
    const patterns = notesFor(ctx.codeSets.icd, item.code, 'cf').flatMap(([, p]) => p);
    const j = list.findIndex((d, k) => k > i && patterns.some((p) => matchesPattern(d.code, p)));
    if (j > i) {
      const [etiology] = list.splice(j, 1);
      if (etiology) list.splice(i, 0, etiology);
    }
  }
  return list;
}

const UNSPECIFIED = /\bunspecified\b|\bnot specified\b/i;

/**
 * Dementia coded beside the disease that causes it is "dementia in other diseases classified
 * elsewhere" (F02), not unspecified dementia (F03): when a code's "use additional code" note cites
 * F02, the F03 code becomes the F02 code of the same severity and disturbance.
 */
function dementiaInOtherDisease(ctx: Context, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const icd = ctx.codeSets.icd;
  const etiology = drafts.find((d) => citedPatterns(icd, d.code).some((p) => p.startsWith('F02')));
  if (!etiology) return drafts;
  const said = etiology.evidence.map((e) => e.text).join(' ');
  if (!drafts.some((d) => /^F0[23]\./.test(d.code)) && /\bdementia\b/i.test(said)) {
    // "Alzheimer's dementia" in one phrase: the dementia is coded too, by the severity stated.
    const severity = /\bmild\b/i.test(said) ? 'A' : /\bmoderate\b/i.test(said) ? 'B' : /\bsevere\b/i.test(said) ? 'C' : '8';
    const code = `F02.${severity}0`;
    if (isBillable(icd, code)) {
      drafts = [...drafts, {
        system: 'ICD-10-CM', code, description: icd.entries[icd.byCode.get(code) ?? -1]?.description ?? code, confidence: etiology.confidence,
        order: etiology.order + 0.5, alternatives: [], evidence: [...etiology.evidence],
        rationale: `The documentation ("${etiology.evidence[0]?.text ?? ''}") names dementia due to ${etiology.code}; the note at ${etiology.code} directs ${code} (no behavioral, psychotic, mood or anxiety disturbance documented).`,
      }];
    }
  }
  return drafts.map((d) => {
    if (!d.code.startsWith('F03.')) return d;
    const rest = d.code.slice(4);
    const code = `F02.${rest.startsWith('9') ? `8${rest.slice(1)}` : rest}`;
    if (!isBillable(icd, code)) return d;
    const description = icd.entries[icd.byCode.get(code) ?? -1]?.description ?? code;
    return { ...d, code, description, rationale: `${d.rationale} Dementia due to the documented ${etiology.code} (${etiology.description}): coded ${code} in place of ${d.code}, as the note at ${etiology.code} directs.` };
  });
}

/**
 * An unspecified code never stays beside a specific code of the same category: both stand for the
 * same condition (two lines naming CKD, one of them staged; weeks of gestation stated once and not
 * stated elsewhere). Returns the kept drafts and the orders of the dropped ones.
 */
function withoutRedundantUnspecified(drafts: DiagnosisDraft[]): { kept: DiagnosisDraft[]; dropped: Set<number> } {
  const dropped = new Set<number>();
  const kept = drafts.filter((d) => {
    if (!UNSPECIFIED.test(d.description)) return true;
    const specific = drafts.find((e) => e !== d && e.code.slice(0, 3) === d.code.slice(0, 3) && !UNSPECIFIED.test(e.description));
    if (!specific) return true;
    dropped.add(d.order);
    return false;
  });
  return { kept, dropped };
}

function dedupe(drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const byCode = new Map<string, DiagnosisDraft>();
  for (const d of drafts) {
    const prev = byCode.get(d.code);
    if (!prev) byCode.set(d.code, d);
    else byCode.set(d.code, { ...prev, order: Math.min(prev.order, d.order), confidence: Math.max(prev.confidence, d.confidence), evidence: [...prev.evidence, ...d.evidence] });
  }
  return [...byCode.values()];
}

function codeProcedures(ctx: Context, diagnoses: CodedDiagnosis[], edits: EditFinding[]): CodedProcedure[] {
  const out: CodedProcedure[] = [];
  for (const p of ctx.input.documentation.procedures) {
    const documented = p.code?.trim().toUpperCase();
    const known = documented ? ctx.codeSets.catalog.byCode.get(documented) : undefined;
    const matches = matchProcedure(ctx.codeSets.catalog, p.description);
    const best = known ? { procedure: known, score: 0.97, matched: [] as string[] } : matches[0];
    if (!best || best.score < 0.35) {
      edits.push({
        rule: 'UNMATCHED_PROCEDURE', severity: 'warning', codes: documented ? [documented] : [],
        message: `A documented procedure${documented ? ` (code ${documented})` : ''} matches no entry of the procedure catalog; a coder must assign it.`,
        source: `Procedure catalog ${ctx.codeSets.versions['procedure-catalog']}`, needsDocumentation: false,
      });
      continue;
    }
    const proc = best.procedure;
    const procTokens = new Set([...procedureTokens(p.description), ...proc.tokens]);
    const isVisit = /^992\d\d$|^G04(38|39)$/.test(proc.code);
    const relevance = diagnoses.map((d, i) => ({
      pointer: i + 1,
      overlap: isVisit ? 0 : tokenize(`${d.description} ${d.evidence.map((e) => e.text).join(' ')}`).filter((t) => procTokens.has(t)).length,
    }));
    const related = relevance.filter((r) => r.overlap > 0).sort((a, b) => b.overlap - a.overlap || a.pointer - b.pointer);
    const pointers = (related.length ? related : relevance).slice(0, 4).map((r) => r.pointer).sort((a, b) => a - b);
    const section: RecordSection = 'procedures';
    out.push({
      system: proc.system, code: proc.code, description: proc.description,
      confidence: round(best.score), units: p.units ?? 1, modifiers: p.modifiers ?? [], diagnosisPointers: pointers.length ? pointers : [],
      evidence: [{ section, text: p.description }],
      alternatives: (known ? [] : matches.slice(1, 4)).map((a) => ({
        system: a.procedure.system, code: a.procedure.code, description: a.procedure.description, confidence: round(a.score),
        rationale: `Catalog description shares "${a.matched.join(' ')}".`, evidence: [{ section, text: p.description }],
      })),
      rationale: known
        ? `Code ${proc.code} documented with the procedure and found in the procedure catalog.`
        : `Documented procedure matched the catalog entry ${proc.code} on "${best.matched.join(' ')}"${documented ? ` (documented code ${documented} is not in the catalog)` : ''}.`,
    });
  }
  return out;
}

/** Issues raised by edits that only the physician can resolve; answered ones are applied to the codes. */
function editIssues(ctx: Context, diagnoses: DiagnosisDraft[], edits: EditFinding[]): { diagnoses: DiagnosisDraft[]; issues: QueryIssue[] } {
  let list = diagnoses;
  const issues: QueryIssue[] = [];
  const describe = (code: string) => list.find((d) => d.code === code)?.description ?? code;
  const quote = (code: string) => list.find((d) => d.code === code)?.evidence[0]?.text ?? describe(code);
  for (const e of edits.filter((x) => x.needsDocumentation)) {
    const [a, b] = e.codes;
    if (!a) continue;
    const issue: QueryIssue = e.rule === 'EXCLUDES1' && b
      ? {
        kind: 'edit', question: conflictQuestion(quote(a), quote(b)),
        clinicalIndicators: [`Documented: "${quote(a)}"`, `Documented: "${quote(b)}"`],
        options: [{ label: describe(a), dropCode: b }, { label: describe(b), dropCode: a }],
        reason: `${e.rule}: ${e.message}`,
      }
      : {
        kind: 'edit', question: confirmQuestion(quote(a)), clinicalIndicators: [`Documented: "${quote(a)}"`],
        options: [{ label: `Confirmed: ${describe(a)}` }], reason: `${e.rule}: ${e.message}`,
      };
    const resolution = resolutionFor(issue, ctx.input.answers);
    if (!resolution) issues.push(issue);
    else if (resolution.kind === 'option' && resolution.option.dropCode) list = list.filter((d) => d.code !== resolution.option.dropCode);
  }
  return { diagnoses: list, issues };
}

export function codeEncounter(input: CodingInput, codeSets: CodeSets): CodingResult {
  const doc = input.documentation;
  const ctx: Context = { input, codeSets, notes: noteMentions(doc.notes), issues: [], allowed: contextFilter(input) };
  const inpatient = input.placeOfService === INPATIENT;
  const mentions = new Map<number, Mention>();
  let drafts: DiagnosisDraft[] = [];
  let uncertainOutpatient = false;
  const uncertainLines: Mention[] = [];
  let order = 0;
  for (const m of diagnosisMentions(doc.diagnoses)) {
    order += 1;
    if (m.assertion === 'negated') continue;
    if (m.assertion === 'uncertain') {
      if (!inpatient) { uncertainOutpatient = true; uncertainLines.push({ ...m, assertion: 'affirmed' }); continue; }
      m.assertion = 'affirmed';
    }
    mentions.set(order, m);
    drafts.push(...codeMention(ctx, m, order));
  }
  if (doc.diagnoses.length === 0) {
    for (const m of ctx.notes) {
      if (m.assertion === 'negated' || m.assertion === 'uncertain') continue;
      order += 1;
      const found = codeMention({ ...ctx, issues: [] }, m, order).filter((d) => d.confidence >= 0.7);
      for (const d of found) mentions.set(d.order, m);
      drafts.push(...found);
    }
  }
  if (uncertainOutpatient) drafts.push(...symptomDrafts(ctx, 1000, true, uncertainLines));
  drafts = applyCombinations(addUseAdditional(ctx, withPregnancyDetails(ctx, withAbnormalFindings(ctx, dedupe(drafts), mentions), mentions), mentions), codeSets);
  drafts = sequence(ctx, dedupe(dementiaInOtherDisease(ctx, drafts)));
  const reconciled = withoutRedundantUnspecified(drafts);
  drafts = reconciled.kept;
  ctx.issues = ctx.issues.filter((i) => i.order === undefined || !reconciled.dropped.has(i.order) || drafts.some((d) => d.order === i.order));

  const strip = (d: DiagnosisDraft): CodedDiagnosis => {
    const { order: _order, ...rest } = d;
    return rest;
  };
  let edits = runEdits(drafts, [], input.patient, codeSets);
  const resolved = editIssues(ctx, drafts, edits);
  drafts = resolved.diagnoses;
  const diagnoses = drafts.map(strip);
  const extraEdits: EditFinding[] = [];
  const procedures = codeProcedures(ctx, diagnoses, extraEdits);
  edits = [...runEdits(diagnoses, procedures, input.patient, codeSets), ...extraEdits];
  const openIssues = [...ctx.issues, ...editIssues(ctx, drafts, edits).issues];
  const first = openIssues[0];
  const result: CodingResult = { diagnoses, procedures, edits, codeSetVersions: codeSets.versions };
  if (first) result.clarification = toDraft(first);
  return result;
}
