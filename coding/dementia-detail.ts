/**
 * What the record says of a dementia beyond its name, coded where the code set has an axis for it:
 *
 * - Alzheimer's disease by onset (G30.0 early, G30.1 late): an unspecified G30.9 takes the onset an
 *   affirmed statement of the Alzheimer's disease states, when it states one only.
 * - Severity (FY2023 axis, guideline I.C.5.d): a dementia coded of unspecified severity (F01.5-,
 *   F02.8-, F03.9-) takes the one severity the record's dementia statements give.
 * - Behavioral disturbance by kind (FY2023 axis of F01-F03, "with agitation" .x11 / "with other
 *   behavioral disturbance" .x18): a dementia coded with other behavioral disturbance takes
 *   "agitation" when the record's dementia statements name agitation or the aggression the tabular
 *   includes under it (verbal or physical aggression, combativeness, restlessness), and nothing
 *   else the "other" code holds (sleep disturbance, disinhibition...).
 * - Wandering (Z91.83, "wandering in diseases classified elsewhere", after the dementia it is
 *   part of): added when an affirmed statement the visit addresses names the patient's wandering.
 */
import { newDraft, recoded, SECTION_WEIGHT, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { isBillable } from './icd10cm.ts';
import { dementiaSeverity } from './refinements.ts';
import { NOT_ADDRESSED_PARTS } from './sections.ts';

const DEMENTIA_CODE = /^(?:F0[123]\.|G30\.|G31\.[01]|G31\.8[3-9])/;
const DEMENTIA_WORDS = /\b(?:dementia|alzheimer\w*|major neurocognitive disorder)\b/i;
const LATE_ONSET = /\blate[\s-]+onset\b/i;
const EARLY_ONSET = /\b(?:early|young)[\s-]+onset\b/i;
/** Agitation and what the tabular includes under it (F03.911's inclusion terms). */
const AGITATION = /\b(?:agitat\w*|aggress\w*|combativ\w*|hitting|hits|striking|violent|restless\w*)\b/i;
/** What "other behavioral disturbance" (.x18) holds beside agitation. */
const OTHER_BEHAVIOR = /\b(?:sleep disturbance|disinhibit\w*)\b/i;
/** The patient's wandering (not a "wander guard" device, and not exit-seeking alone, which is agitation). */
const WANDERING = /\bwander(?:s|ed|ing)?\b(?!\s*guard)/i;

/** Affirmed statements of the record that speak of the dementia (any part of the notes, and the diagnosis lines). */
function dementiaStatements(run: CodingRun): string[] {
  const lines = run.input.documentation.diagnoses.map((d) => d.description);
  const notes = run.notes.filter((n) => n.assertion === 'affirmed').map((n) => n.original);
  return [...lines, ...notes].filter((s) => DEMENTIA_WORDS.test(s));
}

/** Alzheimer's disease unspecified, with the onset the record states. */
function withOnset(run: CodingRun, d: DiagnosisDraft, statements: readonly string[]): DiagnosisDraft {
  if (d.code !== 'G30.9') return d;
  const about = statements.filter((s) => /\balzheimer/i.test(s));
  const late = about.some((s) => LATE_ONSET.test(s));
  const early = about.some((s) => EARLY_ONSET.test(s));
  if (late === early) return d;
  const code = late ? 'G30.1' : 'G30.0';
  if (!run.allowed(code)) return d;
  return recoded(run.codeSets, d, code, `The record states the Alzheimer's disease as ${late ? 'late' : 'early'} onset: ${code}.`);
}

/** A dementia coded with other behavioral disturbance, recoded with agitation when that is the disturbance stated. */
function withAgitation(run: CodingRun, d: DiagnosisDraft, statements: readonly string[]): DiagnosisDraft {
  if (!/^F0[123]\.[0-9A-C]18$/.test(d.code)) return d;
  const text = statements.join(' \n ');
  if (!AGITATION.test(text) || OTHER_BEHAVIOR.test(text)) return d;
  const code = `${d.code.slice(0, -1)}1`;
  if (!isBillable(run.codeSets.icd, code) || !run.allowed(code)) return d;
  return recoded(
    run.codeSets,
    d,
    code,
    `The behavioral disturbance the record states is agitation (aggression is included under it): ${code}.`,
  );
}

/** The code's severity character: F01.5-, F02.8-, F03.9- are of unspecified severity. */
const UNSPECIFIED_SEVERITY: Record<string, string> = { F01: '5', F02: '8', F03: '9' };

/** A dementia of unspecified severity, with the one severity the record's dementia statements state. */
function withSeverity(run: CodingRun, d: DiagnosisDraft, statements: readonly string[]): DiagnosisDraft {
  const unspecified = UNSPECIFIED_SEVERITY[d.code.slice(0, 3)];
  if (unspecified === undefined || d.code[4] !== unspecified) return d;
  const letter = dementiaSeverity([...statements], '8');
  if (letter === '8') return d;
  const code = `${d.code.slice(0, 4)}${letter}${d.code.slice(5)}`;
  if (!isBillable(run.codeSets.icd, code) || !run.allowed(code)) return d;
  return recoded(run.codeSets, d, code, `The record states the dementia as ${SEVERITY_WORD[letter]}: ${code}.`);
}
const SEVERITY_WORD = { A: 'mild', B: 'moderate', C: 'severe' } as const;

/** Z91.83 when an affirmed, addressed statement names the patient's wandering beside a coded dementia. */
function wandering(run: CodingRun, drafts: readonly DiagnosisDraft[]): DiagnosisDraft | undefined {
  const dementia = drafts.find((d) => DEMENTIA_CODE.test(d.code));
  if (!dementia || drafts.some((d) => d.code === 'Z91.83') || !run.allowed('Z91.83')) return undefined;
  const lines = run.input.documentation.diagnoses
    .filter((d) => WANDERING.test(d.description) && !/\b(?:no|denies|without)\b/i.test(d.description))
    .map((d) => ({ section: 'diagnoses' as const, text: d.description }));
  const notes = run.notes
    .filter((n) => n.assertion === 'affirmed' && !n.unaddressed && !(n.part && NOT_ADDRESSED_PARTS.has(n.part)) && WANDERING.test(n.text))
    .map((n) => ({ section: 'notes' as const, text: n.original }));
  const said = lines[0] ?? notes[0];
  if (!said) return undefined;
  return newDraft(run.codeSets, 'Z91.83', {
    confidence: dementia.confidence * SECTION_WEIGHT[said.section],
    order: Math.max(...drafts.filter((d) => DEMENTIA_CODE.test(d.code)).map((d) => d.order)) + 0.6,
    evidence: [said],
    rationale: `"${said.text}" names the patient's wandering beside ${dementia.code}: Z91.83, after the dementia it belongs to.`,
  });
}

/** Step: onset of Alzheimer's disease, the dementia's severity, agitation as the dementia's disturbance, and wandering. */
export function dementiaDetail(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (!drafts.some((d) => DEMENTIA_CODE.test(d.code))) return drafts;
  const statements = dementiaStatements(run);
  const detailed = drafts.map((d) => withAgitation(run, withSeverity(run, withOnset(run, d, statements), statements), statements));
  const wanders = wandering(run, detailed);
  return wanders ? [...detailed, wanders] : detailed;
}
