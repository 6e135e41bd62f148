/**
 * Claim edits run on the coded encounter: each finding names its rule, its source and the codes.
 * (Age bands of procedure codes: age-bands.ts.)
 */
import type { EditFinding } from '../domain/coding.ts';
import type { Sex } from '../domain/encounter.ts';
import type { CodeSets } from './code-sets.ts';
import { EntryKind, matchesPattern, normalizeIcdCode, notesFor } from './icd10cm.ts';
import { ageBandEdits } from './age-bands.ts';
import { isEvaluationAndManagement } from './evaluation-management.ts';
import { restrictionsFor } from './restrictions.ts';

export interface DiagnosisLine {
  code: string;
}

export interface ProcedureLine {
  code: string;
  units: number;
  modifiers: string[];
  diagnosisPointers: number[];
}

/** Modifiers that mark a distinct procedural service (NCCI-associated modifiers). */
const DISTINCT_SERVICE_MODIFIERS = new Set(['59', 'XE', 'XS', 'XP', 'XU']);

function nonBillable(diagnoses: readonly DiagnosisLine[], codeSets: CodeSets): EditFinding[] {
  const out: EditFinding[] = [];
  for (const d of diagnoses) {
    const code = normalizeIcdCode(d.code);
    const i = codeSets.icd.byCode.get(code);
    const entry = i === undefined ? undefined : codeSets.icd.entries[i];
    if (entry?.kind === EntryKind.Billable) continue;
    out.push({
      rule: 'NON_BILLABLE',
      severity: 'error',
      message: entry
        ? `${code} is a category or subcategory header; a claim needs a complete (billable) code beneath it.`
        : `${code} is not a valid ICD-10-CM code in ${codeSets.icd.release}.`,
      source: 'ICD-10-CM tabular list (billable codes)',
      codes: [code],
      needsDocumentation: false,
    });
  }
  return out;
}

function excludes1(diagnoses: readonly DiagnosisLine[], codeSets: CodeSets): EditFinding[] {
  const out: EditFinding[] = [];
  const codes = [...new Set(diagnoses.map((d) => normalizeIcdCode(d.code)))];
  for (const a of codes) {
    for (const [note, patterns] of notesFor(codeSets.icd, a, 'ex1')) {
      for (const b of codes) {
        if (a === b || !patterns.some((p) => matchesPattern(b, p))) continue;
        if (out.some((f) => f.codes.includes(a) && f.codes.includes(b))) continue;
        out.push({
          rule: 'EXCLUDES1',
          severity: 'error',
          message: `${a} and ${b} may not be reported together (Excludes1 under ${a}: "${note}").`,
          source: 'ICD-10-CM tabular Excludes1',
          codes: [a, b],
          needsDocumentation: true,
        });
      }
    }
  }
  return out;
}

function sexAndAge(diagnoses: readonly DiagnosisLine[], patient: { ageYears: number; sex: Sex }): EditFinding[] {
  const out: EditFinding[] = [];
  for (const d of diagnoses) {
    const code = normalizeIcdCode(d.code);
    for (const r of restrictionsFor(code)) {
      if (r.sex && patient.sex !== 'U' && patient.sex !== r.sex) {
        out.push({
          rule: 'SEX_CONFLICT',
          severity: r.severity,
          message: `${code} (${r.label}) is limited to ${r.sex === 'F' ? 'female' : 'male'} patients; the patient's recorded sex differs.`,
          source: 'Sex edit derived from ICD-10-CM chapter rules (coding/restrictions.ts)',
          codes: [code],
          needsDocumentation: true,
        });
      }
      const tooYoung = r.minAge !== undefined && patient.ageYears < r.minAge;
      const tooOld = r.maxAge !== undefined && patient.ageYears > r.maxAge;
      if (tooYoung || tooOld) {
        out.push({
          rule: 'AGE_CONFLICT',
          severity: r.severity,
          message: `${code} (${r.label}) is expected for ages ${r.minAge ?? 0}-${r.maxAge ?? 124}; the patient's age is outside that range.`,
          source: 'Age edit derived from ICD-10-CM chapter rules (coding/restrictions.ts)',
          codes: [code],
          needsDocumentation: true,
        });
      }
    }
  }
  return out;
}

function procedureToProcedure(procedures: readonly ProcedureLine[], codeSets: CodeSets): EditFinding[] {
  const out: EditFinding[] = [];
  for (const pair of codeSets.ptpPairs) {
    if (pair.modifierIndicator === 9) continue;
    const col1 = procedures.find((p) => p.code === pair.column1);
    const col2 = procedures.find((p) => p.code === pair.column2);
    if (!col1 || !col2) continue;
    if (pair.modifierIndicator === 0) {
      out.push({
        rule: 'PTP',
        severity: 'error',
        message: `${pair.column2} is not separately reportable with ${pair.column1}; no modifier allows the pair.`,
        source: `Procedure-to-procedure pairs (${codeSets.versions['ptp-pairs']}): ${pair.note}`,
        codes: [pair.column1, pair.column2],
        needsDocumentation: false,
      });
      continue;
    }
    const emLine = isEvaluationAndManagement(col2.code) ? col2 : isEvaluationAndManagement(col1.code) ? col1 : undefined;
    const bypassed = emLine
      ? emLine.modifiers.includes('25')
      : [...col1.modifiers, ...col2.modifiers].some((m) => DISTINCT_SERVICE_MODIFIERS.has(m.toUpperCase()));
    if (bypassed) continue;
    out.push({
      rule: 'PTP',
      severity: 'error',
      message: emLine
        ? `${emLine.code} billed with ${emLine === col1 ? col2.code : col1.code} needs modifier 25 on the visit, supported by a significant, separately identifiable evaluation.`
        : `${pair.column2} with ${pair.column1} needs a distinct-service modifier (59, XE, XS, XP or XU) supported by documentation.`,
      source: `Procedure-to-procedure pairs (${codeSets.versions['ptp-pairs']}): ${pair.note}`,
      codes: [pair.column1, pair.column2],
      needsDocumentation: false,
    });
  }
  return out;
}

function unitsPerDay(procedures: readonly ProcedureLine[], codeSets: CodeSets): EditFinding[] {
  const totals = new Map<string, number>();
  for (const p of procedures) totals.set(p.code, (totals.get(p.code) ?? 0) + p.units);
  const out: EditFinding[] = [];
  for (const [code, units] of totals) {
    const limit = codeSets.unitLimits.get(code);
    if (limit === undefined || units <= limit) continue;
    out.push({
      rule: 'MUE',
      severity: 'error',
      message: `${code} is billed for ${units} units; the per-day limit is ${limit}.`,
      source: `Per-day unit limits (${codeSets.versions.mue})`,
      codes: [code],
      needsDocumentation: false,
    });
  }
  return out;
}

function diagnosisPointers(diagnoses: readonly DiagnosisLine[], procedures: readonly ProcedureLine[]): EditFinding[] {
  const out: EditFinding[] = [];
  procedures.forEach((p, line) => {
    const ptrs = p.diagnosisPointers;
    const valid =
      ptrs.length >= 1 &&
      ptrs.length <= 4 &&
      new Set(ptrs).size === ptrs.length &&
      ptrs.every((n) => Number.isInteger(n) && n >= 1 && n <= diagnoses.length);
    if (valid) return;
    out.push({
      rule: 'DX_POINTER',
      severity: 'error',
      message: `Line ${line + 1} (${p.code}) must point to 1-4 distinct diagnoses on the claim (it points to [${ptrs.join(', ')}] of ${diagnoses.length}).`,
      source: 'CMS-1500 / 837P diagnosis pointer rules',
      codes: [p.code],
      needsDocumentation: false,
    });
  });
  return out;
}

function duplicateLines(procedures: readonly ProcedureLine[]): EditFinding[] {
  const seen = new Set<string>();
  const out: EditFinding[] = [];
  for (const p of procedures) {
    const key = `${p.code}|${[...p.modifiers].sort().join(',')}`;
    if (seen.has(key)) {
      out.push({
        rule: 'DUPLICATE_LINE',
        severity: 'error',
        message: `${p.code} appears on more than one line with the same modifiers; report it once with units.`,
        source: 'Duplicate claim line check',
        codes: [p.code],
        needsDocumentation: false,
      });
    }
    seen.add(key);
  }
  return out;
}

/**
 * A code the tabular makes supplementary first on the claim: an infectious agent "as the cause of
 * diseases classified elsewhere" (B95-B97) or a manifestation "in diseases classified elsewhere"
 * names no condition of its own (guideline I.C.1.b, I.A.13) and is never first-listed. Alone on the
 * claim ("H. pylori" written B96.81 beside an assessment of H. pylori gastritis), the condition it
 * qualifies is missing.
 */
const SUPPLEMENTARY_TITLE = /\b(?:in|as the cause of) diseases classified elsewhere\b/i;
function supplementaryFirst(diagnoses: readonly DiagnosisLine[], codeSets: CodeSets): EditFinding[] {
  const first = diagnoses[0] ? normalizeIcdCode(diagnoses[0].code) : undefined;
  const i = first === undefined ? undefined : codeSets.icd.byCode.get(first);
  const entry = i === undefined ? undefined : codeSets.icd.entries[i];
  if (!first || !entry) return [];
  // The title of the code or of its category ("Helicobacter pylori [H. pylori] as the cause of diseases classified elsewhere").
  const category = codeSets.icd.entries[codeSets.icd.byCode.get(first.slice(0, 3)) ?? -1];
  if (!SUPPLEMENTARY_TITLE.test(entry.description) && !SUPPLEMENTARY_TITLE.test(category?.description ?? '')) return [];
  return [
    {
      rule: 'SUPPLEMENTARY_FIRST',
      severity: 'error',
      message: `${first} (${entry.description}) qualifies a condition coded elsewhere and may not be first-listed${diagnoses.length === 1 ? '; the condition it qualifies is not on the claim' : ''}.`,
      source: 'ICD-10-CM guidelines I.A.13 and I.C.1.b (codes for diseases classified elsewhere)',
      codes: [first],
      needsDocumentation: false,
    },
  ];
}

export function runEdits(
  diagnoses: readonly DiagnosisLine[],
  procedures: readonly ProcedureLine[],
  patient: { ageYears: number; sex: Sex },
  codeSets: CodeSets,
): EditFinding[] {
  return [
    ...nonBillable(diagnoses, codeSets),
    ...supplementaryFirst(diagnoses, codeSets),
    ...excludes1(diagnoses, codeSets),
    ...sexAndAge(diagnoses, patient),
    ...procedureToProcedure(procedures, codeSets),
    ...unitsPerDay(procedures, codeSets),
    ...diagnosisPointers(diagnoses, procedures),
    ...duplicateLines(procedures),
    ...ageBandEdits(procedures, patient.ageYears),
  ];
}
