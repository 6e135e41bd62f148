/**
 * Bursae named by their own names where the classification files their bursitis under the joint:
 * the subacromial and subdeltoid bursae are the shoulder's, and their bursitis is "bursitis of
 * shoulder" (M75.5-; the tabular has no title with either word, so a word search finds only
 * unspecified bursitis, M71.9). Bursae the tabular titles by name (olecranon, prepatellar,
 * trochanteric) need nothing here. Applied before the general table of text.ts, on lower-case text.
 */
import type { ScopedExpansion } from './expansion-scope.ts';

export const BURSA_WORDS: readonly ScopedExpansion[] = [
  [/\b(?:subacromial|subdeltoid|subacromial[- ]subdeltoid)\s+bursitis\b/g, 'bursitis of shoulder'],
  [/\bbursitis\s+(?:of\s+)?(?:the\s+)?(?:subacromial|subdeltoid)(?:\s+bursa)?\b/g, 'bursitis of shoulder'],
];
