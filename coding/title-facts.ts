/**
 * What the search's scorer needs of one tabular text (a code's title or an inclusion term), read
 * from its wording alone: its words, the side it names, the words it rules out ("without aura") and
 * its core words. The scorer reads thousands of texts per search, so each wording is read once per
 * code set: keyed by the wording, held by the code set (dropped when a reloaded code set replaces it).
 */
import { coreOf, isExtension, negatedOf, type Icd10Cm, type IndexedText } from './icd10cm.ts';
import { derivedOnce } from './memo.ts';
import { expandAbbreviations, lateralityOf, tokenize, type Laterality } from './text.ts';

export interface TitleFacts {
  words: ReadonlySet<string>;
  side: Laterality | undefined;
  /** Words the title rules out (negatedOf). */
  ruledOut: ReadonlySet<string>;
  /** Core words (coreOf), and the same without "displaced" (the default a fracture takes). */
  core: readonly string[];
  coreWithoutDisplaced: readonly string[];
  /** The title names displacement ("displaced", "nondisplaced"). */
  namesDisplacement: boolean;
  /** The title is an "other ..." code's. */
  namesOther: boolean;
  /** The title is for a site's unspecified part ("of skin of unspecified parts of face"). */
  namesUnspecifiedPart: boolean;
  /** The title is for the other parts of a region ("of skin of other part of trunk"). */
  namesOtherPart: boolean;
  /**
   * A title that names a carcinoma by its histology ("Basal cell carcinoma of skin of nose"): the
   * histology's words, before "carcinoma". Not a carcinoma in situ (the neoplasm table's own column).
   */
  histology?: readonly string[];
}

/** "<histology> carcinoma" at the head of a title, not in situ. */
const HISTOLOGY_TITLE = /^([a-z][a-z\s-]*?)\s+carcinoma\b(?!\s+in\s+situ)/i;
const IN_SITU_TITLE = /^carcinoma in situ\b/i;

/**
 * The words a record must name for a title's "carcinoma" to be its malignant neoplasm: the histology
 * before it ("Basal cell carcinoma of skin": basal, cell), or "in situ" for a carcinoma in situ.
 */
function histologyOf(wording: string): readonly string[] | undefined {
  if (IN_SITU_TITLE.test(wording)) return tokenize('in situ');
  const at = HISTOLOGY_TITLE.exec(wording);
  const words = at ? tokenize(at[1] ?? '') : [];
  return words.length > 0 ? words : undefined;
}

const byWording = new WeakMap<Icd10Cm, Map<string, TitleFacts>>();

/**
 * The facts of a wording (a title or inclusion term of this code set). `tokens`: the wording's
 * distinct tokens when the caller has them already (an indexed text's, read when the code set loaded).
 */
export function titleFacts(icd: Icd10Cm, wording: string, tokens?: readonly string[]): TitleFacts {
  return derivedOnce(byWording, icd, wording, () => {
    const text: IndexedText = { entry: -1, text: wording, tokens: tokens ? [...tokens] : [...new Set(tokenize(wording))] };
    const words = new Set(text.tokens);
    const core = coreOf(text);
    const histology = histologyOf(wording);
    return {
      ...(histology ? { histology } : {}),
      words,
      side: lateralityOf(text.tokens),
      ruledOut: negatedOf(text),
      core,
      coreWithoutDisplaced: core.filter((t) => t !== 'displaced'),
      namesDisplacement: words.has('displaced') || words.has('nondisplaced'),
      namesOther: words.has('other'),
      namesUnspecifiedPart: /\bunspecified parts? of\b/i.test(wording),
      namesOtherPart: /\bother parts? of\b/i.test(wording),
    };
  });
}

const byIndex = new WeakMap<Icd10Cm, Array<TitleFacts | undefined>>();

/** The facts of one of the code set's indexed texts, by its index in `icd.texts`. */
export function indexedTitleFacts(icd: Icd10Cm, ti: number): TitleFacts {
  let facts = byIndex.get(icd);
  if (!facts) byIndex.set(icd, (facts = new Array<TitleFacts | undefined>(icd.texts.length)));
  const text = icd.texts[ti];
  return (facts[ti] ??= titleFacts(icd, text?.text ?? '', text?.tokens));
}

const ruledOutByEntry = new WeakMap<Icd10Cm, Array<ReadonlySet<string> | undefined>>();

/** The words an entry's own title rules out (negatedOf of its description), read once per entry. */
export function titleRuledOut(icd: Icd10Cm, entry: number): ReadonlySet<string> {
  let byEntry = ruledOutByEntry.get(icd);
  if (!byEntry) ruledOutByEntry.set(icd, (byEntry = new Array<ReadonlySet<string> | undefined>(icd.entries.length)));
  return (byEntry[entry] ??= negatedOf({ entry, text: icd.entries[entry]?.description ?? '', tokens: [] }));
}

const textsByEntry = new WeakMap<Icd10Cm, ReadonlyArray<readonly number[]>>();

/** The indexes in `icd.texts` of one entry's title and inclusion terms (the index built once per code set). */
export function textsOfEntry(icd: Icd10Cm, entry: number): readonly number[] {
  let index = textsByEntry.get(icd);
  if (!index) {
    const built: number[][] = icd.entries.map(() => []);
    icd.texts.forEach((t, ti) => built[t.entry]?.push(ti));
    textsByEntry.set(icd, (index = built));
  }
  return index[entry] ?? [];
}

/** The words of a code's title and inclusion terms, abbreviations expanded (none for a code not in the set). */
export function wordsOfCode(icd: Icd10Cm, code: string): Set<string> {
  const index = icd.byCode.get(code);
  if (index === undefined) return new Set();
  const texts = textsOfEntry(icd, index).map((ti) => icd.texts[ti]?.text ?? '');
  return new Set(tokenize(expandAbbreviations([icd.entries[index]?.description ?? '', ...texts].join(' '))));
}

/** Title words that say which member of a family a code is, not what the condition is. */
const MEMBER_WORDS = new Set(tokenize('unspecified other specified'));

const conditionWordsByEntry = new WeakMap<Icd10Cm, Array<ReadonlySet<string> | undefined>>();

/**
 * The words of an entry's title that say what the condition is: without its parenthesised
 * non-essential modifiers ("Unspecified systolic (congestive) heart failure") and member words.
 * Read once per entry: a block's titles are compared with each unspecified code of the block.
 */
export function titleConditionWords(icd: Icd10Cm, entry: number): ReadonlySet<string> {
  let byEntry = conditionWordsByEntry.get(icd);
  if (!byEntry) conditionWordsByEntry.set(icd, (byEntry = new Array<ReadonlySet<string> | undefined>(icd.entries.length)));
  return (byEntry[entry] ??= new Set(conditionWordsIn(icd.entries[entry]?.description ?? '')));
}

/** The words of a title without its parenthesised modifiers and member words. */
function conditionWordsIn(title: string): string[] {
  return tokenize(title.replace(/\([^)]*\)/g, ' ')).filter((t) => !MEMBER_WORDS.has(t));
}

const suffixWords = new WeakMap<Icd10Cm, Map<string, ReadonlySet<string>>>();

/**
 * An entry's titleConditionWords as sets whose union they are, without reading its title whole when
 * it is a 7th-character code's: its parent's title and a suffix (", initial encounter", ", sequela"),
 * so its words are the parent's, read once per parent, and the suffix's, read once per suffix (a few
 * dozen over the code set). An injury block has thousands of such codes. The union is the words of
 * the title read whole when the suffix has no parenthesis for the modifiers' removal to reach across
 * and begins with a word of two letters or more (tokenize reads a single letter after "hepatitis" or
 * "vitamin" as a word of the diagnosis); any other title is read whole.
 */
export function titleConditionParts(icd: Icd10Cm, entry: number): ReadonlyArray<ReadonlySet<string>> {
  const e = icd.entries[entry];
  const parent = e && icd.entries[e.parent];
  if (e && parent && isExtension(icd.entries, e)) {
    const suffix = e.description.slice(parent.description.length + 2);
    if (!/[()]/.test(suffix) && /^[a-z]{2}/i.test(suffix))
      return [titleConditionWords(icd, e.parent), derivedOnce(suffixWords, icd, suffix, () => new Set(conditionWordsIn(suffix)))];
  }
  return [titleConditionWords(icd, entry)];
}
