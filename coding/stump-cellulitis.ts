/**
 * Cellulitis of an amputation stump is cellulitis of the limb the stump is left of (L03.11-,
 * "cellulitis of other parts of limb"), coded beside the stump's infection (T87.4-): the stump of a
 * below- or above-knee amputation is a lower limb, of an elbow-level one an upper limb. A word search
 * on "cellulitis" alone, the stump being the infection's word, lands on L03.90 (cellulitis,
 * unspecified). The side is the stump infection's code's (T87.41/T87.43 right, T87.42/T87.44 left);
 * without one, the part of limb is unspecified (L03.119), and the side is asked with the stump.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';

const UNSPECIFIED_CELLULITIS = 'L03.90';
/** The stump infection's code by its extremity and side: [limb, side]. */
const STUMP: Readonly<Record<string, readonly ['lower' | 'upper' | undefined, 'right' | 'left' | undefined]>> = {
  'T87.40': [undefined, undefined],
  'T87.41': ['upper', 'right'],
  'T87.42': ['upper', 'left'],
  'T87.43': ['lower', 'right'],
  'T87.44': ['lower', 'left'],
};
const LIMB: Readonly<Record<string, string>> = {
  'lower right': 'L03.115',
  'lower left': 'L03.116',
  'upper right': 'L03.113',
  'upper left': 'L03.114',
};
const STUMP_WORDS = /\bstumps?\b|\bamputation site\b|\bresidual limb\b/i;

/** Step: L03.90 from a statement of an amputation stump, beside the stump's infection: cellulitis of the limb. */
export function stumpCellulitis(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const stump = drafts.find((d) => STUMP[d.code] !== undefined);
  if (!stump) return drafts;
  const [limb, side] = STUMP[stump.code] ?? [undefined, undefined];
  const code = (limb && side && LIMB[`${limb} ${side}`]) || 'L03.119';
  if (!run.allowed(code) || drafts.some((d) => d.code === code)) return drafts;
  return drafts.map((d) =>
    d.code === UNSPECIFIED_CELLULITIS && !run.mentions.get(d.order)?.documentedCode && d.evidence.some((e) => STUMP_WORDS.test(e.text))
      ? recoded(
          run.codeSets,
          d,
          code,
          `The cellulitis is of the amputation stump (${stump.code}): cellulitis of the limb, ${code} (L03.11-, other parts of limb).`,
        )
      : d,
  );
}
