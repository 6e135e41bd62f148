/**
 * A statement an Excludes1 note of the code it matched names in full: "Low back strain" matches
 * M54.50 low back pain by "low back", and M54.5's note says "low back strain (S39.012)". The note is
 * the tabular telling the coder where the condition goes (guideline I.B.12: Excludes1, "not coded
 * here"), so the statement is coded at the code the note cites, as the record's own words and
 * encounter give it. The note and the statement must name the same condition, word for word (a side
 * or an encounter aside: "seizure disorder" is not the note's "seizure"), with a word the matched
 * code's title lacks.
 */
import type { CodingRun } from './coding-run.ts';
import { categoryNotesFor, matchesPattern } from './icd10cm.ts';
import type { SearchHit, SearchQuery } from './search.ts';
import { ENCOUNTER_WORDS } from './ranking.ts';
import { expandAbbreviations, isNeutral, LATERALITY_WORDS, tokenize } from './text.ts';

/** Words of side and encounter: the statement may add them to the note's condition. */
const NOT_CONDITION = new Set<string>([...LATERALITY_WORDS, ...ENCOUNTER_WORDS]);

/** Excludes1 notes of a code and its categories: the note's condition words and the codes it cites. */
function excludes1Notes(run: CodingRun, code: string): Array<{ words: string[]; patterns: string[] }> {
  return categoryNotesFor(run.codeSets.icd, code, 'ex1')
    .filter(([, patterns]) => patterns.length > 0)
    .map(([text, patterns]) => ({
      words: tokenize(expandAbbreviations(text.replace(/\([^)]*\)/g, ' '))).filter((w) => !isNeutral(w)),
      patterns,
    }));
}

/** The note of `code` that names the statement, if any: the statement has every word of it, one the code's title lacks. */
export function excludedHere(run: CodingRun, code: string, statementWords: ReadonlySet<string>): string[] | undefined {
  const title = new Set(tokenize(run.codeSets.icd.entries[run.codeSets.icd.byCode.get(code) ?? -1]?.description ?? ''));
  const said = [...statementWords].filter((w) => !isNeutral(w) && !NOT_CONDITION.has(w));
  const note = excludes1Notes(run, code).find(
    (n) =>
      n.words.length > 0 &&
      n.words.every((w) => statementWords.has(w)) &&
      said.every((w) => n.words.includes(w)) &&
      n.words.some((w) => !title.has(w)),
  );
  return note?.patterns;
}

/**
 * The hits with the code an Excludes1 note of the best one cites put first, when the note names the
 * statement; the hits unchanged otherwise. `rankWithin` ranks the statement among the cited codes.
 */
export function followExcludes1(
  run: CodingRun,
  query: SearchQuery,
  hits: SearchHit[],
  rankWithin: (filter: (code: string) => boolean) => SearchHit[],
): SearchHit[] {
  const top = hits[0];
  if (!top) return hits;
  const patterns = excludedHere(run, top.code, new Set(query.tokens));
  if (!patterns) return hits;
  const cited = rankWithin((c) => patterns.some((p) => matchesPattern(c, p)))[0];
  return cited ? [cited, ...hits.filter((h) => h.code !== cited.code)] : hits;
}
