/**
 * How a biller reads a procedure line before matching it to the catalog by its words:
 *  - a line for something only ordered, scheduled or referred out is not a service rendered today
 *    and is not billed ("DEXA - ordered", "sleep study scheduled"); a code written on such a line
 *    goes to a coder;
 *  - an administration line names no product: it is the vaccine administration (90471; Medicare's
 *    influenza administration G0008) when a vaccine was given, the therapeutic injection (96372)
 *    when a drug was ("IM injection administration" beside "ceftriaxone 1 g"); the vaccines a
 *    visit names settle it in full (vaccine-coding.ts);
 *  - a drug line names the drug of a HCPCS drug code ("Injection ceftriaxone sodium, per 250 mg"),
 *    and its dose gives the units that code counts in (1 g of ceftriaxone is 4 units);
 *  - an office visit whose line gives the level but not the patient's status takes the status the
 *    note states, else established (a new patient is one the note says is new).
 */
import type { EditFinding } from '../domain/coding.ts';
import type { DocumentedProcedure } from '../domain/encounter.ts';
import type { CodingRun } from './coding-run.ts';
import { tokenize } from './text.ts';
import { matchProcedure, writtenProcedureCode, type CatalogMatch, type CatalogProcedure, type ProcedureCatalog } from './procedures.ts';

/** Words saying a service was not rendered today, at the line's start or end ("DEXA - ordered", "Ordered: MRI"). */
const NOT_RENDERED_WORD = String.raw`(?:ordered|to be ordered|scheduled|planned|referred(?: out)?|referral|pending|deferred|declined|refused|not done|not performed|to be done|recommended|next visit)`;
const NOT_RENDERED_AT_END = new RegExp(
  String.raw`(?:^|[\s,;:(/-])${NOT_RENDERED_WORD}(?:\s+(?:for|at|in)\s+[\w\s/-]{1,30})?\s*\)?\.?\s*$`,
  'i',
);
const NOT_RENDERED_AT_START = new RegExp(String.raw`^\s*${NOT_RENDERED_WORD}\s*[:-]`, 'i');

/** True when the line says its service was ordered, scheduled, referred or declined rather than rendered today. */
export function notRenderedToday(description: string): boolean {
  return NOT_RENDERED_AT_END.test(description) || NOT_RENDERED_AT_START.test(description);
}

const ADMINISTRATION = /\b(?:admin|administration|administered|adm)\b/i;
const VACCINE_WORDS = /\b(?:vaccines?|vaccinations?|immuni[sz]ations?|imm|flu shot|influenza)\b/i;
const INJECTION_WORDS = /\b(?:injections?|inj|im|intramuscular|sc|subq|sq|subcutaneous|therapeutic|ther)\b/i;
const INFLUENZA = /\b(?:influenza|flu)\b/i;
const MEDICARE = /\bmedicare\b/i;

/** A catalog code is a vaccine product (its description names a vaccine and no administration). */
export const isVaccineProduct = (p: CatalogProcedure | undefined) =>
  !!p && /\bvaccine\b/i.test(p.description) && !ADMINISTRATION.test(p.description);
/** A HCPCS drug code ("J" codes: drugs given other than by mouth). */
const isDrugProduct = (p: CatalogProcedure | undefined) => !!p && /^J\d{4}$/.test(p.code);

export interface OtherLine {
  description: string;
  /** The catalog entry the line was matched to or written as, when known. */
  procedure?: CatalogProcedure;
}

/**
 * The administration code for a line that administers something without naming it: read from its own
 * words and from the products the other lines of the visit gave. Undefined for any other line.
 */
export function administrationCode(description: string, others: readonly OtherLine[], notes: string): string | undefined {
  if (!ADMINISTRATION.test(description)) return undefined;
  const saysVaccine = VACCINE_WORDS.test(description);
  const saysInjection = INJECTION_WORDS.test(description);
  if (!saysVaccine && !saysInjection) return undefined;
  const vaccineGiven = others.some(
    (o) => isVaccineProduct(o.procedure) || (VACCINE_WORDS.test(o.description) && !ADMINISTRATION.test(o.description)),
  );
  const drugGiven = others.some((o) => isDrugProduct(o.procedure));
  const vaccine = saysVaccine || (vaccineGiven && !drugGiven);
  if (!vaccine) return '96372';
  const influenza =
    INFLUENZA.test(description) ||
    others.some((o) => !ADMINISTRATION.test(o.description) && INFLUENZA.test(`${o.description} ${o.procedure?.description ?? ''}`));
  // G0008 is Medicare's code for giving the influenza vaccine; other payers take the CPT code.
  return influenza && (MEDICARE.test(description) || MEDICARE.test(notes)) ? 'G0008' : '90471';
}

/** Words every vaccine or drug product shares, which name none of them. */
const GENERIC_PRODUCT_WORDS = new Set(['vaccine', 'vaccines', 'injection', 'intramuscular', 'immunization', 'administration']);

/** A product line's own match must score this well to stand against reading the line as an administration. */
const PRODUCT_MATCH = 0.5;

/**
 * An administration line that names no product ("IM injection administration", "vaccine admin"): a
 * line naming a drug or matching a vaccine or drug code well ("Influenza vaccine quadrivalent PF IM,
 * administered") is that product's line.
 */
export function isAdministrationLine(catalog: ProcedureCatalog, description: string): boolean {
  if (administrationCode(description, [], '') === undefined || drugByName(catalog, description)) return false;
  const top = matchProcedure(catalog, description)[0];
  // "Vaccine admin" shares only "vaccine" with every vaccine product: a product must be named by more.
  const namesProduct = !!top && top.matched.some((t) => !GENERIC_PRODUCT_WORDS.has(t));
  return !(top && namesProduct && (isVaccineProduct(top.procedure) || isDrugProduct(top.procedure)) && top.score >= PRODUCT_MATCH);
}

/** Words of a HCPCS drug description that are not the drug's name. */
const NOT_DRUG_NAME = new Set([
  'injection',
  'per',
  'mg',
  'mcg',
  'sodium',
  'phosphate',
  'hydrochloride',
  'hcl',
  'acetonide',
  'tromethamine',
  'up',
  'to',
  'units',
  'unit',
  'ml',
]);

/** The drug a HCPCS drug code names ("Injection ceftriaxone sodium per 250 mg": ceftriaxone), and its billing unit in mg. */
function drugOf(p: CatalogProcedure): { name: string; unitMg?: number } | undefined {
  if (!isDrugProduct(p)) return undefined;
  const name = tokenize(p.description).find((t) => !NOT_DRUG_NAME.has(t) && !/^\d/.test(t) && t.length > 3);
  if (!name) return undefined;
  // The amount the code counts in: "per 250 mg", "up to 1000 mcg", or "1 mg" alone.
  const per = /\b(\d+(?:\.\d+)?)\s*(mg|mcg|g)\b/i.exec(p.description);
  const unitMg = per ? toMg(Number(per[1]), per[2] ?? 'mg') : undefined;
  return { name, ...(unitMg ? { unitMg } : {}) };
}

function toMg(amount: number, unit: string): number {
  const u = unit.toLowerCase();
  return u === 'g' ? amount * 1000 : u === 'mcg' ? amount / 1000 : amount;
}

/** Confidence of a drug line matched by the drug's name. */
const DRUG_BY_NAME = 0.85;

/**
 * The HCPCS drug code whose drug the line names, with the units its dose comes to ("ceftriaxone 1 g IM":
 * J0696, 4 units of 250 mg). Undefined when no drug code's drug is named, or two are.
 */
export function drugByName(catalog: ProcedureCatalog, description: string): { match: CatalogMatch; units?: number } | undefined {
  const words = new Set(tokenize(description));
  const named = [...catalog.byCode.values()].flatMap((p) => {
    const drug = drugOf(p);
    return drug && words.has(drug.name) ? [{ p, drug }] : [];
  });
  if (named.length !== 1) return undefined;
  const [{ p, drug }] = named as [{ p: CatalogProcedure; drug: { name: string; unitMg?: number } }];
  const dose = /(\d+(?:\.\d+)?)\s*(mg|mcg|g|gm|gram|grams)\b/i.exec(description);
  const doseMg = dose ? toMg(Number(dose[1]), (dose[2] ?? 'mg').replace(/^(gm|grams?)$/i, 'g')) : undefined;
  const units = doseMg && drug.unitMg ? Math.max(1, Math.ceil(doseMg / drug.unitMg - 1e-9)) : undefined;
  return { match: { procedure: p, score: DRUG_BY_NAME, matched: [drug.name] }, ...(units ? { units } : {}) };
}

/**
 * The patient's status for a visit line that gives none: new when the note says so ("new patient",
 * "here to establish care"), else established.
 */
export function statusFromNote(notes: string): 'new' | 'established' {
  const t = notes.toLowerCase();
  return /\bnew (?:patient|pt)\b|\bnew to (?:the |this )?(?:clinic|practice|office)\b|\bestablish(?:ing)? care\b/.test(t)
    ? 'new'
    : 'established';
}

/**
 * A line for a service only ordered, scheduled or referred out is not billed today. Without a written
 * code it is simply not a procedure of this visit; a code written on it goes to a coder.
 */
export function renderedToday(run: CodingRun, p: DocumentedProcedure, edits: EditFinding[]): boolean {
  if (!notRenderedToday(p.description)) return true;
  const documented = writtenProcedureCode(p, run.codeSets.catalog);
  if (documented)
    edits.push({
      rule: 'NOT_RENDERED',
      severity: 'warning',
      codes: [documented],
      needsDocumentation: false,
      source: 'Procedure lines',
      message: `The physician wrote ${documented} on a line saying the service was ordered or scheduled, not rendered today; it is not billed, and a coder must confirm.`,
    });
  return false;
}

/** The catalog's entry for a code the engine derived (a vaccine, a repair), or a finding for a coder when the catalog lacks it. */
export function derivedCatalogEntry(run: CodingRun, code: string, what: string, edits: EditFinding[]): CatalogProcedure | undefined {
  const entry = run.codeSets.catalog.byCode.get(code);
  if (!entry)
    edits.push({
      rule: 'NOT_IN_CATALOG',
      severity: 'warning',
      codes: [code],
      needsDocumentation: false,
      source: `Procedure catalog ${run.codeSets.versions['procedure-catalog']}`,
      message: `${code} (${what}) is not in the procedure catalog; a coder must confirm it.`,
    });
  return entry;
}
