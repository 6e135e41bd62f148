/**
 * Where a text expansion applies, when it depends on other words than its own: "OD" is the right
 * eye only in a text about the eye, "RLL" a lobe by name only beside a tumour word, "chin" the
 * head's other part only in a clause naming an injury.
 *
 * The condition is tested once, on the whole text or on each clause, and the expansion's own
 * pattern stays short. Written instead as a lookaround reaching over the text from every place
 * the pattern is tried ("(?<=\b(?:eye|...)\b[\s\S]*)\bod\b"), the same condition scans the text
 * again at every character: a record of n characters cost n² steps (213 s of CPU for 50,000
 * characters, session 18). Here the cost is one pass per condition, linear in the text.
 */

/** The condition an expansion applies under. */
export interface ExpansionScope {
  /** Applies only where this pattern occurs (not global: it is tested, never iterated). */
  readonly when?: RegExp;
  /** Applies only where this pattern does not occur (not global). */
  readonly unless?: RegExp;
  /**
   * 'clause': the condition is tested in each clause (text between '.', ';' and line ends); 'phrase':
   * in each phrase (text between ',', '.' and ';', a line end included); else in the whole text.
   */
  readonly within?: 'clause' | 'phrase';
}

/** An expansion: the pattern, what it stands for, and the condition it applies under (none: everywhere). */
export type ScopedExpansion = readonly [pattern: RegExp, replacement: string, scope?: ExpansionScope];

const CLAUSE_END = /([.;\n])/;
const PHRASE_END = /([,.;])/;

const holds = (scope: ExpansionScope, text: string): boolean =>
  (scope.when === undefined || scope.when.test(text)) && (scope.unless === undefined || !scope.unless.test(text));

/**
 * The text with `expand` applied where the scope's condition holds: to the whole text, or to each
 * clause or phrase whose own words meet it (their ends are kept as they are).
 */
export function expandWithin(text: string, scope: ExpansionScope, expand: (part: string) => string): string {
  if (scope.within === undefined) return holds(scope, text) ? expand(text) : text;
  return text
    .split(scope.within === 'clause' ? CLAUSE_END : PHRASE_END)
    .map((part, i) => (i % 2 === 0 && holds(scope, part) ? expand(part) : part))
    .join('');
}
