/**
 * A value denied just before it in a statement ("no blisters", "negative for nonunion", "rule out
 * delayed union"): the one reader of it for the modules that find a value's words in a statement
 * and must not count them where the statement takes them back.
 *
 * A denial is a denying word somewhere before the value's words; what differs between readers is
 * how far back a denying word still reaches (DenialReach), and, for the widest reach, whether
 * ruling out counts as a denial (it does not there: "rule out a fracture after the fall" rules out
 * the fracture, not the fall told after it).
 */

/** Words that say what follows is absent. */
const ABSENT = ['no', 'not', 'never', 'without', String.raw`w\/o`, 'denies', 'denied', 'negative for', 'free of'];
/** Words that say what follows is to be excluded: not stated as found. */
const RULING_OUT = [String.raw`rule[sd]? out`, String.raw`r\/o`];

/** How far before the value a denying word still denies it. */
export type DenialReach =
  /** Anywhere before it in its clause, up to a comma or semicolon ("no fever or chills" denies chills; "no fever, chills" does not). */
  | 'clause'
  /** Right before it, one word between at the most ("no diagnostic", "not a diagnostic"): a denial further back is of something else. */
  | 'adjacent'
  /** Anywhere before it in the statement, across commas. */
  | 'statement';

export interface DenialOptions {
  /** 'clause' unless given. */
  reach?: DenialReach;
  /** Whether "rule out", "ruled out", "r/o" deny as well (true unless given). */
  rulingOut?: boolean;
}

/** A pattern that matches the text before a value (up to the value's first character) when that text denies the value. */
export function denialBefore({ reach = 'clause', rulingOut = true }: DenialOptions = {}): RegExp {
  const words = `\\b(?:${[...ABSENT, ...(rulingOut ? RULING_OUT : [])].join('|')})`;
  if (reach === 'adjacent') return new RegExp(String.raw`${words}\s+(?:\w+\s+)?$`, 'i');
  if (reach === 'statement') return new RegExp(String.raw`${words}\b`, 'i');
  return new RegExp(String.raw`${words}\b[^,;]*$`, 'i');
}

/** Words before a value in its clause that deny it or rule it out: the reading most modules want. */
export const DENIED_BEFORE = denialBefore();

/** Whether the words of a statement that begin at `index` are denied by what comes before them (`denial`: DENIED_BEFORE unless given). */
export function deniedAt(statement: string, index: number, denial: RegExp = DENIED_BEFORE): boolean {
  return denial.test(statement.slice(0, index));
}
