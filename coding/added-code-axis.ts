/**
 * A code a step adds beside the one a statement was coded to is asked about like a searched one: the
 * non-pressure chronic ulcer that "use additional code to identify site of ulcer" puts beside diabetes
 * with a foot ulcer (E11.621 with L97.4-) is titled "with unspecified severity" when the record does
 * not give the ulcer's depth, and the depth changes the code (L97.421 ... L97.426). When the title
 * names the axis it leaves open and no statement of the record states a value, the physician is
 * asked (guideline I.A.9: "unspecified" is for when the record lacks the detail; the query is how a
 * coder gets it); an answer naming a member codes that member.
 *
 * Read from the whole record, not the code's own statement: a depth written in the wound exam is the
 * record's answer, so nothing is asked.
 */
import { resolutionFor, specificityQuestion, type ClarificationIssue, type Resolution } from './clarification.ts';
import { indicatorsFor } from './clarification-issues.ts';
import { perRecord, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { recordStatements } from './review-signals.ts';
import { namesUnspecifiedAxis, unstatedAxis } from './unstated-axis.ts';
import { billableDescendants } from './icd10cm.ts';
import { expandAbbreviations, tokenize } from './text.ts';

/** The axis a step-added code leaves open by name, asked; an answered one coded. */
export function addedCodeAxes(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const statements = perRecord(run, 'recordStatements', () => recordStatements(run.input.documentation));
  return drafts.map((d) => {
    // A code coded from its own statement was asked there (mention-coding.ts); one already asked is not asked twice.
    if (run.mentions.has(d.order) || !namesUnspecifiedAxis(d.description)) return d;
    if (run.issues.some((i) => i.order === d.order)) return d;
    const entry = run.codeSets.icd.byCode.get(d.code);
    if (entry === undefined) return d;
    const hit = { entry, code: d.code, description: d.description, score: d.confidence, matched: [], matchedText: d.description };
    const axis = unstatedAxis(run, hit, statements.join('\n'), statements);
    if (!axis) return d;
    const stated = ownStatement(d);
    const mention = run.mentions.get(Math.floor(d.order));
    const issue: ClarificationIssue = {
      kind: 'specificity',
      question: specificityQuestion(stated, `${axis.aspect} of the condition`),
      clinicalIndicators: mention ? indicatorsFor(run, mention) : [`Diagnosis: "${stated}"`],
      options: axis.options.map((o, i) => ({ ...o, code: axis.codes[i] ?? '' })).filter((o) => o.code !== ''),
      reason: `${axis.reason[0]?.toUpperCase()}${axis.reason.slice(1)}; the record does not state it.`,
      order: d.order,
    };
    const resolution = resolutionFor(issue, run.input.answers);
    if (!resolution) {
      run.issues.push(issue);
      return d;
    }
    return answered(run, d, resolution);
  });
}

/** How many of the text's words the title has. */
const wordsShared = (title: ReadonlySet<string>, text: string): number => tokenize(text).filter((t) => title.has(t)).length;

/** Of the statements a code rests on, the one that shares most words with its title (the ulcer's, not the diabetes'). */
function ownStatement(d: DiagnosisDraft): string {
  const title = new Set(tokenize(d.description));
  const best = d.evidence.reduce<{ text: string; n: number } | undefined>((a, e) => {
    const n = wordsShared(title, expandAbbreviations(e.text));
    return a === undefined || n > a.n ? { text: e.text, n } : a;
  }, undefined);
  return best?.text ?? d.description;
}

/**
 * The billable code the answer names: the option's own code, or, when the option is a branch (the
 * dementia severities F02.A-, F02.B-, F02.C- split again by disturbance), the member under it whose
 * title keeps most of the draft's other words ("without behavioral disturbance ...").
 */
function answeredCode(run: CodingRun, d: DiagnosisDraft, code: string): { code: string; description: string } | undefined {
  const { icd } = run.codeSets;
  const index = icd.byCode.get(code);
  if (index === undefined) return undefined;
  const title = new Set(tokenize(d.description));
  let best: { code: string; description: string; shared: number } | undefined;
  for (const i of billableDescendants(icd, index)) {
    const entry = icd.entries[i];
    if (entry === undefined) continue;
    const shared = wordsShared(title, entry.description);
    if (best === undefined || shared > best.shared || (shared === best.shared && entry.code < best.code))
      best = { code: entry.code, description: entry.description, shared };
  }
  return best && { code: best.code, description: best.description };
}

/** The member the answer names, coded in the draft's place; any other answer leaves the code as it is. */
function answered(run: CodingRun, d: DiagnosisDraft, resolution: Resolution): DiagnosisDraft {
  const named = resolution.kind === 'option' && resolution.option.code ? answeredCode(run, d, resolution.option.code) : undefined;
  if (named === undefined) return d;
  const { code, description } = named;
  const label = resolution.kind === 'option' ? resolution.option.label : '';
  return {
    ...d,
    code,
    description,
    evidence: [...d.evidence, { section: d.evidence[0]?.section ?? 'diagnoses', text: `Physician answer: ${label}` }],
    rationale: `${d.rationale} The physician's answer names ${code} ("${label}").`,
  };
}
