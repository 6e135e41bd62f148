/**
 * A skin infection (cellulitis, abscess) at or around the site of a recent procedure, while no
 * statement links the two. An infection after a procedure is a complication of it only when the
 * provider says so (guideline I.B.16: the relationship between the care and the condition must be
 * documented, not presumed from time or place), so the coder may neither add the postprocedural
 * infection code (T81.4-) nor bill as if the question did not arise: the physician is asked. Until
 * answered the infection is coded as documented; an answer that links them puts the superficial
 * incisional surgical site infection (T81.41XA) first, with the infection after it.
 *
 * The record must place the infection at the site ("erythema surrounding the incision", "redness
 * around the sutures") and the procedure in the recent past (days or weeks ago, sutures or staples
 * still in). A statement that already links them (postoperative, surgical site infection, wound
 * infection) or denies the link leaves the record as it is.
 */
import { relationQuestion, resolutionFor, resolvedWords, type ClarificationIssue } from './clarification.ts';
import { newDraft, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';

/** Cellulitis and abscess of skin (L02, L03). */
const SKIN_INFECTION = /^L0[23]\./;
/** The infection placed at a procedure's site. */
const AT_SITE =
  /\b(?:around|surrounding|at|near|adjacent to|along|over|about|of|from)\s+(?:the\s+)?(?:(?:healing|recent|surgical|operative|biopsy|excision(?:al)?|punch)\s+)*(?:incisions?|surgical (?:sites?|wounds?|scars?)|excision sites?|biopsy sites?|procedure sites?|sutures?|stitch(?:es)?|staples?|suture lines?|port sites?)\b/i;
/** A procedure done days or weeks ago, or one whose sutures are still in. */
const RECENT_PROCEDURE =
  /\b(?:removed|excis\w*|surgery|surgical|incision|biops\w*|procedure|operat\w*|repair\w*|ectomy|\w+ectomy|\w+plasty|\w+otomy)\b[^.]{0,80}?\b(?:\d{1,2}|a|one|two|three|four|five|six)\s*(?:d|days?|wks?|weeks?)\s+ago\b|\b(?:\d{1,2}|a|one|two|three|four|five|six)\s*(?:d|days?|wks?|weeks?)\s+ago\b[^.]{0,80}?\b(?:removed|excis\w*|surgery|biops\w*|procedure|operat\w*|repair\w*|\w+ectomy)\b|\b(?:sutures?|stitch(?:es)?|staples?)\s+(?:still\s+)?in(?:\s+place)?\b|\bpost-?op(?:erative)? day\b|\bpod\s*\d/i;
/** A statement that links the infection to the procedure, or says it is not linked. */
const LINK_STATED =
  /\b(?:post-?op\w*|post-?procedur\w*|post-?surgical|surgical site infection|ssi|(?:wound|incision(?:al)?) infection|infected (?:incision|wound|surgical site|sutures?)|complication of|due to (?:the )?(?:procedure|surgery|excision)|unrelated to (?:the )?(?:procedure|surgery|excision)|not related to (?:the )?(?:procedure|surgery|excision))\b/i;
/** Superficial incisional surgical site infection, initial encounter. */
const SURGICAL_SITE_INFECTION = 'T81.41XA';

export const LINKED_OPTION = 'Yes, a postprocedural (surgical site) infection';
export const UNLINKED_OPTION = 'No, not related to the procedure';

/** Step: an infection at a recent procedure's site, no link stated, is asked; a yes puts T81.41XA first. */
export function procedureSiteInfection(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (drafts.some((d) => d.code.startsWith('T81.4'))) return drafts;
  const infection = drafts.find((d) => SKIN_INFECTION.test(d.code) && !run.issues.some((i) => i.order === d.order));
  if (!infection) return drafts;
  const doc = run.input.documentation;
  const statements = [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)];
  if (statements.some((s) => LINK_STATED.test(s))) return drafts;
  const procedure = clausesOf(doc.notes).find((s) => RECENT_PROCEDURE.test(s));
  const site = clausesOf(doc.notes).find((s) => AT_SITE.test(s));
  if (!procedure || !site || !run.codeSets.icd.byCode.has(SURGICAL_SITE_INFECTION)) return drafts;
  const condition = infection.evidence[0]?.text ?? infection.description;
  const issue: ClarificationIssue = {
    kind: 'specificity',
    question: relationQuestion(condition, procedure, 'the procedure (a postprocedural infection)'),
    clinicalIndicators: [`Documented: "${condition}"`, `Procedure: "${procedure}"`, ...(site === procedure ? [] : [`Site: "${site}"`])],
    options: [{ label: LINKED_OPTION, code: SURGICAL_SITE_INFECTION }, { label: UNLINKED_OPTION }],
    reason: `${infection.code} is documented at the site of a recent procedure and no statement says whether it is a complication of it; the link is the provider's to state (I.B.16).`,
    order: infection.order,
  };
  const resolution = resolutionFor(issue, run.input.answers);
  if (!resolution) {
    run.issues.push(issue);
    return drafts;
  }
  const words = resolution.kind === 'free-text' ? resolvedWords(resolution) : undefined;
  const linked =
    (resolution.kind === 'option' && resolution.option.code === SURGICAL_SITE_INFECTION) ||
    (words !== undefined &&
      /^\s*yes\b|\b(?:post-?op\w*|post-?procedur\w*|surgical site|wound infection|related)\b/i.test(words) &&
      !/\b(?:not|no|unrelated)\b/i.test(words));
  if (!linked) return drafts;
  const added = newDraft(run.codeSets, SURGICAL_SITE_INFECTION, {
    confidence: infection.confidence,
    order: infection.order - 0.5,
    evidence: infection.evidence,
    rationale: `The physician links the ${infection.description.toLowerCase()} to the procedure: a superficial incisional surgical site infection, first-listed (I.C.19.g).`,
  });
  return [added, ...drafts];
}
