/**
 * Counselling on a topic the classification gives no code of its own is "other specified counseling",
 * Z71.89 (index: Counseling, specified reason NEC). Advance care planning (goals of care, a health
 * care proxy, advance directives, code status, POLST/MOLST) is the common one: a counselling service
 * of its own (99497) with no Z70-Z71 title naming it. The word search cannot find Z71.89 (its title
 * is only "other specified"), so it lands on "Counseling, unspecified" (Z71.9, for a counselling with
 * no topic stated) or on a family-planning code by the word "planning".
 *
 * The rule fires on a diagnosis line that names the counselling, or on a numbered assessment or plan
 * item that is advance care planning (a problem the encounter addresses on its own). Goals of care
 * talked over inside another problem's item ("dementia - goals of care reviewed") or an unnumbered
 * aside is part of managing that problem, not a service of its own. Either must say the counselling
 * took place (counseling, a discussion, a talk face to face): "ACP" alone, or "ACP - as above", names
 * the service (99497) and points elsewhere, not the reason for the visit. A counselling whose topic
 * has its own code (dietary Z71.3, exercise Z71.82, tobacco Z71.6, alcohol Z71.41, contraception
 * Z30.0-, genetic, travel, ...) keeps that code: this rule leaves it alone.
 */
import { newDraft, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { ADDRESSED_PARTS, noteParts, partAt } from './sections.ts';

const OTHER_SPECIFIED = 'Z71.89';

/** Counselling named as such on a line. */
const COUNSELLING = /\b(?:counsel\w*|advice|advised|education|discuss\w*|talk\w*|conversation|face[\s-]to[\s-]face)\b/i;

/** Advance care planning, a counselling by what it is. */
const ADVANCE_CARE_PLANNING =
  /\b(?:advance(?:d)? care plan\w*|acp|advance directives?|goals[\s-]+of[\s-]+care|(?:health ?care|medical) (?:proxy|power of attorney)|hcpoa|polst|molst|living will)\b/i;

/** Topics a Z70-Z71, Z30-Z31 or other counselling code names on its own. */
const CLASSIFIED_TOPIC =
  /\b(?:diet\w*|nutrition\w*|weight|exercis\w*|physical activity|tobacco|smok\w*|nicotine|vap\w*|cigar\w*|alcohol\w*|etoh|drink\w*|drugs?|substance|opioid\w*|hiv|contracept\w*|birth control|family planning|procreat\w*|fertility|preconception|genetic\w*|travel\w*|immuniz\w*|vaccin\w*|spiritual|religious|sex\w*|socioeconomic|financial|housing|transition|insulin pump)\b/i;

/** Codes a search gives a counselling line it cannot place: the unspecified one and family planning's. */
const MISPLACED = /^(?:Z71\.9|Z30\.0\d*|Z31\.6\d*)$/;

/** Whether a statement is counselling on a topic no counselling code names. */
export function unclassifiedCounselling(text: string): boolean {
  if (!COUNSELLING.test(text)) return false;
  if (ADVANCE_CARE_PLANNING.test(text)) return true;
  if (CLASSIFIED_TOPIC.test(text)) return false;
  // A topic must be stated: "Counseling" alone is Z71.9.
  return (
    text
      .replace(new RegExp(COUNSELLING.source, 'gi'), '')
      .replace(/[^a-z]+/gi, ' ')
      .trim()
      .split(' ').length >= 2
  );
}

/** Step: counselling on a topic with no code of its own is Z71.89, replacing what a search placed it under. */
export function counsellingOnUnclassifiedTopic(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (!run.allowed(OTHER_SPECIFIED) || drafts.some((d) => d.code === OTHER_SPECIFIED)) return drafts;
  const lines = [...run.mentions].filter(([, m]) => m.section === 'diagnoses' && unclassifiedCounselling(m.original));
  const item = lines.length === 0 ? assessedItem(run.input.documentation.notes) : undefined;
  if (lines.length === 0 && item === undefined) return drafts;
  const orders = new Set(lines.map(([order]) => order));
  const kept = drafts.filter((d) => !(orders.has(d.order) && MISPLACED.test(d.code)));
  const [order, said] = lines[0] ? [lines[0][0], lines[0][1].original] : [Math.max(0, ...drafts.map((d) => d.order)) + 1, item!];
  return [
    ...kept,
    newDraft(run.codeSets, OTHER_SPECIFIED, {
      confidence: 0.9,
      order,
      evidence: [{ section: lines[0] ? 'diagnoses' : 'notes', text: said }],
      rationale: `Counselling on a topic no counselling code names ("${said}"): other specified counseling (Z71.89).`,
    }),
  ];
}

/** A numbered assessment or plan item ("3. ACP: 35 min ...") that is advance care planning itself. */
function assessedItem(notes: string): string | undefined {
  const parts = noteParts(notes);
  for (const m of notes.matchAll(/^[ \t]*\d{1,2}[.)][ \t]*([^\n]+)/gm)) {
    const text = m[1] ?? '';
    const head = text.match(ADVANCE_CARE_PLANNING);
    if (head?.index === 0 && COUNSELLING.test(text) && ADDRESSED_PARTS.has(partAt(parts, m.index ?? 0))) return text.trim();
  }
  return undefined;
}
