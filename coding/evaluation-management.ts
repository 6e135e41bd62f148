/**
 * Evaluation and management (E/M) services: the families of codes a visit is billed with, in one
 * table, and the questions other modules ask of a procedure code through it:
 *  - is it an E/M service at all (claim edits: a procedure-to-procedure pair one side of which is
 *    an E/M service is bypassed by modifier 25 on the visit, whatever the setting);
 *  - is it a visit a psychotherapy add-on (90833/90836/90838) goes with (the settings of a visit,
 *    not critical care, preventive medicine or a virtual check).
 */

/** A family of E/M codes, by the setting or the kind of service. */
export type EvaluationAndManagementFamily =
  | 'office'
  | 'hospital'
  | 'consultation'
  | 'emergency'
  | 'critical-care'
  | 'nursing-facility'
  | 'domiciliary'
  | 'home'
  | 'preventive'
  | 'virtual'
  | 'annual-wellness';

/**
 * Each family's codes as runs (first and last code, both included). A run may span a few numbers no
 * code was ever given; codes retired long ago (99201, 99241, the observation visits 99217-99220)
 * are left out of the runs.
 */
const FAMILIES: ReadonlyArray<{ family: EvaluationAndManagementFamily; runs: ReadonlyArray<readonly [string, string]> }> = [
  // New patient 99202-99205, established 99211-99215.
  { family: 'office', runs: [['99202', '99215']] },
  // Inpatient or observation care: initial, subsequent, same-day admission and discharge, discharge.
  { family: 'hospital', runs: [['99221', '99239']] },
  // Office or outpatient 99242-99245, inpatient or observation 99252-99255.
  { family: 'consultation', runs: [['99242', '99255']] },
  { family: 'emergency', runs: [['99281', '99285']] },
  { family: 'critical-care', runs: [['99291', '99292']] },
  // Initial, subsequent and discharge care, and the annual assessment.
  { family: 'nursing-facility', runs: [['99304', '99318']] },
  // Rest home and assisted living visits (folded into the home visits in 2023).
  { family: 'domiciliary', runs: [['99324', '99337']] },
  { family: 'home', runs: [['99341', '99350']] },
  // New patient 99381-99387, established 99391-99397.
  { family: 'preventive', runs: [['99381', '99397']] },
  // Audio-video and audio-only visits (2025 on), online digital E/M, telephone E/M.
  {
    family: 'virtual',
    runs: [
      ['98000', '98015'],
      ['99421', '99423'],
      ['99441', '99443'],
    ],
  },
  // Medicare annual wellness visit: initial G0438, subsequent G0439.
  { family: 'annual-wellness', runs: [['G0438', 'G0439']] },
];

/** A CPT code of five digits or a HCPCS Level II code of a letter and four digits (the shapes the runs hold). */
const RUN_CODE = /^(?:\d{5}|[A-Z]\d{4})$/;

/** The E/M family a procedure code belongs to, if any. */
export function familyOf(code: string): EvaluationAndManagementFamily | undefined {
  // Codes of one shape order as their numbers do, and a lettered code sorts after every numeric one.
  if (!RUN_CODE.test(code)) return undefined;
  return FAMILIES.find(({ runs }) => runs.some(([first, last]) => code >= first && code <= last))?.family;
}

/** Whether a procedure code is an E/M service of any family. */
export function isEvaluationAndManagement(code: string): boolean {
  return familyOf(code) !== undefined;
}

/** Families of a visit psychotherapy is added to: a visit in a setting (or a consultation), not critical care, preventive or virtual. */
const PSYCHOTHERAPY_ADD_ON_FAMILIES: ReadonlySet<EvaluationAndManagementFamily> = new Set([
  'office',
  'hospital',
  'consultation',
  'emergency',
  'nursing-facility',
  'domiciliary',
  'home',
]);

/** Whether a procedure code is an E/M visit a psychotherapy add-on code (90833/90836/90838) is reported with. */
export function isPsychotherapyAddOnVisit(code: string): boolean {
  const family = familyOf(code);
  return family !== undefined && PSYCHOTHERAPY_ADD_ON_FAMILIES.has(family);
}
