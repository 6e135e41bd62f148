/**
 * The part of the organ a primary malignancy is in, read from the tabular: the code (or a branch
 * above it) is the organ's "unspecified part" or "unspecified site" ("Malignant neoplasm of
 * unspecified part of right bronchus or lung", "... of breast of unspecified site", "... of colon,
 * unspecified") and its siblings name the parts (upper lobe, middle lobe, lower lobe, main bronchus;
 * the quadrants of the breast; the segments of the colon). The part changes the code and is known to
 * the physician treating a current cancer (imaging, biopsy, operative report), so a coder asks for it
 * when no statement of the record names one (guideline I.A.9: "unspecified" is for when the record
 * lacks the detail).
 *
 * Only primary malignancies of stated sites (C00-C75): an ill-defined, secondary or lymphoid
 * neoplasm (C76-C96) has no organ part to ask; a history of cancer is not asked (the caller asks only
 * about affirmed conditions).
 */
import type { CodingRun } from './coding-run.ts';
import { EntryKind, type Icd10Cm } from './icd10cm.ts';
import type { UnstatedAxis } from './unstated-axis.ts';
import { expandAbbreviations, tokenize } from './text.ts';

/** A primary malignant neoplasm of a stated site (chapter 2, C00-C75). */
const PRIMARY_OF_SITE = /^C([0-6]\d|7[0-5])/;
/** The title leaves the organ's part open. */
const PART_OPEN = /\bunspecified (parts?|sites?)\b|\bof unspecified site\b|^malignant neoplasm of [\w ,]+, unspecified$/i;
/** A sibling standing for no part: the catch-all or the classification's "not known". */
const NO_PART = /\b(unspecified|other)\b/i;
/** Written shorthand for the parts ("RUL mass", "UOQ"), as the words the titles use. */
const PART_SHORTHAND: ReadonlyArray<[RegExp, string]> = [
  [/\b[RL]UL\b/g, ' upper lobe '],
  [/\bRML\b/g, ' middle lobe '],
  [/\b[RL]LL\b/g, ' lower lobe '],
  [/\bUOQ\b/gi, ' upper outer quadrant '],
  [/\bUIQ\b/gi, ' upper inner quadrant '],
  [/\bLOQ\b/gi, ' lower outer quadrant '],
  [/\bLIQ\b/gi, ' lower inner quadrant '],
];

interface Part {
  code: string;
  description: string;
  /** The words naming the part (the sibling's title words the open entry does not have). */
  words: string[];
}

/** The part of the organ the record leaves open for a primary malignancy's code, if the tabular splits by it. */
export function partUnstated(run: CodingRun, code: string, record: readonly string[]): UnstatedAxis | undefined {
  if (!PRIMARY_OF_SITE.test(code)) return undefined;
  const icd = run.codeSets.icd;
  let index = icd.byCode.get(code);
  for (let depth = 0; index !== undefined && depth < 3; depth++) {
    const node = icd.entries[index];
    if (!node || node.parent < 0 || node.kind === EntryKind.Block) return undefined;
    // The side's level ("... of unspecified part of right bronchus or lung") has only the other
    // sides beside it: the parts are a level up.
    const parts = PART_OPEN.test(node.description) ? partsBeside(icd, index, run.allowed) : [];
    if (parts.length >= 2) {
      if (partStated(record, parts)) return undefined;
      return {
        aspect: 'site (part of the organ)',
        options: parts.map((p) => ({ label: p.description, refine: p.words.join(' ') })),
        codes: parts.map((p) => p.code),
        reason: `${code} is the unspecified part of an organ the classification codes by part (${parts.map((p) => p.code).join(', ')})`,
      };
    }
    index = node.parent;
  }
  return undefined;
}

/** The siblings of the open entry that name a part of the organ, each with the words naming it. */
function partsBeside(icd: Icd10Cm, index: number, allowed: (code: string) => boolean): Part[] {
  const node = icd.entries[index];
  if (!node) return [];
  const own = new Set(tokenize(node.description));
  const out: Part[] = [];
  for (const k of icd.children.get(node.parent) ?? []) {
    const e = icd.entries[k];
    if (!e || k === index || NO_PART.test(e.description)) continue;
    // A header's part is allowed when any code below it is (its own code is no billable code).
    if (e.kind === EntryKind.Billable && !allowed(e.code)) continue;
    const words = tokenize(e.description).filter((t) => !own.has(t));
    if (words.length > 0) out.push({ code: e.code, description: e.description, words });
  }
  return out;
}

/** A statement of the record names one of the parts (its words, in the titles' words or their shorthand). */
function partStated(record: readonly string[], parts: readonly Part[]): boolean {
  return record.some((s) => {
    const text = PART_SHORTHAND.reduce((t, [re, words]) => t.replace(re, words), s);
    const tokens = new Set(tokenize(expandAbbreviations(text)));
    return parts.some((p) => p.words.every((w) => tokens.has(w)));
  });
}
