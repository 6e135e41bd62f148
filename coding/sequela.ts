/**
 * Sequela of an injury (guideline I.C.19.a, 7th character "S", and I.B.10): a condition that is the
 * result of an injury treated in the past (post-traumatic arthritis of an old fracture, the scar of an
 * old laceration) is coded by the residual condition first, then the injury with the 7th character
 * S, "sequela". The injury is not coded as today's (initial encounter) injury.
 *
 * Read from the record: an injury code (a 7th-character family that has a sequela character) coded
 * from a statement that calls the injury old ("old fracture", "healed", "fractured it in 2014",
 * "10 years ago"), beside a coded condition the record ties to trauma: its own title or statement
 * says post-traumatic, or its statement names an injury as its cause, or it is a scar, contracture or
 * keloid. Without such a residual an old injury is history, not a sequela: nothing changes here.
 */
import { newDraft, recoded, SECTION_WEIGHT, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { rank } from './ranking.ts';
import { buildQuery } from './search.ts';
import { tabularSiteWords } from './head-words.ts';
import { expandAbbreviations, LATERALITY_WORDS, tokenize } from './text.ts';
import { isBillable, normalizeIcdCode } from './icd10cm.ts';
import { recordStatements } from './review-signals.ts';

const INJURY = String.raw`fractures?|fx|burns?|lacerations?|bites?|injur(?:y|ies)|wounds?|crush\w*|dislocations?|sprains?|tears?|amputations?`;
/** The injury said to be old: healed, remote, dated to another year or so long ago. */
const OLD_INJURY = new RegExp(
  String.raw`\b(?:old|remote|healed|prior|previous|past|history of|hx(?: of)?|h\/o)\b[^.;]{0,50}?\b(?:${INJURY})\b|\b(?:${INJURY})\b[^.;]{0,60}?\b(?:(?:19|20)\d\d|\d+\s*(?:years?|yrs?)\s+ago|years ago|as a (?:child|teen\w*)|in childhood|healed)\b`,
  'i',
);
/** A condition the record ties to trauma: post-traumatic, or caused by an injury it names. */
const TRAUMATIC = new RegExp(
  String.raw`\bpost-?\s?traumatic\b|\b(?:due to|from|after|following|secondary to|caused by|result(?:ing)? (?:of|from)|sequela\w* of|late effects? of)\b[^.;]{0,50}?\b(?:${INJURY})\b`,
  'i',
);
/** Residual conditions that are by their nature what an injury left. */
const RESIDUAL_NATURE = /\b(scar|cicatri\w*|contracture|keloid)\b/i;

/** The code with its 7th character replaced by "S", when the family has it. */
function sequelaCode(run: CodingRun, code: string): string | undefined {
  if (!/^[ST]\d/.test(code) || code.replace('.', '').length !== 7 || code.endsWith('S')) return undefined;
  const s = `${code.slice(0, -1)}S`;
  return isBillable(run.codeSets.icd, s) && run.allowed(s) ? s : undefined;
}

const statementOf = (run: CodingRun, d: DiagnosisDraft) => run.mentions.get(d.order)?.original ?? d.evidence[0]?.text ?? '';

/** The old injury a residual's own statement names as its cause ("... from an old fracture of the right lateral malleolus"). */
const NAMED_CAUSE = new RegExp(
  String.raw`\b(?:due to|from|after|following|secondary to|caused by|result(?:ing)? (?:of|from)|sequela\w* of|late effects? of)\s+((?:an?|the|his|her|their)\s+)?([^.;]{0,40}?\b(?:${INJURY})\b[^.;,]{0,50})`,
  'i',
);

/**
 * The injury a residual's statement names as its old cause, coded with its sequela character when
 * no injury code is on the list: the words after the cause word, searched among injury codes.
 */
function namedOldInjury(run: CodingRun, residual: DiagnosisDraft): DiagnosisDraft | undefined {
  // Only the residual's own statement: another statement's old injury is about another condition
  // ("remote DVT 2005 after hip fracture" is not the cause of the anemia coded beside it).
  const own = statementOf(run, residual);
  const statement = NAMED_CAUSE.test(own) && OLD_INJURY.test(own) ? own : undefined;
  const cause = statement === undefined ? undefined : NAMED_CAUSE.exec(statement);
  const named = cause?.[2];
  if (!statement || !cause || !named) return undefined;
  // An injury named without its site ("from a laceration in 2022") is at the residual's site ("scar of the left forearm").
  const sites = tabularSiteWords(run.codeSets.icd);
  const sited = tokenize(expandAbbreviations(named)).some((t) => sites.has(t) && !(LATERALITY_WORDS as readonly string[]).includes(t));
  const words = (sited ? named : `${named} ${statement.slice(0, cause.index)}`).replace(
    /\b(old|remote|healed|prior|previous|(?:19|20)\d\d|\d+\s*(?:years?|yrs?)\s+ago|years ago)\b/gi,
    ' ',
  );
  const hit = rank(run, buildQuery(words), `${words} sequela`, (c) => /^[ST]\d/.test(c))[0];
  if (!hit || hit.score < NAMED_FOUND || !hit.code.endsWith('S')) return undefined;
  return newDraft(run.codeSets, hit.code, {
    confidence: Math.min(1, hit.score) * SECTION_WEIGHT[residual.evidence[0]?.section ?? 'notes'],
    order: residual.order + 0.3,
    evidence: residual.evidence,
    rationale: `"${statement}" names an old injury as the cause of ${residual.code}: the injury with 7th character S, sequela, after the residual condition (guidelines I.C.19.a, I.B.10).`,
  });
}
/** How well the named injury must find its code. */
const NAMED_FOUND = 0.7;

/** Personal history codes of an injury (healed fractures, Z87.31-; other injuries, Z87.8-). */
const INJURY_HISTORY = /^Z87\.(?:3|8)/;
const INJURY_WORD = new RegExp(String.raw`\b(?:${INJURY})\b`, 'i');

/**
 * A diagnosis line writing the old injury as history ("Hx tibial plateau fx", "Old bimalleolar fx,
 * healed") beside the condition it left is that injury's sequela, not its history code: the injury
 * found again among the injury codes, with 7th character S, in the history code's place.
 */
function historyAsSequela(run: CodingRun, drafts: DiagnosisDraft[], residual: DiagnosisDraft): DiagnosisDraft[] {
  return drafts.map((d) => {
    const m = run.mentions.get(d.order);
    if (!INJURY_HISTORY.test(d.code) || m?.assertion !== 'personal-history' || !INJURY_WORD.test(m.original)) return d;
    const words = m.text.replace(/\b(old|remote|healed|prior|previous|(?:19|20)\d\d)\b/gi, ' ');
    const hit = rank(run, buildQuery(words), `${words} sequela`, (c) => /^[ST]\d/.test(c))[0];
    if (!hit || hit.score < NAMED_FOUND || !hit.code.endsWith('S')) return d;
    const sequela = recoded(
      run.codeSets,
      d,
      hit.code,
      `"${m.original}" is the old injury "${residual.description}" was left by: the injury with 7th character S, sequela, after the residual condition, not its history code (guidelines I.C.19.a, I.B.10).`,
    );
    return { ...sequela, order: Math.max(d.order, residual.order + 0.3) };
  });
}

/** A fracture code's 7th character of a subsequent encounter: routine, delayed healing, nonunion or malunion (open or closed). */
const HEALING_CHARACTER = /^S\d.*[DEFGHJKMNPQR]$/;

/** A condition the record ties to an injury: post-traumatic, or by nature what an injury leaves. */
const residualOf = (run: CodingRun, drafts: readonly DiagnosisDraft[]): DiagnosisDraft | undefined =>
  drafts.find(
    (d) =>
      !/^[STV-Z]/.test(d.code) &&
      (TRAUMATIC.test(d.description) || TRAUMATIC.test(statementOf(run, d)) || RESIDUAL_NATURE.test(d.description)),
  );

/** Step: an old injury beside the condition it left is coded as its sequela, after that condition. */
export function injurySequela(run: CodingRun, list: DiagnosisDraft[]): DiagnosisDraft[] {
  const left = residualOf(run, list);
  const drafts = left ? historyAsSequela(run, list, left) : list;
  const injuries = drafts.filter((d) => sequelaCode(run, d.code) !== undefined && OLD_INJURY.test(statementOf(run, d)));
  if (injuries.length === 0) {
    if (drafts.some((d) => /^[ST]\d/.test(d.code))) return drafts;
    const added = drafts
      .filter((d) => !/^[STV-Z]/.test(d.code))
      .map((d) => namedOldInjury(run, d))
      .filter((d) => d !== undefined);
    return added.length > 0 ? [...drafts, ...added.slice(0, 1)] : drafts;
  }
  const residual = residualOf(run, drafts);
  if (!residual) return drafts;
  // A statement dating the injury to today (a new injury on an old one) keeps it current.
  if (
    recordStatements(run.input.documentation).some(
      (s) =>
        /\b(today|this morning|yesterday|last night)\b/i.test(s) && new RegExp(`\\b(${INJURY})\\b`, 'i').test(s) && !OLD_INJURY.test(s),
    )
  )
    return drafts;
  // A code the physician wrote stays, unless it codes the old injury as still healing (7th character
  // D, G, K or P): the residual is what is treated now, and healing care of the injury is over.
  const moved = injuries.filter((d) => {
    const written = run.mentions.get(d.order)?.documentedCode;
    return !written || HEALING_CHARACTER.test(normalizeIcdCode(written));
  });
  // The sequela is the encounter type: the question asking it is settled.
  run.issues = run.issues.filter((i) => !(moved.some((d) => d.order === i.order) && /\bencounter type\b/.test(i.question)));
  return drafts.map((d) => {
    if (!moved.includes(d)) return d;
    const code = sequelaCode(run, d.code) as string;
    const sequela = recoded(
      run.codeSets,
      d,
      code,
      `The injury is old and "${residual.description}" is what it left: the residual condition first, the injury with 7th character S, sequela (guidelines I.C.19.a, I.B.10).`,
    );
    return { ...sequela, order: Math.max(d.order, residual.order + 0.3) };
  });
}
