/**
 * A query read from the tabular itself: the condition was coded to the "unspecified" member of a
 * family whose other members differ from it only by severity, stage or acuity (asthma: mild
 * intermittent ... severe persistent; CKD stage 3: 3a, 3b; cholecystitis: acute, chronic), and the
 * record states none of them. The classification has a code for each value, so the value changes
 * the code: the physician is asked (guideline I.A.9 "unspecified" codes are for when the record
 * lacks the detail, and the query is how a coder gets it).
 *
 * Not asked when the documented words are an inclusion term of the code itself (the tabular puts
 * that phrase there on purpose) or when another statement of the record states one of the values.
 */
import type { ClarificationOption } from './clarification.ts';
import type { CodingRun } from './coding-run.ts';
import type { SearchHit } from './search.ts';
import { expandAbbreviations, tokenize } from './text.ts';

/** Words (stemmed tokens) that name a value on an axis of severity, stage or acuity. */
const AXIS_WORD = /^(mild|moderate|severe|intermittent|persistent|acute|chronic|subacute|[1-5][a-c])$/;
const UNSPECIFIED = /\bunspecified\b/i;

export interface UnstatedAxis {
  /** The axis in words, for the question ("severity", "stage"). */
  aspect: string;
  options: ClarificationOption[];
  /** The members the options stand for. */
  codes: string[];
}

function aspectOf(words: ReadonlySet<string>): string {
  const has = (re: RegExp) => [...words].some((w) => re.test(w));
  const parts: string[] = [];
  if (has(/^(mild|moderate|severe|intermittent|persistent)$/)) parts.push('severity');
  if (has(/^[1-5][a-c]$/)) parts.push('stage');
  if (has(/^(acute|chronic|subacute)$/)) parts.push('acuity');
  return parts.join(' and ');
}

/**
 * The axis the record leaves open for a code, walking up from the code while the branch it sits on
 * is the "unspecified" one; `documented` is what the record says about the condition.
 */
export function unstatedAxis(run: CodingRun, top: SearchHit, documented: string, record: readonly string[]): UnstatedAxis | undefined {
  const icd = run.codeSets.icd;
  const said = new Set(tokenize(expandAbbreviations(documented)));
  if (isInclusionTerm(run, top, said)) return undefined;
  let index = icd.byCode.get(top.code);
  for (let depth = 0; index !== undefined && depth < 4; depth++) {
    const node = icd.entries[index];
    if (!node || node.parent < 0 || !UNSPECIFIED.test(node.description)) return undefined;
    const parent = icd.entries[node.parent];
    if (!parent || parent.kind > 1) return undefined;
    const own = new Set(tokenize(node.description));
    const members: Array<{ code: string; description: string; values: string[] }> = [];
    // The family is split on the axis only when every other member is a value of it (or a catch-all "other").
    let split = true;
    for (const k of icd.children.get(node.parent) ?? []) {
      const e = icd.entries[k];
      if (!e || k === index || /^other\b/i.test(e.description)) continue;
      const differs = tokenize(e.description).filter((t) => !own.has(t));
      if (differs.length > 0 && differs.every((t) => AXIS_WORD.test(t))) {
        if (run.allowed(e.code)) members.push({ ...e, values: differs });
      } else split = false;
    }
    if (split && members.length >= 2) {
      const values = new Set(members.flatMap((m) => m.values));
      if ([...values].some((v) => said.has(v))) return undefined;
      if (statedElsewhere(record, members)) return undefined;
      return {
        aspect: aspectOf(values),
        options: members.map((m) => ({ label: m.description, refine: m.values.join(' ') })),
        codes: members.map((m) => m.code),
      };
    }
    index = node.parent;
  }
  return undefined;
}

/** The documented words are (all of) one of the code's own inclusion terms. */
function isInclusionTerm(run: CodingRun, top: SearchHit, said: ReadonlySet<string>): boolean {
  if (top.matchedText === top.description) return false;
  const term = tokenize(top.matchedText);
  return term.length > 0 && [...said].every((t) => term.includes(t));
}

/** Another statement of the record names a member in full (its words and its value). */
function statedElsewhere(record: readonly string[], members: ReadonlyArray<{ description: string }>): boolean {
  const statements = record.map((s) => new Set(tokenize(expandAbbreviations(s))));
  return members.some((m) => {
    const words = tokenize(m.description);
    return statements.some((s) => words.every((w) => s.has(w)));
  });
}
