/**
 * A fracture in a patient with known osteoporosis is a pathological fracture of the osteoporosis
 * (category M80), not a traumatic fracture (chapter 19) nor a collapsed vertebra (M48.5), unless the
 * record names a trauma that would break a healthy bone (guideline I.C.13.d.1: "A code from category
 * M80, not a traumatic fracture code, should be used for any patient with known osteoporosis who
 * suffers a fracture, even if the patient had a minor fall or trauma"). M80 includes the osteoporosis,
 * so the M81 code goes (M81's Excludes1 sends "osteoporosis with current pathological fracture" to M80).
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { osteoporosisStatedInNotes } from './known-osteoporosis.ts';

/** Osteoporosis without fracture and the M80 subcategory of the same kind. */
const WITH_FRACTURE: Readonly<Record<string, string>> = { 'M81.0': 'M80.0', 'M81.8': 'M80.8' };

/** Fracture codes by the M80 site they fall under (fifth character; 'X' sites take no side). */
const SITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(S12|S22\.0|S32\.0|M48\.5)/, '8'],
  [/^S42\.[01]/, '1'],
  [/^S42\.[234]/, '2'],
  [/^S52/, '3'],
  [/^S62/, '4'],
  [/^S72/, '5'],
  [/^S82\.(5|6|8[4-6])|^S92/, '7'],
  [/^S82/, '6'],
  [/^S32\.[1-9]/, 'B'],
  [/^S22\.[2-9]/, 'A'],
];

/** The seventh character of a fracture code as M80 has it (no open/closed axis: B and C are initial). */
const ENCOUNTER: Readonly<Record<string, string>> = {
  A: 'A',
  B: 'A',
  C: 'A',
  D: 'D',
  E: 'D',
  F: 'D',
  G: 'G',
  H: 'G',
  J: 'G',
  K: 'K',
  M: 'K',
  N: 'K',
  P: 'P',
  Q: 'P',
  R: 'P',
  S: 'S',
};

/** A trauma that breaks a healthy bone: the fracture is then traumatic whatever the bone. */
const MAJOR_TRAUMA =
  /\b(mvc|mva|motor vehicle|car (?:accident|crash)|collision|motorcycle|high[\s-](?:energy|speed|velocity)|fell (?:off|from) (?:a |the )?(?:ladder|roof|height|horse|bike|bicycle)|fall from (?:a |the )?(?:ladder|roof|height)|assault\w*|gunshot|crush\w*)\b/i;
/** A clause about an old event (a year, healed, history): not this fracture's trauma. */
const OLD_EVENT = /\b(19|20)\d\d\b|\bhealed\b|\bhistory\b|\bhx\b|\bs\/p\b/i;

/** The M80 code for a fracture code, or undefined when its site has no M80 code. */
function pathologicalCode(run: CodingRun, kind: string, fracture: string): string | undefined {
  const site = SITES.find(([p]) => p.test(fracture))?.[1];
  const encounter = ENCOUNTER[fracture.slice(-1)];
  if (!site || !encounter) return undefined;
  const title = run.codeSets.icd.entries[run.codeSets.icd.byCode.get(fracture) ?? -1]?.description ?? '';
  const side = /\bright\b/i.test(title) ? '1' : /\bleft\b/i.test(title) ? '2' : '9';
  const code = site === '8' || site === 'A' ? `${kind}${site}X${encounter}` : `${kind}${site}${side}${encounter}`;
  return run.codeSets.icd.byCode.has(code) && run.allowed(code) ? code : undefined;
}

/**
 * Step: with an osteoporosis code (M81.0, M81.8) on the claim, each fracture code (chapter 19
 * fracture or M48.5 collapsed vertebra) becomes the M80 code of the same site, side and encounter,
 * and the M81 code is dropped; not when the notes name a major trauma for this injury.
 */
export function osteoporoticFracture(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const osteoporosis = drafts.find((d) => WITH_FRACTURE[d.code] !== undefined);
  // Known osteoporosis the notes state counts as much as a coded one (known-osteoporosis.ts).
  const kind = osteoporosis ? (WITH_FRACTURE[osteoporosis.code] ?? 'M80.0') : osteoporosisStatedInNotes(run.notes);
  if (!kind) return drafts;
  const statements = [...run.input.documentation.diagnoses.map((d) => d.description), ...clausesOf(run.input.documentation.notes)];
  if (statements.some((t) => MAJOR_TRAUMA.test(t) && !OLD_EVENT.test(t))) return drafts;
  let changed = false;
  const out = drafts.map((d) => {
    if (!/^(S\d\d|M48\.5)/.test(d.code) || !/fracture/i.test(d.description)) return d;
    const code = pathologicalCode(run, kind, d.code);
    if (!code) return d;
    changed = true;
    return recoded(
      run.codeSets,
      d,
      code,
      `Known osteoporosis (${osteoporosis?.code ?? 'stated in the notes'}) and no major trauma named: the fracture is coded to M80 (guideline I.C.13.d.1), in place of ${d.code}.`,
    );
  });
  if (!changed || !osteoporosis) return out;
  run.issues = run.issues.filter((i) => i.order !== osteoporosis.order);
  return out.filter((d) => d !== osteoporosis);
}
