/**
 * The vaccines of a visit on its procedure lines (the rules are coding/vaccines.ts):
 *  - a line naming vaccines without a written code ("Vaxelis IM", "MMR, Varivax, HepA, PCV20") is
 *    one product code per vaccine named; a COVID-19 vaccine named without its product is left to a
 *    coder; an influenza vaccine named only as "flu" takes the catalog's influenza product;
 *  - the administration follows from the vaccines given, the patient's age, the counselling the
 *    record documents and the payer: it replaces what an administration line without a code was read
 *    as, and is added when the record gives vaccines and no administration at all;
 *  - administration codes the physician wrote are kept when their scheme fits the patient: the
 *    further units they imply (90461 beside 90460, 90472 beside 90471) are added. A scheme that does
 *    not fit is corrected (procedure-corrections.ts): 90460 for an adult or without counselling,
 *    90471-90474 for a child the physician counselled on the vaccines, 90471 for a Medicare patient's
 *    influenza, pneumococcal or hepatitis B vaccine (G0008-G0010), or for a COVID-19 vaccine (90480);
 *    the codes the record supports replace the written ones, which are offered beside them.
 */
// Just over 300 lines: the administration scheme and its correction belong with the settling of the visit's lines.
import type { CodedDiagnosis, CodedProcedure, EditFinding, RecordSection } from '../domain/coding.ts';
import type { DocumentedProcedure } from '../domain/encounter.ts';
import { round, type CodingRun } from './coding-run.ts';
import { derivedCatalogEntry, isVaccineProduct } from './procedure-lines.ts';
import { correctedProcedures, recordCorrection } from './procedure-corrections.ts';
import { matchProcedure, procedureSystem, procedureTokens } from './procedures.ts';
import {
  administrationFor,
  COUNSELLING_MAX_AGE,
  counselledOnVaccines,
  vaccinesOnLine,
  VACCINE_ADMINISTRATION_CODES,
  type AdministrationLine,
  type GivenVaccine,
} from './vaccines.ts';

const section: RecordSection = 'procedures';
const ADMINISTRATION = /\b(?:admin|administration|administered|adm|given)\b/i;
const MEDICARE = /\bmedicare\b/i;
/**
 * A mention denying Medicare ("not Medicare", "non-Medicare plan"), or naming Medicare as no payer of
 * an office service ("Medicare Part A only" beside an employer plan, "Medicare secondary"), names no
 * Medicare payer.
 */
const NOT_MEDICARE =
  /\b(?:not|non|no)[\s-]+(?:on\s+)?medicare\b|\bmedicare\s+not\b|\bmedicare\s+part\s+a\s+only\b|\bmedicare\s+(?:is\s+|as\s+)?secondary\b/gi;
const namesMedicare = (text: string) => MEDICARE.test(text.replace(NOT_MEDICARE, ' '));
/** Confidence of a product named by brand or standard abbreviation. */
const VACCINE_BY_NAME = 0.9;
/** Confidence of an administration derived from the vaccines given. */
const ADMINISTRATION_DERIVED = 0.85;
const ADMINISTRATION_IMPLIED = 0.8;

export type PointersFor = (diagnoses: CodedDiagnosis[], code: string, tokens: ReadonlySet<string>) => number[];

export interface VaccineLine {
  coded: CodedProcedure[];
  given: GivenVaccine[];
  /** The line also says the vaccines were administered ("Shingrix + admin"). */
  administers: boolean;
}

function procedureFor(
  run: CodingRun,
  code: string,
  fields: { units: number; confidence: number; rationale: string; evidence: string; label?: string },
  pointers: number[],
  edits: EditFinding[],
): CodedProcedure {
  const entry = derivedCatalogEntry(run, code, fields.label ?? 'vaccine service', edits);
  return {
    system: entry?.system ?? procedureSystem(code),
    code,
    description: entry?.description ?? fields.label ?? code,
    confidence: round(fields.confidence),
    units: fields.units,
    modifiers: [],
    evidence: [{ section, text: fields.evidence }],
    alternatives: [],
    diagnosisPointers: pointers,
    rationale: fields.rationale,
  };
}

/** The vaccine products a line without a written code names; undefined when it names none. */
export function readVaccineLine(
  run: CodingRun,
  p: DocumentedProcedure,
  diagnoses: CodedDiagnosis[],
  edits: EditFinding[],
  pointersFor: PointersFor,
): VaccineLine | undefined {
  const age = run.input.patient.ageYears;
  const read = vaccinesOnLine(run.codeSets.vaccines, p.description, age);
  if (!read.named.length && !read.covid) return undefined;
  const coded: CodedProcedure[] = [];
  const given: GivenVaccine[] = [];
  for (const { vaccine, name, ageFits } of read.named) {
    if (!ageFits)
      edits.push({
        rule: 'AGE_CONFLICT',
        severity: 'warning',
        codes: [vaccine.code],
        needsDocumentation: false,
        source: 'Vaccine product ages',
        message: `"${name}" reads as ${vaccine.code} (${vaccine.label}), a product not given at the patient's age of ${age}; a coder must confirm the product.`,
      });
    const tokens = new Set(procedureTokens(`${vaccine.label} vaccine immunization`));
    coded.push(
      procedureFor(
        run,
        vaccine.code,
        {
          units: 1,
          confidence: VACCINE_BY_NAME,
          label: vaccine.label,
          evidence: p.description,
          rationale: `"${p.description}" names ${name}: ${vaccine.label} is ${vaccine.code}.`,
        },
        pointersFor(diagnoses, vaccine.code, tokens),
        edits,
      ),
    );
    given.push({ code: vaccine.code, components: vaccine.components, route: vaccine.route, family: vaccine.family });
  }
  if (read.covid) {
    edits.push({
      rule: 'UNMATCHED_PROCEDURE',
      severity: 'warning',
      codes: [],
      needsDocumentation: false,
      source: 'Vaccine products',
      message: `"${p.description}" gives a COVID-19 vaccine; its product code turns on the manufacturer, the formula year and the dose, and a coder must assign it.`,
    });
    given.push({ components: 1, route: 'injection', family: 'covid' });
  }
  // An influenza vaccine named only as "flu" beside named products: the catalog's influenza product.
  if (/\b(?:flu|influenza)\b/i.test(read.rest) && !given.some((g) => g.family === 'influenza')) {
    const top = matchProcedure(run.codeSets.catalog, `influenza vaccine ${read.rest}`).find((m) =>
      /\binfluenza\b.*\bvaccine\b/i.test(m.procedure.description),
    );
    if (top) {
      coded.push(
        procedureFor(
          run,
          top.procedure.code,
          {
            units: 1,
            confidence: top.score,
            evidence: p.description,
            rationale: `"${p.description}" gives an influenza vaccine without naming its product: the catalog's ${top.procedure.code}.`,
          },
          pointersFor(diagnoses, top.procedure.code, new Set(top.procedure.tokens)),
          edits,
        ),
      );
      const nasal = /\bnasal\b/i.test(top.procedure.description);
      given.push({ code: top.procedure.code, components: 1, route: nasal ? 'nasal' : 'injection', family: 'influenza' });
    }
  }
  return { coded, given, administers: ADMINISTRATION.test(read.rest) };
}

/** A vaccine product coded from another line (a written code or a catalog match), as the administration rules count it. */
function givenFrom(run: CodingRun, p: CodedProcedure): GivenVaccine | undefined {
  if (VACCINE_ADMINISTRATION_CODES.has(p.code)) return undefined;
  const v = run.codeSets.vaccines.byCode.get(p.code);
  if (v) return { code: v.code, components: v.components, route: v.route, family: v.family };
  // A COVID-19 vaccine product code (913xx) is one whether or not the catalog lists it.
  if (/^913\d\d$/.test(p.code)) return { code: p.code, components: 1, route: 'injection', family: 'covid' };
  const entry = run.codeSets.catalog.byCode.get(p.code);
  if (!entry || !isVaccineProduct(entry)) return undefined;
  return {
    code: p.code,
    components: 1,
    route: /\bnasal\b/i.test(entry.description) ? 'nasal' : 'injection',
    family: /\binfluenza\b/i.test(entry.description) ? 'influenza' : 'other',
  };
}

/** The administration scheme of each code: counselling (through age 18), standard, Medicare's G codes, COVID-19. */
const SCHEME: Record<string, 'counselling' | 'standard' | 'medicare' | 'covid'> = {
  '90460': 'counselling',
  '90461': 'counselling',
  '90471': 'standard',
  '90472': 'standard',
  '90473': 'standard',
  '90474': 'standard',
  G0008: 'medicare',
  G0009: 'medicare',
  G0010: 'medicare',
  '90480': 'covid',
};
const SCHEME_SOURCE =
  'CPT immunization administration (90460/90461 through age 18 with counselling by the physician or other qualified professional; 90471-90474 otherwise); Medicare G0008/G0009/G0010';

/**
 * Why a written administration scheme does not fit the patient, and what the record supports: the
 * reason a coder reads beside the corrected codes.
 */
export function schemeReason(
  written: readonly string[],
  computed: readonly AdministrationLine[],
  ctx: { ageYears: number; counselled: boolean; medicare: boolean },
): string {
  const wrote = new Set(written.map((c) => SCHEME[c]));
  const wanted = new Set(computed.map((a) => SCHEME[a.code]));
  const why: string[] = [];
  if (wanted.has('counselling') && !wrote.has('counselling'))
    why.push(`the patient is ${ctx.ageYears} and the record documents the physician's counselling on the vaccines (90460/90461)`);
  if (wrote.has('counselling') && !wanted.has('counselling'))
    why.push(
      ctx.ageYears > COUNSELLING_MAX_AGE
        ? `the counselling codes end at age ${COUNSELLING_MAX_AGE} and the patient is ${ctx.ageYears}`
        : 'the record documents no counselling by the physician on the vaccines',
    );
  if (wanted.has('medicare') && !wrote.has('medicare'))
    why.push('the record names Medicare, which takes its own codes for giving influenza, pneumococcal and hepatitis B vaccines');
  if (wanted.has('covid') && !wrote.has('covid')) why.push('a COVID-19 vaccine is given with 90480');
  const supported = computed.map((a) => `${a.code} x${a.units} (${a.why})`).join(', ');
  return `Vaccine administration: the written ${[...new Set(written)].join(', ')} do not fit: ${why.join('; ') || 'another scheme applies'}. The record supports ${supported}; the written codes are kept as alternatives for a coder.`;
}

export interface VisitLine {
  line: DocumentedProcedure;
  /** The code written on the line, when there is one. */
  written?: string;
  coded: CodedProcedure[];
  vaccine?: VaccineLine;
}

/**
 * The visit's lines with their vaccine administration settled: derived where no code was written,
 * completed or sent to a coder where one was.
 */
export function settleVaccineAdministration(
  run: CodingRun,
  lines: VisitLine[],
  diagnoses: CodedDiagnosis[],
  edits: EditFinding[],
  pointersFor: PointersFor,
): CodedProcedure[] {
  const all = () => lines.flatMap((l) => l.coded);
  const given = lines.flatMap((l) => l.vaccine?.given ?? l.coded.flatMap((p) => givenFrom(run, p) ?? []));
  if (!given.length) return all();
  const notes = run.input.documentation.notes;
  const adminLines = lines.filter((l) => l.vaccine?.administers || l.coded.some((p) => VACCINE_ADMINISTRATION_CODES.has(p.code)));
  const ctx = {
    ageYears: run.input.patient.ageYears,
    counselled: counselledOnVaccines(
      notes,
      adminLines.map((l) => l.line.description),
    ),
    medicare: namesMedicare(notes) || lines.some((l) => namesMedicare(l.line.description)),
  };
  const computed = administrationFor(given, ctx);
  const tokens = new Set(procedureTokens('vaccine immunization administration'));
  const derived = (a: AdministrationLine, confidence: number, evidence: string, how: string) =>
    procedureFor(
      run,
      a.code,
      { units: a.units, confidence, evidence, rationale: `${how}: ${a.code} x${a.units}, ${a.why}.` },
      pointersFor(diagnoses, a.code, tokens),
      edits,
    );
  const written = lines.filter((l) => l.written && VACCINE_ADMINISTRATION_CODES.has(l.written));
  if (!written.length) {
    // No administration code written: the derived administration stands for every administration line.
    const readAsAdmin = lines.filter(
      (l) => !l.written && (l.vaccine?.administers || l.coded.some((p) => VACCINE_ADMINISTRATION_CODES.has(p.code))),
    );
    for (const l of readAsAdmin) l.coded = l.coded.filter((p) => !VACCINE_ADMINISTRATION_CODES.has(p.code));
    const at = readAsAdmin[0];
    const evidence =
      at?.line.description ??
      lines
        .filter((l) => l.vaccine || l.coded.some((p) => givenFrom(run, p)))
        .map((l) => l.line.description)
        .join('; ');
    const how = at
      ? `Administration of the ${given.length} vaccine(s) given`
      : `The record gives ${given.length} vaccine(s) and no administration line; each vaccine given is administered`;
    const added = computed.map((a) => derived(a, at ? ADMINISTRATION_DERIVED : ADMINISTRATION_IMPLIED, evidence, how));
    if (at) at.coded.push(...added);
    else lines.push({ line: { description: evidence }, coded: added });
    return all();
  }
  const writtenCodes = new Set(written.map((l) => l.written!));
  const schemes = new Set([...writtenCodes].map((c) => SCHEME[c]).filter(Boolean));
  const computedSchemes = new Set(computed.map((a) => SCHEME[a.code]).filter(Boolean));
  // A written scheme the patient does not fit, or a scheme the record calls for missing: corrected.
  const misfit =
    [...schemes].some((sc) => !computedSchemes.has(sc)) ||
    [...computedSchemes].some((sc) => (sc === 'medicare' || sc === 'counselling') && !schemes.has(sc));
  if (misfit) {
    const reason = schemeReason(
      written.map((l) => l.written!),
      computed,
      ctx,
    );
    const replacements = computed.map((a) => ({ code: a.code, units: a.units }));
    const isAdmin = (p: CodedProcedure) => VACCINE_ADMINISTRATION_CODES.has(p.code);
    written.forEach((l, i) => {
      const own = l.coded.find(isAdmin);
      const kept = l.coded.filter((p) => !isAdmin(p));
      l.coded = i === 0 ? [...kept, ...correctedProcedures(run, l.line.description, own, replacements, [...writtenCodes], reason)] : kept;
      const correction = { rule: 'ADMINISTRATION_SCHEME', written: l.written!, codedAs: computed.map((a) => a.code), reason };
      recordCorrection(run, l.line, correction, SCHEME_SOURCE, edits);
    });
    return all();
  }
  // The further units a written administration code implies, within its own scheme.
  const last = written[written.length - 1]!;
  for (const a of computed)
    if (!writtenCodes.has(a.code) && SCHEME[a.code] && schemes.has(SCHEME[a.code]!))
      last.coded.push(derived(a, ADMINISTRATION_DERIVED, last.line.description, `Beside the written ${[...writtenCodes].join(', ')}`));
  return all();
}
