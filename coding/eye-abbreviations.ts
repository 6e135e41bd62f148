/**
 * Abbreviations of eye care, written out as the tabular names them: the eye by its Latin initials
 * (OD right eye, OS left eye, OU both eyes) and diabetic retinopathy by its grades (NPDR, PDR) and
 * its macular edema (DME, CSME). The eye initials are read only in a text about the eye: "OD" is
 * also an overdose and "once daily", "OS" an operating system.
 */

import type { ExpansionScope, ScopedExpansion } from './expansion-scope.ts';

/** Words that put a text in the eye (a structure, a disease of it, or its examination). */
const EYE_CONTEXT = String.raw`eyes?|ocular|retin\w*|macul\w*|cataracts?|glaucoma|npdr|pdr|dme|csme|conjunctiv\w*|cornea\w*|uveitis|iritis|blephar\w*|chalaz\w*|hordeol\w*|pterygium|vitre\w*|lens|iol|pseudophak\w*|aphak\w*|visual|vision|iop|eyelids?|lids?|keratitis|keratoconus|strabismus|amblyopia|diplopia|styes?|sclera|scleritis|episcleritis|optic|papilledema|drusen|amd|armd|fundus|intravitreal|anti-vegf|nuclear sclerosis|myopia|presbyopia|hyperopia|astigmatism`;

/** A text that names the eye somewhere (before or after the initial). */
const ABOUT_THE_EYE: ExpansionScope = { when: new RegExp(String.raw`\b(?:${EYE_CONTEXT})\b`) };

/** Lower-case, whole-word eye abbreviations and what they stand for (applied before the general table of text.ts). */
export const EYE_ABBREVIATIONS: readonly ScopedExpansion[] = [
  [/\bnpdr\b/g, 'nonproliferative diabetic retinopathy'],
  [/\bpdr\b/g, 'proliferative diabetic retinopathy'],
  [/\b(?:dme|csme|dmo)\b/g, 'macular edema'],
  [/\bod\b/g, 'right eye', ABOUT_THE_EYE],
  [/\bos\b/g, 'left eye', ABOUT_THE_EYE],
  [/\bou\b/g, 'bilateral', ABOUT_THE_EYE],
];
