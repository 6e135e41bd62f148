/**
 * The tabular's own wording: a diagnosis written as a billable code's title or as one of the
 * inclusion terms the tabular lists under it names that code, as a coder reading the tabular
 * would take it. The wording is compared without case, punctuation or word order, and with the
 * tabular's parenthesized and bracketed words optional ("Acute coronary (artery) (vein)
 * occlusion ...": nonessential modifiers); "NOS" and "NEC" stay words of their own, so a bare
 * "asthma" is not "Asthma NOS". A term listed under a 6-character leaf of a 7th-character family
 * ("Traumatic rupture of inferior mesenteric artery") names the leaf; its 7th character is the
 * encounter's (the phrase's own ", initial encounter ..." included). Wording shared by two codes names neither.
 */
import { EntryKind, isExtension, type Icd10Cm, type IndexedText } from './icd10cm.ts';
import { tokenize } from './text.ts';

/** Up to this many optional parenthesized groups, every combination of them is left out (2^n keys). */
const MAX_OPTIONAL_GROUPS = 4;
/** A 7th character's meaning written after the condition (", initial encounter for closed fracture"). */
const SEVENTH_CHARACTER_MEANING = /,\s*(initial encounter|subsequent encounter|sequela)\b.*$/i;
const OPTIONAL_GROUP = /\([^()]*\)|\[[^[\]]*\]/g;

/** The words of a text as a key: lower case, letters and digits only, sorted. */
function wordKey(text: string): string {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).sort().join(' ');
}

/** The keys a tabular text is known by: with every subset of its optional groups left out. */
function tabularKeys(text: string): string[] {
  const groups = text.match(OPTIONAL_GROUP) ?? [];
  if (groups.length === 0) return [wordKey(text)];
  if (groups.length > MAX_OPTIONAL_GROUPS) return [wordKey(text), wordKey(text.replace(OPTIONAL_GROUP, ' '))];
  const keys = new Set<string>();
  // mask 0 keeps every group: the whole wording comes first.
  for (let mask = 0; mask < 1 << groups.length; mask++) {
    let k = 0;
    keys.add(wordKey(text.replace(OPTIONAL_GROUP, (g) => ((mask >> k++) & 1 ? ' ' : g))));
  }
  return [...keys];
}

/**
 * A code that can stand on a claim as named (billable), or the leaf a 7th character completes. The
 * completed codes themselves are not indexed: their titles are the leaf's and the character's
 * meaning, read from the phrase as the encounter's 7th character.
 */
function codable(icd: Icd10Cm, index: number): boolean {
  const e = icd.entries[index];
  if (!e || e.kind === EntryKind.Chapter || e.kind === EntryKind.Block) return false;
  const kids = icd.children.get(index);
  if (e.kind === EntryKind.Billable) return !isExtension(icd.entries, e);
  const first = kids?.[0] === undefined ? undefined : icd.entries[kids[0]];
  return first !== undefined && isExtension(icd.entries, first);
}

/** The keys of one indexed text (whole wording first), computed on first use. */
const keysOfText = new WeakMap<IndexedText, string[]>();
function keysOf(text: IndexedText): string[] {
  let keys = keysOfText.get(text);
  if (!keys) {
    keys = tabularKeys(text.text);
    keysOfText.set(text, keys);
  }
  return keys;
}

/** The title or an inclusion term of its entry (not an "Includes" note, which the search also indexes). */
function isWording(icd: Icd10Cm, text: IndexedText): boolean {
  const e = icd.entries[text.entry];
  return e !== undefined && (e.description === text.text || (icd.notes[e.code]?.inc ?? []).includes(text.text));
}

/**
 * The entry a documented phrase names in the tabular's own wording (a billable code, or a leaf
 * that a 7th character completes), if exactly one. A trailing parenthesized remark of the record
 * ("(HCC)") is read without it too.
 */
export function tabularWordingEntry(icd: Icd10Cm, phrase: string): number | undefined {
  return namedEntry(icd, phrase, (i) => codable(icd, i));
}

/**
 * The category (a header whose codes add an axis such as side, trimester or remission) a phrase
 * names in the tabular's own wording: its title or an inclusion term listed under it ("Kahler's
 * disease" under C90.0). The code is one of that category's; which one is the search's to choose.
 */
export function tabularWordingCategory(icd: Icd10Cm, phrase: string): string | undefined {
  const i = namedEntry(icd, phrase, (k) => icd.entries[k]?.kind === EntryKind.Header && !codable(icd, k));
  return i === undefined ? undefined : icd.entries[i]?.code;
}

/**
 * The one entry of the kind wanted whose wording the phrase is. The candidates are the texts
 * holding the phrase's rarest word (the search's inverted index), so nothing is built for it.
 */
function namedEntry(icd: Icd10Cm, phrase: string, wanted: (entry: number) => boolean): number | undefined {
  const condition = phrase.replace(SEVENTH_CHARACTER_MEANING, '');
  const keys = [...new Set([wordKey(condition), wordKey(condition.replace(OPTIONAL_GROUP, ' '))])];
  // Every text a key matches holds the words outside the phrase's own parentheses.
  let anchor: number[] | undefined;
  for (const t of tokenize(condition.replace(OPTIONAL_GROUP, ' '))) {
    const list = icd.postings.get(t);
    if (!list) return undefined;
    if (!anchor || list.length < anchor.length) anchor = list;
  }
  if (!anchor) return undefined;
  const whole = new Set<number>();
  const shortened = new Set<number>();
  for (const ti of anchor) {
    const text = icd.texts[ti];
    if (!text) continue;
    const [first, ...rest] = keysOf(text);
    const kind = keys.includes(first ?? '') ? whole : rest.some((k) => keys.includes(k)) ? shortened : undefined;
    if (kind && isWording(icd, text)) kind.add(text.entry);
  }
  // Wording shared with an entry of another kind (a code and a category) names neither.
  const named = whole.size > 0 ? whole : shortened;
  const only = named.size === 1 ? [...named][0] : undefined;
  return only !== undefined && wanted(only) ? only : undefined;
}
