/**
 * Written HCPCS codes for a drug or device that the record names as another product of the same
 * family; each is corrected as procedure-corrections.ts corrects a line (the corrected code on the
 * claim, the written code offered, a 'changed' documented code that sends the encounter to a coder):
 *  - levonorgestrel intrauterine systems have a code per product (Kyleena J7296, Liletta J7297,
 *    Mirena J7298, Skyla J7301): the product the notes name picks the code;
 *  - albuterol and levalbuterol inhalation solutions have a code for the concentrated form and one
 *    for the unit dose (albuterol J7611 / J7613 per 1 mg, levalbuterol J7612 / J7614 per 0.5 mg):
 *    the form the notes state picks the code, the units (the same measure) kept.
 * Only the notes are read, and only when they name exactly one product (or form) of the family: a
 * line's own description is the title of the code written on it.
 */
import type { EditFinding } from '../domain/coding.ts';
import type { CodingRun } from './coding-run.ts';
import { correct, titleOf, writtenLines } from './procedure-corrections.ts';
import type { VisitLine } from './vaccine-coding.ts';

interface Product {
  code: string;
  /** Words in the notes naming this product of the family. */
  named: RegExp;
}

const UNIT_DOSE = /\bunit[- ]dose\b|\bpre-?mixed\b|\bready[- ]to[- ]use\b/i;
const CONCENTRATE = /\bconcentrat(?:e|ed)\b/i;

/** A family of products; `drug`, when given, must be named on the line that names the form. */
const FAMILIES: ReadonlyArray<{ what: string; drug?: RegExp; products: readonly Product[] }> = [
  {
    what: 'levonorgestrel intrauterine system',
    products: [
      { code: 'J7296', named: /\bkyleena\b/i },
      { code: 'J7297', named: /\bliletta\b/i },
      { code: 'J7298', named: /\bmirena\b/i },
      { code: 'J7301', named: /\bskyla\b/i },
    ],
  },
  {
    what: 'albuterol inhalation solution (concentrated J7611, unit dose J7613)',
    drug: /\b(?:albuterol|salbutamol)\b/i,
    products: [
      { code: 'J7611', named: CONCENTRATE },
      { code: 'J7613', named: UNIT_DOSE },
    ],
  },
  {
    what: 'levalbuterol inhalation solution (concentrated J7612, unit dose J7614)',
    drug: /\blevalbuterol\b/i,
    products: [
      { code: 'J7612', named: CONCENTRATE },
      { code: 'J7614', named: UNIT_DOSE },
    ],
  },
];

/** The product of a family the notes name (on a line naming the drug, when given), when they name exactly one. */
export function namedProduct(notes: string, products: readonly Product[], drug?: RegExp): string | undefined {
  const text = drug
    ? notes
        .split(/\n/)
        .filter((line) => drug.test(line))
        .join('\n')
    : notes;
  const named = products.filter((p) => p.named.test(text));
  return named.length === 1 ? named[0]!.code : undefined;
}

/** The visit's written drug and device codes checked against the product the record names. */
export function correctNamedProducts(run: CodingRun, lines: readonly VisitLine[], edits: EditFinding[]): void {
  const notes = run.input.documentation.notes;
  for (const family of FAMILIES) {
    const codes = new Set(family.products.map((p) => p.code));
    const target = namedProduct(notes, family.products, family.drug);
    if (!target) continue;
    const written = writtenLines(lines).filter((w) => codes.has(w.code));
    if (written.some((w) => w.code === target)) continue;
    for (const w of written) {
      const reason = `${w.code} (${titleOf(run, w.code)}) is another product of the ${family.what} than the one the record names: ${target} (${titleOf(run, target)}). A coder must confirm.`;
      correct(run, w, 'NAMED_PRODUCT', `HCPCS ${family.what}: a code per product`, [{ code: target, units: w.units }], reason, edits);
    }
  }
}
