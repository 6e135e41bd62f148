/**
 * A lymphoma the record states in remission ("Follicular lymphoma grade 1, in complete remission",
 * "DLBCL in remission"), coded as a history of lymphoma (Z85.71, Z85.72, Z85.79) or as an active
 * lymphoma (C81-C88) not in remission. Since FY2025 the lymphoma categories have their own
 * in-remission codes (C81.0A ... C88.xA): a lymphoma in remission is a current condition coded with
 * them, as a leukemia or myeloma in remission is (guideline I.C.2), not a personal history, and the
 * visit is then no follow-up after completed treatment (Z08). The code is the search's for the
 * remission statement itself, among the in-remission members of C81-C88; a code set without them
 * changes nothing.
 *
 * Not a remission the record denies or says ended ("not in remission", "relapsed", "refractory"),
 * nor one said of another condition on a statement that names no lymphoma.
 */
import { perRecord, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { rank } from './ranking.ts';
import { recordStatements } from './review-signals.ts';
import { buildQuery } from './search.ts';

/** History of Hodgkin, non-Hodgkin and other lymphoid neoplasm codes, and lymphomas not in remission. */
const LYMPHOMA_CODED = /^(?:Z85\.7[129]|C8[1-8]\.)/;
const LYMPHOMA = /\b(?:lymphomas?|dlbcl|hodgkin'?s?|nhl|mycosis fungoides|s[eé]zary|burkitt'?s?)\b/i;
const IN_REMISSION = /\bin (?:\w+\s+){0,2}remission\b/i;
const NOT_IN_REMISSION =
  /\b(?:not|no longer|never|without|out of|before)\s+(?:\w+\s+){0,2}remission\b|\b(?:relaps\w*|refractory|progress\w*|recurren\w*)\b/i;
/** The words that put a statement in the past, which the in-remission code does not search for. */
const HISTORY_WORDS = /\b(?:personal history of|history of|hx of|hx|h\/o)\b/gi;

/** Whether a code is an in-remission member of the lymphoma categories. */
const inRemissionCode = (run: CodingRun) => (code: string) =>
  /^C8[1-8]\./.test(code) && /\bin remission\b/i.test(run.codeSets.icd.entries[run.codeSets.icd.byCode.get(code) ?? -1]?.description ?? '');

/** The statement of the record putting a lymphoma in remission, with the in-remission code it searches to. */
function remissionStatement(run: CodingRun): { statement: string; code: string } | undefined {
  return perRecord(run, 'lymphomaRemission', () => {
    const statements = recordStatements(run.input.documentation).filter(
      (s) => LYMPHOMA.test(s) && IN_REMISSION.test(s) && !NOT_IN_REMISSION.test(s),
    );
    const allowed = inRemissionCode(run);
    const found = statements
      .map((statement) => {
        const text = statement.replace(HISTORY_WORDS, ' ');
        return { statement, hit: rank(run, buildQuery(text), text, allowed)[0] };
      })
      .filter((f) => f.hit !== undefined)
      .sort((a, b) => (b.hit?.score ?? 0) - (a.hit?.score ?? 0))[0];
    return found?.hit ? { statement: found.statement, code: found.hit.code } : undefined;
  });
}

/** Step: a lymphoma coded as history or as active, beside a statement that it is in remission, takes the in-remission code. */
export function lymphomaInRemission(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const allowed = inRemissionCode(run);
  const coded = drafts.filter((d) => LYMPHOMA_CODED.test(d.code) && !allowed(d.code));
  if (coded.length === 0) return drafts;
  const found = remissionStatement(run);
  if (!found) return drafts;
  // One lymphoma: the first coded one takes the code, any other line of it is the same condition.
  const [first] = coded;
  return drafts
    .filter((d) => d === first || !coded.includes(d))
    .map((d) =>
      d === first
        ? {
            ...recoded(
              run.codeSets,
              d,
              found.code,
              `The record states the lymphoma in remission ("${found.statement}"): the category's in-remission code, a current condition, not a history (guideline I.C.2).`,
            ),
            evidence: [...d.evidence, { section: 'notes' as const, text: found.statement }],
          }
        : d,
    );
}
