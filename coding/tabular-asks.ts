/**
 * What the tabular's own notes say a code is for, read against the rest of the claim and the record:
 * positive reasons a coder must look before a claim goes out (straight-through.ts). None changes a code.
 *
 * - A code the tabular's "use additional code" notes ask for beside some members of a block, on a
 *   claim that has another member of that block and none of those ("Long term (current) use of
 *   insulin" Z79.4 is asked for by E08, E09, E11 and E13, not by type 1 diabetes E10): whether the
 *   status is reported with this member is the coder's reading of the guideline (I.C.4.a.3), not a
 *   match the engine can be sure of.
 * - A code whose Excludes1 note sends a diagnostic examination to its sign or symptom (the screening
 *   codes Z11-Z13, Z36; the general examination Z00.0) on a record that calls the examination
 *   diagnostic: screening is the testing of seemingly well people, and a patient with a sign or
 *   symptom is coded by it (guideline I.C.21.c.5).
 */
import type { CodedDiagnosis } from '../domain/coding.ts';
import { denialBefore } from './denial.ts';
import { derivedOnce } from './memo.ts';
import { ancestry, EntryKind, matchesPattern, notesFor, type Icd10Cm } from './icd10cm.ts';

const askersCache = new WeakMap<Icd10Cm, Map<string, string[]>>();

/** The entries (chapters, blocks, categories, subcategories) whose "use additional code" notes cite a code. */
function askersOf(icd: Icd10Cm, code: string): string[] {
  return derivedOnce(askersCache, icd, code, () => {
    const out: string[] = [];
    for (const [owner, notes] of Object.entries(icd.notes)) {
      if ((notes.ua ?? []).some(([, patterns]) => patterns.some((p) => matchesPattern(code, p)))) out.push(owner);
    }
    return out;
  });
}

/** The code of the block an entry is in. */
function blockOf(icd: Icd10Cm, code: string): string | undefined {
  return ancestry(icd, code).find((e) => e.kind === EntryKind.Block)?.code;
}

/** Long term (current) drug therapy (Z79): a status the notes of the conditions it treats ask for. */
const LONG_TERM_DRUG_THERAPY = /^Z79/;

/**
 * A long-term drug therapy code the tabular asks for ("use additional code") beside some members of
 * a block, while the claim has another member of that block and none of the members that ask for it.
 */
export function additionalCodeNotAskedFor(icd: Icd10Cm, diagnoses: readonly CodedDiagnosis[]): boolean {
  return diagnoses.some((d) => {
    if (!LONG_TERM_DRUG_THERAPY.test(d.code)) return false;
    const askers = askersOf(icd, d.code);
    if (askers.length === 0) return false;
    const others = diagnoses.filter((o) => o !== d);
    const under = (o: CodedDiagnosis) => new Set(ancestry(icd, o.code).map((e) => e.code));
    if (others.some((o) => askers.some((a) => under(o).has(a)))) return false;
    const askingBlocks = new Set(askers.map((a) => blockOf(icd, a)));
    return others.some((o) => {
      const block = blockOf(icd, o.code);
      return block !== undefined && askingBlocks.has(block);
    });
  });
}

/** The tabular's Excludes1 note that sends a diagnostic examination to its sign or symptom. */
const DIAGNOSTIC_EXAMINATION_EXCLUDED = /\b(diagnostic examination|examination of sign or symptom)\b.*\bcode to sign or symptom\b/i;
/** A statement calling the examination or test diagnostic, not denying it ("needs diagnostic colonoscopy"). */
const CALLED_DIAGNOSTIC = /\bdiagnostic\b/i;
/** A denial right before the word ("not a diagnostic"); one earlier in the clause is of something else ("no symptoms and needs diagnostic colonoscopy"). */
const DENIED_BEFORE = denialBefore({ reach: 'adjacent' });

/**
 * A screening or general examination code (its Excludes1 note: "encounter for diagnostic examination -
 * code to sign or symptom") on a record a statement of which calls the examination diagnostic.
 */
export function diagnosticExaminationAsScreening(
  icd: Icd10Cm,
  statements: readonly string[],
  diagnoses: readonly CodedDiagnosis[],
): boolean {
  const excluding = diagnoses.some((d) => notesFor(icd, d.code, 'ex1').some(([text]) => DIAGNOSTIC_EXAMINATION_EXCLUDED.test(text)));
  if (!excluding) return false;
  return statements.some((s) => {
    const m = CALLED_DIAGNOSTIC.exec(s);
    return m !== null && !DENIED_BEFORE.test(s.slice(0, m.index));
  });
}
