/**
 * One condition stated twice: short on the diagnosis list or problem list ("Migraine",
 * "Hypothyroidism") and in full in the note's assessment ("Migraine with aura, not intractable,
 * without status migrainosus", "Postsurgical hypothyroidism"). The most specific statement of the
 * condition decides (guideline I.B.2: codes to the highest level of specificity documented; I.A.9:
 * an unspecified code only when the record gives no more): a line coded to an unspecified code is
 * coded from the assessment or plan statement that says all its words and more, when that
 * statement's code names the same condition. The line's own questions then go with its code.
 */
import { titleShare, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import type { Mention } from './context.ts';
import { keyWords } from './ranking.ts';
import { ADDRESSED_PARTS } from './sections.ts';
import { tokenize } from './text.ts';

const UNSPECIFIED = /\bunspecified\b/i;
/** The assessment's statement must find its code as confidently as the notes' assessment is coded. */
const STATEMENT_CONFIDENCE = 0.55;

/**
 * The drafts of the fuller statement in place of the line's, or undefined when the line's own code
 * stands. `statement` codes a statement of the notes at the line's order (mentions.ts, without its questions).
 */
export function fullerStatement(
  run: CodingRun,
  line: Mention,
  coded: readonly DiagnosisDraft[],
  statement: (m: Mention) => DiagnosisDraft[],
): DiagnosisDraft[] | undefined {
  const first = coded[0];
  if (line.documentedCode || !first || !UNSPECIFIED.test(first.description)) return undefined;
  const icd = run.codeSets.icd;
  const said = keyWords(icd, line.text);
  if (said.size === 0) return undefined;
  for (const n of run.notes) {
    if (n.part === undefined || !ADDRESSED_PARTS.has(n.part) || n.assertion !== 'affirmed' || n.unaddressed) continue;
    const words = keyWords(icd, n.text);
    if (words.size <= said.size || ![...said].every((t) => words.has(t))) continue;
    const drafts = statement(n);
    const best = drafts[0];
    if (
      !best ||
      best.code === first.code ||
      best.confidence < STATEMENT_CONFIDENCE ||
      titleShare(best.description, `${n.text} ${n.original}`) < 0.5 ||
      // The same condition: the code's title says the line's words.
      ![...said].every((t) => tokenize(best.description).includes(t))
    )
      continue;
    return drafts.map((d) => ({
      ...d,
      evidence: [...first.evidence, ...d.evidence.filter((e) => !first.evidence.some((f) => f.text === e.text))],
      rationale: `${d.rationale} The assessment states "${line.original}" more specifically ("${n.original}"); the most specific statement of the condition decides (in place of ${first.code}).`,
    }));
  }
  return undefined;
}
