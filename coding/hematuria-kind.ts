/**
 * A hematuria stated as microscopic and also as visible: the assessment says "microscopic
 * hematuria" while the history has the patient seeing pink, red or cola-colored urine, or clots
 * (gross, R31.0); or the reverse, "gross hematuria" beside "microscopic only" or "no visible blood".
 * Gross and microscopic are separate codes (R31.0, R31.1-R31.2-), and the record disagrees with
 * itself about which, so a coder may pick neither: the physician is asked, both statements quoted;
 * until answered the hematuria is coded unspecified (R31.9), and an answer naming the kind codes it.
 *
 * Not a statement of today's hematuria: a denial ("no gross hematuria", "denies red urine"), a past
 * episode ("history of gross hematuria", "years ago"), or a relative's.
 */
import { askCharacter, namedIn, type NamedValues } from './character-conflict.ts';
import { detailConflictQuestion, type ClarificationOption } from './clarification.ts';
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';

type Kind = 'gross' | 'microscopic';
/** Hematuria codes by kind. */
const GROSS_CODE = /^R31\.0$/;
const MICROSCOPIC_CODE = /^R31\.(?:1|2\d?)$/;
const UNSPECIFIED = 'R31.9';

/** Blood in the urine the patient or the examiner sees. */
const VISIBLE =
  /\b(?:gross(?:ly)? (?:hematuria|blood|bloody)|visible (?:blood|hematuria)|macroscopic hematuria|(?:pink|red|reddish|bloody|tea|cola|brown|rust)(?:[- ](?:tinged|colou?red))? urine|urine (?:is |was |looked |looks |appeared |appears |turned )?(?:pink|red|bloody|tea[- ]colou?red|cola[- ]colou?red)|(?:blood )?clots in (?:the |his |her )?urine|passing (?:blood )?clots)\b/i;
/** Blood found only on the urinalysis or under the microscope. */
const MICROSCOPIC =
  /\b(?:microscopic (?:hematuria|blood)|microhematuria|micro-hematuria|(?:no|without) (?:visible|gross) (?:blood|hematuria)|not visible)\b/i;
const KINDS: NamedValues<Kind> = [
  ['gross', VISIBLE],
  ['microscopic', MICROSCOPIC],
];
/** A statement of another time or person: not today's hematuria. */
const NOT_TODAY =
  /\b(?:history of|hx of|h\/o|prior|previous(?:ly)?|years? ago|last year|remote|resolved|family|mother|father|brother|sister)\b/i;
const ASPECT = 'kind of hematuria (gross or microscopic)';

const sentencesOf = (notes: string) =>
  notes
    .split(/\n+|(?<=\.)\s+(?=[A-Z])/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Step: a hematuria coded gross or microscopic beside a statement of the other kind is asked, R31.9 meanwhile. */
export function hematuriaKind(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const d = drafts.find((x) => GROSS_CODE.test(x.code) || MICROSCOPIC_CODE.test(x.code));
  if (!d || run.issues.some((i) => i.order === d.order)) return drafts;
  const coded: Kind = GROSS_CODE.test(d.code) ? 'gross' : 'microscopic';
  const other: Kind = coded === 'gross' ? 'microscopic' : 'gross';
  const said = d.evidence[0]?.text ?? d.description;
  const sentences = sentencesOf(run.input.documentation.notes).filter((s) => !NOT_TODAY.test(s));
  const against = sentences.find(
    (s) =>
      namedIn(
        s,
        KINDS.filter(([k]) => k === other),
      ) === other &&
      namedIn(
        s,
        KINDS.filter(([k]) => k === coded),
      ) === undefined,
  );
  if (!against) return drafts;
  const icd = run.codeSets.icd;
  const microscopic = coded === 'microscopic' ? d.code : 'R31.29';
  const options: ClarificationOption[] = [
    { label: 'Gross hematuria', code: 'R31.0' },
    {
      label: icd.byCode.has(microscopic)
        ? (icd.entries[icd.byCode.get(microscopic)!]?.description ?? 'Microscopic hematuria')
        : 'Microscopic hematuria',
      code: microscopic,
    },
  ];
  return askCharacter(run, drafts, {
    draft: d,
    question: detailConflictQuestion(said, against.replace(/\.$/, ''), ASPECT),
    clinicalIndicators: [`Documented: "${said}"`, `Documented: "${against}"`],
    options,
    reason: `The hematuria is documented as ${coded} and also as ${other}; gross (R31.0) and microscopic (R31.1-R31.2-) are separate codes, so ${UNSPECIFIED} until answered.`,
    held: UNSPECIFIED,
    fromWords: (words) => {
      const kind = namedIn(words, KINDS);
      return kind === 'gross' ? 'R31.0' : kind === 'microscopic' ? microscopic : undefined;
    },
    heldWhy: 'The hematuria is documented as gross and as microscopic: unspecified until the physician answers.',
    answeredWhy: (code) => `The physician answered the kind of hematuria: ${code}.`,
  });
}
