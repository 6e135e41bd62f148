/**
 * A written diagnosis that the notes' own assessment never names: the diagnosis list says
 * "Orthostatic hypotension" and the note's assessment concludes "Vasovagal syncope". The physician's
 * code may be a slip of the pick list, or a second condition the note never addresses; either way
 * the note does not support it as written, and which it is is a coder's call (the engine never
 * rewrites a written code on a guess). The encounter goes to a coder; nothing is coded here.
 *
 * A line is unassessed when the notes have an assessment or plan and no word of the line, nor of
 * its code's title (each read with its abbreviations spelled out, stemmed, past the words every
 * title shares), is a word of that assessment or plan. Encounter and status lines (chapter 21) are
 * left out: an assessment rarely repeats "annual exam" or "long-term anticoagulant use".
 */
import type { CodedDiagnosis } from '../domain/coding.ts';
import type { CodingRun } from './coding-run.ts';
import { ADDRESSED_PARTS } from './sections.ts';
import { coreTokens, expandAbbreviations, isNeutral, LATERALITY_WORDS, stemOf, tokenize } from './text.ts';

const SIDES = new Set<string>(LATERALITY_WORDS);
const contentStems = (tokens: readonly string[]) =>
  tokens.filter((t) => t.length > 2 && !isNeutral(t) && !SIDES.has(t) && !/^\d/.test(t)).map(stemOf);

/** The first written diagnosis line (its code still on the claim) that the notes' assessment does not name; undefined when none. */
export function unassessedWrittenLine(run: CodingRun, diagnoses: readonly CodedDiagnosis[]): string | undefined {
  const addressed = run.notes.filter((n) => n.part !== undefined && ADDRESSED_PARTS.has(n.part));
  if (addressed.length === 0) return undefined;
  const said = new Set(contentStems(tokenize(expandAbbreviations(addressed.map((n) => n.original).join(' ')))));
  const icd = run.codeSets.icd;
  for (const line of run.input.documentation.diagnoses) {
    const code = line.code?.trim().toUpperCase();
    if (!code || code.startsWith('Z') || !diagnoses.some((d) => d.code === code)) continue;
    const title = icd.entries[icd.byCode.get(code) ?? -1]?.description ?? '';
    const words = [...contentStems(tokenize(expandAbbreviations(line.description))), ...contentStems(coreTokens(title))];
    if (words.length > 0 && !words.some((w) => said.has(w))) return line.description;
  }
  return undefined;
}
