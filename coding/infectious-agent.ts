/**
 * The infectious agent of an infection the claim codes (the tabular's "use additional code (B95-B97)
 * to identify infectious agent", at L02, L03, N39.0, T84.5- and the like; guideline I.C.1.b): the
 * organism the record states as the infection's cause, coded by its agent code. Read from
 *
 * - the infection's own diagnosis line ("R axillary abscess - MRSA", "MRSA cellulitis of the leg");
 * - a diagnosis line that names only the organism ("MRSA", "E. coli"), which is the cause of the
 *   infection beside it, not a carrier state (Z22) nor an infection of unspecified site (A49): a code
 *   drawn from that line is the same organism, and the agent code replaces it;
 * - a clause of the notes that reports the organism as found ("wound cx final MRSA", "aspirate grew
 *   MSSA", "cellulitis due to MRSA").
 *
 * Not an organism stated as carried (colonization, a nares swab), negative, pending, only covered
 * empirically ("doxycycline to cover MRSA") or only suspected, nor one of the patient's history.
 * The agents are data (AGENTS): the record's names for an organism and its B95-B96 code.
 */
import { newDraft, SECTION_WEIGHT, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { citedPatterns } from './additional.ts';
import { matchesPattern, notesFor } from './icd10cm.ts';

interface Agent {
  /** The organism as records name it. */
  named: RegExp;
  code: string;
  /** Conditions whose agent a coder reports although their notes do not cite B95-B97 (H. pylori gastritis). */
  alsoFor?: readonly string[];
}

// Methicillin resistance before the species alone: "MRSA" is B95.62, "S. aureus" (NOS) B95.61.
const AGENTS: readonly Agent[] = [
  { named: /\bmrsa\b|\bmethicillin[\s-]resistant\s+(?:staph\w*|s\.?\s*aureus)/i, code: 'B95.62' },
  {
    named:
      /\bmssa\b|\bmethicillin[\s-](?:susceptible|sensitive)\s+(?:staph\w*|s\.?\s*aureus)|(?<!resistant\s+)\b(?:staph(?:ylococcus)?\.?|s\.)\s*aureus\b/i,
    code: 'B95.61',
  },
  {
    named: /\bgroup a strep\w*|\bgas\b(?=\s+(?:pharyngitis|infection|positive|\+))|\b(?:strep(?:tococcus)?\.?|s\.)\s*pyogenes\b/i,
    code: 'B95.0',
  },
  { named: /\bgroup b strep\w*|\bgbs\b|\b(?:strep(?:tococcus)?\.?|s\.)\s*agalactiae\b/i, code: 'B95.1' },
  { named: /\b(?:strep(?:tococcus)?\.?|s\.)\s*pneumoniae\b|\bpneumococc\w*/i, code: 'B95.3' },
  { named: /\benterococc\w*/i, code: 'B95.2' },
  { named: /\be\.?\s?coli\b|\bescherichia\b/i, code: 'B96.20' },
  { named: /\bklebsiella\b/i, code: 'B96.1' },
  { named: /\bproteus\b/i, code: 'B96.4' },
  { named: /\bpseudomonas\b/i, code: 'B96.5' },
  { named: /\bh\.?\s?pylori\b|\bhelicobacter\b/i, code: 'B96.81', alsoFor: ['K25..K29'] },
];

/** Words around the organism that say it is not the infection's cause found now. */
const NOT_THE_CAUSE =
  /\b(carrier|carriage|coloni[sz]\w*|screen\w*|swab|nares|nasal|negative|neg|no|not|without|pending|awaited|ruled out|rule out|r\/o|possible|probable|suspect\w*|likely|cover\w*|empiric\w*|history|hx|h\/o|prior|previous|remote|resolved|eradicat\w*)\b|\b(?:19|20)\d\d\s+pregnancy\b/i;
/** A clause of the notes that reports the organism as found. */
const FOUND = /\b(grew|growing|grows|cultured?|cx|isolated?|positive|pos|confirmed|identified|final|due to|caused by)\b|\+/i;
/** What an organism-only diagnosis line may say besides the organism ("MRSA infection", "E. coli +"). */
const ORGANISM_ONLY_FILLER = /\b(infection|positive|pos|culture|cx|urine|wound|organism|bacteria|species|spp)\b|[+:,().\s-]/gi;

/** A note that asks for the infection without citing codes (T84.5- "use additional code to identify infection"). */
const IDENTIFY_INFECTION = /\bto identify (?:the )?(?:infection|infectious agent|organism)\b/i;

/** A carrier (Z22) or unspecified-site infection (A49) code: what an organism-only line becomes alone. */
const ORGANISM_ALONE = /^(Z22|A49)/;

/** The clauses of the notes: a full stop after a one-letter abbreviation ("E. coli", "S. aureus") ends none. */
const clausesOf = (notes: string): string[] =>
  notes.split(/(?<!\b[a-z])\.(?:\s+|$)|[;\n]+|\s[-\u2013\u2014]\s/i).filter((c) => c.trim() !== '');

/** The part of a statement between commas that names the organism ("H. pylori positive" in "Chronic gastritis, H. pylori positive, no bleeding"). */
function segmentAt(text: string, index: number, length: number): string {
  const start = text.lastIndexOf(',', index) + 1;
  const end = text.indexOf(',', index + length);
  return text.slice(start, end < 0 ? undefined : end);
}

/** The statement names the organism as a cause found now (in the notes, with a word that reports it found). */
function statesAgent(agent: Agent, text: string, needsFound: boolean): boolean {
  const m = agent.named.exec(text);
  if (!m || NOT_THE_CAUSE.test(segmentAt(text, m.index, m[0].length))) return false;
  return !needsFound || FOUND.test(text);
}

/** The line names only the organism. */
const organismOnly = (agent: Agent, line: string): boolean =>
  agent.named.test(line) && line.replace(agent.named, ' ').replace(ORGANISM_ONLY_FILLER, '') === '';

/** The infection codes on the claim whose agent a coder reports (their notes cite the agent code). */
function infectionsFor(run: CodingRun, agent: Agent, drafts: readonly DiagnosisDraft[]): DiagnosisDraft[] {
  const icd = run.codeSets.icd;
  return drafts.filter(
    (d) =>
      citedPatterns(icd, d.code).some((p) => matchesPattern(agent.code, p)) ||
      (agent.alsoFor ?? []).some((p) => matchesPattern(d.code, p)) ||
      notesFor(icd, d.code, 'ua').some(([text]) => IDENTIFY_INFECTION.test(text)),
  );
}

/** Step: the agent code of an infection the record states the cause of; an organism-only line's carrier or A49 code goes. */
export function infectiousAgent(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (drafts.some((d) => /^B9[5-7]/.test(d.code))) return drafts;
  const lines = run.input.documentation.diagnoses.map((d) => d.description);
  for (const agent of AGENTS) {
    const infections = infectionsFor(run, agent, drafts);
    const last = infections.at(-1);
    if (!last || !run.allowed(agent.code)) continue;
    const ownLines = infections.flatMap((d) => d.evidence.filter((e) => e.section === 'diagnoses').map((e) => e.text));
    const onlyLines = lines.filter((l) => organismOnly(agent, l) && statesAgent(agent, l, false));
    const fromLine = [...ownLines.filter((l) => statesAgent(agent, l, false)), ...onlyLines][0];
    const fromNotes =
      fromLine === undefined ? clausesOf(run.input.documentation.notes).find((c) => statesAgent(agent, c, true)) : undefined;
    const statement = fromLine ?? fromNotes?.trim();
    if (statement === undefined) continue;
    const section = fromLine !== undefined ? ('diagnoses' as const) : ('notes' as const);
    const kept = drafts.filter((d) => !(ORGANISM_ALONE.test(d.code) && d.evidence.some((e) => onlyLines.includes(e.text))));
    kept.push(
      newDraft(run.codeSets, agent.code, {
        confidence: 0.9 * SECTION_WEIGHT[section],
        order: last.order + 0.25,
        evidence: [{ section, text: statement }],
        rationale: `"Use additional code (B95-B97) to identify infectious agent" at ${last.code}: the record states the organism as the cause ("${statement}").`,
      }),
    );
    return kept;
  }
  return drafts;
}
