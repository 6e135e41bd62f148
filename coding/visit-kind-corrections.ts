/**
 * Written visit codes whose kind of service the record shows to be another, corrected as
 * procedure-corrections.ts corrects a line (the corrected code on the claim, the written code
 * offered, a 'changed' documented code that sends the encounter to a coder):
 *  - prolonged office service (99417) is an add-on to the highest level chosen by time only (99205,
 *    99215): written beside a lower office level, with a stated total time that reaches the
 *    prolonged threshold (75 minutes new, 55 established), the visit is the highest level;
 *  - the Medicare annual wellness visit is G0438 once in a lifetime and G0439 after it: G0438 written
 *    when the record states a prior or subsequent wellness visit is G0439, and G0439 written when the
 *    record states this is the first one (and no prior one) is G0438;
 *  - transitional care management (99495, 99496) is a visit after a discharge with an interactive
 *    contact within two business days and medication reconciliation: an office visit written when
 *    the record documents all of these, and the days since discharge and the decision making, is
 *    99496 (high decision making, face-to-face within 7 days) or 99495 (moderate or high, within 14).
 *  - a visit for the condition a surgical service with a 90-day global period treated (closed
 *    fracture care), by the practice that billed it and within the period, is part of that service:
 *    an office visit written for it is the no-charge postoperative visit 99024. The notes must name
 *    the global service's code as done here, and the days, weeks or months since; a visit the notes
 *    call unrelated to it is left (the coder reports it with modifier 24).
 * The record is the notes alone.
 */
import type { EditFinding } from '../domain/coding.ts';
import type { CodingRun } from './coding-run.ts';
import { correct, titleOf, writtenLines, type WrittenLine } from './procedure-corrections.ts';
import { FRACTURE_CARE } from './procedure-variant-corrections.ts';
import type { VisitLine } from './vaccine-coding.ts';

// ---- Prolonged service beside a lower level ----

const PROLONGED = '99417';
/** The least total minutes at which 99417 is first reported, by patient status (CPT 2021 on). */
const PROLONGED_FROM = { new: 75, established: 55 } as const;
const TOTAL_TIME = /\btotal (?:[a-z-]+ ){0,2}?time\b[^.\n]{0,40}?\b(\d{2,3})\s*(?:min|mins|minutes)\b/gi;

/** The total time of the visit the notes state, when they state exactly one. */
export function statedTotalMinutes(notes: string): number | undefined {
  const found = new Set([...notes.matchAll(TOTAL_TIME)].map((m) => Number(m[1])));
  return found.size === 1 ? [...found][0] : undefined;
}

function correctProlongedBase(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  if (!written.some((w) => w.code === PROLONGED)) return;
  const visits = written.filter((w) => /^992(?:0[2-5]|1[2-5])$/.test(w.code));
  if (visits.length !== 1) return;
  const [w] = visits as [WrittenLine];
  const status = w.code[3] === '0' ? 'new' : 'established';
  const top = status === 'new' ? '99205' : '99215';
  const minutes = statedTotalMinutes(run.input.documentation.notes);
  if (w.code === top || minutes === undefined || minutes < PROLONGED_FROM[status]) return;
  const reason = `${PROLONGED} (prolonged service) is reported only with ${top} chosen by time, and the record states ${minutes} minutes total: the visit is ${top} (${titleOf(run, top)}), not ${w.code}. A coder must confirm.`;
  correct(
    run,
    w,
    'PROLONGED_BASE',
    'CPT 99417: add-on to 99205 or 99215 when the level is chosen by time',
    [{ code: top, units: 1 }],
    reason,
    edits,
  );
}

// ---- Medicare annual wellness visit: initial or subsequent ----

const AWV = String.raw`(?:AWV|annual wellness(?: visit)?)`;
/**
 * A subsequent visit: so named, a prior one dated, or the initial one told as past and dated ("had
 * his initial AWV here 11/2025", "initial AWV done 11/2025"): the initial visit is then behind the
 * patient. Not today's ("Initial annual wellness visit completed" in the plan).
 */
const SUBSEQUENT = new RegExp(
  String.raw`\bsubsequent ${AWV}|\b${AWV}\s*[(,-]\s*subsequent\b|\b(?:prior|previous|last) ${AWV}\s*(?::|on|in|was|dated)?\s*\d{1,2}\/` +
    String.raw`|\b(?:had|has had|received|underwent)\s+(?:(?:his|her|their|the|an?)\s+)?(?:initial|first) ${AWV}(?![^.;]{0,30}\btoday\b)` +
    String.raw`|\b(?:initial|first) ${AWV}\s+(?:was\s+)?(?:done|completed|performed)\s+(?:here\s+)?(?:in\s+|on\s+)?(?:\d{1,2}\/\d{2,4}|(?:19|20)\d\d|last year|\w+ (?:years?|months?) ago)`,
  'i',
);
const INITIAL = new RegExp(String.raw`\b(?:initial|first) ${AWV}|\b${AWV}\s*[(,-]\s*initial\b|\bno (?:prior|previous) ${AWV}`, 'i');

/** Which annual wellness visit the notes say this is, when they say. */
export function wellnessVisitKind(notes: string): 'initial' | 'subsequent' | undefined {
  if (SUBSEQUENT.test(notes)) return 'subsequent';
  return INITIAL.test(notes) ? 'initial' : undefined;
}

function correctWellnessVisit(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  const kind = wellnessVisitKind(run.input.documentation.notes);
  if (!kind) return;
  const [from, to] = kind === 'subsequent' ? ['G0438', 'G0439'] : ['G0439', 'G0438'];
  for (const w of written.filter((l) => l.code === from)) {
    const why =
      kind === 'subsequent'
        ? 'the record states a prior annual wellness visit'
        : 'the record states this is the first annual wellness visit';
    const reason = `${from} is the ${kind === 'subsequent' ? 'initial' : 'subsequent'} annual wellness visit and ${why}: ${to} (${titleOf(run, to)}). A coder must confirm.`;
    correct(
      run,
      w,
      'WELLNESS_VISIT_KIND',
      'Medicare AWV: G0438 once per lifetime, G0439 after it',
      [{ code: to, units: 1 }],
      reason,
      edits,
    );
  }
}

// ---- Transitional care management ----

const DISCHARGE = /\b(?:discharged?|post[- ]hospital|hospital (?:f\/u|follow[- ]?up)|transitional care)\b/i;
const CONTACT =
  /\b(?:interactive contact|(?:phone|telephone) (?:call|contact)|(?:called|contacted|reached)(?: the)?(?: patient| pt)?)\b[^\n]{0,80}?\b(?:(?:1st|2nd|first|second|one|two|1|2) business days?|within (?:2|two) business days)\b/i;
const RECONCILED = /\bmed(?:ication)?s? reconcil(?:ed|iation)\b|\bmed rec\b/i;
const DAYS_OUT = /\b(?:day (\d{1,2}) post[- ]?discharge|(\d{1,2}) days? (?:post[- ]?discharge|after discharge|since discharge))\b/i;
const MDM_HIGH = /\b(?:MDM|medical decision making)[:\s-]*(?:is\s+)?high\b|\bhigh (?:complexity )?(?:MDM|medical decision making)\b/i;
const MDM_MODERATE =
  /\b(?:MDM|medical decision making)[:\s-]*(?:is\s+)?moderate\b|\bmoderate (?:complexity )?(?:MDM|medical decision making)\b/i;

/** The TCM code the notes document (contact, reconciliation, days since discharge, decision making), if they document one. */
export function transitionalCareCode(notes: string): '99495' | '99496' | undefined {
  if (!DISCHARGE.test(notes) || !CONTACT.test(notes) || !RECONCILED.test(notes)) return undefined;
  const days = DAYS_OUT.exec(notes);
  const n = days ? Number(days[1] ?? days[2]) : NaN;
  if (Number.isNaN(n) || n > 14) return undefined;
  if (MDM_HIGH.test(notes) && n <= 7) return '99496';
  return MDM_HIGH.test(notes) || MDM_MODERATE.test(notes) ? '99495' : undefined;
}

function correctTransitionalCare(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  if (written.some((w) => w.code === '99495' || w.code === '99496')) return;
  const visits = written.filter((w) => /^992(?:0[2-5]|1[2-5])$/.test(w.code));
  if (visits.length !== 1) return;
  const target = transitionalCareCode(run.input.documentation.notes);
  if (!target) return;
  const [w] = visits as [WrittenLine];
  const reason = `The record documents a visit after discharge with an interactive contact within two business days, medication reconciliation, and the ${target === '99496' ? 'high decision making and a visit within 7 days' : 'decision making and a visit within 14 days'} of transitional care management: ${target} (${titleOf(run, target)}), not the office visit ${w.code}. A coder must confirm.`;
  correct(run, w, 'TRANSITIONAL_CARE', 'CPT 99495/99496 transitional care management', [{ code: target, units: 1 }], reason, edits);
}

// ---- A follow-up visit inside a global surgical period ----

/** Services with a 90-day global period the rule knows: closed fracture care, with or without manipulation. */
const GLOBAL_90 = new Set(FRACTURE_CARE.flat());
const GLOBAL_DAYS = 90;
/** A code named as done by this practice ("treated here ... (billed 25600)", "25605 by me"). */
const DONE_HERE = /\b(?:here|by me|by us|our (?:clinic|office|practice)|this (?:clinic|office|practice)|billed)\b/i;
const SINCE = /\b(\d{1,3})\s*(days?|d|wks?|weeks?|mos?|months?)\s+(?:post|after|since|ago|s\/p|out from)\b/gi;
const UNRELATED = /\bunrelated\b|\bnew (?:problem|complaint|issue)\b|\bseparate (?:problem|issue|complaint)\b/i;

/** The global service the notes say this practice did, and the days since, when the visit falls inside its period. */
export function globalPeriodService(notes: string): { code: string; days: number } | undefined {
  const codes = new Set<string>();
  for (const clause of notes.split(/\n|(?<=[.;])\s+/))
    for (const m of clause.matchAll(/\b(\d{5})\b/g)) if (GLOBAL_90.has(m[1]!) && DONE_HERE.test(clause)) codes.add(m[1]!);
  if (codes.size !== 1 || UNRELATED.test(notes)) return undefined;
  const days = new Set(
    [...notes.matchAll(SINCE)].map((m) => {
      const unit = (m[2] ?? '').toLowerCase();
      return Number(m[1]) * (unit.startsWith('w') ? 7 : unit.startsWith('m') ? 30 : 1);
    }),
  );
  if (days.size !== 1) return undefined;
  const n = [...days][0]!;
  return n <= GLOBAL_DAYS ? { code: [...codes][0]!, days: n } : undefined;
}

function correctGlobalPeriodVisit(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  if (written.some((w) => GLOBAL_90.has(w.code))) return;
  const visits = written.filter((w) => /^992(?:0[2-5]|1[2-5])$/.test(w.code));
  if (visits.length !== 1) return;
  const global = globalPeriodService(run.input.documentation.notes);
  if (!global) return;
  const [w] = visits as [WrittenLine];
  const reason = `The record states ${global.code} (a service with a ${GLOBAL_DAYS}-day global period) was done by this practice ${global.days} days before and this visit follows it up: the visit is part of that service, 99024 (${titleOf(run, '99024')}), not ${w.code}. A coder must confirm.`;
  correct(
    run,
    w,
    'GLOBAL_PERIOD_VISIT',
    'CMS global surgery: follow-up visits within the global period are included (99024)',
    [{ code: '99024', units: 1 }],
    reason,
    edits,
  );
}

/** The visit's written visit codes checked against the kind of service the record documents. */
export function correctVisitKind(run: CodingRun, lines: readonly VisitLine[], edits: EditFinding[]): void {
  const written = () => writtenLines(lines);
  correctProlongedBase(run, written(), edits);
  correctWellnessVisit(run, written(), edits);
  correctTransitionalCare(run, written(), edits);
  correctGlobalPeriodVisit(run, written(), edits);
}
