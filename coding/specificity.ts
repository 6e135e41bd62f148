/**
 * Conditions whose type or stage the record must state: when it does not, the default code is used
 * and the physician is asked. Each rule offers the clinically meaningful choices.
 */
import type { QueryOption } from './query.ts';

export interface SpecificityRule {
  /** The documentation mentions the condition... */
  mentions: RegExp;
  /** ...but not any of these details. */
  unlessAlso: RegExp;
  /** The detail itself, as words to add to the condition when another statement of the record documents it. */
  detail: RegExp;
  aspect: string;
  options: QueryOption[];
  /** What the classification assumes when the detail is missing (ICD-10-CM index defaults). */
  defaultRefine?: string;
}

export const SPECIFICITY_RULES: SpecificityRule[] = [
  {
    mentions: /\bdiabet/i,
    unlessAlso: /\btype\s*(1|2|i|ii|one|two)\b|gestational|insipidus|pre-?diabet|due to|induced|secondary|steroid|post-?pancreatectomy|neonatal|mody/i,
    detail: /\btype\s*(1|2|i|ii|one|two)\b|gestational|insipidus|pre-?diabet\w*|(steroid|drug|chemical)[- ]induced|post-?pancreatectomy|neonatal|mody/i,
    aspect: 'type of diabetes mellitus',
    defaultRefine: 'type 2 diabetes mellitus',
    options: [
      { label: 'Type 1 diabetes mellitus', refine: 'type 1 diabetes mellitus' },
      { label: 'Type 2 diabetes mellitus', refine: 'type 2 diabetes mellitus' },
      { label: 'Diabetes mellitus due to an underlying condition', refine: 'diabetes mellitus due to underlying condition' },
      { label: 'Drug or chemical induced diabetes mellitus', refine: 'drug or chemical induced diabetes mellitus' },
    ],
  },
  {
    mentions: /\b(chronic kidney disease|ckd)\b/i,
    unlessAlso: /\bstage\b|end stage|esrd|\bg[1-5]a?\b/i,
    detail: /\bstage\s*(1|2|3a|3b|3|4|5|i{1,3}|iv|v)\b|\bend stage renal disease\b|\bend stage\b|\besrd\b|\bg[1-5]a?\b/i,
    aspect: 'stage of the chronic kidney disease',
    options: [
      { label: 'Stage 1', refine: 'stage 1' },
      { label: 'Stage 2', refine: 'stage 2' },
      { label: 'Stage 3a', refine: 'stage 3a' },
      { label: 'Stage 3b', refine: 'stage 3b' },
      { label: 'Stage 4', refine: 'stage 4' },
      { label: 'Stage 5', refine: 'stage 5' },
      { label: 'End stage renal disease', refine: 'end stage renal disease' },
    ],
  },
];
