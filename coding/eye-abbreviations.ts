/**
 * Abbreviations of eye care, written out as the tabular names them: the eye by its Latin initials
 * (OD right eye, OS left eye, OU both eyes) and diabetic retinopathy by its grades (NPDR, PDR) and
 * its macular edema (DME, CSME). The eye initials are read only in a text about the eye: "OD" is
 * also an overdose and "once daily", "OS" an operating system.
 */

import type { ExpansionScope, ScopedExpansion } from './expansion-scope.ts';
import type { Laterality } from './text.ts';

/** Words that put a text in the eye (a structure, a disease of it, or its examination). */
const EYE_CONTEXT = String.raw`eyes?|ocular|retin\w*|macul\w*|cataracts?|glaucoma|npdr|pdr|dme|csme|conjunctiv\w*|cornea\w*|uveitis|iritis|blephar\w*|chalaz\w*|hordeol\w*|pterygium|vitre\w*|lens|iol|pseudophak\w*|aphak\w*|visual|vision|iop|eyelids?|lids?|keratitis|keratoconus|strabismus|amblyopia|diplopia|styes?|sclera|scleritis|episcleritis|optic|papilledema|drusen|amd|armd|fundus|intravitreal|anti-vegf|nuclear sclerosis|myopia|presbyopia|hyperopia|astigmatism`;

/** A text that names the eye somewhere (before or after the initial). */
const ABOUT_THE_EYE: ExpansionScope = { when: new RegExp(String.raw`\b(?:${EYE_CONTEXT})\b`) };

/** The eye by its Latin initials (oculus dexter, sinister, uterque): the side, and the words the text is expanded to. */
const EYE_INITIALS: ReadonlyArray<{ initials: string; side: Laterality; written: string }> = [
  { initials: 'od', side: 'right', written: 'right eye' },
  { initials: 'os', side: 'left', written: 'left eye' },
  { initials: 'ou', side: 'bilateral', written: 'bilateral' },
];

/** Lower-case, whole-word eye abbreviations and what they stand for (applied before the general table of text.ts). */
export const EYE_ABBREVIATIONS: readonly ScopedExpansion[] = [
  [/\bnpdr\b/g, 'nonproliferative diabetic retinopathy'],
  [/\bpdr\b/g, 'proliferative diabetic retinopathy'],
  [/\b(?:dme|csme|dmo)\b/g, 'macular edema'],
  ...EYE_INITIALS.map(({ initials, written }): ScopedExpansion => [new RegExp(String.raw`\b${initials}\b`, 'g'), written, ABOUT_THE_EYE]),
];

/** The initials as a record writes them, capitalised ("OD"): read as the eye's side in any text. */
const CAPITALISED_INITIALS = EYE_INITIALS.map(
  ({ initials, side }) => [new RegExp(String.raw`\b${initials.toUpperCase()}\b`), side] as const,
);

/** The side a text names by the eye's initials written capitalised ("cataract OD"), if one (the first of OD, OS, OU it names). */
export function eyeSideByInitials(original: string): Laterality | undefined {
  return CAPITALISED_INITIALS.find(([re]) => re.test(original))?.[1];
}
