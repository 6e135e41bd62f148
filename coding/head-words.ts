/**
 * Which words name a condition and which say where it is, learnt from the tabular's own titles.
 *
 * A tabular title puts the condition first and its site after "of", "in", "to", "at" or "on"
 * ("Endometriosis of the sigmoid colon", "Pain in left arm", "Diverticulitis of large intestine").
 * A word the titles put almost only after that preposition is a site or modifier word (sigmoid,
 * arm, shoulder, toe, joint); a word they put before it is a condition's noun (endometriosis, pain,
 * diverticulitis, hematuria). A documented phrase's condition words are then the ones a code must
 * explain to be the same condition: a code that shares only the site ("sigmoid") is a word match.
 */
import type { Icd10Cm } from './icd10cm.ts';
import { stem } from './text.ts';

/** Share of a word's title uses after the site preposition above which it is a site word. */
const SITE_SHARE = 0.85;
/** Fewer title uses than this say nothing about a word. */
const MIN_USES = 10;

const SITE_PREPOSITION = /\b(?:of|in|to|at|on)\b/i;

const siteWordsByIcd = new WeakMap<Icd10Cm, ReadonlySet<string>>();

/** The tabular's site and modifier words (stemmed tokens), computed once per code set. */
export function tabularSiteWords(icd: Icd10Cm): ReadonlySet<string> {
  let words = siteWordsByIcd.get(icd);
  if (words) return words;
  const head = new Map<string, number>();
  const complement = new Map<string, number>();
  // Plain words, stemmed as the index stems them (not through the phrase cache: 100,000 titles).
  const count = (map: Map<string, number>, text: string) => {
    for (const t of new Set(text.toLowerCase().split(/[^a-z0-9]+/))) if (t) map.set(stem(t), (map.get(stem(t)) ?? 0) + 1);
  };
  for (const { text } of icd.texts) {
    // The title's first clause, without its non-essential modifiers: "Pain in left arm".
    const clause = text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').split(',')[0] ?? '';
    const at = SITE_PREPOSITION.exec(clause);
    if (!at) {
      count(head, clause);
      continue;
    }
    count(head, clause.slice(0, at.index));
    count(complement, clause.slice(at.index + at[0].length));
  }
  const sites = new Set<string>();
  for (const [t, after] of complement) {
    const before = head.get(t) ?? 0;
    if (after + before >= MIN_USES && after / (after + before) >= SITE_SHARE) sites.add(t);
  }
  words = sites;
  siteWordsByIcd.set(icd, words);
  return words;
}
