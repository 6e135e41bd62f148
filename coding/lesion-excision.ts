/**
 * Excision of a skin lesion (CPT 11400-11446 benign, 11600-11646 malignant) is coded by the lesion's
 * behaviour, its site group (trunk and limbs; scalp, neck, hands, feet, genitalia; face, ears,
 * eyelids, nose, lips) and the excised diameter: the lesion's greatest diameter plus the narrowest
 * margin on each side. A written excision code is corrected as procedure-corrections.ts corrects a
 * line when the notes show:
 *  - the lesion is a confirmed malignancy (by pathology or a proven biopsy) and a benign code was
 *    written: the malignant code of the same site group;
 *  - an excised diameter (stated, or the lesion's size and its margins) in another size band than
 *    the written code's: the code of that band.
 * The site group is the written code's. Only a visit with one written excision is read.
 */
import type { EditFinding } from '../domain/coding.ts';
import type { CodingRun } from './coding-run.ts';
import { correct, writtenLines, type WrittenLine } from './procedure-corrections.ts';
import type { VisitLine } from './vaccine-coding.ts';

const EXCISION = /^11[46][024][0-46]$/;
/** The last digit of each size band, by the band's greatest excised diameter in centimetres. */
const BANDS: ReadonlyArray<readonly [number, string]> = [
  [0.5, '0'],
  [1.0, '1'],
  [2.0, '2'],
  [3.0, '3'],
  [4.0, '4'],
  [Infinity, '6'],
];

const MALIGNANT =
  /\b(?:basal cell carcinoma|squamous cell carcinoma|(?:nodular |superficial |infiltrative )?BCC|SCC|melanoma|carcinoma|malignan(?:t|cy)|Merkel cell)\b/i;
const CONFIRMED = /\b(?:path(?:ology)?|bx[- ]proven|biopsy[- ](?:proven|confirmed)|histolog\w*|final path)\b/i;
const NEGATED = /\b(?:no|negative for|without|r\/o|rule out|benign|not)\s+(?:\w+\s+){0,2}?(?:carcinoma|malignan|melanoma|BCC|SCC)/i;

const SITES: Readonly<Record<string, string>> = {
  '0': 'trunk, arms or legs',
  '2': 'scalp, neck, hands, feet or genitalia',
  '4': 'face, ears, eyelids, nose, lips or mucous membrane',
};
const SIZES: Readonly<Record<string, string>> = {
  '0': '0.5 cm or less',
  '1': '0.6 to 1.0 cm',
  '2': '1.1 to 2.0 cm',
  '3': '2.1 to 3.0 cm',
  '4': '3.1 to 4.0 cm',
  '6': 'over 4.0 cm',
};
/** The catalog's title of an excision code, else one built from its digits. */
const excisionTitle = (run: CodingRun, code: string) =>
  run.codeSets.catalog.byCode.get(code)?.description ??
  `Excision, ${code[2] === '6' ? 'malignant' : 'benign'} lesion, ${SITES[code[3]!]}, excised diameter ${SIZES[code[4]!]}`;

/** A malignancy of the past ("hx BCC 2019, path-proven") is not the lesion excised today. */
const PAST = /\b(?:hx|h\/o|history of|prior|previous|remote)\b/i;

/** Whether the notes confirm the excised lesion malignant (a clause naming a malignancy and its pathology, not denied nor past). */
export function confirmedMalignant(notes: string): boolean {
  return notes.split(/\n|(?<=[.;])\s+/).some((c) => MALIGNANT.test(c) && CONFIRMED.test(c) && !NEGATED.test(c) && !PAST.test(c));
}

const cm = (n: string, unit: string) => Number(n) / (/^mm$/i.test(unit) ? 10 : 1);
const STATED_DIAMETER = /\bexcised diameter\s*(?:of|=|:|is|was)?\s*(\d+(?:\.\d+)?)\s*(cm|mm)\b/i;
const LESION_SIZE = /\blesion\b[^.\n]{0,25}?\b(\d+(?:\.\d+)?)\s*(?:(cm|mm)\s*)?(?:x\s*(\d+(?:\.\d+)?)\s*)?(cm|mm)\b/i;
const MARGIN = /\b(\d+(?:\.\d+)?)\s*(cm|mm)\s+(?:clinical |surgical |peripheral )?margins?\b|\bmargins? of\s+(\d+(?:\.\d+)?)\s*(cm|mm)\b/i;

/** The excised diameter in centimetres the notes state, or the lesion's greatest size plus a margin each side. */
export function excisedDiameter(notes: string): number | undefined {
  const stated = STATED_DIAMETER.exec(notes);
  if (stated) return cm(stated[1]!, stated[2]!);
  const lesion = LESION_SIZE.exec(notes);
  const margin = MARGIN.exec(notes);
  if (!lesion || !margin) return undefined;
  const unit = lesion[4]!;
  const size = Math.max(cm(lesion[1]!, lesion[2] ?? unit), lesion[3] ? cm(lesion[3], unit) : 0);
  const each = margin[1] ? cm(margin[1], margin[2]!) : cm(margin[3]!, margin[4]!);
  return Math.round((size + 2 * each) * 10) / 10;
}

function correctExcision(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  const excisions = written.filter((w) => EXCISION.test(w.code));
  if (excisions.length !== 1) return;
  const [w] = excisions as [WrittenLine];
  const notes = run.input.documentation.notes;
  const malignant = w.code[2] === '6' || confirmedMalignant(notes);
  const diameter = excisedDiameter(notes);
  const band = diameter === undefined ? w.code[4]! : BANDS.find(([upTo]) => diameter <= upTo)![1];
  const target = `11${malignant ? '6' : '4'}${w.code[3]}${band}`;
  if (target === w.code) return;
  const why: string[] = [];
  if (malignant && w.code[2] === '4') why.push('the record confirms the lesion malignant');
  if (band !== w.code[4]) why.push(`the excised diameter (lesion plus margins) is ${diameter} cm`);
  const reason = `Excision of a skin lesion: ${why.join('; ')}, so ${target} (${excisionTitle(run, target)}), not ${w.code}. A coder must confirm.`;
  correct(
    run,
    w,
    'LESION_EXCISION',
    'CPT excision of skin lesions: behaviour, site group and excised diameter (greatest lesion diameter plus the narrowest margins)',
    [{ code: target, units: w.units }],
    reason,
    edits,
  );
}

/** The visit's written excision code checked against the lesion the record describes. */
export function correctLesionExcision(run: CodingRun, lines: readonly VisitLine[], edits: EditFinding[]): void {
  correctExcision(run, writtenLines(lines), edits);
}
