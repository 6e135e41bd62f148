/**
 * The degree of a burn as the record describes it. The classification's own inclusion notes name
 * each degree by what is seen (T20-T32: first degree [erythema], second degree [blisters, epidermal
 * loss], third degree [deep necrosis of underlying tissue, full-thickness skin loss]). A burn coded
 * first degree beside an examination of blisters or bullae, or second degree beside full-thickness
 * loss, is documentation that disagrees with itself: a coder may not code the degree from the
 * description (the physician's statement decides) nor bill the statement unseen. The physician is
 * asked the degree, quoting both; until answered the burn is coded of unspecified degree (T2x.0-),
 * and an answer naming a degree codes it.
 */
import { detailConflictQuestion, resolutionFor, resolvedWords, type ClarificationIssue } from './clarification.ts';
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';

/** Burns of external body surface by site (T20-T25): the fifth character is the degree (0 unspecified, 1-3). */
const BURN_BY_DEGREE = /^T2[0-5]\.[0-3]/;
/** What each degree looks like, deepest first, as an examination describes it (not denied in its clause). */
const DESCRIBED: ReadonlyArray<readonly [number, RegExp]> = [
  [3, /\b(full[- ]thickness|charred|leathery|eschar|insensate|white waxy|deep necrosis)\b/i],
  [
    2,
    /\b(blisters?|blistered|bullae|bulla|bullous|vesicles?|partial[- ]thickness|epidermal loss|unroofed|weeping|moist (?:pink|red) base)\b/i,
  ],
];
const DENIED_BEFORE = /\b(no|without|denies|negative for)\b[^,;]*$/i;
const DEGREE_WORDS: Record<number, RegExp> = {
  1: /\b(first|1st)[- ]degree\b|\bsuperficial (?:burn|thickness)\b/i,
  2: /\b(second|2nd)[- ]degree\b|\bpartial[- ]thickness\b/i,
  3: /\b(third|3rd)[- ]degree\b|\bfull[- ]thickness\b/i,
};

/** The deepest degree a statement of the record describes, with the statement. */
function describedDegree(statements: readonly string[]): { degree: number; text: string } | undefined {
  for (const [degree, pattern] of DESCRIBED)
    for (const s of statements) {
      const m = pattern.exec(s);
      if (m && !DENIED_BEFORE.test(s.slice(0, m.index))) return { degree, text: s.trim() };
    }
  return undefined;
}

const withDegree = (code: string, degree: number) => `${code.slice(0, 4)}${degree}${code.slice(5)}`;

/** Step: a burn coded shallower than the examination describes it is asked; unspecified degree until answered. */
export function burnDegreeDescribed(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const burn = drafts.find((d) => BURN_BY_DEGREE.test(d.code) && d.code[4] !== '0' && !run.issues.some((i) => i.order === d.order));
  if (!burn) return drafts;
  const coded = Number(burn.code[4]);
  const own = new Set(burn.evidence.map((e) => e.text));
  const described = describedDegree(clausesOf(run.input.documentation.notes).filter((s) => !own.has(s)));
  if (!described || described.degree <= coded) return drafts;
  const held = withDegree(burn.code, 0);
  if (!run.codeSets.icd.byCode.has(held)) return drafts;
  const quote = burn.evidence[0]?.text ?? burn.description;
  const options = [1, 2, 3]
    .map((n) => ({ label: `${['First', 'Second', 'Third'][n - 1]} degree`, code: withDegree(burn.code, n) }))
    .filter((o) => run.codeSets.icd.byCode.has(o.code));
  const issue: ClarificationIssue = {
    kind: 'specificity',
    question: detailConflictQuestion(quote, described.text, 'degree of the burn'),
    clinicalIndicators: [`Documented: "${quote}"`, `Examination: "${described.text}"`],
    options,
    reason: `The burn is coded of the ${['first', 'second', 'third'][coded - 1]} degree (${burn.code}) and the examination describes the ${['first', 'second', 'third'][described.degree - 1]} ("${described.text}"); ${held} (unspecified degree) until the physician answers.`,
    order: burn.order,
    betweenStatements: true,
  };
  const resolution = resolutionFor(issue, run.input.answers);
  if (!resolution) run.issues.push(issue);
  const words = resolution?.kind === 'option' ? undefined : resolution ? resolvedWords(resolution) : undefined;
  const answeredDegree = words ? [1, 2, 3].find((n) => DEGREE_WORDS[n]!.test(words)) : undefined;
  const code =
    resolution?.kind === 'option' && resolution.option.code
      ? resolution.option.code
      : answeredDegree
        ? withDegree(burn.code, answeredDegree)
        : held;
  if (!run.codeSets.icd.byCode.has(code)) return drafts;
  const why =
    code === held
      ? `The burn's degree is stated and described two ways: unspecified degree until the physician answers.`
      : `The physician answered the degree of the burn: ${code}.`;
  return drafts.map((d) => (d === burn ? recoded(run.codeSets, d, code, why) : d));
}
