/**
 * The stage a pressure ulcer's description fits, by the staging definitions the L89 titles use
 * (NPIAP, as the ICD-10-CM index and guideline I.C.12.a follow them): stage 2 is partial-thickness
 * loss with exposed dermis (or a serum-filled blister); stage 3 full-thickness skin loss with
 * subcutaneous fat visible; stage 4 full-thickness loss with bone, tendon, muscle or fascia exposed.
 *
 * A coder never codes a stage from the description (the stage is what a clinician documents), but a
 * stated stage the description does not fit ("stage 2" over "full-thickness skin loss with visible
 * subcutaneous fat") is a conflict inside the record: stated-axis.ts asks it, as it asks two stated
 * stages. Read only when the record describes one pressure ulcer and no wound of another kind.
 */
import { expandAbbreviations } from './text.ts';

const STAGE_4 =
  /\b(exposed|visible|palpable)\s+(bone|tendon|muscle|fascia|cartilage|ligament)\b|\b(bone|tendon|muscle|fascia)s?\s+(is\s+|are\s+)?(exposed|visible|palpable)\b/i;
const STAGE_3 =
  /\bfull[- ]thickness\b|\b(subcutaneous|adipose|fat)( tissue| layer)?\s+(is\s+)?(visible|exposed)\b|\b(visible|exposed)\s+(subcutaneous|adipose|fat)\b/i;
const STAGE_2 = /\bpartial[- ]thickness\b|\bexposed dermis\b|\b(serum-filled|serous-filled|intact|ruptured) blister\b/i;
/** Words that deny what follows in the clause ("no bone, tendon, or muscle visible"). */
const DENIAL = /\b(no|not|without|denies|negative for|none)\b/i;
/** A statement about a procedure (how deep a debridement went) describes the procedure, not the stage. */
const PROCEDURE = /\bdebrid\w*|\bexcis\w*|\bincis\w*/i;
/** A wound of another kind in the record: its description would be read for the pressure ulcer. */
export const OTHER_WOUND =
  /\b(diabetic|venous|arterial|neuropathic|stasis|ischemic|traumatic|surgical|non-?pressure)\s+(foot\s+|leg\s+)?(ulcers?|wounds?)\b|\bburns?\b|\blacerations?\b/i;

/** The stage one clause's description fits (its highest stage not denied in the clause), if any. */
function clauseStage(clause: string): string | undefined {
  for (const [stage, pattern] of [
    ['4', STAGE_4],
    ['3', STAGE_3],
    ['2', STAGE_2],
  ] as const) {
    const m = pattern.exec(clause);
    if (m && !DENIAL.test(clause.slice(0, m.index))) return stage;
  }
  return undefined;
}

/**
 * The stage the record's description of the wound fits, with the clause that says so; undefined when
 * nothing describes its depth or two descriptions fit different stages.
 */
export function describedStage(statements: readonly string[]): { value: string; source: string } | undefined {
  let found: { value: string; source: string } | undefined;
  for (const s of statements) {
    if (PROCEDURE.test(s)) continue;
    // Clauses end at a period or semicolon: a denial reaches across commas ("no bone, tendon, or muscle visible").
    for (const clause of expandAbbreviations(s).split(/[.;]\s*/)) {
      const value = clauseStage(clause);
      if (!value) continue;
      if (found && found.value !== value) return undefined;
      found ??= { value, source: s.trim() };
    }
  }
  return found;
}
