/**
 * A pregnancy the physician states is incidental to the encounter (guideline I.C.15.a.1: "should the
 * provider document that the pregnancy is incidental to the encounter, then code Z33.1, Pregnant
 * state, incidental, ... in place of any chapter 15 codes"). With no obstetric code on the claim,
 * Z33.1 is added, and a weeks-of-gestation code (Z3A) goes: its "code first" note asks for an
 * obstetric condition or delivery (O09-O9A) and there is none (additional.ts reads the same note).
 * A record that codes an obstetric condition is not incidental (pregnancy-chapter.ts keeps that).
 */
import { newDraft, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { INCIDENTAL } from './pregnancy-chapter.ts';

const INCIDENTAL_PREGNANCY = 'Z33.1';
/** A denial of the incidence ("not incidental"). */
const NOT_INCIDENTAL = /\bnot\s+(?:\w+\s+)?incidental\b/i;

/** Step: Z33.1 for a pregnancy stated incidental beside no obstetric code; no Z3A beside it. */
export function incidentalPregnancy(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (drafts.some((d) => d.code.startsWith('O')) || !run.allowed(INCIDENTAL_PREGNANCY)) return drafts;
  const doc = run.input.documentation;
  const stated = [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)].find(
    (s) => INCIDENTAL.test(s) && !NOT_INCIDENTAL.test(s) && /\b(?:pregnan\w*|iup|gestation)\b/i.test(s),
  );
  if (!stated) return drafts;
  const kept = drafts.filter((d) => !d.code.startsWith('Z3A.'));
  if (kept.some((d) => d.code === INCIDENTAL_PREGNANCY)) return kept;
  const last = Math.max(0, ...kept.map((d) => d.order));
  const dropped = drafts.filter((d) => d.code.startsWith('Z3A.')).map((d) => d.code);
  return [
    ...kept,
    newDraft(run.codeSets, INCIDENTAL_PREGNANCY, {
      confidence: 0.9,
      order: last + 0.5,
      evidence: [{ section: 'notes', text: stated }],
      rationale: `The physician states the pregnancy is incidental to the encounter ("${stated.trim()}"): Z33.1 in place of chapter 15 codes (guideline I.C.15.a.1)${dropped.length > 0 ? `; ${dropped.join(', ')} not reported (Z3A's note codes first an obstetric condition, and there is none)` : ''}.`,
    }),
  ];
}
