/**
 * Vaccines as a biller reads them on a superbill: the products a line names (brand names such as
 * "Vaxelis", abbreviations such as "PCV20" or "Tdap", "HepA" for the patient's age), and the
 * administration codes the visit's vaccines call for:
 *  - a patient through age 18 whose physician or other qualified professional counselled on the
 *    vaccines: 90460 for each vaccine (its first component) and 90461 for each further component;
 *  - otherwise 90471 for the first injected vaccine and 90472 for each further one; a vaccine by mouth
 *    or nose is 90473 when it is the first given, else 90474;
 *  - Medicare's own codes for giving influenza (G0008), pneumococcal (G0009) and hepatitis B (G0010)
 *    vaccines, and 90480 for each COVID-19 vaccine, whatever the age.
 * The table is data/procedures/vaccines.csv.
 */
import { readFile } from 'node:fs/promises';
import { parseCsv } from './csv.ts';

export type VaccineRoute = 'injection' | 'oral' | 'nasal';
/** The administration family: Medicare's G codes and the COVID-19 administration code follow it. */
export type VaccineFamily = 'influenza' | 'pneumococcal' | 'hepatitis-b' | 'covid' | 'other';

export interface Vaccine {
  code: string;
  label: string;
  components: number;
  route: VaccineRoute;
  family: VaccineFamily;
  minAge?: number;
  maxAge?: number;
}

interface NamePattern {
  name: string;
  re: RegExp;
  products: Vaccine[];
}

export interface VaccineTable {
  byCode: Map<string, Vaccine>;
  /** Longest names first, so that "DTaP-IPV" is read before "DTaP". */
  patterns: NamePattern[];
}

/** A name as a pattern: whole words; spaces, hyphens and slashes optional between its parts and between letters and digits. */
function namePattern(name: string): RegExp {
  const parts = name
    .toLowerCase()
    .split(/[\s/-]+/)
    .filter(Boolean)
    .map((p) =>
      p
        .split(/(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join(String.raw`[\s-]?`),
    );
  return new RegExp(String.raw`(?<![a-z0-9])${parts.join(String.raw`[\s/-]*`)}(?![a-z0-9])`, 'gi');
}

export async function loadVaccines(csvPath: string): Promise<VaccineTable> {
  const byCode = new Map<string, Vaccine>();
  const byName = new Map<string, Vaccine[]>();
  for (const r of parseCsv(await readFile(csvPath, 'utf8'))) {
    const code = (r.code ?? '').trim().toUpperCase();
    if (!code) continue;
    const vaccine: Vaccine = {
      code,
      label: r.label ?? code,
      components: Number(r.components) || 1,
      route: (r.route as VaccineRoute) || 'injection',
      family: (r.family as VaccineFamily) || 'other',
      ...(r.minAge ? { minAge: Number(r.minAge) } : {}),
      ...(r.maxAge ? { maxAge: Number(r.maxAge) } : {}),
    };
    byCode.set(code, vaccine);
    for (const name of (r.names ?? '')
      .split('|')
      .map((n) => n.trim().toLowerCase())
      .filter(Boolean))
      byName.set(name, [...(byName.get(name) ?? []), vaccine]);
  }
  const patterns = [...byName.entries()]
    .map(([name, products]) => ({ name, re: namePattern(name), products }))
    .sort((a, b) => b.name.length - a.name.length);
  return { byCode, patterns };
}

/** Words of a laboratory line about a vaccine-preventable disease ("Hep B surface Ab", "varicella IgG", "HPV co-test"). */
const LAB_WORDS =
  /\b(?:titers?|titres?|antibod(?:y|ies)|abs?|igg|igm|serolog\w*|antigen|ag|tests?|testing|co-?test\w*|screen(?:ing)?|pcr|naat|dna|rna|panel|level|culture|cx|pap|cytology|smear|swab|rapid|probe|sabs?|surface|core|immunity|quant\w*|viral load|genotyp\w*)\b/i;
/** A COVID-19 vaccine, whose product code turns on manufacturer, formula year and dose: a coder assigns it. */
const COVID_VACCINE = /\b(?:covid(?:-?19)?|sars-?cov-?2|comirnaty|spikevax|mnexspike|novavax|nuvaxovid)\b/i;

export interface VaccinesOnLine {
  /** Products the line names, each once, for the patient's age. */
  named: Array<{ vaccine: Vaccine; name: string; ageFits: boolean }>;
  /** A COVID-19 vaccine named without a product the table can code. */
  covid: boolean;
  /** The line's words once the names read are taken out. */
  rest: string;
}

const fits = (v: Vaccine, age: number) => (v.minAge === undefined || age >= v.minAge) && (v.maxAge === undefined || age <= v.maxAge);

/** The vaccines a procedure line names; nothing for a laboratory line. */
export function vaccinesOnLine(table: VaccineTable, line: string, ageYears: number): VaccinesOnLine {
  const none = { named: [], covid: false, rest: line };
  if (LAB_WORDS.test(line)) return none;
  let rest = ` ${line} `;
  const named: VaccinesOnLine['named'] = [];
  for (const p of table.patterns) {
    p.re.lastIndex = 0;
    if (!p.re.test(rest)) continue;
    p.re.lastIndex = 0;
    rest = rest.replace(p.re, ' ');
    const vaccine = p.products.find((v) => fits(v, ageYears)) ?? p.products[0]!;
    if (!named.some((n) => n.vaccine.code === vaccine.code)) named.push({ vaccine, name: p.name, ageFits: fits(vaccine, ageYears) });
  }
  const covid = COVID_VACCINE.test(rest);
  return { named, covid, rest: covid ? rest.replace(COVID_VACCINE, ' ') : rest };
}

/** A vaccine given at the visit, as the administration rules count it. */
export interface GivenVaccine {
  /** Undefined for a product a coder has yet to assign (a COVID-19 vaccine named without its product). */
  code?: string;
  components: number;
  route: VaccineRoute;
  family: VaccineFamily;
}

export interface AdministrationLine {
  code: string;
  units: number;
  why: string;
}

export interface AdministrationContext {
  ageYears: number;
  /** The physician or other qualified professional counselled on the vaccines, face to face. */
  counselled: boolean;
  medicare: boolean;
}

const MEDICARE_CODE: Partial<Record<VaccineFamily, string>> = { influenza: 'G0008', pneumococcal: 'G0009', 'hepatitis-b': 'G0010' };
/** Counselling codes 90460/90461 are for patients through age 18. */
export const COUNSELLING_MAX_AGE = 18;

/** The administration codes, with units, for the vaccines given at one visit. */
export function administrationFor(given: readonly GivenVaccine[], ctx: AdministrationContext): AdministrationLine[] {
  const out: AdministrationLine[] = [];
  const add = (code: string, units: number, why: string) => {
    if (units > 0) out.push({ code, units, why });
  };
  const covid = given.filter((g) => g.family === 'covid');
  add('90480', covid.length, 'each COVID-19 vaccine is given with 90480');
  let rest = given.filter((g) => g.family !== 'covid');
  if (ctx.medicare) {
    for (const [family, code] of Object.entries(MEDICARE_CODE)) {
      const n = rest.filter((g) => g.family === family).length;
      add(code, n, `Medicare's code for giving a ${family} vaccine`);
    }
    rest = rest.filter((g) => !MEDICARE_CODE[g.family]);
  }
  if (!rest.length) return out;
  if (ctx.counselled && ctx.ageYears <= COUNSELLING_MAX_AGE) {
    const extra = rest.reduce((n, g) => n + Math.max(0, g.components - 1), 0);
    add(
      '90460',
      rest.length,
      `${rest.length} vaccine(s) with counselling documented for a patient of ${ctx.ageYears}: one unit for each vaccine's first component`,
    );
    add('90461', extra, `${extra} further component(s) of the combination vaccines`);
    return out;
  }
  const injected = rest.filter((g) => g.route === 'injection').length;
  const byMouthOrNose = rest.length - injected;
  const reason = ctx.counselled ? `counselling codes end at age ${COUNSELLING_MAX_AGE}` : 'no counselling by the physician documented';
  if (injected) {
    add('90471', 1, `first injected vaccine (${reason})`);
    add('90472', injected - 1, 'each further injected vaccine');
    add('90474', byMouthOrNose, 'each vaccine by mouth or nose after an injected one');
  } else {
    add('90473', 1, `first vaccine by mouth or nose (${reason})`);
    add('90474', byMouthOrNose - 1, 'each further vaccine by mouth or nose');
  }
  return out;
}

/** Codes that administer a vaccine. */
export const VACCINE_ADMINISTRATION_CODES = new Set([
  '90460',
  '90461',
  '90471',
  '90472',
  '90473',
  '90474',
  'G0008',
  'G0009',
  'G0010',
  '90480',
]);

const COUNSEL = /\bcounsel(?:l?ed|l?ing|s)?\b|\bdiscussed\b|\brisks?\s*(?:\/|and|&)\s*benefits?\b|\bquestions answered\b/i;
const ABOUT_VACCINES = /\b(?:vaccin\w*|immuni[sz]\w*|imms?|vis|components?|shots?)\b/i;
const NOT_COUNSELLED =
  /\b(?:no|without|not)\s+(?:(?:face[\s-]to[\s-]face|provider|physician|MD|clinician|doctor|QHP)\s+)*counsel\w*|\bstanding orders?\b/i;

/**
 * Whether the record says the physician counselled on the vaccines: a sentence about the vaccines
 * (or an administration line) that speaks of counselling or of discussing risks and benefits, and
 * none that says the vaccines went without it (a nurse's standing order).
 */
export function counselledOnVaccines(notes: string, administrationLines: readonly string[]): boolean {
  const sentences = notes.split(/(?<=[.;!?])\s+|\n+/);
  // A note line about the vaccines denies counselling in any of its sentences ("Vaccines: ... given by RN; no provider counseling").
  const noteLines = notes.split(/\n+/);
  if ([...sentences, ...noteLines].some((s) => ABOUT_VACCINES.test(s) && NOT_COUNSELLED.test(s))) return false;
  if (administrationLines.some((l) => /\bcounsel\w*|\bw\/\s*c\b/i.test(l) && !NOT_COUNSELLED.test(l))) return true;
  return sentences.some((s) => ABOUT_VACCINES.test(s) && COUNSEL.test(s));
}
