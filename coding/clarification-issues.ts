/**
 * The clarifications the engine raises: for a mention (type or stage missing, side missing in a
 * family coded by side, competing or weak matches) and for edits only the physician can resolve
 * (Excludes1 pairs, a code the demographics contradict). Answered ones are applied instead.
 */
import type { EditFinding } from '../domain/coding.ts';
import { unlinkedCause, unlinkedEffect } from './cause-link.ts';
import {
  confirmQuestion,
  conflictQuestion,
  detailConflictQuestion,
  lateralityQuestion,
  relationQuestion,
  resolutionFor,
  specificityQuestion,
  type ClarificationIssue,
} from './clarification.ts';
import { perRecord, recordSays, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import type { Mention } from './context.ts';
import { isComplaintCode } from './complaints.ts';
import { isExtension } from './icd10cm.ts';
import { exacerbationIssue } from './exacerbation-query.ts';
import { acuityIssue } from './acuity-duration.ts';
import { unlinkedOrganism } from './organism-query.ts';
import { sidesInFamily } from './laterality.ts';
import { encounterPhase, type SearchHit, type SearchQuery } from './search.ts';
import { recordStatements } from './review-signals.ts';
import { SPECIFICITY_RULES } from './specificity.ts';
import { unstatedAxis } from './unstated-axis.ts';
import { expandAbbreviations, tokenize } from './text.ts';

/** The record's statements (diagnosis lines, clauses of the notes), read once per run. */
const statementsOf = (run: CodingRun) => perRecord(run, 'recordStatements', () => recordStatements(run.input.documentation));

export function indicatorsFor(run: CodingRun, m: Mention): string[] {
  const q = new Set(tokenize(expandAbbreviations(m.text)).filter((t) => (run.codeSets.icd.idf.get(t) ?? 0) >= 3.5));
  const out = [`${m.section === 'diagnoses' ? 'Diagnosis' : 'Note'}: "${m.original}"`];
  for (const n of run.notes) {
    if (n.original === m.original || out.length >= 4) continue;
    if (tokenize(expandAbbreviations(n.original)).some((t) => q.has(t))) out.push(`Note: "${n.original}"`);
  }
  for (const t of run.input.documentation.testResults) {
    if (t.flag && t.flag !== 'N' && out.length < 6) out.push(`Result: ${t.name} ${t.value}${t.unit ? ` ${t.unit}` : ''} (${t.flag})`);
  }
  return [...new Set(out)];
}

export function mentionIssue(
  run: CodingRun,
  m: Mention,
  q: SearchQuery,
  hits: SearchHit[],
  answered: Set<string>,
  extra: string[],
  statedElsewhere: ReadonlySet<string> = new Set(),
  phaseContext = '',
): ClarificationIssue | undefined {
  const top = hits[0];
  const fullText = `${m.text} ${extra.join(' ')}`;
  const open = (issue: ClarificationIssue) => (answered.has(issue.question) ? undefined : issue);
  for (const rule of SPECIFICITY_RULES) {
    if (statedElsewhere.has(rule.aspect) || rule.asks === false) continue;
    if (rule.indicatedBy && !recordSays(run, rule.indicatedBy)) continue;
    if (rule.codedAs && !(top && rule.codedAs.test(top.code))) continue;
    if (rule.mentions.test(expandAbbreviations(fullText)) && !rule.unlessAlso.test(expandAbbreviations(fullText))) {
      const issue = open({
        kind: 'specificity',
        question: specificityQuestion(m.original, rule.aspect),
        clinicalIndicators: indicatorsFor(run, m),
        options: rule.options,
        reason: `The ${rule.aspect} is not documented; the default code was used.`,
        ...(rule.defaultRefine ? { defaultRefine: rule.defaultRefine } : {}),
      });
      if (issue) return issue;
    }
  }
  if (!top || m.assertion !== 'affirmed') return undefined;
  const encounter = encounterTypeIssue(run, m, top.code, phaseContext);
  if (encounter) {
    const issue = open(encounter);
    if (issue) return issue;
  }
  if (!q.laterality && !isComplaintCode(run.codeSets.icd, top.code)) {
    const sides = sidesInFamily(run, q, top, fullText);
    if (sides.length > 0) {
      const issue = open({
        kind: 'laterality',
        question: lateralityQuestion(m.original),
        clinicalIndicators: indicatorsFor(run, m),
        options: sides.map((s) => ({ label: s[0]?.toUpperCase() + s.slice(1), refine: s })),
        reason: `${top.code} belongs to a family coded by side and the record does not state the side.`,
      });
      if (issue) return issue;
    }
  }
  const statements = statementsOf(run);
  for (const relation of relationIssues(run, m, top, fullText, statements)) {
    const issue = open(relation);
    if (issue) return issue;
  }
  const axis = axisIssue(run, m, top, phaseContext || fullText, statements);
  if (axis) {
    const issue = open(axis);
    if (issue) return issue;
  }
  const exacerbation = exacerbationIssue(run, m, top, statements);
  if (exacerbation) {
    const issue = open({ ...exacerbation, clinicalIndicators: [...indicatorsFor(run, m), ...exacerbation.clinicalIndicators] });
    if (issue) return issue;
  }
  const acuity = acuityIssue(run, m, top);
  if (acuity) {
    const issue = open({ ...acuity, clinicalIndicators: [...indicatorsFor(run, m), ...acuity.clinicalIndicators] });
    if (issue) return issue;
  }
  // A weak match or a tie between codes is the engine's own uncertainty, not a gap in the record:
  // it sends the encounter to a coder (straight-through.ts: low-confidence, competing-families),
  // never to the physician.
  return undefined;
}

/**
 * The axis (severity, stage, type) the tabular splits the code's family by and the record states no
 * value of (unstated-axis.ts), as a question; undefined when there is none.
 */
export function axisIssue(
  run: CodingRun,
  m: Mention,
  top: SearchHit,
  documented: string,
  statements: readonly string[] = statementsOf(run),
): ClarificationIssue | undefined {
  const axis = unstatedAxis(run, top, documented, statements);
  if (!axis) return undefined;
  return {
    kind: 'specificity',
    question: specificityQuestion(m.original, `${axis.aspect} of the condition`),
    clinicalIndicators: indicatorsFor(run, m),
    options: axis.options,
    reason: `${axis.reason[0]?.toUpperCase()}${axis.reason.slice(1)}; the record does not state it.`,
  };
}

/**
 * Relations the guidelines do not presume, about a coded mention: a cause the classification
 * combines with the condition, and a current drug or device known to cause it, each stated apart
 * from the condition and not linked to it (cause-link.ts).
 */
export function relationIssues(
  run: CodingRun,
  m: Mention,
  top: SearchHit,
  fullText: string,
  statements: readonly string[] = statementsOf(run),
): ClarificationIssue[] {
  const out: ClarificationIssue[] = [];
  const cause = unlinkedCause(run, m, top, fullText, statements);
  if (cause) {
    out.push({
      kind: 'specificity',
      question: relationQuestion(m.original, cause.statement, cause.name),
      clinicalIndicators: [...indicatorsFor(run, m), `Note: "${cause.statement}"`],
      options: cause.options,
      reason: `The record documents ${cause.name} but does not link it to the condition; the guidelines do not presume the link (${cause.linked.code} would need it).`,
    });
  }
  const effect = unlinkedEffect(m, fullText, statements);
  if (effect) {
    out.push({
      kind: 'specificity',
      question: relationQuestion(m.original, effect.statement, effect.name),
      clinicalIndicators: [...indicatorsFor(run, m), `Note: "${effect.statement}"`],
      options: effect.options,
      reason: `The record documents ${effect.name} beside a condition it can cause but does not link them; the guidelines do not presume the link (an adverse effect or device complication code would need it).`,
    });
  }
  const organism = unlinkedOrganism(run, m.original, top, fullText, statements);
  if (organism) out.push({ ...organism, clinicalIndicators: [...indicatorsFor(run, m), ...organism.clinicalIndicators.slice(1)] });
  return out;
}

const ENCOUNTER_TYPE_ASPECT = 'encounter type (active treatment, routine healing or sequela)';
const ENCOUNTER_TYPE_OPTIONS = [
  { label: 'Initial encounter (active treatment)', refine: 'initial encounter' },
  { label: 'Subsequent encounter (routine healing)', refine: 'subsequent encounter routine healing' },
  { label: 'Subsequent encounter (delayed healing)', refine: 'subsequent encounter delayed healing' },
  { label: 'Sequela', refine: 'sequela' },
];
/** The encounter-type question for a fracture code (7th character) the record gives no encounter type for. */
export function encounterTypeIssue(run: CodingRun, m: Mention, code: string, phaseContext: string): ClarificationIssue | undefined {
  const conflict = encounterTypeConflict(run, code, phaseContext);
  if (conflict) {
    return {
      kind: 'specificity',
      question: detailConflictQuestion(conflict[0], conflict[1], ENCOUNTER_TYPE_ASPECT),
      clinicalIndicators: conflict.map((c) => `Note: "${c}"`),
      options: ENCOUNTER_TYPE_OPTIONS,
      reason: `The encounter type (7th character of ${code}) is documented two ways: active treatment and healing.`,
    };
  }
  const failing = healingFailing(run, code, phaseContext);
  if (failing) {
    return {
      kind: 'specificity',
      question: specificityQuestion(m.original, HEALING_ASPECT),
      clinicalIndicators: [...new Set([...indicatorsFor(run, m), ...failing.map((f) => `Note: "${f}"`)])],
      options: HEALING_OPTIONS,
      reason: `${code} is coded as routine healing while the record describes a fracture not healing as expected; delayed healing and nonunion are the physician's to document.`,
    };
  }
  if (!encounterTypeOpen(run, code, phaseContext)) return undefined;
  return {
    kind: 'specificity',
    question: specificityQuestion(m.original, ENCOUNTER_TYPE_ASPECT),
    clinicalIndicators: indicatorsFor(run, m),
    options: ENCOUNTER_TYPE_OPTIONS,
    reason: `The encounter type (7th character of ${code}) is not documented; the initial encounter was assumed.`,
  };
}

const HEALING_ASPECT = 'healing of the fracture (routine, delayed, nonunion)';
const HEALING_OPTIONS = [
  { label: 'Routine healing', refine: 'subsequent encounter routine healing' },
  { label: 'Delayed healing', refine: 'subsequent encounter delayed healing' },
  { label: 'Nonunion', refine: 'subsequent encounter nonunion' },
];

/**
 * What a coder reads as a fracture not healing as expected, short of the physician's diagnosis: no
 * bridging bone or callus on a film, a fracture line still visible months on, a bone stimulator
 * started, a bone graft discussed or planned.
 */
const HEALING_FAILING =
  /\b(no|without|absent|lack of|minimal) (bridging|callus|trabecular bridging|osseous bridging|union|consolidation)\b|\bno bridging\b|\bfx line still\b|\bfracture line (is )?still\b|\b(bone|bone growth) stimulator\b|\bbone graft(ing)?\b|\bnot (yet )?(healed|united)\b|\bfailure to (heal|unite)\b/i;

/**
 * A fracture coded as routine healing (7th character D) at a visit whose record gives the signs of a
 * fracture not healing (HEALING_FAILING) while no statement names delayed healing, nonunion or
 * malunion (that would have coded it): guideline I.C.19.c.1 codes delayed healing (G) and nonunion
 * (K) only as documented, so the physician is asked. Returns the statements giving the signs.
 */
function healingFailing(run: CodingRun, code: string, phaseContext: string): string[] | undefined {
  if (!code.endsWith('D') || !healingFamily(run, code)) return undefined;
  if (/\b(delayed (healing|union)|non-?union|mal-?union)\b/i.test(phaseContext)) return undefined;
  const statements = statementsOf(run).filter((s) => HEALING_FAILING.test(s) && !/\b(delayed|non-?union|mal-?union)\b/i.test(s));
  return statements.length > 0 ? statements.slice(0, 3) : undefined;
}

/**
 * Two statements about the injury giving different encounter types: one says initial encounter or
 * active treatment, another healing (routine or delayed), nonunion or malunion. Returns the two.
 */
export function encounterTypeConflict(run: CodingRun, code: string, phaseContext: string): [string, string] | undefined {
  if (!healingFamily(run, code)) return undefined;
  // The first line is the condition's own statement with what answers added: a phase there settles it.
  const [own, ...lines] = phaseContext.split('\n').filter((l) => l.trim());
  if (own !== undefined && encounterPhase(own) !== undefined) return undefined;
  const active = lines.find((l) => encounterPhase(l) === 'initial' || /\bactive treatment\b/i.test(l));
  const healing = lines.find(
    (l) => l !== active && encounterPhase(l) !== undefined && encounterPhase(l) !== 'initial' && encounterPhase(l) !== 'sequela',
  );
  return active && healing ? [active.trim(), healing.trim()] : undefined;
}

/** A fracture code whose 7th character tells routine from delayed healing (the tabular's own characters). */
function healingFamily(run: CodingRun, code: string): boolean {
  const icd = run.codeSets.icd;
  const i = icd.byCode.get(code);
  const entry = i === undefined ? undefined : icd.entries[i];
  if (!entry || !isExtension(icd.entries, entry)) return false;
  return (icd.children.get(entry.parent) ?? []).some((k) => /routine healing/i.test(icd.entries[k]?.description ?? ''));
}

/**
 * What says the encounter is active treatment (guideline I.C.19.a): the injury itself, recent, or its
 * first care. How the injury happened ("rolled his ankle", "stubbed his toe", "caught in a door",
 * "motorcycle crash", "a misstep") is the injury told at its first visit; a follow-up tells it with
 * its time ("3 weeks ago"), which the encounter's phase then reads as healing.
 */
const ACTIVE_TREATMENT =
  /\b(initial (encounter|visit)|active treatment|today|tonight|yesterday|this (morning|afternoon|evening)|last night|hours? ago|\d+ ?h(rs?)? ago|just now|fell|fall(en)?|tripped|slipped|injur(ed|y) (on|at|while|when|playing)|twisted|rolled (his|her|my|the|an?) (ankle|foot|knee|wrist)|stubbed|jammed|crushed|caught (his |her |my |the |an? )?[a-z ]{0,20}\b(in|between|under) (an? |the )?(car |screen |heavy )?(door|machine\w*|gate|window|drawer)|crash(ed)?|misstep|stepped (wrong|awkwardly|off)|landed (on|awkwardly)|struck|hit by|collision|accident|x-?rays? (show|shows|showed|reveal\w*|confirm\w*|demonstrat\w*)|radiographs? (show|shows|showed|reveal\w*)|(closed |open )?reduction|splint(ed)? (applied|placed)|emergency|\bed\b|er visit|new (injury|fracture)|acute)\b/i;

/**
 * A fracture code (its 7th character tells routine from delayed healing, so the tabular's own
 * characters name "routine healing") coded with no encounter type documented and nothing in the
 * record that shows active treatment: the physician is asked which encounter this is.
 */
function encounterTypeOpen(run: CodingRun, code: string, phaseContext: string): boolean {
  if (!healingFamily(run, code)) return false;
  if (encounterPhase(phaseContext) !== undefined) return false;
  const pos = run.input.placeOfService;
  if (pos === '23' || pos === '21') return false;
  return !recordSays(run, ACTIVE_TREATMENT);
}

/** The symptom code of an Excludes1 pair of a symptom (chapter 18, R) and a diagnosis of another chapter. */
function symptomOfPair(a: string, b: string): string | undefined {
  const isSymptom = (c: string) => c.startsWith('R');
  if (isSymptom(a) && !isSymptom(b)) return a;
  if (isSymptom(b) && !isSymptom(a)) return b;
  return undefined;
}

/** Issues raised by edits that only the physician can resolve; answered ones are applied to the codes. */
export function editClarifications(
  run: CodingRun,
  diagnoses: DiagnosisDraft[],
  edits: EditFinding[],
): { diagnoses: DiagnosisDraft[]; issues: ClarificationIssue[] } {
  let list = diagnoses;
  const issues: ClarificationIssue[] = [];
  const describe = (code: string) => list.find((d) => d.code === code)?.description ?? code;
  const quote = (code: string) => list.find((d) => d.code === code)?.evidence[0]?.text ?? describe(code);
  for (const e of edits.filter((x) => x.needsDocumentation)) {
    const [a, b] = e.codes;
    if (!a) continue;
    // A sign or symptom (chapter 18) excluded by the diagnosis that explains it is not coded beside
    // it (guideline I.B.5): the symptom is left off, nothing is asked.
    const symptom = e.rule === 'EXCLUDES1' && b ? symptomOfPair(a, b) : undefined;
    if (symptom) {
      list = list.filter((d) => d.code !== symptom);
      continue;
    }
    const issue: ClarificationIssue =
      e.rule === 'REPAIR_LENGTH_UNSTATED'
        ? {
            kind: 'edit',
            question: `The record documents a wound repair (${a}) without the length of the wound repaired. Can you document the total length, in centimetres, of the wound(s) repaired?`,
            clinicalIndicators: [`Procedure: ${a}`],
            options: [],
            reason: `${e.rule}: ${e.message}`,
          }
        : e.rule === 'EXCLUDES1' && b
          ? {
              kind: 'edit',
              question: conflictQuestion(quote(a), quote(b)),
              clinicalIndicators: [`Documented: "${quote(a)}"`, `Documented: "${quote(b)}"`],
              options: [
                { label: describe(a), dropCode: b },
                { label: describe(b), dropCode: a },
              ],
              reason: `${e.rule}: ${e.message}`,
            }
          : {
              kind: 'edit',
              question: confirmQuestion(quote(a)),
              clinicalIndicators: [`Documented: "${quote(a)}"`],
              options: [{ label: `Confirmed: ${describe(a)}` }],
              reason: `${e.rule}: ${e.message}`,
            };
    const resolution = resolutionFor(issue, run.input.answers);
    if (!resolution) issues.push(issue);
    else if (resolution.kind === 'option' && resolution.option.dropCode) list = list.filter((d) => d.code !== resolution.option.dropCode);
  }
  return { diagnoses: list, issues };
}
