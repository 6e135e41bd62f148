/**
 * A code the physician wrote on a line that reads as another category altogether: "Prediabetes"
 * written E11.9 (type 2 diabetes), "Low back strain" written M54.50 (low back pain, whose category
 * excludes the strain: its Excludes1 note "low back strain (S39.012)" names the line). The code is
 * kept (a written code is never silently rewritten), and the encounter goes to a coder with the
 * line's own reading as the suggestion beside it. The line must read confidently elsewhere: its best
 * match explains every word of the line and is in another category, no match of the written code's
 * category is among its first ten, and the written code's title and inclusion terms lack a word of
 * the line. Lines that only name an encounter or a status (Z codes) and signs (R codes) the physician
 * chose are left as written.
 */
import { candidate, recoded, type CodingRun, type DiagnosisDraft, type MentionWork } from './coding-run.ts';
import { acuityAnswerCode, acuityIssue } from './acuity-duration.ts';
import { resolutionFor, specificityQuestion, type ClarificationIssue } from './clarification.ts';
import { mentionIssue } from './clarification-issues.ts';
import { addDetailsFromRecord, checkDetailConflict, notOfThisVisit, SPECIFICITY_RULES, type SpecificityRule } from './specificity.ts';
import { checkSideConflict } from './laterality.ts';
import { sideChangesCode } from './side-changes-code.ts';
import { checkStatedAxis } from './stated-axis.ts';
import { exacerbationIssue } from './exacerbation-query.ts';
import { recordStatements } from './review-signals.ts';
import type { Mention } from './context.ts';
import { buildQuery, type SearchHit } from './search.ts';
import { excludedHere } from './excluded-statement.ts';
import { matchesPattern } from './icd10cm.ts';
import { wordsOfCode } from './title-facts.ts';
import { queryText, rank, relatedClauses, searchFilter } from './ranking.ts';
import { expandAbbreviations, isNeutral } from './text.ts';

/** How many of the line's matches are looked through for the written code's category. */
const LOOK_THROUGH = 10;
/** The line's own reading must explain at least this share of its words. */
const CONFIDENT_SHARE = 0.99;

/** The line's own reading, when it is in another category than the written code and the written code's titles miss its words. */
export function writtenCodeElsewhere(run: CodingRun, m: Mention, code: string): SearchHit | undefined {
  if (m.assertion !== 'affirmed' || /^[RZ]/.test(code)) return undefined;
  const query = buildQuery(queryText(m, []), true);
  // The written code's own Excludes1 note names the line: the note's code is the line's reading.
  const cited = excludedHere(run, code, new Set(query.tokens));
  if (cited) return rank(run, query, m.text, (c) => cited.some((p) => matchesPattern(c, p)))[0];
  const hits = rank(run, query, m.text, searchFilter(m));
  const top = hits[0];
  if (!top || top.code.slice(0, 3) === code.slice(0, 3)) return undefined;
  if (hits.slice(0, LOOK_THROUGH).some((h) => h.code.slice(0, 3) === code.slice(0, 3))) return undefined;
  const words = query.tokens.filter((t) => !isNeutral(t) && (run.codeSets.icd.idf.get(t) ?? 0) > 0);
  if (!words.length || top.matched.length / words.length < CONFIDENT_SHARE) return undefined;
  const own = wordsOfCode(run.codeSets.icd, code);
  if (words.every((w) => own.has(w))) return undefined;
  return top;
}

/**
 * A written code that says no less than its line is kept, after the checks a coder makes of it all
 * the same: "acute" against a history of months (acuity-duration.ts), a line that reads as another
 * category (above), the record naming the other side (laterality.ts), a steroid course beside a
 * code without its exacerbation (exacerbation-query.ts), and two statements of the record
 * disagreeing on a detail the code turns on (type 1 in the history, type 2 in the assessment:
 * specificity.ts checkDetailConflict). An open question goes
 * to the physician with the written code on the claim meanwhile; an answer that changes the code is
 * applied (reported as a change). Undefined when the line must be coded from its words with the answer.
 */
export function keptWrittenCode(run: CodingRun, work: MentionWork, documented: DiagnosisDraft): DiagnosisDraft[] | undefined {
  const order = work.order;
  const elsewhere = writtenCodeElsewhere(run, work.mention, documented.code);
  if (elsewhere) {
    (run.writtenElsewhere ??= []).push(documented.code);
    documented.alternatives.unshift(
      candidate(
        elsewhere,
        0.8,
        `The line "${work.mention.original}" reads as ${elsewhere.code}, another category than the written code.`,
        work.evidence,
      ),
    );
  }
  const acuity = acuityIssue(run, work.mention, documented);
  const answer = acuity ? resolutionFor(acuity, run.input.answers) : undefined;
  if (acuity && !answer) run.issues.push({ ...acuity, order });
  const chosen = acuity && answer ? acuityAnswerCode(acuity, answer) : undefined;
  if (chosen && chosen !== documented.code)
    return [recoded(run.codeSets, documented, chosen, `The physician answered the question of acuity: ${chosen}, reported as changed.`)];
  // The record naming the other side of the written code's site (HPI, exam and procedure right, the
  // code left): the physician is asked, the written code stays meanwhile; the answer codes the line.
  const probe: MentionWork = { ...work, extra: [...work.extra], evidence: [...work.evidence], inferred: [...work.inferred] };
  checkSideConflict(run, probe);
  // The other side described with findings too: the written code's side is a coder's to confirm.
  const sideNotes = probe.inferred.slice(work.inferred.length);
  if (sideNotes.length) documented.inferred = [...(documented.inferred ?? []), ...sideNotes];
  // A written code the classification codes without a side has no side to ask (side-changes-code.ts).
  if (probe.sideConflict && sideChangesCode(run.codeSets.icd, [documented.code])) {
    run.issues.push({ ...probe.sideConflict, order });
    return [documented];
  }
  if (probe.extra.length > work.extra.length) {
    work.mention = { ...work.mention, documentedCode: undefined };
    work.notesDone.push(`the physician answered which side the documented ${documented.code} is`);
    return undefined;
  }
  // A systemic steroid course today beside a code without its family's exacerbation (exacerbation-query.ts).
  const exacerbation = exacerbationIssue(run, work.mention, documented, recordStatements(run.input.documentation));
  if (exacerbation) {
    const issue = { ...exacerbation, clinicalIndicators: [`Diagnosis: "${work.mention.original}"`, ...exacerbation.clinicalIndicators] };
    if (!resolutionFor(issue, run.input.answers)) {
      run.issues.push({ ...issue, order });
      return [documented];
    }
    work.mention = { ...work.mention, documentedCode: undefined };
    work.notesDone.push(`the physician answered whether the documented ${documented.code} is in exacerbation`);
    return undefined;
  }
  const before = {
    mention: work.mention,
    extra: [...work.extra],
    evidence: [...work.evidence],
    statedElsewhere: new Set(work.statedElsewhere),
  };
  checkDetailConflict(run, work);
  // A value of an axis the record states two ways (a stated stage beside a wound description of
  // another stage: stated-axis.ts) is asked too; what it would add from the notes alone is not taken
  // over a written code (a probe).
  if (!work.conflicts.length) {
    const axisProbe: MentionWork = {
      ...work,
      extra: [...work.extra],
      evidence: [...work.evidence],
      inferred: [...work.inferred],
      statedElsewhere: new Set(work.statedElsewhere),
      conflicts: [],
    };
    checkStatedAxis(run, axisProbe);
    work.conflicts.push(...axisProbe.conflicts.filter((c) => categoryCodedBy(run, documented.code, c.reason)));
    // Answered: the answer's value codes the line (below, from its words).
    if (axisProbe.evidence.some((e) => e.text.startsWith('Physician answer:'))) Object.assign(work, axisProbe);
  }
  if (work.conflicts.length) {
    for (const conflict of work.conflicts) run.issues.push({ ...conflict, order });
    work.conflicts = [];
    return [documented];
  }
  if (work.extra.length === before.extra.length && work.mention === before.mention) {
    const missing = missingDetailIssue(run, work, documented);
    if (!missing) return [documented];
    if (!resolutionFor(missing, run.input.answers)) {
      run.issues.push({ ...missing, order });
      return [documented];
    }
    // Answered: the line is coded from its words and the answer.
    work.mention = { ...work.mention, documentedCode: undefined };
    work.notesDone.push(`the physician answered the ${missing.kind} question about the documented ${documented.code}`);
    return undefined;
  }
  // Answered: the line is coded from its words and the answer (the normal steps read the answer again).
  Object.assign(work, { ...before, mention: { ...before.mention, documentedCode: undefined } });
  work.notesDone.push(`the physician answered a conflict of the record about the documented ${documented.code}`);
  return undefined;
}

/**
 * The question a coder sends about a written code that leaves out a detail the classification codes
 * by and the record does not state anywhere: "CHF" written I50.9 with no type in the whole record,
 * "CKD" written N18.9 with no stage. The same questions as for a line the engine codes from its
 * words (clarification-issues.ts mentionIssue), asked only when the written code itself lacks the
 * detail (its title does not state it) and no other statement of the record gives it.
 */
function missingDetailIssue(run: CodingRun, work: MentionWork, documented: DiagnosisDraft): ClarificationIssue | undefined {
  const m = work.mention;
  if (m.assertion !== 'affirmed') return undefined;
  const icd = run.codeSets.icd;
  const entry = icd.byCode.get(documented.code);
  if (entry === undefined) return undefined;
  // A detail another statement of the record gives is the record's, not a question.
  const probe: MentionWork = { ...work, extra: [...work.extra], evidence: [...work.evidence], inferred: [...work.inferred] };
  addDetailsFromRecord(run, probe);
  if (probe.extra.length > work.extra.length || probe.mention !== work.mention) return undefined;
  const hit: SearchHit = {
    entry,
    code: documented.code,
    description: documented.description,
    score: 1,
    matched: [],
    matchedText: documented.description,
  };
  const query = buildQuery(queryText(m, work.extra), true);
  const context = [m.text, ...relatedClauses(run, m)].join('\n');
  const issue = mentionIssue(run, m, query, [hit], new Set(), work.extra, work.statedElsewhere, context);
  if (!issue || issue.kind === 'laterality') return undefined;
  // The written code states the detail asked about ("chronic systolic" in I50.22's title), or another
  // statement of the record does ("Hx: chronic systolic HF (HFrEF)", "A/P: MDD, single episode,
  // moderate" beside a "Depression" line): no question (the code then says less than the record,
  // which sends it to a coder by its own signals).
  const rule = SPECIFICITY_RULES.find((r) => issue.question === specificityQuestion(m.original, r.aspect));
  if (rule?.detail.test(documented.description)) return undefined;
  if (rule && statesDetail(run, m, rule)) return undefined;
  // An axis read from the tabular is asked of a written code only when it is its family's
  // "unspecified" member: a written "acute" otitis or "without cholecystitis" chose its value.
  if (!rule && !/\bunspecified\b/i.test(documented.description)) return undefined;
  return issue;
}

/** A statement of the record other than the line's own, about the patient today, that names the condition with the rule's detail. */
function statesDetail(run: CodingRun, m: Mention, rule: SpecificityRule): boolean {
  const lines = run.input.documentation.diagnoses.map((d) => d.description);
  // A history statement of a chronic condition ("Hx: chronic systolic HF") states its type as well.
  const notes = run.notes
    .filter((n) => (n.assertion === 'affirmed' || n.assertion === 'personal-history') && !notOfThisVisit(n))
    .map((n) => n.original);
  return [...lines, ...notes].some((s) => {
    if (s === m.original) return false;
    const text = expandAbbreviations(s);
    // The statement must name the condition itself: an echo's "preserved EF" is a result, not the type the physician states.
    return rule.detail.test(text) && (rule.mentions.test(text) || rule.namesCondition?.test(text) === true);
  });
}

/** Words each axis of stated-axis.ts names its values by, in titles. */
const AXIS_TITLE_WORDS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/\bof the stage\b/, /\bstage\b/i],
  [/\bof the severity\b/, /\b(mild|moderate|severe)\b/i],
  [/\bof the acuity\b/, /\b(acute|chronic|subacute)\b/i],
];

/** Whether the written code's category codes by the axis a conflict's reason names (no stage of a pulmonary hypertension). */
function categoryCodedBy(run: CodingRun, code: string, reason: string): boolean {
  const words = AXIS_TITLE_WORDS.find(([aspect]) => aspect.test(reason))?.[1];
  if (words === undefined) return true;
  const category = code.slice(0, 3);
  return run.codeSets.icd.entries.some((e) => e.code.startsWith(category) && words.test(e.description));
}
