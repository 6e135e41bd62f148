/**
 * An imaging read that reached the record after the visit (a radiology overread, a final read, an
 * addendum) and reports a condition other than the one the physician diagnosed at the visit: "R foot
 * sprain" written at the visit, then "Radiology overread (received after pt left): nondisplaced
 * fracture at the base of the 5th metatarsal". The coder may not code from the radiology report
 * (guideline III.B: the provider's diagnosis is coded), nor bill the visit's diagnosis as if the
 * report did not contradict it: the physician is asked, quoting both. Until answered the documented
 * diagnosis stands; an answer choosing the reported condition codes it in its place.
 *
 * The late read must name a condition the engine codes confidently, in the same chapter as a coded
 * diagnosis and of a category none is of, and not deny it ("no fracture"); a line that says the
 * physician has already acted on it (reviewed by the provider, patient notified, plan changed) is
 * the physician's own statement and is left alone.
 */
import { askCharacter } from './character-conflict.ts';
import { detailConflictQuestion } from './clarification.ts';
import { type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { codeMention } from './mention-coding.ts';
import { LOW_CONFIDENCE } from './straight-through.ts';

/** A line reporting an imaging read that came after the visit, or one the provider has not addressed. */
const IMAGING = /\b(?:x-?rays?|xr|radiograph\w*|films?|ct|mri|ultrasound|us|imaging|radiology|radiologist)\b/i;
const LATE =
  /\b(?:over-?read|final (?:read|report)|addend\w*|received after|resulted after|after (?:the )?(?:pt|patient) left|not (?:yet )?addressed|called (?:back|in) by radiology)\b/i;
/** The physician has acted on the read. */
const ACTED_ON =
  /\b(?:reviewed by (?:me|provider|physician)|i (?:have )?reviewed|(?:pt|patient) (?:was )?(?:notified|called|informed)|plan (?:changed|updated|revised)|diagnosis (?:changed|updated|revised))\b/i;
/** A sentence that denies what it names ("no fracture", "negative for"). */
const DENIED = /\b(?:no|not|without|negative|neg|normal|unremarkable)\b/i;

/** Step: a late imaging read naming another condition than the diagnosed one is asked; the diagnosis stands until answered. */
export function lateImagingResult(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const late = run.input.documentation.notes.split('\n').find((l) => IMAGING.test(l) && LATE.test(l) && !ACTED_ON.test(l));
  if (!late) return drafts;
  const body = late.includes(':') ? late.slice(late.indexOf(':') + 1) : late;
  const categories = new Set(drafts.map((d) => d.code.slice(0, 3)));
  for (const sentence of body.split(/(?<=\.)\s+|;\s*/)) {
    const text = sentence.trim().replace(/\.$/, '');
    if (text === '' || DENIED.test(text) || LATE.test(text)) continue;
    const aside: CodingRun = { ...run, issues: [] };
    const found = codeMention(aside, { section: 'notes', original: text, text, assertion: 'affirmed' }, 0).find(
      (d) => d.confidence >= LOW_CONFIDENCE && !/^[RZ]/.test(d.code) && !categories.has(d.code.slice(0, 3)),
    );
    if (!found) continue;
    const documented = drafts.find(
      (d) => d.code[0] === found.code[0] && !/^[RZ]/.test(d.code) && !run.issues.some((i) => i.order === d.order),
    );
    if (!documented) continue;
    const quote = documented.evidence[0]?.text ?? documented.description;
    return askCharacter(run, drafts, {
      draft: documented,
      question: detailConflictQuestion(quote, text, 'diagnosis'),
      clinicalIndicators: [`Documented: "${quote}"`, `Imaging read after the visit: "${text}"`],
      options: [{ label: found.description, code: found.code }, { label: `${documented.description}, as documented` }],
      reason: `${documented.code} is documented at the visit while an imaging read received afterwards reports ${found.code}; the physician has not addressed it.`,
      held: documented.code,
      betweenStatements: false,
      answeredWhy: () => 'The physician answered that the imaging finding is the diagnosis.',
    });
  }
  return drafts;
}
