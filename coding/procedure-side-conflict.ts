/**
 * The side of a procedure stated otherwise than the side of the condition it treats: the history,
 * the examination and the assessment are of the right shoulder and the procedure note says "LEFT
 * subacromial bursa injection". The side of the procedure decides its modifier (RT/LT) and which
 * condition it treats, and the record disagrees with itself about it, so a coder may pick neither:
 * the physician is asked the side of the procedure, both statements quoted. The codes stay as
 * written meanwhile (which statement is wrong is the physician's to say).
 *
 * Not asked: a procedure statement naming both sides, or none; a procedure of the past ("prior
 * left shoulder injection", "s/p", a year not part of a date); a coded condition on the procedure's side at the same
 * site (both sides are affected); a site the coded condition does not share.
 */
import { procedureSideIssue, resolutionFor } from './clarification.ts';
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import { regionsMeet, regionsOf } from './body-sites.ts';
import { sideOf } from './laterality.ts';

/** Words that say a procedure was done on a site (an injection, an aspiration, an excision...). */
const PROCEDURE =
  /\b(inject(ion|ed|ions)?|aspirat(ion|ed)|arthrocentesis|drain(age|ed)|incision and drainage|i&d|excis(ion|ed)|biops(y|ied)|debride(ment|d)|nerve block|block(ade)?|closed reduction|reduced|laceration repair|repair(ed)?|removal|removed|cast applied|splint applied)\b/i;
/** A side as records write it; a single letter only in capitals ("L knee"). */
const SIDE = /\b(right|left|rt|lt)\b\.?|\b[RL]\b(?![-/&])/gi;
/** "Left" as a verb, or a side of something else than a site ("left in place", "left the clinic"). */
const LEFT_AS_VERB = /\bleft (?=open|alone|in place|untreated|home|the\b|to\b|with\b|against\b|clinic|office)/gi;
/** A procedure of the past, or one compared with: not today's procedure. */
const NOT_TODAY =
  /\b(history|hx|pmh|psh|prior|previous(ly)?|last|s\/p|status post|years? ago|months? ago|weeks? ago|(?<![/\d-])(19|20)\d\d(?![/-])|contralateral|compar\w*|plan\w*|consider\w*|discuss\w*|will|may|next|if|offered|declined|deferred)\b/i;

/**
 * Sites procedures are written at that name no region word of body-sites.ts (the bursa or joint
 * injected): the region they lie in.
 */
const PROCEDURE_SITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(subacromial|subdeltoid|glenohumeral|acromioclavicular|ac joint)\b/i, 'shoulder'],
  [/\b(trochanteric|greater trochanter)\b/i, 'hip'],
  [/\b(pes anserine|prepatellar|infrapatellar)\b/i, 'knee'],
  [/\b(olecranon|lateral epicondyl\w*|medial epicondyl\w*)\b/i, 'elbow'],
  [/\b(carpal tunnel|first dorsal compartment)\b/i, 'wrist'],
];
const sitesOf = (statement: string) =>
  regionsOf([statement, ...PROCEDURE_SITES.filter(([words]) => words.test(statement)).map(([, region]) => region)].join(' '));

/** The side one statement names, when it names exactly one (the single letters R and L only in capitals). */
function oneSide(statement: string): 'right' | 'left' | undefined {
  const text = statement.replace(LEFT_AS_VERB, ' ');
  const sides = new Set(
    [...text.matchAll(SIDE)]
      .filter((m) => m[0].length > 2 || m[0].toUpperCase() === m[0] || /^(rt|lt)\.?$/i.test(m[0]))
      .map((m) => (/^r/i.test(m[0]) ? ('right' as const) : ('left' as const))),
  );
  if (/\bbilateral\w*\b/i.test(text) || sides.size !== 1) return undefined;
  return [...sides][0];
}

/** A clause that says a procedure was not done ("no injection", "injection deferred"). */
const NOT_DONE = new RegExp(
  `\\b(?:no|not|without|declin\\w*|defer\\w*|refus\\w*|held|holding)\\b[^,;]*${PROCEDURE.source}|${PROCEDURE.source}[^,;]*\\b(?:not done|deferred|declined|refused|held)\\b`,
  'i',
);

/**
 * The statements of today's procedures: the notes' sentences with a procedure word, and the
 * procedure lines, each without its clauses that say a procedure was not done.
 */
function procedureStatements(run: CodingRun): string[] {
  const doc = run.input.documentation;
  return [...doc.notes.split(/\n+|(?<=\.)\s+(?=[A-Z])/), ...doc.procedures.map((p) => p.description)]
    .map((s) =>
      s
        .split(/(?<=[,;])\s*/)
        .filter((clause) => !NOT_DONE.test(clause))
        .join(' ')
        .trim(),
    )
    .filter((s) => PROCEDURE.test(s) && !NOT_TODAY.test(s));
}

/** Step: a procedure stated on the other side than the sided condition at its site is asked; the codes stay. */
export function procedureSideConflict(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const procedures = procedureStatements(run);
  if (procedures.length === 0) return drafts;
  for (const statement of procedures) {
    const side = oneSide(statement);
    if (!side) continue;
    const sites = sitesOf(statement);
    if (sites.size === 0) continue;
    const atSite = drafts.filter((d) => regionsMeet(regionsOf(d.description), sites));
    const sided = atSite.map((d) => ({ d, side: sideOf(d.description) }));
    // A condition coded on the procedure's side (or both) at the site: the procedure treats it.
    if (sided.some((x) => x.side === side || x.side === 'bilateral')) continue;
    const other = sided.find((x) => x.side !== undefined)?.d;
    if (!other) continue;
    const said = other.evidence[0]?.text ?? other.description;
    const issue = procedureSideIssue(said, statement, side, `${other.code} (${other.description})`);
    if (!resolutionFor(issue, run.input.answers)) run.issues.push(issue);
    return drafts;
  }
  return drafts;
}
