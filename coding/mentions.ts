/**
 * Finding what to code: each diagnosis line (negated ones left out; uncertain ones, outpatient,
 * coded by their signs and symptoms), or, with no diagnosis list, the affirmed statements of the notes.
 */
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import { diagnosisMentions, type Mention } from './context.ts';
import { codeMention } from './mention-coding.ts';
import { symptomDrafts } from './symptoms.ts';

const INPATIENT = '21';
/** Notes coded without a diagnosis list keep only their confident matches. */
const NOTES_ONLY_CONFIDENCE = 0.7;
/** Symptom drafts for uncertain diagnoses come after everything the record states. */
const SYMPTOM_ORDER = 1000;

export function codeMentions(run: CodingRun): DiagnosisDraft[] {
  const doc = run.input.documentation;
  const inpatient = run.input.placeOfService === INPATIENT;
  const drafts: DiagnosisDraft[] = [];
  const uncertainLines: Mention[] = [];
  let order = 0;
  for (const m of diagnosisMentions(doc.diagnoses)) {
    order += 1;
    if (m.assertion === 'negated') continue;
    if (m.assertion === 'uncertain') {
      // Outpatient, an uncertain diagnosis is not coded as if established (guideline IV.H); inpatient it is.
      if (!inpatient) {
        uncertainLines.push({ ...m, assertion: 'affirmed' });
        continue;
      }
      m.assertion = 'affirmed';
    }
    run.mentions.set(order, m);
    drafts.push(...codeMention(run, m, order));
  }
  if (doc.diagnoses.length === 0) {
    for (const m of run.notes) {
      if (m.assertion === 'negated' || m.assertion === 'uncertain') continue;
      order += 1;
      // Questions about notes-only findings are not raised: the notes are searched for what they state.
      const found = codeMention({ ...run, issues: [] }, m, order).filter((d) => d.confidence >= NOTES_ONLY_CONFIDENCE);
      for (const d of found) run.mentions.set(d.order, m);
      drafts.push(...found);
    }
  }
  if (uncertainLines.length > 0) drafts.push(...symptomDrafts(run, SYMPTOM_ORDER, true, uncertainLines));
  return drafts;
}
