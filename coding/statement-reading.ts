/**
 * A statement of the physician's conclusions (a diagnosis line or the assessment) that reads, on its
 * own, as another code of a coded diagnosis's category: the line says "Alcohol abuse" with F10.10
 * written beside it, and the assessment "Alcohol use disorder, moderate, in early remission", an
 * inclusion term of F10.21. The code on the claim then says less than, or otherwise than, what the
 * physician concluded; a coder reads both and decides (or asks). Nothing is rewritten here: the
 * encounter goes to a coder (straight-through.ts).
 *
 * The statement's reading must be confident: its best match explains every word of it that the
 * classification knows. The coded code must lack a word of the statement that the reading's matched
 * text has (by its title and inclusion terms), so a code that says more than the statement (a
 * combination code built from two statements, a side taken from the exam) never counts as
 * contradicted. Statements that doubt, deny, or speak of the past or of a relative are not read.
 */
import type { CodedDiagnosis } from '../domain/coding.ts';
import type { CodingRun } from './coding-run.ts';
import type { Mention } from './context.ts';
import { queryText, rank, searchFilter } from './ranking.ts';
import { buildQuery } from './search.ts';
import { isBillable } from './icd10cm.ts';
import { wordsOfCode } from './title-facts.ts';
import { expandAbbreviations, isNeutral, tokenize } from './text.ts';

/** The reading must explain at least this share of the statement's known words. */
const CONFIDENT_SHARE = 0.99;
/** A statement this long is a sentence of plan or history, not a conclusion to read on its own. */
const MAX_WORDS = 12;

/** A dash between a conclusion and its plan. */
const PLAN_AFTER = /\s+[-\u2013\u2014]+\s+/;

/** The conclusions of the record: affirmed diagnosis lines and assessment statements of this visit. */
function conclusions(run: CodingRun): Mention[] {
  const lines = [...run.mentions.values()].filter((m) => m.section === 'diagnoses');
  const assessment = run.notes.filter((n) => n.part === 'assessment' && n.unaddressed === undefined);
  const seen = new Set<string>();
  return [...lines, ...assessment].filter((m) => {
    if (m.assertion !== 'affirmed' || seen.has(m.text)) return false;
    seen.add(m.text);
    return true;
  });
}

/**
 * The first coded diagnosis whose category a conclusion of the record reads as another code of, with
 * the statement and its reading; undefined when every conclusion agrees with the claim.
 */
export function statementReadsOtherwise(
  run: CodingRun,
  diagnoses: readonly CodedDiagnosis[],
): { code: string; statement: string; reading: string } | undefined {
  const coded = new Set(diagnoses.map((d) => d.code));
  const byCategory = new Map<string, CodedDiagnosis[]>();
  for (const d of diagnoses) {
    if (/^[RZ]/.test(d.code)) continue;
    byCategory.set(d.code.slice(0, 3), [...(byCategory.get(d.code.slice(0, 3)) ?? []), d]);
  }
  if (byCategory.size === 0) return undefined;
  const icd = run.codeSets.icd;
  for (const whole of conclusions(run)) {
    // The conclusion itself, not the plan written after it ("... in early remission - 5 mo abstinent, cont naltrexone 50 mg").
    const m = { ...whole, text: whole.text.split(PLAN_AFTER)[0] ?? whole.text };
    const query = buildQuery(queryText(m, []), true);
    const words = query.tokens.filter((t) => !isNeutral(t) && (icd.idf.get(t) ?? 0) > 0);
    if (words.length === 0 || words.length > MAX_WORDS) continue;
    const top = rank(run, query, m.text, searchFilter(m))[0];
    if (!top || coded.has(top.code) || top.matched.length / words.length < CONFIDENT_SHARE) continue;
    const siblings = byCategory.get(top.code.slice(0, 3));
    if (!siblings || !isBillable(icd, top.code)) continue;
    const readingWords = new Set(tokenize(expandAbbreviations(top.matchedText)));
    for (const d of siblings) {
      const own = wordsOfCode(icd, d.code);
      if (words.some((w) => readingWords.has(w) && !own.has(w))) return { code: d.code, statement: whole.original, reading: top.code };
    }
  }
  return undefined;
}
