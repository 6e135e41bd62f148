/**
 * A urinary tract infection of unspecified site (N39.0) while the physician's assessment names the
 * site: "UTI" written N39.0 beside "A: acute cystitis without hematuria". N39.0 is for a record that
 * names no site; the index sends cystitis to N30.-, pyelonephritis to N10 and urethritis to N34.-, and
 * the assessment's own statement codes it (acute or chronic, with or without hematuria). The
 * statement is coded as a diagnosis line would be, and replaces N39.0 only when it codes confidently
 * to one of those categories. Pregnancy is left to pregnancy-uti-site.ts (O23.-).
 *
 * Not a site the statement denies, doubts or only considers ("no pyelonephritis", "r/o
 * pyelonephritis", "pyelo precautions"), nor one of a past infection; two sites stated choose nothing.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { codeMention } from './mention-coding.ts';
import { LOW_CONFIDENCE } from './straight-through.ts';
import { ADDRESSED_PARTS } from './sections.ts';

const SITE_WORDS = /\b(?:cystitis|pyelonephritis|urethritis)\b/i;
const SITE_CATEGORY = /^(?:N30\.|N10$|N34\.)/;
/** Words that take the site back, or make it a concern or a past one. */
const NOT_STATED =
  /\b(?:no|not|never|without (?:signs|evidence)|denies|negative for|rule[sd]? out|r\/o|concern|risk|history of|hx of|h\/o|prior|previous|precautions?|possible|probable|likely|suspect\w*|vs\.?|versus)\b/i;

/** Step: N39.0 beside an assessment that names the infection's site becomes the site's code. */
export function urinaryInfectionSite(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const uti = drafts.find((d) => d.code === 'N39.0');
  if (!uti || drafts.some((d) => d.code.startsWith('O'))) return drafts;
  const statements = [
    ...run.input.documentation.diagnoses.map((d) => d.description),
    ...run.notes.filter((n) => n.part !== undefined && ADDRESSED_PARTS.has(n.part) && n.assertion === 'affirmed').map((n) => n.original),
  ];
  const pieces = statements
    .flatMap((s) => s.split(/,\s*|;\s*|\s[-\u2013\u2014]\s/))
    .map((p) => p.trim())
    .filter((p) => SITE_WORDS.test(p) && !NOT_STATED.test(p));
  const sites = new Set(pieces.map((p) => SITE_WORDS.exec(p)?.[0].toLowerCase()));
  if (sites.size !== 1) return drafts;
  const aside: CodingRun = { ...run, issues: [] };
  for (const piece of pieces) {
    const text = piece.replace(/^[A-Za-z/&]{1,4}:\s*/, '');
    const found = codeMention(aside, { section: 'diagnoses', original: text, text, assertion: 'affirmed' }, uti.order).find(
      (d) => d.confidence >= LOW_CONFIDENCE && SITE_CATEGORY.test(d.code),
    );
    if (!found || !run.allowed(found.code)) continue;
    return drafts.map((d) =>
      d === uti
        ? recoded(
            run.codeSets,
            d,
            found.code,
            `The assessment names the infection's site ("${piece}"): ${found.code}, not N39.0 (site not specified).`,
          )
        : d,
    );
  }
  return drafts;
}
