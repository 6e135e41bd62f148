/**
 * An acute condition stated on a chronic one ("acute kidney injury on chronic kidney disease", "AKI
 * on CKD 3a"): two conditions, each with its own words. ICD-10-CM codes both when the classification
 * has separate codes for them (guideline I.B.8, acute and chronic conditions), and a combination code
 * when it has one (acute and chronic respiratory failure, J96.2-). A code search over the whole line
 * finds the condition whose words dominate, and the other keeps only the words the two do not share
 * ("acute ... failure" without "kidney"), which name nothing: each part is searched with its own words.
 *
 * Not split: "acute on chronic" with no condition of its own before "on" (one condition in
 * exacerbation: "acute on chronic systolic heart failure"); "on" of a treatment ("CKD on dialysis",
 * "AF on warfarin"), which has no acute condition before it and no chronic one after.
 */
import { expandAbbreviations } from './text.ts';

/** "A on B": A names an acute condition (more than the word acute), B a chronic one. */
const ACUTE_ON_CHRONIC = /^(.*\bacute\b.*?)\s+on\s+((?:.*\s)?chronic\b.*)$/i;

/** The acute part and the chronic part of a statement of an acute condition on a chronic one. */
export function acuteOnChronicParts(text: string): [string, string] | undefined {
  const match = ACUTE_ON_CHRONIC.exec(expandAbbreviations(text).replace(/\s+/g, ' ').trim());
  if (!match) return undefined;
  const [, acute = '', chronic = ''] = match;
  // The acute part must name something besides its acuity ("acute on chronic X" is one condition).
  if (
    acute
      .replace(/\bacute(ly)?\b/gi, ' ')
      .trim()
      .split(/\s+/)
      .filter((w) => w.length > 2).length === 0
  )
    return undefined;
  if (chronic.replace(/\bchronic\b/gi, ' ').trim() === '') return undefined;
  return [acute.trim(), chronic.trim()];
}
