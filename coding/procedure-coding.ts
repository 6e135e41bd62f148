/**
 * Procedures: each documented procedure coded against the customer's catalog and pointed at the
 * diagnoses it treats. The physician's own code is kept: found in the catalog, or, when the catalog
 * lacks it, kept as written with a finding for a coder (never replaced by a description match),
 * unless a rule of the code set or the record shows it wrong (procedure-corrections.ts: corrected,
 * the written code offered beside, the encounter sent to a coder). A
 * procedure documented without a code is read as a biller reads it (procedure-lines.ts: not rendered
 * today, an administration, a drug by name, a visit by level) or matched by description, an
 * age-banded visit in the band of the patient's age. A procedure that matches nothing becomes a
 * finding for a coder.
 * Over 300 lines because the reading of one procedure line (catalog, written code, description,
 * units, pointers) is one path a reader follows from top to bottom.
 */
import type { CodedDiagnosis, CodedProcedure, EditFinding, RecordSection } from '../domain/coding.ts';
import type { DocumentedProcedure } from '../domain/encounter.ts';
import { codeForAge, codeForStatus } from './age-bands.ts';
import { round, type CodingRun } from './coding-run.ts';
import {
  isLevellessOfficeVisit,
  matchProcedure,
  officeVisitByLevel,
  officeVisitCode,
  procedureCodesInNotes,
  procedureSystem,
  procedureTokens,
  statusOnLine,
  writtenProcedureCode,
  type CatalogMatch,
  type CatalogProcedure,
  visitLevelInNotes,
} from './procedures.ts';
import {
  administrationCode,
  drugByName,
  isAdministrationLine,
  isVaccineProduct,
  renderedToday,
  statusFromNote,
  type OtherLine,
} from './procedure-lines.ts';
import { tokenize } from './text.ts';
import { correctWrittenCodes } from './procedure-corrections.ts';
import { correctServiceMethod } from './service-method-corrections.ts';
import { correctPsychotherapyTime } from './psychotherapy-time.ts';
import { correctVisitKind } from './visit-kind-corrections.ts';
import { correctServiceExtent } from './service-extent-corrections.ts';
import { correctLesionExcision } from './lesion-excision.ts';
import { correctProcedureVariant } from './procedure-variant-corrections.ts';
import { correctNamedProducts } from './product-corrections.ts';
import { combineWrittenCodes } from './combined-codes.ts';
import { checkRepairsAdded, checkWrittenRepair, codedWoundRepair, woundRepairLines } from './wound-repair.ts';
import { readVaccineLine, settleVaccineAdministration, type VaccineLine, type VisitLine } from './vaccine-coding.ts';

/** CPT (five digits, or four and F/T/U) and HCPCS Level II (a letter and four digits) code shapes. */
const PROCEDURE_CODE = /^(\d{4}[0-9FTU]|[A-V]\d{4})$/;
/** Confidence of a documented code the catalog does not hold (valid in shape, not checked against a code list). */
const DOCUMENTED_NOT_IN_CATALOG = 0.9;
const section: RecordSection = 'procedures';

/** Up to four diagnoses the procedure treats: those sharing words with it (a visit points at the first four). */
export function pointersFor(diagnoses: CodedDiagnosis[], code: string, procTokens: ReadonlySet<string>): number[] {
  const isVisit = /^992\d\d$|^G04(38|39)$/.test(code);
  const relevance = diagnoses.map((d, i) => ({
    pointer: i + 1,
    overlap: isVisit ? 0 : tokenize(`${d.description} ${d.evidence.map((e) => e.text).join(' ')}`).filter((t) => procTokens.has(t)).length,
  }));
  const related = relevance.filter((r) => r.overlap > 0).sort((a, b) => b.overlap - a.overlap || a.pointer - b.pointer);
  return (related.length ? related : relevance)
    .slice(0, 4)
    .map((r) => r.pointer)
    .sort((a, b) => a - b);
}

/** The catalog entry for a description match, moved to the band of the patient's age when the code is age-banded. */
function inAgeBand(run: CodingRun, match: CatalogMatch, description: string): { procedure: CatalogProcedure; note: string } {
  // The series of the patient's status: the line's, else the note's (new only when said).
  const said = statusOnLine(description);
  const status = said === 'new' || said === 'established' ? said : statusFromNote(run.input.documentation.notes);
  const series = codeForStatus(match.procedure.code, status) ?? match.procedure.code;
  const wanted = codeForAge(series, run.input.patient.ageYears);
  const entry = wanted && wanted !== match.procedure.code ? run.codeSets.catalog.byCode.get(wanted) : undefined;
  return entry
    ? {
        procedure: entry,
        note: ` The matched ${match.procedure.code} is for another age band or patient status: ${entry.code} is the code for a${status === 'new' ? ' new' : 'n established'} patient of ${run.input.patient.ageYears}.`,
      }
    : { procedure: match.procedure, note: '' };
}

/** What the other lines tell about a line before its words are matched: the administration it is. */
interface LineContext {
  others: readonly OtherLine[];
}

function codeOne(
  run: CodingRun,
  p: DocumentedProcedure,
  diagnoses: CodedDiagnosis[],
  edits: EditFinding[],
  context?: LineContext,
): CodedProcedure | undefined {
  const catalogName = `Procedure catalog ${run.codeSets.versions['procedure-catalog']}`;
  const documented = writtenProcedureCode(p, run.codeSets.catalog);
  const known = documented ? run.codeSets.catalog.byCode.get(documented) : undefined;
  const drug = known || documented ? undefined : drugByName(run.codeSets.catalog, p.description);
  const base = { units: p.units ?? drug?.units ?? 1, modifiers: p.modifiers ?? [], evidence: [{ section, text: p.description }] };
  if (documented && !known && PROCEDURE_CODE.test(documented)) {
    edits.push({
      rule: 'NOT_IN_CATALOG',
      severity: 'warning',
      codes: [documented],
      needsDocumentation: false,
      source: catalogName,
      message: `The documented procedure code ${documented} is not in the procedure catalog; it is kept as documented and a coder must confirm it.`,
    });
    const system = procedureSystem(documented);
    const suggestion = otherSuggestion(run, p, documented, edits);
    return {
      system,
      code: documented,
      description: p.description,
      confidence: DOCUMENTED_NOT_IN_CATALOG,
      ...base,
      alternatives: suggestion ? [suggestion] : [],
      diagnosisPointers: pointersFor(diagnoses, documented, new Set(procedureTokens(p.description))),
      rationale: `Code ${documented} documented by the physician with "${p.description}"; not in the procedure catalog, so kept as written (never replaced by a description match) for a coder to confirm.`,
    };
  }
  const visitByLevel = known ? undefined : byVisitLevel(run, p.description);
  if (!known && !documented && !visitByLevel && isLevellessOfficeVisit(p.description)) {
    edits.push({
      rule: 'VISIT_LEVEL_UNSTATED',
      severity: 'warning',
      codes: [],
      needsDocumentation: false,
      source: 'CPT E/M guidelines: office visits are leveled by medical decision making or time',
      message:
        'An office visit line names no level and the note states no level of medical decision making; a coder must choose the visit code.',
    });
    return undefined;
  }
  const matches = known
    ? []
    : (byAdministration(run, p.description, context) ??
      visitByLevel ??
      (drug ? [drug.match] : undefined) ??
      matchProcedure(run.codeSets.catalog, p.description).filter(namesTheVaccine));
  const top = matches[0];
  if (!known && (!top || top.score < 0.35)) {
    edits.push({
      rule: 'UNMATCHED_PROCEDURE',
      severity: 'warning',
      codes: documented ? [documented] : [],
      needsDocumentation: false,
      source: catalogName,
      message: `A documented procedure${documented ? ` (code ${documented})` : ''} matches no entry of the procedure catalog; a coder must assign it.`,
    });
    return undefined;
  }
  const banded = top && !known ? inAgeBand(run, top, p.description) : undefined;
  const proc = known ?? banded?.procedure;
  if (!proc) return undefined;
  const suggestion = known ? otherSuggestion(run, p, known.code, edits) : undefined;
  const score = known ? 0.97 : (top?.score ?? 0);
  return {
    system: proc.system,
    code: proc.code,
    description: proc.description,
    confidence: round(score),
    ...base,
    diagnosisPointers: pointersFor(diagnoses, proc.code, new Set([...procedureTokens(p.description), ...proc.tokens])),
    alternatives: (suggestion ? [suggestion] : []).concat(
      matches.slice(1, 4).map((a) => ({
        system: a.procedure.system,
        code: a.procedure.code,
        description: a.procedure.description,
        confidence: round(a.score),
        rationale: `Catalog description shares "${a.matched.join(' ')}".`,
        evidence: [{ section, text: p.description }],
      })),
    ),
    rationale: known
      ? `Code ${proc.code} documented with the procedure and found in the procedure catalog.`
      : `Documented procedure matched the catalog entry ${top?.procedure.code} on "${top?.matched.join(' ')}"${documented ? ` (documented code ${documented} is not in the catalog)` : ''}.${banded?.note ?? ''}`,
  };
}

/** Words of a vaccine product's description that say how much or for whom, not which vaccine. */
const NOT_A_VACCINE_NAME =
  /^(\d+|dose|doses|adult|adults|pediatric|child|children|schedule|intramuscular|oral|intranasal|subcutaneous|preservative|free|adjuvanted|high|quadrivalent|trivalent|use|for|and|of|or|with|mg|ml|mcg|unit|units|component)$/;

/**
 * A catalog match that is a vaccine product must rest on a word naming the vaccine (its disease, its
 * kind, "vaccine"): "Albuterol 2.5 mg unit dose" shares "2" and "dose" with a hepatitis B vaccine's
 * "2-dose" and is no vaccine. Lines naming a vaccine by brand or abbreviation are read before this
 * (vaccine-coding.ts).
 */
const namesTheVaccine = (m: CatalogMatch) => !isVaccineProduct(m.procedure) || m.matched.some((t) => !NOT_A_VACCINE_NAME.test(t));

/** Confidence of an office visit whose description names the patient's status and the level of decision making. */
const VISIT_BY_LEVEL = 0.9;
/** Confidence of an office visit line naming no level, leveled by the decision making the note states. */
const VISIT_BY_NOTE_LEVEL = 0.85;

/** An office visit described by status and level ("est pt visit low"): that level's catalog code, not the nearest words. */
function byVisitLevel(run: CodingRun, description: string): CatalogMatch[] | undefined {
  const notes = run.input.documentation.notes;
  const status = statusFromNote(notes);
  const onLine = officeVisitByLevel(description, status);
  const said = statusOnLine(description);
  const noteLevel =
    onLine || said === 'both' || !isLevellessOfficeVisit(description) ? undefined : visitLevelInNotes(notes, said ?? status);
  const code = onLine ?? (noteLevel && said !== 'both' ? officeVisitCode(said ?? status, noteLevel) : undefined);
  const procedure = code ? run.codeSets.catalog.byCode.get(code) : undefined;
  if (!procedure) return undefined;
  return onLine
    ? [{ procedure, score: VISIT_BY_LEVEL, matched: ['patient status', 'level of medical decision making'] }]
    : [{ procedure, score: VISIT_BY_NOTE_LEVEL, matched: ['patient status', "the note's level of medical decision making"] }];
}

/**
 * A description that matches another catalog code this well, and clearly better than the written
 * code's own catalog description, is a conflict a coder settles.
 */
const CONFLICT_SCORE = 0.6;
const CONFLICT_MARGIN = 0.25;

/**
 * The physician's code is kept; when the description matches another catalog code well, that code is
 * offered as an alternative and a finding sends the encounter to a coder (never a silent rewrite).
 */
function otherSuggestion(
  run: CodingRun,
  p: DocumentedProcedure,
  documented: string,
  edits: EditFinding[],
): CodedProcedure['alternatives'][number] | undefined {
  const matches = matchProcedure(run.codeSets.catalog, p.description.replace(/\b[A-V]?\d{4}[0-9FTU]?\b/gi, ' '));
  const top = matches[0];
  const own = matches.find((m) => m.procedure.code === documented)?.score ?? 0;
  if (!top || top.score < CONFLICT_SCORE || top.score - own < CONFLICT_MARGIN || top.procedure.code === documented) return undefined;
  // Another age band of the same series is the age-band edit's business, not a conflict of description.
  if (codeForAge(top.procedure.code, 0) !== undefined && codeForAge(top.procedure.code, 0) === codeForAge(documented, 0)) return undefined;
  edits.push({
    rule: 'DOCUMENTED_CODE_DIFFERS',
    severity: 'warning',
    codes: [documented, top.procedure.code],
    needsDocumentation: false,
    source: `Procedure catalog ${run.codeSets.versions['procedure-catalog']}`,
    message: `The physician wrote ${documented} for "${p.description}"; the description reads like ${top.procedure.code} (${top.procedure.description}). ${documented} is kept; a coder must confirm.`,
  });
  return {
    system: top.procedure.system,
    code: top.procedure.code,
    description: top.procedure.description,
    confidence: round(top.score),
    rationale: `The description matches catalog entry ${top.procedure.code} on "${top.matched.join(' ')}"; the physician's ${documented} is kept.`,
    evidence: [{ section, text: p.description }],
  };
}

/** Confidence of an administration line read from the products the visit gave. */
const ADMINISTRATION_BY_CONTEXT = 0.85;

/** An administration line naming no product: the administration the visit's other lines call for. */
function byAdministration(run: CodingRun, description: string, context: LineContext | undefined): CatalogMatch[] | undefined {
  if (!context) return undefined;
  const code = administrationCode(description, context.others, run.input.documentation.notes);
  const procedure = code ? run.codeSets.catalog.byCode.get(code) : undefined;
  return procedure
    ? [{ procedure, score: ADMINISTRATION_BY_CONTEXT, matched: ['administration', 'the product given on another line'] }]
    : undefined;
}

export function codeProcedures(run: CodingRun, diagnoses: CodedDiagnosis[], edits: EditFinding[]): CodedProcedure[] {
  const doc = run.input.documentation;
  const rendered = doc.procedures.filter((p) => renderedToday(run, p, edits));
  const written = (p: DocumentedProcedure) => writtenProcedureCode(p, run.codeSets.catalog);
  // Lines naming vaccines (no code written) first; then the other product lines; then the
  // administration lines, read beside those products.
  const vaccines = new Map<DocumentedProcedure, VaccineLine>();
  for (const p of rendered) {
    const read = written(p) ? undefined : readVaccineLine(run, p, diagnoses, edits, pointersFor);
    if (read) vaccines.set(p, read);
  }
  // Skin repairs without a code, by class, site and length (wound-repair.ts).
  const repairs = woundRepairLines(rendered, written);
  const repairsAdded = checkRepairsAdded(run, repairs, written, edits);
  const repaired = new Map<DocumentedProcedure, CodedProcedure>();
  for (const p of repairs) {
    const coded = written(p)
      ? undefined
      : codedWoundRepair(run, p, repairs.length === 1, diagnoses, edits, (code) =>
          pointersFor(diagnoses, code, new Set(procedureTokens(p.description))),
        );
    if (coded) repaired.set(p, coded);
  }
  const isAdministration = (p: DocumentedProcedure) =>
    !vaccines.has(p) && !written(p) && isAdministrationLine(run.codeSets.catalog, p.description);
  const products = new Map(
    rendered
      .filter((p) => !vaccines.has(p) && !isAdministration(p))
      .map((p) => [p, repaired.get(p) ?? codeOne(run, p, diagnoses, edits)] as const),
  );
  const others = (p: DocumentedProcedure): OtherLine[] =>
    rendered
      .filter((o) => o !== p)
      .map((o) => {
        const code = products.get(o)?.code ?? vaccines.get(o)?.coded[0]?.code;
        const procedure = code ? run.codeSets.catalog.byCode.get(code) : undefined;
        return procedure ? { description: o.description, procedure } : { description: o.description };
      });
  const lines: VisitLine[] = rendered.map((p) => {
    const vaccine = vaccines.get(p);
    const one = vaccine || products.has(p) ? products.get(p) : codeOne(run, p, diagnoses, edits, { others: others(p) });
    let coded = vaccine ? [...vaccine.coded] : one ? [one] : [];
    const code = written(p);
    const added = repairsAdded.get(p);
    if (added) coded = added(coded[0]);
    else if (code && repairs.includes(p))
      coded = checkWrittenRepair(run, p, code, coded[0], repairs.length === 1, diagnoses, edits) ?? coded;
    return { line: p, ...(code ? { written: code } : {}), coded, ...(vaccine ? { vaccine } : {}) };
  });
  // Codes the physician wrote out in the notes and on no procedure line are procedures too, kept as written.
  for (const w of procedureCodesInNotes(doc.notes)) {
    if (lines.some((l) => l.coded.some((c) => c.code === w.code))) continue;
    const line = { description: w.text, code: w.code };
    const coded = codeOne(run, line, diagnoses, edits);
    if (coded) lines.push({ line, written: w.code, coded: [coded] });
  }
  // Written codes the record shows to be wrong are corrected, the written code offered beside (procedure-corrections.ts).
  correctWrittenCodes(run, lines, edits);
  correctServiceMethod(run, lines, edits);
  correctPsychotherapyTime(run, lines, edits);
  correctVisitKind(run, lines, edits);
  correctServiceExtent(run, lines, edits);
  correctLesionExcision(run, lines, edits);
  correctProcedureVariant(run, lines, edits);
  correctNamedProducts(run, lines, edits);
  combineWrittenCodes(run, lines, edits);
  return settleVaccineAdministration(run, lines, diagnoses, edits, pointersFor);
}
