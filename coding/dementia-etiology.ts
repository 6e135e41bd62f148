/**
 * Dementia stated of a named disease in one phrase ("Alzheimer's dementia, moderate", "Parkinson's
 * disease dementia") but coded as unspecified dementia (F03): the index sends dementia in a disease
 * to the disease ("Dementia, in (due to) ... Alzheimer's disease - see Disease, Alzheimer's",
 * G30.9 [F02.80]), an etiology/manifestation pair (guideline I.A.13): the disease first, then
 * "dementia in other diseases classified elsewhere" (F02) by the severity stated (I.C.5.d).
 *
 * The disease is looked for among the conditions F02's "code first" note lists, in the words of
 * the dementia's own statement besides the dementia and its severity. When one is found it is
 * added before the dementia; the step "dementia in other diseases" then recodes F03 as F02 of the
 * same severity and disturbance.
 */
import { newDraft, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { matchesPattern, notesFor } from './icd10cm.ts';
import { rank } from './ranking.ts';
import { buildQuery } from './search.ts';
import { isNeutral, tokenize } from './text.ts';

/** The manifestation whose "code first" note lists the diseases dementia is coded in. */
const MANIFESTATION = 'F02.80';
/** Words of the dementia itself and of its severity and disturbance: not a disease's name. */
const DEMENTIA_WORDS = new Set(
  tokenize(
    'dementia demented neurocognitive disorder major mild moderate severe stage behavioral behaviour behavior disturbance psychotic mood anxiety agitation due to in with without',
  ),
);
/** A statement that denies the disease ("dementia, not Alzheimer's type"). */
const DENIED = /\b(?:not|non|no|without|rule[ds]? out|r\/o|possible|probable|suspected)\b/i;
/** How well the remaining words must find the disease. */
const FOUND = 0.75;

/** Step: the disease a dementia is stated to be of, added before the dementia (then F02, not F03). */
export function dementiaEtiology(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const icd = run.codeSets.icd;
  const listed = notesFor(icd, MANIFESTATION, 'cf').flatMap(([, p]) => p);
  if (listed.length === 0) return drafts;
  const isListed = (c: string) => listed.some((p) => matchesPattern(c, p));
  if (drafts.some((d) => isListed(d.code))) return drafts;
  const out = [...drafts];
  for (const d of drafts) {
    if (!d.code.startsWith('F03.')) continue;
    for (const e of d.evidence) {
      if (DENIED.test(e.text)) continue;
      const q = buildQuery(e.text);
      const rest = q.tokens.filter((t) => !DEMENTIA_WORDS.has(t) && !isNeutral(t));
      if (rest.length === 0) continue;
      const hit = rank(run, { ...q, tokens: rest }, e.text, isListed)[0];
      if (!hit || hit.score < FOUND) continue;
      out.push(
        newDraft(run.codeSets, hit.code, {
          confidence: d.confidence,
          order: d.order - 0.5,
          evidence: [e],
          rationale: `The documentation ("${e.text}") states the dementia as of ${hit.description}: dementia in a disease is coded to the disease first (index: Dementia, in (due to); etiology/manifestation, guideline I.A.13), then the dementia in other diseases (F02).`,
        }),
      );
      return out;
    }
  }
  return out;
}
