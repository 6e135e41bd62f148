/**
 * The healing of a fracture at a later visit, the 7th character of its code (injury chapter and the
 * pathological fractures M80, M84): routine healing (D, and E/F for open fractures), delayed healing
 * (G, H/J), nonunion (K, M/N) or malunion (P, Q/R). Guideline I.C.19.c.1 codes delayed healing,
 * nonunion and malunion only as the physician documents them.
 *
 * - A code of routine healing beside a statement that the fracture is not healing (no callus, a
 *   fracture line still open, slow to heal, or a nonunion a report suggests), or beside a named
 *   delayed healing, nonunion or malunion when another statement says the healing is routine; and a
 *   code of delayed healing, nonunion or malunion beside a statement of routine healing: the record
 *   disagrees with itself, and the physician is asked, both statements quoted. Until answered the
 *   code stays as the physician wrote it.
 * - A code of routine healing beside a delayed healing, nonunion or malunion the physician names,
 *   and no statement of routine healing: the named healing is coded (its 7th character, open or
 *   closed kept). A written code so changed is reported as changed, so a coder confirms it.
 *
 * What does not count: a healing denied, ruled out, a risk or a plan ("no nonunion", "r/o delayed
 * union", "nonunion risk", "if not healing by 12 weeks"), a past one ("history of malunion"); a
 * wound or an incision healing well (not the bone).
 */
import { askCharacter, DENIED_BEFORE, namedIn, type NamedValues } from './character-conflict.ts';
import { detailConflictQuestion, type ClarificationOption } from './clarification.ts';
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { normalizeIcdCode } from './icd10cm.ts';
import { resultStatements } from './reported-results.ts';
import { recordStatements } from './review-signals.ts';
import type { EncounterPhase } from './search.ts';
import { healingCharacters, phaseOfCode, withEncounterPhase } from './written-encounter.ts';

/** Fracture codes this step reads: the injury chapter and the pathological fractures. */
const FRACTURE_FAMILY = /^(S|M80|M84)/;

type Healing = 'subsequent' | 'delayed healing' | 'nonunion' | 'malunion';
const FAILED: readonly Healing[] = ['delayed healing', 'nonunion', 'malunion'];

/** A delayed healing, nonunion or malunion named as such. */
const NAMED: NamedValues<Healing> = [
  ['malunion', /\bmal-?unions?\b|\bmal-?united\b/i],
  ['nonunion', /\bnon-?unions?\b|\bnon-?united\b/i],
  ['delayed healing', /\bdelayed (bone |fracture )?(healing|union)\b|\bhealing (is )?delayed\b/i],
];
/** What shows a fracture not healing as expected, short of naming how. */
const NOT_HEALING =
  /\bnot (yet )?(healing|healed|united|uniting)\b|\b(failure|failing|failed) to (heal|unite)\b|\b(no|without|absent|lack of|minimal|little) (?:(?:significant|interval|bridging|visible|osseous|periosteal) ){0,2}(callus|bridging|union|consolidation)\b|\b(fracture|fx) line (is )?(still|remains|persist\w*)\b|\bpersistent (lucent )?fracture line\b|\bslow(ly)? to heal\b|\bhealing (poorly|slowly)\b|\b(poor|slow|impaired) (bone |fracture )?healing\b/i;
/** A statement that the fracture heals as expected. */
const ROUTINE =
  /\b(routine|normal|expected|uneventful|satisfactory|appropriate|good|adequate) (bone |fracture )?healing\b|\bhealing\b[^.;]{0,12}\b(routine|as expected|normally|appropriately|nicely|on (schedule|track)|well)\b|\bwell[- ]healing\b|\bheal(ing|s) (well|as expected|normally)\b/i;
/** A wound or an incision just before a healing: its healing, not the bone's. */
const SOFT_TISSUE_BEFORE =
  /\b(incisions?|wounds?|skin|scars?|lacerations?|sutures?|staples?|pin sites?|abrasions?|portals?)\b[^,;]{0,20}$/i;

/** Words before a healing in its clause that do not state it: a denial, a risk, a plan, a past one. */
const UNSAID =
  /\b(no|not|without|denies|negative for|rule[sd]? out|r\/o|free of|risk|risks|prevent\w*|avoid\w*|monitor\w*|watch\w*|if|unless|until|would|could|history of|hx of|h\/o|prior|previous)\b[^,;]*$/i;
/** The same, for the signs of not healing (which start with "no" or "not" themselves). */
const SIGN_UNSAID = /\b(if|unless|until|would|could|risk|prevent\w*|history of|hx of|h\/o|prior|previous)\b[^,;]*$/i;
/** A named healing only suggested ("c/w nonunion", "findings suggest delayed union"): a sign, not the physician's diagnosis. */
const UNCERTAIN =
  /\b(suggest\w*|c\/w|consistent with|concern\w* (for|of)|possible|possibly|probable|likely|suspect\w*|question of|vs\.?|versus|or)\b[^,;]*$/i;
/** A named healing followed by a risk ("nonunion risk", "nonunion rate"): none stated. */
const RISK_AFTER = /^\W*(risk|rate|prevention)\b/i;
/** A named healing followed by a question mark ("delayed union?"): only suggested. */
const QUESTION_AFTER = /^\s*\?/;

const LABELS: Record<Healing, string> = {
  subsequent: 'Routine healing',
  'delayed healing': 'Delayed healing',
  nonunion: 'Nonunion',
  malunion: 'Malunion',
};
/** The healing an answer in the physician's own words names. */
const ANSWERED: NamedValues<Healing> = [
  ...NAMED,
  ['subsequent', /\b(routine|normal|expected|uneventful) (bone |fracture )?healing\b|\bheal(ing|s) (well|as expected|normally)\b/i],
];

const ASPECT = 'healing of the fracture (routine healing, delayed healing, nonunion or malunion)';

/** Each statement's named healing (stated, not suggested), sign of not healing, and statement of routine healing. */
function readHealing(statements: readonly string[]) {
  const named: Array<{ value: Healing; text: string }> = [];
  const signs: string[] = [];
  const routine: string[] = [];
  for (const s of statements) {
    const healing = namedHealing(s);
    const text = s.trim();
    if (healing?.stated) named.push({ value: healing.value, text });
    else if (healing || namedIn(s, [[true, NOT_HEALING]], SIGN_UNSAID)) signs.push(text);
    if (routineHealing(s)) routine.push(text);
  }
  return { named, signs, routine };
}

/**
 * The delayed healing, nonunion or malunion a statement names: stated when an occurrence is neither
 * taken back nor only suggested ("c/w nonunion", "delayed union?"). A denied, ruled-out, risked or
 * planned-for one is none.
 */
function namedHealing(s: string): { value: Healing; stated: boolean } | undefined {
  let suggested: Healing | undefined;
  for (const [value, words] of NAMED)
    for (const m of s.matchAll(new RegExp(words.source, 'gi'))) {
      const before = s.slice(0, m.index);
      const after = s.slice(m.index + m[0].length);
      if (UNSAID.test(before) || RISK_AFTER.test(after)) continue;
      if (!UNCERTAIN.test(before) && !QUESTION_AFTER.test(after)) return { value, stated: true };
      suggested ??= value;
    }
  return suggested ? { value: suggested, stated: false } : undefined;
}

/** A statement of routine healing, not denied, and not of a wound or an incision. */
function routineHealing(s: string): boolean {
  for (const m of s.matchAll(new RegExp(ROUTINE.source, 'gi'))) {
    const before = s.slice(0, m.index);
    if (!DENIED_BEFORE.test(before) && !SIGN_UNSAID.test(before) && !SOFT_TISSUE_BEFORE.test(before)) return true;
  }
  return false;
}

/** The healing a code's 7th character gives, for a fracture code whose 7th character tells them apart. */
function codedHealing(run: CodingRun, code: string): Healing | undefined {
  const icd = run.codeSets.icd;
  if (!FRACTURE_FAMILY.test(code) || !healingCharacters(icd, code)) return undefined;
  const phase = phaseOfCode(icd, code);
  return phase === 'subsequent' || (phase !== undefined && (FAILED as readonly EncounterPhase[]).includes(phase))
    ? (phase as Healing)
    : undefined;
}

/** The code the physician wrote on the draft's line, when it is the same fracture with another healing. */
function writtenCode(run: CodingRun, d: DiagnosisDraft): string | undefined {
  const line = run.input.documentation.diagnoses.find((l) => l.code && d.evidence.some((e) => e.text === l.description));
  const code = line?.code ? normalizeIcdCode(line.code) : undefined;
  return code && code !== d.code && code.slice(0, -1) === d.code.slice(0, -1) && codedHealing(run, code) ? code : undefined;
}

/**
 * Step: a fracture's healing the record states two ways is asked (the written code kept meanwhile);
 * a routine-healing code beside a named delayed healing, nonunion or malunion, and nothing saying
 * routine, is coded with the named healing.
 */
export function fractureHealingStatedOtherwise(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const fractures = drafts.filter((d) => codedHealing(run, d.code) !== undefined);
  // Two fractures: which statement is about which is not read here.
  const d = fractures.length === 1 ? fractures[0] : undefined;
  if (!d || run.issues.some((i) => i.order === d.order)) return drafts;
  const coded = codedHealing(run, d.code)!;
  // The imaging reports the record holds are read too: a report of no callus or a suggested delayed
  // union beside the physician's routine healing is a conflict to ask, as in the notes.
  const doc = run.input.documentation;
  const { named, signs, routine } = readHealing([...recordStatements(doc), ...resultStatements(doc.testResults)]);
  const quote = d.evidence[0]?.text ?? d.description;
  const icd = run.codeSets.icd;
  const written = writtenCode(run, d);
  const kinds = new Set(named.map((n) => n.value));

  if (coded === 'subsequent' && named.length > 0 && routine.length === 0 && kinds.size === 1) {
    const to = withEncounterPhase(icd, d.code, named[0]!.value);
    if (!to) return drafts;
    const own = d.evidence.some((e) => e.text.trim() === named[0]!.text);
    const why = `The record names ${named[0]!.value} ("${named[0]!.text}") and nowhere routine healing: ${to}.`;
    const changed = recoded(run.codeSets, d, to, why);
    return drafts.map((x) => (x === d ? (own ? changed : { ...changed, inferred: [...(d.inferred ?? []), named[0]!.value] }) : x));
  }

  // The two statements quoted: the one for the coded healing, and the one against it.
  let conflict: [string, string] | undefined;
  if (coded === 'subsequent') {
    const against = routine.length > 0 || kinds.size > 1 ? (named[0]?.text ?? signs[0]) : signs[0];
    if (against) conflict = [routine.find((r) => r !== against) ?? quote, against];
  } else if (routine.length > 0) {
    conflict = [named.find((n) => n.value === coded)?.text ?? named[0]?.text ?? signs[0] ?? quote, routine[0]!];
  }
  if (!conflict || conflict[0] === conflict[1]) return drafts;
  const held = written ?? d.code;
  const options: ClarificationOption[] = (['subsequent', ...FAILED] as const)
    .map((h) => ({ label: LABELS[h], code: withEncounterPhase(icd, d.code, h) ?? '' }))
    .filter((o) => o.code !== '');
  return askCharacter(run, drafts, {
    draft: d,
    question: detailConflictQuestion(conflict[0], conflict[1], ASPECT),
    clinicalIndicators: conflict.map((c) => `Documented: "${c}"`),
    options,
    reason: `The healing of the fracture (7th character of ${held}) is documented two ways; delayed healing, nonunion and malunion are coded only as the physician states them, so ${held} until answered.`,
    held,
    fromWords: (words) => {
      const healing = namedIn(words, ANSWERED);
      return healing ? withEncounterPhase(icd, d.code, healing) : undefined;
    },
    heldWhy: `The fracture's healing is documented two ways: ${held} as written until the physician answers.`,
    answeredWhy: (code) => `The physician answered the healing of the fracture: ${code}.`,
  });
}
