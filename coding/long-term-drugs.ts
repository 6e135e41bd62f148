/**
 * Long-term (current) drug therapy the notes state (guideline I.C.21.c.3, category Z79): a drug the
 * patient takes now, said to be long-term, maintenance, suppressive or prophylactic, or taken for
 * months or years ("doxycycline daily for four months", "on long-term suppressive antibiotics"), is
 * coded by its class's Z79 code beside the diagnoses the list states, as a coder reads it from the
 * note. A drug stopped or only discussed is not (the statement must be affirmed), nor one named in a
 * medication list, an allergy list or a relative's history; a short course (an antibiotic for ten days)
 * is not long-term. The class comes from the drug's name (text.ts adds the class the tabular's titles
 * use) and the code from the tabular's own Z79 titles.
 */
import { currentUse } from './additional.ts';
import { round, SECTION_WEIGHT, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { rank } from './ranking.ts';
import { buildQuery } from './search.ts';
import type { NotePart } from './sections.ts';
import { expandAbbreviations } from './text.ts';

/** The record says the therapy is long-term: its words, or a duration of months or years. */
const LONG_TERM =
  /\b(long[\s-]?term|chronic(?:ally)?|maintenance|suppressive|prophylactic|prophylaxis)\b|\b(?:for|over|x|since)\s+(?:the\s+(?:past|last)\s+)?(?:\d+|several|many|a few|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)?\s*(?:months|years)\b/i;

/** The therapy's class as text.ts writes it after a drug's name ("doxycycline long term current use of antibiotics"). */
const THERAPY = /\blong term current use of [a-z]+/;

/** Parts of a note that do not say what the patient takes now. */
const NOT_CURRENT_PARTS: ReadonlySet<NotePart> = new Set(['allergies', 'family-history', 'medications', 'past-history']);

/** How well the statement must find the Z79 title. */
const FOUND = 0.75;

/** Step: the Z79 codes of long-term drug therapy the notes state, when the claim has none of that code. */
export function longTermDrugTherapy(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (run.input.documentation.diagnoses.length === 0) return drafts;
  const out = [...drafts];
  for (const m of run.notes) {
    if (m.assertion !== 'affirmed' || (m.part !== undefined && NOT_CURRENT_PARTS.has(m.part))) continue;
    const therapy = LONG_TERM.test(m.original) ? currentUse(expandAbbreviations(m.original), THERAPY)?.[0] : undefined;
    if (!therapy) continue;
    const hit = rank(run, buildQuery(therapy), therapy, (c) => c.startsWith('Z79'))[0];
    if (!hit || hit.score < FOUND || out.some((d) => d.code === hit.code)) continue;
    out.push({
      system: 'ICD-10-CM',
      code: hit.code,
      description: hit.description,
      confidence: round(Math.min(1, hit.score) * SECTION_WEIGHT.notes),
      order: Math.max(0, ...out.map((d) => d.order)) + 1,
      alternatives: [],
      evidence: [{ section: 'notes', text: m.original }],
      rationale: `The notes state long-term (current) drug therapy ("${m.original}"): ${hit.code} (guideline I.C.21.c.3).`,
    });
  }
  return out;
}
