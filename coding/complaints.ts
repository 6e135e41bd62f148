/**
 * Complaints: a sign or symptom code (chapter 18, or a complaint the musculoskeletal chapter codes by
 * joint: "Pain in knee", "Effusion, ..."). Outpatient coding reports a complaint as documented, so its
 * unstated side is not asked; and a complaint at the site of a condition speaks of that condition
 * (its side is the condition's side), where a disease or injury at the same site is a condition of its own.
 */
import type { Icd10Cm } from './icd10cm.ts';

/** A title that names a complaint, not a disease ("Pain in knee", "Stiffness of joint", "Effusion, ..."). */
const COMPLAINT_TITLE = /^(pain|stiffness|effusion|swelling|cramp|numbness|tenderness|mass|lump|erythematous condition)\b|\bpain in\b/i;

export function isComplaintCode(icd: Icd10Cm, code: string): boolean {
  if (code.startsWith('R')) return true;
  let i = icd.byCode.get(code);
  for (let depth = 0; i !== undefined && i >= 0 && depth < 4; depth++) {
    const e = icd.entries[i];
    if (!e || e.kind > 1) break;
    if (COMPLAINT_TITLE.test(e.description)) return true;
    i = e.parent;
  }
  return false;
}
