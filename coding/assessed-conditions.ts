/**
 * Conditions the assessment manages that the diagnosis list leaves out. A clinic's diagnosis lines
 * often carry only the visit's main problem, while the assessment and plan also take up the patient's
 * chronic conditions with a status and a plan ("HTN, GERD - stable, no change", "HLD: controlled on
 * statin", "Hypothyroid - stable, cont levothyroxine"). Guideline IV.J codes every coexisting
 * condition that requires or affects the care at the encounter; a condition the physician assesses
 * and keeps on treatment does. Such a condition is coded from the assessment's own statement.
 *
 * Only with a diagnosis list (without one, the notes' addressed statements are coded already:
 * mentions.ts); only a problem the assessment or plan numbers (a remark after the list, or inside
 * another problem's plan, is a passing mention), affirmed and not said to be left alone; and only
 * when the statement gives the condition a status or a continuing plan. The problem list and past
 * history carried forward are never read here. A condition already coded (its category, a listed
 * line naming it, or a code the Excludes1 notes set against a coded one) is not added again, and a
 * code is added only on a sure match.
 */
import { titleShare, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { assessedStatements, conclusionAndPlan, conditionNames } from './assessment-statements.ts';
import type { Mention } from './context.ts';
import { matchesPattern, notesFor } from './icd10cm.ts';
import { codeMention } from './mention-coding.ts';
import { drugOnlyLine, procedureLine, studyOrderLine } from './line-kinds.ts';
import { HEADING_PREFIX } from './sections.ts';
import { expandAbbreviations, isNeutral, tokenize } from './text.ts';

/**
 * A status of a condition under care, or its treatment carried on: stable, controlled, at goal,
 * unchanged, well, continue or refill what it is on.
 */
const MANAGED =
  /\b(?:stable|stabl[ey]|controlled|well[- ]controlled|at goal|at target|unchanged|no change\w*|doing well|well managed|continue\w*|cont(?:\.|\b)|refill\w*|(?:on|taking) (?:home |current |same )?(?:meds?|medications?|statin|therapy))\b/i;
/** A list number before a statement ("2.", "#3"). */
const LIST_NUMBER = /^\s*(?:#\s*)?\d{1,2}\s*[.)]\s*/;
/** A line opening with its list number, and the statement after it. */
const NUMBERED_LINE = /^\s*(?:#\s*)?\d{1,2}\s*[.)]\s+(\S.*)$/;
/**
 * Confidence the statement's code must reach: a code beyond the physician's own list is added only on
 * a sure match (mentions.ts codes a note without a list from 0.55).
 */
const ADDED_CONFIDENCE = 0.8;
/** Words that name a condition (rare in the classification's titles), as mentions.ts cuts them. */
const DISTINCTIVE_IDF = 3.5;
/** The statement names half of the code's title at least (less is a word match). */
const NAMED_SHARE = 0.5;
/** Added codes come after every listed line, in the assessment's order. */
const ADDED_ORDER = 500;

const wordsOf = (text: string): string[] => tokenize(expandAbbreviations(text)).filter((w) => !isNeutral(w));

/** The conditions a managed statement names: its head, or each name of a head that joins several. */
export function managedConditions(statement: string): string[] {
  const text = statement.replace(HEADING_PREFIX, '').replace(LIST_NUMBER, '').trim();
  const { conclusion, plan } = conclusionAndPlan(text);
  // The status follows the head after a dash or colon ("HTN - stable"), or follows its name ("HTN stable, cont amlodipine").
  const status = MANAGED.exec(plan || text);
  if (!status) return [];
  const head = (plan ? conclusion : text.slice(0, status.index)).replace(/[\s,;:.-]+$/, '').trim();
  if (!/[a-z]{2,}/i.test(head) || drugOnlyLine(head) || studyOrderLine(head) || procedureLine(head)) return [];
  return conditionNames(head);
}

/**
 * The statements that open a numbered line: the problems an assessment lists one by one ("2. HTN, GERD -
 * stable"). A remark after the list or inside a problem's plan ("HTN, hypothyroidism stable, continue
 * meds." on a line of its own, "Vit D continue.") is a passing mention, not a problem the visit took up.
 */
function numberedStatements(notes: string): Set<string> {
  const out = new Set<string>();
  for (const line of notes.split('\n')) {
    const item = NUMBERED_LINE.exec(line.replace(HEADING_PREFIX, ''));
    // Its first clause, cut as context.ts cuts the notes into statements.
    if (item?.[1]) out.add(item[1].replace(/(?:[;!?]|\.(?!\d)|\b(?:but|however)\b).*$/i, '').replace(/[\s:,-]+$/, ''));
  }
  return out;
}

/** The words of a condition's name that a code's title does not say. */
export function unreadWords(condition: string, title: string): string[] {
  const said = new Set([...tokenize(title), ...tokenize(expandAbbreviations(title))]);
  return wordsOf(condition).filter((w) => !said.has(w));
}

/** Whether either code's Excludes1 notes name the other (the two are not coded together). */
function excludedTogether(run: CodingRun, a: string, b: string): boolean {
  const icd = run.codeSets.icd;
  const names = (x: string, y: string) => notesFor(icd, x, 'ex1').some(([, patterns]) => patterns.some((p) => matchesPattern(y, p)));
  return names(a, b) || names(b, a);
}

/** Step: code each condition the assessment manages that no listed line or draft already codes. */
export function assessedChronicConditions(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const doc = run.input.documentation;
  if (doc.diagnoses.length === 0) return drafts;
  const distinctive = (w: string) => (run.codeSets.icd.idf.get(w) ?? 0) >= DISTINCTIVE_IDF;
  const listedWords = new Set(doc.diagnoses.flatMap((d) => wordsOf(d.description)).filter(distinctive));
  const numbered = numberedStatements(doc.notes);
  const out = [...drafts];
  let order = ADDED_ORDER;
  const seen = new Set<string>();
  for (const n of assessedStatements(run)) {
    if (!numbered.has(n.original.trim())) continue;
    for (const condition of managedConditions(n.original)) {
      const words = wordsOf(condition).filter(distinctive);
      // A listed line names it: the list's own line codes it (or leaves it, for a reason of its own).
      if (words.length === 0 || words.some((w) => listedWords.has(w)) || seen.has(condition.toLowerCase())) continue;
      seen.add(condition.toLowerCase());
      order += 1;
      const m: Mention = { ...n, text: condition };
      const found = codeMention({ ...run, issues: [] }, m, order).filter(
        (d) =>
          d.confidence >= ADDED_CONFIDENCE && titleShare(d.description, `${condition} ${expandAbbreviations(condition)}`) >= NAMED_SHARE,
      );
      // A word of the name the code does not say (an abbreviation not known, a drug named before its
      // effect: "AI arthralgias") leaves part of the condition uncoded: the coder reads it.
      if (found.some((d) => unreadWords(condition, d.description).length > 0)) continue;
      const added = found.filter(
        (d) => !out.some((o) => o.code.slice(0, 3) === d.code.slice(0, 3) || excludedTogether(run, o.code, d.code)),
      );
      // One condition, one code: a statement coded to several (a combination split) is left to the coder.
      if (added.length !== 1 || found.length !== 1) continue;
      const [draft] = added;
      if (!draft) continue;
      run.mentions.set(order, m);
      out.push({
        ...draft,
        rationale: `${draft.rationale} The assessment manages the condition ("${n.original}") though no diagnosis line names it: a coexisting condition cared for at the visit is coded (guideline IV.J).`,
      });
    }
  }
  return out;
}
