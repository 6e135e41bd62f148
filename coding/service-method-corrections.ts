/**
 * Written procedure codes whose choice depends on how the service was done, and the record says
 * otherwise; each is corrected as procedure-corrections.ts corrects a line (the corrected code on
 * the claim, the written code offered, a 'changed' documented code that sends it to a coder):
 *  - psychotherapy done on the day of an E/M visit is the add-on 90833/90836/90838, not the
 *    stand-alone 90832/90834/90837; the time band (16-37, 38-52, 53 or more minutes) is the
 *    psychotherapy time the record states when it states one, else the written code's band;
 *  - arthrocentesis with ultrasound guidance (20604/20606/20611) written when the record documents
 *    the procedure and either no imaging guidance at all or a landmark/palpation approach without
 *    imaging is the unguided code of the same joint size (20600/20605/20610);
 *  - a urinalysis by dipstick without microscopy is 81002 read by hand or eye, 81003 read by an
 *    analyzer: a written code of the other method than the one the record states is swapped.
 *  - an ECG the notes document as recorded in the office and interpreted by the physician, at an
 *    office place of service, is the global 93000, not the interpretation alone (93010);
 *  - a psychiatric diagnostic evaluation with medical services (90792) done by a clinician the notes
 *    name as a psychologist, social worker or counselor (no prescribing scope, no medical services)
 *    is the evaluation without them, 90791.
 * The record is the notes alone: a line's own description is the physician's title of the written
 * code, and would only repeat it.
 */
import type { EditFinding } from '../domain/coding.ts';
import type { CodingRun } from './coding-run.ts';
import { isPsychotherapyAddOnVisit } from './evaluation-management.ts';
import { correct, titleOf, writtenLines, type WrittenLine } from './procedure-corrections.ts';
import type { VisitLine } from './vaccine-coding.ts';

// ---- Psychotherapy with an E/M visit the same day ----

/** Stand-alone psychotherapy codes, their add-on with an E/M visit, and the least minutes of their band. */
export const PSYCHOTHERAPY: ReadonlyArray<{ alone: string; addOn: string; from: number }> = [
  { alone: '90832', addOn: '90833', from: 16 },
  { alone: '90834', addOn: '90836', from: 38 },
  { alone: '90837', addOn: '90838', from: 53 },
];

const THERAPY = /\b(?:psycho-?therapy|CBT|DBT|supportive therapy|therapy session|insight[- ]oriented)\b/i;
/** A clause stating the visit's own time (or the time that leaves psychotherapy out) is not psychotherapy time. */
const OTHER_TIME =
  /\btotal (?:visit )?time\b|\b(?:excluding|exclusive of|not including)\s+(?:the\s+)?psycho-?therapy\b|\bE\/?M time\b|\btime (?:for|of|spent on) (?:the )?(?:E\/?M|med(?:ication)? (?:management|mgmt))\b/i;
const MINUTES = /\b(\d{1,3})\s*(?:-\s*)?(?:min|mins|minutes?)\b/gi;

/**
 * The minutes the clauses `about` keeps state ("40 min", and what `more` reads from a clause, such as a
 * start and end time): one value, or undefined when they state none or several.
 */
export function minutesOfClauses(
  notes: string,
  about: (clause: string) => boolean,
  more?: (clause: string) => number | undefined,
): number | undefined {
  const found = new Set<number>();
  for (const clause of notes.split(/\n|(?<=[.;])\s+/)) {
    if (!about(clause)) continue;
    for (const m of clause.matchAll(MINUTES)) found.add(Number(m[1]));
    const extra = more?.(clause);
    if (extra !== undefined) found.add(extra);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** The psychotherapy minutes the notes state, when every clause about psychotherapy time states the same. */
export function psychotherapyMinutes(notes: string): number | undefined {
  return minutesOfClauses(notes, (clause) => THERAPY.test(clause) && !OTHER_TIME.test(clause));
}

/** An E/M visit psychotherapy is an add-on to, written or coded on the encounter's lines. */
export function withPsychotherapyVisit(lines: readonly VisitLine[]): boolean {
  return lines.some((l) => (l.written && isPsychotherapyAddOnVisit(l.written)) || l.coded.some((c) => isPsychotherapyAddOnVisit(c.code)));
}

function correctPsychotherapy(run: CodingRun, lines: readonly VisitLine[], written: readonly WrittenLine[], edits: EditFinding[]): void {
  const visit = withPsychotherapyVisit(lines);
  const alone = written.filter((w) => PSYCHOTHERAPY.some((p) => p.alone === w.code));
  if (!visit || alone.length !== 1 || written.some((w) => PSYCHOTHERAPY.some((p) => p.addOn === w.code))) return;
  const [w] = alone as [WrittenLine];
  const minutes = psychotherapyMinutes(run.input.documentation.notes);
  if (minutes !== undefined && minutes < 16) return;
  const band =
    minutes === undefined ? PSYCHOTHERAPY.find((p) => p.alone === w.code)! : [...PSYCHOTHERAPY].reverse().find((p) => minutes >= p.from)!;
  const time = minutes === undefined ? `the band of the written ${w.code}` : `${minutes} minutes as the record states`;
  const reason = `Psychotherapy on the day of an E/M visit is the add-on code: ${time} is ${band.addOn} (${titleOf(run, band.addOn)}), not the stand-alone ${w.code}. A coder must confirm.`;
  correct(
    run,
    w,
    'PSYCHOTHERAPY_WITH_VISIT',
    'CPT psychotherapy: 90833/90836/90838 with an E/M service the same day',
    [{ code: band.addOn, units: 1 }],
    reason,
    edits,
  );
}

// ---- Arthrocentesis written as ultrasound-guided ----

const UNGUIDED: Readonly<Record<string, string>> = { '20604': '20600', '20606': '20605', '20611': '20610' };
const INJECTION = /\b(?:inject(?:ion|ed)?|arthrocentesis|aspirat(?:ion|ed)|intra-?articular)\b/i;
/** Statements that no imaging guided the needle. */
const NO_IMAGING =
  /\b(?:landmark[- ]?(?:guided|based|technique)?|landmarks|palpation[- ]guided|by palpation|(?:without|no|not under|w\/o)\s+(?:any\s+)?(?:ultrasound|US|imaging|image|fluoroscopic|fluoroscopy|sonographic)(?:\s+guidance)?|not\s+(?:ultrasound|US|image|imaging)[- ]guided|no imaging used)\b/gi;
/** Any mention of imaging guidance (what is left after the statements of none are taken out). */
const IMAGING =
  /\b(?:ultrasound|sonograph\w*|US[- ]guided|under US|USG|fluoroscop\w*|imaging guidance|image[- ]guided|needle (?:was )?(?:visuali[sz]ed|seen))\b/i;

function correctUnguided(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  const notes = run.input.documentation.notes;
  if (!INJECTION.test(notes) || IMAGING.test(notes.replace(NO_IMAGING, ' '))) return;
  if (written.some((w) => w.code === '76942')) return;
  const landmark = new RegExp(NO_IMAGING.source, 'i').test(notes);
  for (const w of written.filter((l) => UNGUIDED[l.code])) {
    const target = UNGUIDED[w.code]!;
    const why = landmark
      ? 'the record states the needle was placed without imaging (landmark or palpation)'
      : 'the record documents no imaging guidance';
    const reason = `${w.code} is arthrocentesis with ultrasound guidance and ${why}: the procedure is ${target} (${titleOf(run, target)}). A coder must confirm.`;
    correct(
      run,
      w,
      'GUIDANCE_NOT_DOCUMENTED',
      'CPT 20604/20606/20611 require ultrasound guidance with a permanent recorded image',
      [{ code: target, units: w.units }],
      reason,
      edits,
    );
  }
}

// ---- Urinalysis by dipstick: the method read ----

const URINALYSIS = /\b(?:dip\s?stick|urine dip|urinalysis|UA|U\/A)\b/i;
const MANUAL = /\b(?:non-?automated|not automated|manual(?:ly)?|visual(?:ly)?(?:\s+read)?|read visually|by eye|color chart)\b/i;
const AUTOMATED = /\b(?:automated|analy[sz]er|Clinitek|Urisys|instrument[- ]read|machine[- ]read)\b/i;

/** The method of the dipstick the notes state ('manual' or 'automated'), when they state one. */
export function dipstickMethod(notes: string): 'manual' | 'automated' | undefined {
  const methods = new Set<'manual' | 'automated'>();
  for (const clause of notes.split(/\n/)) {
    if (!URINALYSIS.test(clause)) continue;
    if (MANUAL.test(clause)) methods.add('manual');
    if (AUTOMATED.test(clause.replace(/\b(?:non-?|not )automated\b/gi, ' '))) methods.add('automated');
  }
  return methods.size === 1 ? [...methods][0] : undefined;
}

function correctDipstick(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  const method = dipstickMethod(run.input.documentation.notes);
  if (!method) return;
  const [from, to] = method === 'manual' ? ['81003', '81002'] : ['81002', '81003'];
  for (const w of written.filter((l) => l.code === from)) {
    const reason = `${from} is a urinalysis read ${method === 'manual' ? 'by an analyzer' : 'by hand or eye'}, and the record states a ${method} dipstick: ${to} (${titleOf(run, to)}). A coder must confirm.`;
    correct(
      run,
      w,
      'DIPSTICK_METHOD',
      'CPT 81002 (non-automated) and 81003 (automated) urinalysis without microscopy',
      [{ code: to, units: w.units }],
      reason,
      edits,
    );
  }
}

// ---- An ECG recorded in the office: the global code ----

const ECG = /\b(?:ECG|EKG|electrocardiogram|12[- ]lead)\b/i;
const RECORDED_HERE =
  /\b(?:performed|done|obtained|recorded|taken)\s+(?:in (?:the )?(?:office|clinic)|here|in-?office)\b|\bin[- ]office (?:ECG|EKG)\b/i;
const READ_BY_ME = /\binterpret(?:ed|ation)\s+by me\b|\bmy (?:interpretation|read)\b|\bread by me\b|\bI (?:interpreted|read)\b/i;
/** Facility places of service, where the interpretation alone is the physician's part. */
const FACILITY = new Set(['19', '21', '22', '23', '24', '31', '51', '52', '61']);

/** Whether the notes document an ECG recorded in the office and interpreted by the physician, on one line. */
export function officeEcg(notes: string): boolean {
  return notes.split(/\n/).some((line) => ECG.test(line) && RECORDED_HERE.test(line) && READ_BY_ME.test(line));
}

function correctOfficeEcg(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  if (FACILITY.has(run.input.placeOfService) || !officeEcg(run.input.documentation.notes)) return;
  if (written.some((w) => w.code === '93000' || w.code === '93005')) return;
  for (const w of written.filter((l) => l.code === '93010')) {
    const reason = `93010 is the interpretation of an ECG alone and the record documents the tracing recorded in the office and interpreted by the physician: 93000 (${titleOf(run, '93000')}). A coder must confirm.`;
    correct(
      run,
      w,
      'ECG_GLOBAL',
      'CPT 93000 (tracing with interpretation), 93005 (tracing), 93010 (interpretation)',
      [{ code: '93000', units: w.units }],
      reason,
      edits,
    );
  }
}

// ---- A diagnostic evaluation by a clinician without medical scope ----

const NON_MEDICAL_CLINICIAN =
  /\b(?:clinician|provider|evaluator|examiner|therapist|performed by|evaluated by|seen by|signed)\b[^\n]{0,40}?\b(psychologist|Psy\.?D|LCSW|LICSW|LMSW|LPCC?|LMHC|LMFT|social worker|professional counselor|marriage and family therapist)\b/i;
const MEDICAL_CLINICIAN = /\b(?:MD|DO|M\.D\.|D\.O\.|psychiatrist|PMHNP|NP|APRN|PA-C|physician)\b/;

function correctEvaluationScope(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  const notes = run.input.documentation.notes;
  const named = NON_MEDICAL_CLINICIAN.exec(notes);
  if (!named) return;
  const line = notes.slice(
    notes.lastIndexOf('\n', named.index) + 1,
    notes.indexOf('\n', named.index) < 0 ? undefined : notes.indexOf('\n', named.index),
  );
  if (MEDICAL_CLINICIAN.test(line)) return;
  for (const w of written.filter((l) => l.code === '90792')) {
    const reason = `90792 is a psychiatric diagnostic evaluation with medical services and the record names the clinician a ${named[1]}, who provides no medical services: 90791 (${titleOf(run, '90791')}). A coder must confirm.`;
    correct(
      run,
      w,
      'EVALUATION_SCOPE',
      'CPT 90791 (without medical services) and 90792 (with medical services)',
      [{ code: '90791', units: w.units }],
      reason,
      edits,
    );
  }
}

/** The visit's written codes checked against how the record says the service was done. */
export function correctServiceMethod(run: CodingRun, lines: readonly VisitLine[], edits: EditFinding[]): void {
  const written = () => writtenLines(lines);
  correctPsychotherapy(run, lines, written(), edits);
  correctUnguided(run, written(), edits);
  correctDipstick(run, written(), edits);
  correctOfficeEcg(run, written(), edits);
  correctEvaluationScope(run, written(), edits);
}
