/**
 * Dominant or nondominant side (guideline I.C.6.a, and I.C.9.d for the late effects of stroke):
 * hemiplegia, hemiparesis and monoplegia codes (G81, G83.1-G83.3, I69 with them) say whether the
 * affected side is the dominant one. The record's handedness decides ("right-handed" makes a left
 * hemiparesis nondominant); without it, the guideline's defaults: an ambidextrous patient's affected
 * side is dominant, a left side nondominant, a right side dominant.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';

const DOMINANCE_TITLE = /\baffecting (right|left) (dominant|non-?dominant) side\b/i;
const RIGHT_HANDED = /\bright[\s-]+handed\b|\bright[\s-]*hand[\s-]*dominan\w*\b|\bdominant (?:hand|side)[\s:]+(?:is\s+)?right\b/i;
const LEFT_HANDED = /\bleft[\s-]+handed\b|\bleft[\s-]*hand[\s-]*dominan\w*\b|\bdominant (?:hand|side)[\s:]+(?:is\s+)?left\b/i;
const AMBIDEXTROUS = /\bambidextrous\b/i;

type Hand = 'right' | 'left' | 'both';

/** The handedness the record states, if it states one. */
export function handedness(text: string): Hand | undefined {
  if (AMBIDEXTROUS.test(text)) return 'both';
  const left = LEFT_HANDED.test(text);
  const right = RIGHT_HANDED.test(text);
  if (left && !right) return 'left';
  if (right && !left) return 'right';
  return undefined;
}

/** Step: each dominance-bearing code takes the dominance the handedness (or the guideline's default) gives its side. */
export function dominantSide(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (!drafts.some((d) => DOMINANCE_TITLE.test(d.description))) return drafts;
  const doc = run.input.documentation;
  const hand = handedness([doc.notes, ...doc.diagnoses.map((d) => d.description)].join('\n'));
  const icd = run.codeSets.icd;
  return drafts.map((d) => {
    const m = DOMINANCE_TITLE.exec(d.description);
    if (!m) return d;
    const side = (m[1] ?? '').toLowerCase();
    const dominant = hand === undefined ? side === 'right' : hand === 'both' || hand === side;
    const wanted = `affecting ${side} ${dominant ? 'dominant' : 'nondominant'} side`;
    const parent = icd.entries[icd.byCode.get(d.code) ?? -1]?.parent ?? -1;
    const sibling = (icd.children.get(parent) ?? [])
      .map((k) => icd.entries[k])
      .find(
        (e) =>
          e !== undefined &&
          e.description
            .toLowerCase()
            .replace(/non-dominant/g, 'nondominant')
            .endsWith(wanted),
      );
    if (!sibling || sibling.code === d.code || !run.allowed(sibling.code)) return d;
    const why =
      hand === undefined
        ? `handedness not documented: the ${side} side defaults to ${dominant ? 'dominant' : 'nondominant'} (guideline I.C.6.a)`
        : hand === 'both'
          ? 'ambidextrous: the affected side is dominant (guideline I.C.6.a)'
          : `the record states ${hand}-handedness: the ${side} side is ${dominant ? 'dominant' : 'nondominant'}`;
    return recoded(run.codeSets, d, sibling.code, `${why}; coded ${sibling.code}.`);
  });
}
