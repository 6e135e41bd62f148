/**
 * A urinary incontinence diagnosed as one type (stress N39.3, urge N39.41) while the record describes
 * leakage of the other type as well: leaking with a cough, a laugh, a sneeze or lifting is stress
 * incontinence; leaking with a sudden urge, before reaching the toilet, is urge incontinence; both
 * together are mixed incontinence (N39.46, the tabular's "urge and stress incontinence"). The type is
 * the code's own character and a coder codes it from the physician's diagnosis, not from the
 * history's description (guideline I.A.19, III.B), so the physician is asked, both statements
 * quoted, each type offered. The type diagnosed is coded until answered (also where a search that
 * read the history's words found mixed for a line that says stress); an answer naming a type codes it.
 *
 * Not a description of today's leakage: a denied one ("no leakage with cough", "denies urgency"), a
 * past one ("history of", "resolved", "before surgery"), or a relative's.
 */
import { askCharacter, namedIn, type NamedValues } from './character-conflict.ts';
import { detailConflictQuestion, type ClarificationOption } from './clarification.ts';
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';

type Type = 'stress' | 'urge' | 'mixed';
const CODES: Record<Type, string> = { stress: 'N39.3', urge: 'N39.41', mixed: 'N39.46' };
const LABELS: Record<Type, string> = {
  stress: 'Stress incontinence',
  urge: 'Urge incontinence',
  mixed: 'Mixed (urge and stress) incontinence',
};

/** Leakage on a rise of abdominal pressure, or stress incontinence named. */
const STRESS =
  /\bstress (?:urinary )?incontinence\b|\b(?:leak\w*|wet\w*|los(?:es|ing|s of) urine|dribbl\w*)\b[^.;]{0,40}\b(?:cough\w*|laugh\w*|sneez\w*|lift\w*|exert\w*|exercis\w*|jump\w*|bend\w*|strain\w*)\b|\b(?:cough\w*|laugh\w*|sneez\w*|lift\w*)\b[^.;]{0,25}\b(?:leak\w*|wets?|urine loss)\b/i;
/** Leakage with a sudden urge, before the toilet is reached, or urge incontinence named. */
const URGE =
  /\b(?:urge|urgency) (?:urinary )?incontinence\b|\b(?:leak\w*|wet\w*|los(?:es|ing|s of) urine)\b[^.;]{0,40}\b(?:urge|urgency|before (?:i|she|he|they) (?:get|gets|reach\w*|make|makes) (?:it )?to the (?:bathroom|toilet|restroom|commode))\b|\b(?:urge|urgency)\b[^.;]{0,40}\b(?:can'?t|cannot|unable to|doesn'?t|don'?t) (?:hold|make it|get there)\b/i;
const MIXED = /\bmixed (?:urinary )?incontinence\b|\burge and stress incontinence\b|\bstress and urge incontinence\b/i;
const TYPES: NamedValues<Type> = [
  ['mixed', MIXED],
  ['stress', STRESS],
  ['urge', URGE],
];
/** A statement of another time or person: not today's leakage. */
const NOT_TODAY =
  /\b(?:history of|hx of|h\/o|prior|previous(?:ly)?|years? ago|resolved|before (?:her |his )?surgery|family|mother|father|sister|brother)\b/i;
const ASPECT = 'type of urinary incontinence (stress, urge or mixed)';

const sentencesOf = (notes: string) =>
  notes
    .split(/\n+|(?<=\.)\s+(?=[A-Z])/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Step: stress or urge incontinence coded beside a described leakage of the other type is asked (mixed?). */
export function incontinenceType(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const d = drafts.find((x) => Object.values(CODES).includes(x.code));
  if (!d || run.issues.some((i) => i.order === d.order)) return drafts;
  const said = d.evidence[0]?.text ?? d.description;
  // The type the diagnosis states (a search that read the history's words may have coded it mixed).
  const stated = namedIn(said, TYPES) ?? (d.code === CODES.stress ? 'stress' : d.code === CODES.urge ? 'urge' : 'mixed');
  if (stated === 'mixed') return drafts;
  const coded: Type = stated;
  const other: Type = coded === 'stress' ? 'urge' : 'stress';
  const against = sentencesOf(run.input.documentation.notes)
    .filter((s) => !NOT_TODAY.test(s))
    .find(
      (s) =>
        namedIn(
          s,
          TYPES.filter(([t]) => t === other || t === 'mixed'),
        ) !== undefined,
    );
  if (!against) return drafts;
  const options: ClarificationOption[] = (['stress', 'urge', 'mixed'] as const).map((t) => ({ label: LABELS[t], code: CODES[t] }));
  return askCharacter(run, drafts, {
    draft: d,
    question: detailConflictQuestion(said, against.replace(/\.$/, ''), ASPECT),
    clinicalIndicators: [`Documented: "${said}"`, `Documented: "${against}"`],
    options,
    reason: `The incontinence is diagnosed as ${coded} while the record describes ${other} leakage too (both together are mixed incontinence, ${CODES.mixed}); ${CODES[coded]} as diagnosed until answered.`,
    held: CODES[coded],
    heldWhy: `The incontinence is diagnosed as ${coded}: ${CODES[coded]} until the physician answers.`,
    fromWords: (words) => {
      const type = namedIn(words, TYPES);
      return type ? CODES[type] : undefined;
    },
    answeredWhy: (code) => `The physician answered the type of incontinence: ${code}.`,
  });
}
