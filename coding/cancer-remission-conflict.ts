/**
 * The remission status of a leukemia or a plasma cell neoplasm stated two ways: the history says
 * "in complete remission after transplant", the assessment says "myeloma in relapse" (with labs all
 * negative). C90.0-C90.3 and C91-C95 carry the status in their 5th character (0 not having
 * achieved remission, 1 in remission, 2 in relapse), and the physician's statement decides it: a
 * coder may pick neither, so the physician is asked, both statements quoted, and until answered the
 * neoplasm is coded as not having achieved remission (the status not established).
 *
 * A course is no conflict: one statement telling both ("relapsed 2023, now in second CR"), a
 * statement of the past (dated to an earlier year, "prior", "s/p ... for relapsed AML", "after first
 * relapse"), or a remission of another condition ("depression in remission").
 */
import { askCharacter, namedIn, type NamedValues } from './character-conflict.ts';
import { detailConflictQuestion } from './clarification.ts';
import { describeIcd, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesWithOffsets } from './context.ts';
import { NOT_ADDRESSED_PARTS, noteParts, partAt } from './sections.ts';

type Status = 'remission' | 'relapse';

/** The families whose 5th character is the remission status: multiple myeloma, plasma cell leukemia, extramedullary plasmacytoma, the leukemias. */
const BY_REMISSION = /^C9(?:0\.[0-3]|[1-5]\.[0-9A-Z])[012]$/;
const DIGIT: Readonly<Record<Status | 'none', string>> = { none: '0', remission: '1', relapse: '2' };

/** The statuses by the words a record gives them ("CR" and "sCR" as written: "Cr 0.8" is a creatinine). */
const STATUSES: NamedValues<Status> = [
  [
    'remission',
    /\b(?:in (?:(?:complete|partial|stringent|molecular|hematologic|cytogenetic|morphologic|continued|sustained|deep) )*remission|(?:complete|stringent complete|partial|molecular|hematologic|cytogenetic|morphologic) (?:remission|response)|mrd[- ]negative)\b/i,
  ],
  ['remission', /\b[sm]?CR[1-3]?\b(?!\s*[:=]?\s*\d)/],
  ['relapse', /\b(?:in relapse|relapsed|relapsing|relapse|recurred|recurrence|recurrent)\b/i],
];
const named = (statement: string, status: Status) =>
  namedIn(
    statement,
    STATUSES.filter(([s]) => s === status),
    UNSAID,
  );
/** Words before a status that take it back, or place it in a possibility. */
const UNSAID =
  /\b(?:no|not|without|negative for|never|failed to (?:achieve|reach)|r\/o|rule out|concern for|risk of|monitor(?:ing)? for|surveillance for|if)\b[^.;:]*$/i;
/** A statement of an earlier time. */
const EARLIER =
  /\b(?:prior|previous(?:ly)?|initially|originally|history of|hx of|h\/o|s\/p|status post|for relapsed|at relapse|after (?:the |her |his |first |second |1st |2nd )?relapse|was|were|had|achieved (?:a )?cr in)\b/i;
/** The record's names of a leukemia or a plasma cell neoplasm. */
const namesNeoplasm = (s: string) =>
  /\b(?:myeloma|plasma cell|plasmacytoma|leuka?emia)\b/i.test(s) || /\b(?:MM|AML|ALL|CLL|CML|APL|CMML|JMML)\b/.test(s);
/** Other conditions said to be in remission or to relapse. */
const OTHER_CONDITION =
  /\b(?:depress\w*|mdd|bipolar|schizo\w*|psychos\w*|alcohol|etoh|opioid|cocaine|cannabis|substance|use disorder|dependence|crohn\w*|colitis|ibd|rheumatoid|ra|lupus|sle|psoria\w*|nephrotic|sarcoid\w*|vasculitis|gout|eczema|asthma|seizures?|epilep\w*|uti|c\.? ?diff\w*|infection|pain|lymphoma|carcinoma|cancer|tumou?r|melanoma|sarcoma)\b/i;

/**
 * The record's current statements, each a comma part of its clause (a course is told across commas)
 * with the clause whole: diagnosis lines and the notes outside the history, lists and results.
 */
function currentStatements(run: CodingRun): Array<{ text: string; clause: string }> {
  const doc = run.input.documentation;
  const parts = noteParts(doc.notes);
  const year = Number(run.input.dateOfService.slice(0, 4)) || Infinity;
  const clauses = clausesWithOffsets(doc.notes)
    .filter((c) => !NOT_ADDRESSED_PARTS.has(partAt(parts, c.start + c.text.length)))
    .flatMap((c) => c.text.split(/,\s*/).map((text) => ({ text, clause: c.text })))
    .filter((c) => ![...c.text.matchAll(/\b(?:19|20)\d\d\b/g)].some((y) => Number(y[0]) < year));
  return [...doc.diagnoses.map((d) => ({ text: d.description, clause: d.description })), ...clauses];
}

/** The status a statement gives today, if one: a single status, not of the past, not of another condition of its clause. */
function statusOf({ text, clause }: { text: string; clause: string }): Status | undefined {
  const remission = named(text, 'remission');
  const relapse = named(text, 'relapse');
  if ((remission === undefined) === (relapse === undefined)) return undefined;
  if (EARLIER.test(text)) return undefined;
  if (OTHER_CONDITION.test(clause) && !namesNeoplasm(text)) return undefined;
  return remission ?? relapse;
}

/** The code of the same neoplasm with the status's 5th character. */
const withStatus = (code: string, status: Status | 'none') => `${code.slice(0, 5)}${DIGIT[status]}`;

/** Step: a leukemia or plasma cell neoplasm stated in remission and in relapse is asked; not having achieved remission until answered. */
export function cancerRemissionStatedTwoWays(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const neoplasms = drafts.filter((d) => BY_REMISSION.test(d.code) && !run.issues.some((i) => i.order === d.order));
  if (neoplasms.length !== 1) return drafts;
  const d = neoplasms[0]!;
  if (d.evidence.some((e) => e.text.startsWith('Physician answer:'))) return drafts;
  const stated = new Map<Status, string>();
  for (const s of currentStatements(run)) {
    const status = statusOf(s);
    if (status && !stated.has(status)) stated.set(status, s.text.trim());
  }
  const remission = stated.get('remission');
  const relapse = stated.get('relapse');
  if (remission === undefined || relapse === undefined) return drafts;
  const held = withStatus(d.code, 'none');
  const options = (['remission', 'relapse', 'none'] as const)
    .map((status) => ({ status, code: withStatus(d.code, status) }))
    .filter((o) => run.codeSets.icd.byCode.has(o.code))
    .map((o) => ({ label: describeIcd(run.codeSets, o.code), code: o.code }));
  return askCharacter(run, drafts, {
    draft: d,
    question: detailConflictQuestion(remission, relapse, 'remission status of the neoplasm'),
    clinicalIndicators: [`Documented: "${remission}"`, `Documented: "${relapse}"`],
    options,
    reason: `The record states the neoplasm in remission and in relapse; the 5th character of ${d.code.slice(0, 5)}- records the status, ${held} (remission not established) until answered.`,
    held,
    fromWords: (words) => {
      if (/\bnot (?:in|achieved|having achieved) remission\b|\bnever achieved\b/i.test(words)) return withStatus(d.code, 'none');
      const status = namedIn(words, STATUSES, UNSAID);
      return status ? withStatus(d.code, status) : undefined;
    },
    heldWhy: 'The remission status is documented two ways: not having achieved remission until the physician answers.',
    answeredWhy: (code) => `The physician answered the remission status: ${code}.`,
  });
}
