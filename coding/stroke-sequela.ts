/**
 * Sequelae of a cerebral infarction (guideline I.C.9.d, category I69.3-): the deficits a past stroke
 * left ("late effects of L MCA stroke - right hemiparesis and expressive aphasia") are each coded to
 * the I69.3- code of that deficit, and the history code Z86.73 (a stroke with no residual deficit)
 * does not stand beside them.
 *
 * Read from the record: an addressed statement (assessment, plan, or a diagnosis line) that puts its
 * deficits after a past stroke (text.ts turns "late effects of", "residual from", "post-stroke"... a
 * stroke into "following cerebral infarction"). A statement naming several deficits is split at its
 * list joints and each deficit searched among the I69.3- codes; only a deficit the search finds well
 * is added. A statement calling the stroke acute is today's stroke, not its sequela.
 */
import { newDraft, recoded, SECTION_WEIGHT, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { rank } from './ranking.ts';
import { buildQuery } from './search.ts';
import { ADDRESSED_PARTS } from './sections.ts';
import { expandAbbreviations, isNeutral, stemOf, tokenize } from './text.ts';

/** What text.ts makes of a deficit put after a past stroke. */
const AFTER_STROKE = /\b(?:residual )?following cerebral infarction\b/g;
/** The stroke is today's: its deficits are its signs, not its sequelae. */
const ACUTE = /\b(?:acute|new|evolving|today|this morning|last night|yesterday|tpa|thrombectomy)\b/i;
/** Where one deficit of a list ends and the next begins. */
const LIST_JOINT = /\s*(?:[,;:+]|\s-\s|\band\b|\bwith\b|\balso\b|&)\s*/;
/** Words that name no deficit: the stroke's own description, its date, the therapy for it. */
const NO_DEFICIT =
  /^(?:(?:late|effects?|sequelae?|residual|deficits?|of|the|a|an|his|her|their|old|prior|remote|past|ischemic|embolic|thrombotic|mca|pca|aca|territory|stroke|cva|infarct|left|right|[lr]|improving|stable|mild|moderate|severe|persistent|chronic|\d{1,2}\/\d{2,4}|\d{4}|in|since|w\/|outpt|outpatient|slp|pt|ot|therapy|[^a-z]*)\s*)+$/i;
/** How well a deficit must find its I69.3- code. */
const DEFICIT_FOUND = 0.75;

interface Statement {
  text: string;
  section: 'notes' | 'diagnoses';
  order: number;
}

/** Addressed statements of the record that put deficits after a past stroke. */
function sequelaStatements(run: CodingRun): Statement[] {
  const out: Statement[] = [];
  for (const [order, m] of run.mentions) {
    if (m.assertion !== 'affirmed' || m.unaddressed) continue;
    if (m.section === 'notes' && !(m.part !== undefined && ADDRESSED_PARTS.has(m.part))) continue;
    out.push({ text: m.original, section: m.section === 'diagnoses' ? 'diagnoses' : 'notes', order });
  }
  // Notes statements no draft was coded from (a list of deficits the search could not take as one).
  const taken = new Set([...run.mentions.values()].map((m) => m.original));
  run.notes.forEach((m, i) => {
    if (m.assertion !== 'affirmed' || m.unaddressed || taken.has(m.original)) return;
    if (m.part === undefined || !ADDRESSED_PARTS.has(m.part)) return;
    out.push({ text: m.original, section: 'notes', order: 1000 + i });
  });
  return out.filter((s) => !ACUTE.test(s.text) && AFTER_STROKE.test(expandAbbreviations(s.text.toLowerCase())));
}

/** The deficits a statement names, each as its own phrase. */
function deficitsOf(statement: string): string[] {
  const text = expandAbbreviations(statement.toLowerCase()).replace(/^\s*(?:a\/p|assessment|plan|impression|dx)\s*:\s*/i, '');
  return (
    text
      .replace(AFTER_STROKE, ' , ')
      .replace(/\(([^)]*)\)/g, ' $1 ')
      .replace(/\s-+\s/g, ' , ')
      .split(LIST_JOINT)
      // A side written as its letter ("R hemiparesis") in words.
      .map((p) =>
        p
          .replace(/\b([rl])\b(?!\/)/g, (_m, side: string) => (side === 'r' ? 'right' : 'left'))
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter((p) => /[a-z]{4,}/.test(p) && !NO_DEFICIT.test(p))
  );
}

/** Whether a text names the deficit of an I69.3- title (its words before "following"), or the title names none. */
function namesDeficit(title: string, text: string): boolean {
  const head = (title.split(/\s(?:following|of)\s/i)[0] ?? '').replace(/\b(?:other|sequelae?|cognitive|symptoms?|signs?)\b/gi, ' ');
  const said = new Set(tokenize(expandAbbreviations(text.toLowerCase())).map(stemOf));
  const deficit = tokenize(head).filter((t) => !isNeutral(t));
  return deficit.length === 0 || deficit.some((t) => said.has(stemOf(t)));
}

/**
 * A draft coded to an I69.3- deficit from a sequela statement that names no such deficit ("late
 * effects of stroke - continue therapy" found as aphasia by its stroke words alone): the unspecified
 * sequela I69.30 when the statement names no deficit at all, dropped when it names others.
 */
function namedDeficit(run: CodingRun, d: DiagnosisDraft, statements: readonly Statement[], found: ReadonlySet<number>): DiagnosisDraft[] {
  const m = run.mentions.get(d.order);
  if (!d.code.startsWith('I69.3') || d.code.startsWith('I69.30') || !m || !statements.some((s) => s.order === d.order)) return [d];
  if (namesDeficit(d.description, m.original)) return [d];
  if (found.has(d.order)) return [];
  return run.allowed('I69.30')
    ? [
        recoded(
          run.codeSets,
          d,
          'I69.30',
          `The statement names no deficit of the stroke: unspecified sequelae of cerebral infarction (I69.30).`,
        ),
      ]
    : [d];
}

/** Step: each deficit a past stroke left, stated in an addressed statement, coded to its I69.3- code; no Z86.73 beside them. */
export function strokeSequelae(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const statements = sequelaStatements(run);
  if (statements.length === 0) return drafts;
  const coded = new Set(drafts.map((d) => d.code));
  const added: DiagnosisDraft[] = [];
  for (const s of statements) {
    deficitsOf(s.text).forEach((deficit, i) => {
      const words = `${deficit} following cerebral infarction`;
      const hit = rank(run, buildQuery(words), words, (c) => c.startsWith('I69.3'))[0];
      if (!hit || hit.score < DEFICIT_FOUND || coded.has(hit.code) || !namesDeficit(hit.description, deficit)) return;
      // A title naming no deficit (unspecified sequelae) is no deficit of a list.
      if (hit.code.startsWith('I69.30')) return;
      // One code per paralysis: a side or dominance sibling of a coded one (I69.33-I69.36) is that deficit again.
      const paralysis = (c: string) => (/^I69\.3[3-6]/.test(c) ? c.slice(0, 6) : c);
      if ([...coded].some((c) => paralysis(c) === paralysis(hit.code))) return;
      coded.add(hit.code);
      added.push(
        newDraft(run.codeSets, hit.code, {
          confidence: Math.min(1, hit.score) * SECTION_WEIGHT[s.section],
          order: s.order + 0.01 * (i + 1),
          evidence: [{ section: s.section, text: s.text }],
          rationale: `"${s.text}" names "${deficit}" as left by a past stroke: its sequela, ${hit.code} (guideline I.C.9.d).`,
        }),
      );
    });
  }
  const found = new Set(added.map((d) => Math.floor(d.order)));
  const all = [...drafts.flatMap((d) => namedDeficit(run, d, statements, found)), ...added];
  // Z86.73 is a stroke's history without residual deficits (I.C.9.d.3): not beside its sequelae.
  return all.some((d) => d.code.startsWith('I69.')) ? all.filter((d) => d.code !== 'Z86.73') : all;
}
