/**
 * A condition coded bilateral (written by the physician or chosen from the assessment) while the
 * examination describes one side of its site as normal: "A: bilateral acute otitis media" beside
 * "L TM pearly gray, translucent, landmarks visible"; "bilateral impacted cerumen" beside "L canal:
 * TM fully visualized, normal". The assessment and the examination disagree on the side, and the side
 * changes the code (H66.91 against H66.93), so a coder may pick neither: the physician is asked which
 * side or sides are affected (laterality stated two ways is a query, guideline I.B.13 and the query
 * practice brief). Until answered the condition is coded of unspecified side; an answer naming a side,
 * or both, codes it.
 *
 * The conflict is the record's own only when it states both sides: a statement says bilateral (or
 * both ears, "bilat", "B/L", AU/OU), or the physician wrote the bilateral code. A bilateral code the
 * reading put together from a side in one statement and the other side in another ("L acute otitis
 * media" beside "R TM nl") conflicts with nothing the physician said: the record makes the affected
 * side clear, and the coder codes it (the side not described as normal), without a query.
 *
 * Where the examination describes both sides as abnormal, or never names a side as normal, nothing
 * is asked (side-agreement.ts reads the statements; a side described after a procedure on it, such
 * as a canal cleared of wax, is not a finding of the condition).
 */
import { askCharacter } from './character-conflict.ts';
import { detailConflictQuestion, type ClarificationOption } from './clarification.ts';
import { describeIcd, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { isBillable, normalizeIcdCode } from './icd10cm.ts';
import { sideOf } from './laterality.ts';
import { oneSideNormalStatement } from './side-agreement.ts';

/** Words of a title that say a side or name the sided site; the rest names the condition. */
const SIDE_OR_SITE =
  /\b(?:bilateral|unilateral|right|left|unspecified|side|of|ears?|eyes?|knees?|hips?|ankles?|feet|foot|wrists?|hands?|shoulders?|elbows?|breasts?|kidneys?|ovary|ovaries|testis|testes)\b/g;

/** The words of a title that name the condition, side and site left out, in a fixed order. */
const conditionWords = (title: string) =>
  [
    ...new Set(
      title
        .toLowerCase()
        .replace(SIDE_OR_SITE, ' ')
        .split(/[^a-z0-9-]+/)
        .filter(Boolean),
    ),
  ]
    .sort()
    .join(' ');

type Side = 'right' | 'left' | 'unspecified';

/** The billable code of the same condition on `side`: same category (and 7th character), the same title but for the side. */
function sameConditionOn(run: CodingRun, code: string, side: Side): string | undefined {
  const words = conditionWords(describeIcd(run.codeSets, code));
  const category = code.slice(0, 3);
  for (const other of run.codeSets.icd.byCode.keys()) {
    if (other === code || !other.startsWith(category) || !isBillable(run.codeSets.icd, other)) continue;
    if ((code.length === 8 || other.length === 8) && other[7] !== code[7]) continue; // a 7th character (a glaucoma's stage) stays
    const title = describeIcd(run.codeSets, other);
    if (conditionWords(title) !== words) continue;
    const stated = sideOf(title);
    if (side === 'unspecified' ? stated === undefined && /\bunspecified\b/i.test(title) && !/\bbilateral\b/i.test(title) : stated === side)
      return other;
  }
  return undefined;
}

/** A statement of both sides ("bilateral", "bilat", "b/l", "both ears", AU, OU). */
const BOTH_SIDES =
  /\b(?:bilateral(?:ly)?|bilat|b\/l|both (?:\w+ )?(?:sides?|ears?|eyes?|knees?|hips?|ankles?|feet|wrists?|hands?|shoulders?|elbows?|breasts?|kidneys?|ovaries|testes|legs?|arms?))\b|\b(?:AU|OU)\b/;

/** The side an answer names first: "right", "left", or both ("bilateral", "both"). */
function answeredSide(words: string): 'right' | 'left' | 'both' | undefined {
  const first = /\b(right|left|rt|lt|bilateral|bilat|both)\b/i.exec(words)?.[1]?.toLowerCase();
  if (first === undefined) return undefined;
  if (first.startsWith('r')) return 'right';
  if (first.startsWith('l')) return 'left';
  return 'both';
}

/** Step: a bilateral code beside a statement of one side of its site as normal is asked; unspecified side until answered. */
export function bilateralWithOneSideNormal(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  // Whole lines: what a line said before a side (a procedure done) decides whether it is a finding.
  const { notes, diagnoses } = run.input.documentation;
  const statements = [...diagnoses.map((x) => x.description), ...notes.split(/\n+/).map((l) => l.trim())];
  for (const d of drafts) {
    if (run.issues.some((i) => i.order === d.order)) continue;
    if (d.evidence.some((e) => e.text.startsWith('Physician answer:'))) continue;
    const found = oneSideNormalStatement(statements, d);
    if (found === undefined) continue;
    const normal = found.statement;
    const held = sameConditionOn(run, d.code, 'unspecified');
    const right = sameConditionOn(run, d.code, 'right');
    const left = sameConditionOn(run, d.code, 'left');
    if (!held || !right || !left || !run.allowed(held)) continue;
    const written = run.mentions.get(d.order)?.documentedCode;
    const statedBoth = statements.some((s) => BOTH_SIDES.test(s)) || (written !== undefined && normalizeIcdCode(written) === d.code);
    if (!statedBoth) {
      // Both sides only by the reading: the side not described as normal is the one affected.
      const affected = found.side === 'right' ? left : right;
      if (!run.allowed(affected)) continue;
      const why = `The record names the condition on one side and describes the ${found.side} side as normal ("${normal}"): ${affected}, the affected side.`;
      return drafts.map((x) => (x === d ? recoded(run.codeSets, x, affected, why) : x));
    }
    const bilateralText = d.evidence.find((e) => /\bbilat/i.test(e.text))?.text ?? d.evidence[0]?.text ?? d.description;
    const options: ClarificationOption[] = [
      { label: 'Right only', code: right },
      { label: 'Left only', code: left },
      { label: 'Both sides', code: d.code },
    ];
    const byAnswer = { right, left, both: d.code } as const;
    return askCharacter(run, drafts, {
      draft: d,
      question: detailConflictQuestion(bilateralText, normal, 'side or sides affected'),
      clinicalIndicators: [`Documented: "${bilateralText}"`, `Documented: "${normal}"`],
      options,
      reason: `The condition is coded bilateral (${d.code}) and the record describes one side of its site as normal; ${held} (unspecified side) until answered.`,
      held,
      fromWords: (words) => {
        const side = answeredSide(words);
        return side ? byAnswer[side] : undefined;
      },
      heldWhy: 'The side is documented two ways (bilateral, and one side normal): unspecified side until the physician answers.',
      answeredWhy: (code) => `The physician answered the side or sides affected: ${code}.`,
    });
  }
  return drafts;
}
