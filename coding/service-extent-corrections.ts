/**
 * Written procedure codes that the record shows to be a neighbour of the same service, by what was
 * given or measured or how long it lasted; each is corrected as procedure-corrections.ts corrects a
 * line (the corrected code on the claim, the written code offered, a 'changed' documented code that
 * sends the encounter to a coder):
 *  - spirometry is 94010 alone and 94060 before and after a bronchodilator: 94010 written when the
 *    notes document a post-bronchodilator study is 94060;
 *  - tobacco cessation counseling is 99406 for 3 to 10 minutes and 99407 for more than 10: a written
 *    code of the other band than the minutes the notes state is swapped (under 3 minutes is left);
 *  - an IV infusion of a chemotherapy drug is administered as chemotherapy (96413 first hour, 96415
 *    each further hour): a therapeutic infusion (96365, 96366) written beside a chemotherapy drug line
 *    (HCPCS J9000-J9999) and no chemotherapy administration code is the chemotherapy one.
 */
import type { EditFinding } from '../domain/coding.ts';
import type { CodingRun } from './coding-run.ts';
import { correct, titleOf, writtenLines, type WrittenLine } from './procedure-corrections.ts';
import type { VisitLine } from './vaccine-coding.ts';

// ---- Spirometry before and after a bronchodilator ----

const BRONCHODILATOR = String.raw`(?:bronchodilator|BD|albuterol|salbutamol|levalbuterol|ipratropium)`;
const POST_STUDY = new RegExp(
  String.raw`\bpost[- ]?${BRONCHODILATOR}\b|\bpre[- ]?(?:and|\/|&)\s*post[- ]?${BRONCHODILATOR}\b|\b(?:before and after|pre and post) (?:a |the )?${BRONCHODILATOR}\b|\b${BRONCHODILATOR} (?:response|reversibility)\b`,
  'i',
);
const NOT_DONE = /\b(?:not (?:done|performed|obtained|given)|deferred|declined|no post|without (?:a )?bronchodilator)\b/i;

/** Whether the notes document spirometry after a bronchodilator (a clause stating it was not done does not count). */
export function postBronchodilatorStudy(notes: string): boolean {
  return notes.split(/\n|(?<=[.;])\s+/).some((clause) => POST_STUDY.test(clause) && !NOT_DONE.test(clause));
}

function correctSpirometry(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  if (written.some((w) => w.code === '94060') || !postBronchodilatorStudy(run.input.documentation.notes)) return;
  for (const w of written.filter((l) => l.code === '94010')) {
    const reason = `94010 is spirometry alone and the record documents a study after a bronchodilator: 94060 (${titleOf(run, '94060')}). A coder must confirm.`;
    correct(
      run,
      w,
      'SPIROMETRY_BRONCHODILATOR',
      'CPT 94010 (spirometry) and 94060 (before and after bronchodilator)',
      [{ code: '94060', units: 1 }],
      reason,
      edits,
    );
  }
}

// ---- Tobacco cessation counseling: the time band ----

const TOBACCO = /\b(?:tobacco|smoking|cessation|quit(?:ting)?|nicotine|cigarettes?|vaping)\b/i;
const COUNSEL = /\bcounsel(?:l?ing|l?ed)?\b/i;
const MINUTES = /(\b(?:more than|over|greater than)\s+|>\s*)?\b(\d{1,2})\s*(?:-\s*)?(?:min|mins|minutes?)\b/gi;

/** The cessation counseling minutes the notes state, when every counseling clause about tobacco states the same. */
export function cessationMinutes(notes: string): number | undefined {
  const found = new Set<number>();
  for (const clause of notes.split(/\n(?=\s*\S)|(?<=[.;])\s+/)) {
    if (!TOBACCO.test(clause) || !COUNSEL.test(clause)) continue;
    for (const m of clause.matchAll(MINUTES)) found.add(Number(m[2]) + (m[1] ? 1 : 0));
  }
  return found.size === 1 ? [...found][0] : undefined;
}

function correctCessation(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  const lines = written.filter((w) => w.code === '99406' || w.code === '99407');
  if (lines.length !== 1) return;
  const minutes = cessationMinutes(run.input.documentation.notes);
  if (minutes === undefined || minutes < 3) return;
  const [w] = lines as [WrittenLine];
  const target = minutes > 10 ? '99407' : '99406';
  if (target === w.code) return;
  const reason = `Tobacco cessation counseling of ${minutes} minutes as the record states is ${target} (${titleOf(run, target)}; 99406 is 3-10 minutes, 99407 more than 10), not ${w.code}. A coder must confirm.`;
  correct(
    run,
    w,
    'COUNSELING_TIME_BAND',
    'CPT 99406 (3-10 minutes) and 99407 (over 10 minutes) tobacco cessation counseling',
    [{ code: target, units: 1 }],
    reason,
    edits,
  );
}

// ---- Chemotherapy given by IV infusion ----

const CHEMOTHERAPY_INFUSION: Readonly<Record<string, string>> = { '96365': '96413', '96366': '96415' };
const CHEMOTHERAPY_DRUG = /^J9\d{3}$/;
/** Chemotherapy administration codes (injections, infusions, pushes, pumps, intracavitary). */
const CHEMOTHERAPY_ADMINISTRATION = /^96(?:40[1-9]|41[0-9]|42[0-9]|4[4-5]\d|5[0-4]\d)$/;

function correctChemotherapyInfusion(
  run: CodingRun,
  lines: readonly VisitLine[],
  written: readonly WrittenLine[],
  edits: EditFinding[],
): void {
  const codes = lines.flatMap((l) => [l.written ?? '', ...l.coded.map((c) => c.code)]);
  const drugs = [...new Set(codes.filter((c) => CHEMOTHERAPY_DRUG.test(c)))];
  if (!drugs.length || codes.some((c) => CHEMOTHERAPY_ADMINISTRATION.test(c))) return;
  for (const w of written.filter((l) => CHEMOTHERAPY_INFUSION[l.code])) {
    const target = CHEMOTHERAPY_INFUSION[w.code]!;
    const reason = `The visit infuses a chemotherapy drug (${drugs.join(', ')}): its infusion is chemotherapy administration, ${target} (${titleOf(run, target)}), not the therapeutic infusion ${w.code}. A coder must confirm.`;
    correct(
      run,
      w,
      'CHEMOTHERAPY_ADMINISTRATION',
      'CPT chemotherapy administration 96413/96415; therapeutic infusion 96365/96366 is for other drugs',
      [{ code: target, units: w.units }],
      reason,
      edits,
    );
  }
}

/** The visit's written codes checked against what the record says was given, measured or spent. */
export function correctServiceExtent(run: CodingRun, lines: readonly VisitLine[], edits: EditFinding[]): void {
  const written = () => writtenLines(lines);
  correctSpirometry(run, written(), edits);
  correctCessation(run, written(), edits);
  correctChemotherapyInfusion(run, lines, written(), edits);
}
