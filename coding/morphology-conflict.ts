/**
 * A skin carcinoma whose type the record states two ways: the assessment says basal cell carcinoma
 * and the pathology quoted in the same note says squamous cell carcinoma of the same site (or the
 * reverse). The classification codes the two apart (C44.-1- basal cell, C44.-2- squamous cell), and
 * a coder may neither pick the pathology over the physician's statement nor the reverse (guideline
 * III.B and the query practice for conflicting documentation): the physician is asked, both
 * statements quoted, and until answered the record supports only the site's unspecified malignant
 * neoplasm of skin (C44.-0-).
 *
 * Not a conflict: the other type named of another site (two lesions), or coded itself; a statement
 * naming both types (a basosquamous carcinoma); a type the statement denies, suspects or lists as a
 * possibility ("r/o SCC", "BCC vs SCC"), or that is a past one ("history of SCC").
 */
import { detailConflictQuestion, resolutionFor, type ClarificationIssue, type ClarificationOption } from './clarification.ts';
import { describeIcd, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { FACE_SKIN_PART, SKIN_CARCINOMA_TYPES } from './skin-morphology.ts';
import { expandAbbreviations, LATERALITY_WORDS, tokenize } from './text.ts';

/** The types the 5th character of a C44 code gives, by that character, with the words that state each. */
const TYPES = SKIN_CARCINOMA_TYPES.map(({ digit, label, morphology, initials }) => ({
  digit,
  label,
  words: new RegExp(String.raw`\b(${morphology} carcinoma|${initials})\b`, 'i'),
}));

/** A statement that names the type only as a possibility, a denial or a past one. */
const NOT_STATED =
  /\b(no|not|without|negative for|rule out|r\/o|vs\.?|versus|or|differential|ddx|possible|possibly|suspect\w*|suspicious|concern\w*|question of|likely|favou?r\w*|history of|hx of|h\/o|prior|previous|in situ)\b/i;
/** Words of a statement that name no site. */
const NOT_A_SITE = new Set(
  tokenize(
    'basal squamous cell carcinoma bcc scc malignant neoplasm skin margin margins involved invasive well moderately poorly differentiated shave punch biopsy pathology path report dermpath final extending extends deep peripheral',
  ),
);
/** A line reporting a pathology ("Path (dermpath, final): ..."). */
const PATHOLOGY_REPORT = /\b(?:path(?:ology)?|dermpath|biopsy|bx)\b[^:\n]{0,30}:/i;
/** Parts of the face the classification files under "other parts of face" (C44.3-9). */
const OTHER_FACE_PART = new RegExp(String.raw`\b${FACE_SKIN_PART}\b`, 'i');

/** The site words of a statement: what it names besides the type, the side and the common words. */
function siteWords(text: string): Set<string> {
  const sides = new Set<string>(LATERALITY_WORDS);
  return new Set(tokenize(expandAbbreviations(text)).filter((t) => t.length > 2 && !NOT_A_SITE.has(t) && !sides.has(t)));
}

/** A C44 code with its type character replaced; on a part of the face the record names, the "other parts" site. */
function withType(code: string, digit: string, statement: string): string {
  const typed = `${code.slice(0, 5)}${digit}${code.slice(6)}`;
  return /^C44\.3.0$/.test(typed) && OTHER_FACE_PART.test(statement) ? `${typed.slice(0, 6)}9` : typed;
}

/** Step: a basal or squamous cell carcinoma of the skin the record states as the other type is asked. */
export function skinCarcinomaTypeConflict(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const icd = run.codeSets.icd;
  for (const d of drafts) {
    const coded = d.code.startsWith('C44.') ? TYPES.find((t) => t.digit === d.code[5]) : undefined;
    if (!coded || run.issues.some((i) => i.order === d.order)) continue;
    const other = TYPES.find((t) => t !== coded);
    // The other type coded, or named by a coded statement: another lesion.
    const otherCoded = (x: DiagnosisDraft) =>
      (x.code.startsWith('C44.') && x.code[5] === other?.digit) || x.evidence.some((e) => other?.words.test(e.text) === true);
    if (!other || drafts.some((x) => x !== d && otherCoded(x))) continue;
    const quote = d.evidence[0]?.text ?? d.description;
    const own = siteWords(quote);
    const stated = clausesOf(run.input.documentation.notes)
      .filter((c) => !d.evidence.some((e) => e.text === c))
      .find((c) => {
        const at = other.words.exec(c);
        if (!at || coded.words.test(c) || NOT_STATED.test(c.slice(0, at.index))) return false;
        // A clause naming no site ("Pathology: squamous cell carcinoma") is about the site its line names.
        // A report naming no site on its clause or its line is about the one lesion coded.
        const sites = siteWords(c);
        const said = sites.size > 0 ? sites : siteWords(clauseLine(run, c));
        return (said.size === 0 && PATHOLOGY_REPORT.test(clauseLine(run, c))) || [...said].some((w) => own.has(w));
      });
    if (!stated) continue;
    const held = withType(d.code, '0', quote);
    if (!icd.byCode.has(held)) continue;
    const options: ClarificationOption[] = TYPES.map((t) => ({ label: t.label, code: withType(d.code, t.digit, quote) })).filter((o) =>
      icd.byCode.has(o.code),
    );
    const issue: ClarificationIssue = {
      kind: 'specificity',
      question: detailConflictQuestion(quote, stated, 'type of the skin carcinoma'),
      clinicalIndicators: [`Documented: "${quote}"`, `Documented: "${stated}"`],
      options,
      reason: `The record states the carcinoma as ${coded.label.toLowerCase()} (${d.code}) and elsewhere as ${other.label.toLowerCase()}; each has its own code, so ${held} until answered.`,
      order: d.order,
      betweenStatements: true,
    };
    const resolution = resolutionFor(issue, run.input.answers);
    if (!resolution) run.issues.push(issue);
    const answered = resolution?.kind === 'option' ? resolution.option.code : undefined;
    const code = answered ?? held;
    const why =
      code === held
        ? `The record states the type of the skin carcinoma two ways ("${quote}"; "${stated}"): unspecified type until the physician answers.`
        : `The physician answered the type of the skin carcinoma: ${describeIcd(run.codeSets, code)}.`;
    return drafts.map((x) => (x === d ? recoded(run.codeSets, x, code, why) : x));
  }
  return drafts;
}

/** The line of the notes a clause is in (a pathology heading names the site before the quoted result). */
function clauseLine(run: CodingRun, clause: string): string {
  return run.input.documentation.notes.split('\n').find((l) => l.includes(clause)) ?? clause;
}
