/**
 * Procedure code data: the customer's catalog (CPT/HCPCS codes with their own descriptions), the demo
 * procedure-to-procedure pairs (NCCI-like) and per-day unit limits (MUE-like).
 */
import { readFile } from 'node:fs/promises';
import { parseCsv } from './csv.ts';
import { expandAbbreviations, tokenize } from './text.ts';

export interface CatalogProcedure {
  code: string;
  description: string;
  system: 'CPT' | 'HCPCS';
  rvu?: number;
  priceCents?: number;
  tokens: string[];
}

export interface ProcedureCatalog {
  byCode: Map<string, CatalogProcedure>;
  source: string;
}

/** 0: never together; 1: together only with a distinct-service modifier; 9: not applicable. */
export type ModifierIndicator = 0 | 1 | 9;

export interface PtpPair {
  column1: string;
  column2: string;
  modifierIndicator: ModifierIndicator;
  note: string;
}

/** HCPCS Level II codes are a letter and four digits; CPT codes are five characters starting with a digit. */
export function procedureSystem(code: string): 'CPT' | 'HCPCS' {
  return /^[A-V]\d{4}$/.test(code) ? 'HCPCS' : 'CPT';
}

const PROCEDURE_SYNONYMS: Array<[RegExp, string]> = [
  [/\bekg\b/g, 'ecg electrocardiogram'],
  [/\bcbc\b/g, 'complete blood count'],
  [/\bcmp\b/g, 'comprehensive metabolic panel'],
  [/\b(?:hb|hgb|hgba|hba)\s*-?\s*a1c\b/g, 'a1c'],
  [/\ba1c\b/g, 'hemoglobin a1c'],
  [/\bcxr\b/g, 'chest x-ray'],
  [/\bua\b/g, 'urinalysis'],
  [/\bflu shot\b/g, 'influenza vaccine'],
  // Radiographs as superbills write them: "xray", "XR", "x ray", "3v", "2 vws".
  [/\b(?:xray|xr|x ray|radiographs?)\b/g, 'x-ray'],
  [/\b1\s*(?:v|vw|vws|views?)\b/g, 'one view'],
  [/\b2\s*(?:v|vw|vws|views?)\b/g, 'two views'],
  [/\b3\s*(?:v|vw|vws|views?)\b/g, 'three views'],
  [/\b4\s*(?:v|vw|vws|views?)\b/g, 'four views'],
  [/\binjs?\b/g, 'injection'],
  // Vaccine products: "quad PF" is quadrivalent, preservative free.
  [/\bquad\b/g, 'quadrivalent'],
  [/\b(?:pf|pres free)\b/g, 'preservative free'],
  [/\bim\b/g, 'intramuscular'],
  [/\bblood draw\b/g, 'venipuncture'],
  [/\bsleep study\b/g, 'polysomnography sleep study'],
  [/\bprofile\b/g, 'panel'],
  [/\blipids\b/g, 'lipid panel'],
  [/\burine dip(stick)?\b/g, 'urinalysis dipstick'],
  [/\bdip\b/g, 'dipstick'],
  [/\bno\b/g, 'without'],
];

export function procedureTokens(text: string): string[] {
  let t = expandAbbreviations(text);
  for (const [re, rep] of PROCEDURE_SYNONYMS) t = t.replace(re, rep);
  return [...new Set(tokenize(t))];
}

export async function loadProcedureCatalog(csvPath: string): Promise<ProcedureCatalog> {
  const rows = parseCsv(await readFile(csvPath, 'utf8'));
  const byCode = new Map<string, CatalogProcedure>();
  for (const r of rows) {
    const code = (r.code ?? '').toUpperCase();
    if (!code) continue;
    const description = r.description ?? '';
    const proc: CatalogProcedure = { code, description, system: procedureSystem(code), tokens: procedureTokens(description) };
    if (r.rvu) proc.rvu = Number(r.rvu);
    if (r.priceCents) proc.priceCents = Number(r.priceCents);
    byCode.set(code, proc);
  }
  return { byCode, source: csvPath };
}

export async function loadPtpPairs(csvPath: string): Promise<PtpPair[]> {
  return parseCsv(await readFile(csvPath, 'utf8')).map((r) => ({
    column1: r.column1 ?? '',
    column2: r.column2 ?? '',
    modifierIndicator: Number(r.modifierIndicator) as ModifierIndicator,
    note: r.note ?? '',
  }));
}

export async function loadUnitLimits(csvPath: string): Promise<Map<string, number>> {
  const limits = new Map<string, number>();
  for (const r of parseCsv(await readFile(csvPath, 'utf8'))) if (r.code) limits.set(r.code, Number(r.maxUnitsPerDay));
  return limits;
}

export interface CatalogMatch {
  procedure: CatalogProcedure;
  score: number;
  matched: string[];
}

/** Catalog entries ranked by how well their description covers the documented procedure. */
export function matchProcedure(catalog: ProcedureCatalog, description: string): CatalogMatch[] {
  const q = procedureTokens(description);
  if (q.length === 0) return [];
  const out: CatalogMatch[] = [];
  for (const p of catalog.byCode.values()) {
    const have = new Set(p.tokens);
    const matched = q.filter((t) => have.has(t));
    if (matched.length === 0) continue;
    const score = 0.6 * (matched.length / q.length) + 0.4 * (matched.length / p.tokens.length);
    out.push({ procedure: p, score, matched });
  }
  return out.sort((a, b) => b.score - a.score || a.procedure.code.localeCompare(b.procedure.code));
}

/**
 * An office or other outpatient visit described in words, read the way the CPT E/M guidelines level
 * it (2021 on): the patient's status (new: 99202-99205; established: 99212-99215) and the level of
 * medical decision making (straightforward, low, moderate, high), or the visit's level number.
 * Descriptions abbreviate all three ("est pt visit low", "new pt mod MDM", "OV est lvl 3"); a
 * description naming no level, two levels or both statuses reads as nothing, and one naming no status
 * takes `unstated` (the status the note gives) or reads as nothing.
 */
export function officeVisitByLevel(description: string, unstated?: 'new' | 'established'): string | undefined {
  const t = description.toLowerCase();
  if (!/\b(visits?|ov|office|e\/?m|pts?|patients?|mdm|decision)\b/.test(t) && !VISIT_SHORTHAND.test(t)) return undefined;
  const said = statusOnLine(t);
  if (said === 'both') return undefined;
  const status = said ?? unstated;
  if (!status) return undefined;
  const levels = new Set<number>();
  for (const [re, level] of VISIT_LEVEL_WORDS) if (re.test(t)) levels.add(level);
  for (const m of t.matchAll(/\b(?:level|lvl)\s*-?\s*([2-5])\b/g)) levels.add(Number(m[1]));
  if (levels.size !== 1) return undefined;
  const [level] = [...levels];
  return level === undefined ? undefined : officeVisitCode(status, level);
}

/** The office visit code of a patient status and a level (2-5): 99202-99205 new, 99212-99215 established. */
export const officeVisitCode = (status: 'new' | 'established', level: number) => `992${status === 'new' ? 0 : 1}${level}`;

/** The patient status a visit line names: new, established, both (a line that cannot be read) or none. */
export function statusOnLine(description: string): 'new' | 'established' | 'both' | undefined {
  const t = description.toLowerCase();
  const saysNew = /\bnew\b/.test(t);
  const saysEstablished = /\b(est|estab|established|return(ing)?)\b/.test(t);
  return saysNew && saysEstablished ? 'both' : saysNew ? 'new' : saysEstablished ? 'established' : undefined;
}

/**
 * A superbill line that is nothing but a patient status and a level ("est low", "new mod", "estab
 * moderate"): the shorthand of a visit line, read as a visit although it names no visit word.
 */
const VISIT_SHORTHAND =
  /^\s*(?:new|est|estab|established)\s*[,:-]?\s*(?:straightforward|straight-forward|sf|low|mod|moderate|high|hi|(?:level|lvl)\s*-?\s*[2-5])\s*$/;

/**
 * Visits a line may name that are not a leveled office visit of a physician: a nurse visit (99211),
 * preventive and wellness visits (age-banded or G-codes), consultations, visits elsewhere than the
 * office, obstetric package visits, eye visits (92xxx) and add-on codes.
 */
const NOT_A_LEVELED_OFFICE_VISIT =
  /\b(nurse|minimal|preventive|prevent|wellness|annual|physical|consults?|consultation|tele\w*|video|phone|telephone|virtual|home|nursing|hospital|inpatient|observation|emergency|er|ed|urgent|prenatal|antepartum|postpartum|ob|global|well|wcc|eye|ophthalmic|vision|care management|transitional|add-?on|complexity|g\d{4})\b/;

/**
 * A line that bills a physician's office visit without the level the code needs ("Office visit,
 * established patient", "est pt OV"): its level comes from the note's medical decision making or
 * from a coder, never from the nearest catalog words (which read it as 99211, a nurse visit).
 */
export function isLevellessOfficeVisit(description: string): boolean {
  const t = description.toLowerCase();
  const visit =
    /\b(ov|e\/?m)\b/.test(t) ||
    (/\bvisits?\b/.test(t) && /\b(office|clinic|outpatient|new|est|estab|established|return(ing)?|f\/u|follow-?up|sick|problem)\b/.test(t));
  if (!visit || NOT_A_LEVELED_OFFICE_VISIT.test(t)) return false;
  return !VISIT_LEVEL_WORDS.some(([re]) => re.test(t)) && !/\b(?:level|lvl)\s*-?\s*[1-5]\b|\b99\d{3}\b/.test(t);
}

/**
 * The visit level (2-5) the note states through its medical decision making ("MDM: moderate", "low
 * complexity medical decision making") or as a number ("level 4 visit"), when it states exactly one;
 * else the level the total time it states reaches for a patient of that status.
 */
export function visitLevelInNotes(notes: string, status: 'new' | 'established'): number | undefined {
  const t = notes.toLowerCase();
  const levels = new Set<number>();
  for (const re of DECISION_MAKING_STATED)
    for (const m of t.matchAll(re)) for (const [lw, level] of VISIT_LEVEL_WORDS) if (lw.test(m[1] ?? '')) levels.add(level);
  for (const m of t.matchAll(/\b(?:level|lvl)\s*-?\s*([2-5])\s+(?:office\s+)?(?:visit|e\/?m)\b/g)) levels.add(Number(m[1]));
  if (levels.size === 1) return [...levels][0];
  return levels.size === 0 ? levelByTotalTime(t, status) : undefined;
}

const MDM = String.raw`(?:mdm|medical decision[- ]making|decision[- ]making)`;
const MDM_LEVEL_WORD = String.raw`(straightforward|straight-forward|low|mod|moderate|high)`;
/** The level of medical decision making a note states, after its name ("MDM: moderate") or before it ("low complexity MDM"). */
const DECISION_MAKING_STATED = [
  new RegExp(String.raw`\b${MDM}\b\s*(?:(?:is|was|of|complexity|level)\s*)*[:=-]?\s*${MDM_LEVEL_WORD}\b`, 'g'),
  new RegExp(String.raw`\b${MDM_LEVEL_WORD}(?:[- ]complexity)?\s+${MDM}\b`, 'g'),
];

/** Least total time on the date of the encounter for each level (CPT E/M guidelines, 2024 on): new 99202-99205, established 99212-99215. */
const MINUTES_FOR_LEVEL: Record<'new' | 'established', ReadonlyArray<readonly [number, number]>> = {
  new: [
    [60, 5],
    [45, 4],
    [30, 3],
    [15, 2],
  ],
  established: [
    [40, 5],
    [30, 4],
    [20, 3],
    [10, 2],
  ],
};

/** The level the total time the note states reaches ("total time 35 minutes", "I spent 42 min"). */
function levelByTotalTime(notes: string, status: 'new' | 'established'): number | undefined {
  const stated = [
    ...notes.matchAll(
      /\b(?:total(?: visit| encounter)? time|total of|time spent|i spent|spent a total of)\b\D{0,40}?(\d{1,3})\s*(?:min|mins|minutes)\b/g,
    ),
  ];
  const minutes = new Set(stated.map((m) => Number(m[1])));
  if (minutes.size !== 1) return undefined;
  const [total] = [...minutes];
  return MINUTES_FOR_LEVEL[status].find(([least]) => (total ?? 0) >= least)?.[1];
}

/** The words of each level of medical decision making, as descriptions write them. */
const VISIT_LEVEL_WORDS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b(straightforward|straight-forward|sf)\b/, 2],
  [/\blow\b/, 3],
  [/\b(mod|moderate)\b/, 4],
  [/\b(high|hi)\b/, 5],
];

/** A procedure code written in words: "CPT 94640", "HCPCS J1885", "(80048)", "code 99392". */
const WRITTEN_CODE = /(?:\b(?:cpt|hcpcs|code)\s*(?:code\s*)?[#:]?\s*|\(\s*)(\d{4}[0-9FTU]|[A-V]\d{4})\b/gi;
/** A bare code shape, accepted in a description when the catalog holds it. */
const CODE_SHAPE = /\b(\d{4}[0-9FTU]|[A-V]\d{4})\b/g;

/**
 * The code the physician wrote for a procedure line: its code field, else a code written in its
 * description ("Nebulizer treatment CPT 94640", "Basic metabolic panel (80048)", or a catalog code).
 */
export function writtenProcedureCode(p: { description: string; code?: string }, catalog?: ProcedureCatalog): string | undefined {
  const field = p.code?.trim().toUpperCase();
  if (field) return field;
  const explicit = [...p.description.matchAll(WRITTEN_CODE)][0]?.[1];
  if (explicit) return explicit.toUpperCase();
  // A code shape opening or closing the description ("99392 preventive visit", "... age 1-4 99392").
  const edge = /^\s*(\d{4}[0-9FTU]|[A-V]\d{4})\b\s*[-:]?|[\s:,-](\d{4}[0-9FTU]|[A-V]\d{4})\s*$/i.exec(p.description);
  if (edge) return (edge[1] ?? edge[2] ?? '').toUpperCase();
  if (!catalog) return undefined;
  return [...p.description.toUpperCase().matchAll(CODE_SHAPE)].map((m) => m[1] ?? '').find((c) => catalog.byCode.has(c));
}

/** Procedure codes the notes write out with "CPT"/"HCPCS"/"code" ("Procedure: CPT 17110 x1"), in order, once each. */
export function procedureCodesInNotes(notes: string): Array<{ code: string; text: string }> {
  const out: Array<{ code: string; text: string }> = [];
  for (const m of notes.matchAll(/\b(?:cpt|hcpcs)\s*(?:code\s*)?[#:]?\s*(\d{4}[0-9FTU]|[A-V]\d{4})\b/gi)) {
    const code = (m[1] ?? '').toUpperCase();
    if (out.some((o) => o.code === code)) continue;
    // The clause around the code, for the evidence.
    const start = Math.max(notes.lastIndexOf('\n', m.index ?? 0) + 1, notes.lastIndexOf('. ', m.index ?? 0) + 2, 0);
    const ends = [notes.indexOf('\n', m.index ?? 0), notes.indexOf('. ', m.index ?? 0)].filter((i) => i >= 0);
    out.push({ code, text: notes.slice(start, ends.length ? Math.min(...ends) : notes.length).trim() });
  }
  return out;
}
