/**
 * Body parts as clinicians write them, in the words the classification files them under (applied
 * before the general table of text.ts, on lower-case text):
 * - the face's parts the tabular has no title for: an injury of the forehead, chin or temple is of
 *   "other part of head" (index: Laceration, forehead S01.81-); the eyebrow is periocular (S01.1-);
 * - the lung's lobes by their initials ("RLL", "LUL", "lingula"): a finding of a lobe is of the lung;
 * - a lobe in a text about the thyroid or the liver: that organ's, not the lung's;
 * - the metatarsals and metacarpals by number ("5th MT"): the tabular counts in words (fifth);
 * - a wrist fracture naming no bone: the index's "Fracture, wrist" is an unspecified carpal bone (S62.10-);
 * - the scaphoid with no foot named: the wrist's (S62.0-);
 * - the cornea by its adjective beside a foreign body: the index's "Foreign body, cornea T15.0-"
 *   files it under the noun ("Foreign body in cornea"), an injury of Chapter 19, where "corneal
 *   foreign body" would otherwise find the symptom that shares its other words ("Foreign body
 *   sensation", H57.8A-).
 */

import type { ExpansionScope, ScopedExpansion } from './expansion-scope.ts';

/** Injury words a face part written beside them is the site of. */
const INJURY = String.raw`lac\w*|abrasions?|contusions?|wounds?|punctures?|bites?|avulsions?|bruis\w*|hematoma|foreign body`;
/** A clause naming an injury (the face part beside it, in either order, is the injury's site). */
const INJURY_CLAUSE: ExpansionScope = { when: new RegExp(String.raw`\b(?:${INJURY})\b`), within: 'clause' };

/** A clause naming a foreign body (an adjective of the eye's part beside it is the injury's site). */
const FOREIGN_BODY_CLAUSE: ExpansionScope = { when: /\bforeign bod(?:y|ies)\b/, within: 'clause' };

/** Words of a tumour, whose code is by lobe (C34.1- upper lobe, C34.3- lower lobe). */
const NEOPLASM = String.raw`cancer|carcinoma|malignan\w*|neoplasm|tumou?r|adenocarcinoma|nsclc|sclc|mass|lesion|metasta\w*`;
/** A text naming a tumour somewhere (before or after the lobe). */
const ABOUT_A_TUMOUR: ExpansionScope = { when: new RegExp(String.raw`\b(?:${NEOPLASM})\b`) };

/**
 * A lobe by its initials: of the lung, by lobe for a tumour (its codes are by lobe), else the lung
 * alone, "pulmonary" (a nodule, an infiltrate or a pneumonia of a lobe is coded as of the lung, with no side).
 */
const lobe = (initials: string, name: string): ScopedExpansion[] => [
  [new RegExp(String.raw`\b${initials}\b`, 'g'), `${name} of lung`, ABOUT_A_TUMOUR],
  [new RegExp(String.raw`\b${initials}\b`, 'g'), 'pulmonary'],
];

/** The bones of the wrist and forearm by name: a wrist fracture naming one is of that bone. */
const WRIST_BONES = String.raw`radius|radial|ulna|ulnar|scaphoid|navicular|lunate|triquetr\w*|pisiform|trapezium|trapezoid|capitate|hamate|colles'?|smith'?s?|barton'?s?|styloid`;
/** A text naming no bone of the wrist or forearm anywhere. */
const NO_WRIST_BONE: ExpansionScope = { unless: new RegExp(String.raw`\b(?:${WRIST_BONES})\b`) };
/** A text that names no part of the foot (the scaphoid is then the wrist's). */
const NO_FOOT: ExpansionScope = { unless: /\b(?:foot|feet|tarsal|midfoot|ankle)\b/ };

/**
 * A text about the thyroid or the liver: a lobe named there is that organ's (their codes have no
 * lobe and no side), never the lung's ("papillary thyroid carcinoma, right lobe" is C73, not C34.11).
 */
const ABOUT_THYROID_OR_LIVER: ExpansionScope = { when: /\b(?:thyroid|liver|hepatic)\b/ };

/** Lower-case, whole-word body-part wordings and what they stand for. */
export const ANATOMY_WORDS: readonly ScopedExpansion[] = [
  [/\blacs?\b/g, 'laceration'],
  [/\b(?:forehead|chin|temple)\b/g, 'other part of head', INJURY_CLAUSE],
  [/\b(?:eyebrows?|brow)\b/g, 'periocular area', INJURY_CLAUSE],
  [/\bcorneal\b/g, 'cornea', FOREIGN_BODY_CLAUSE],
  [/\b(?:(?:right|left|[rl])\s+)?(?:(?:upper|lower|middle|caudate|quadrate)\s+)?lobes?\b/g, '', ABOUT_THYROID_OR_LIVER],
  ...lobe('rll', 'right lower lobe'),
  ...lobe('rml', 'right middle lobe'),
  ...lobe('rul', 'right upper lobe'),
  ...lobe('lll', 'left lower lobe'),
  ...lobe('lul', 'left upper lobe'),
  ...lobe('lingula(?:r)?', 'lingula'),
  // The scaphoid with no foot named is the wrist's (index: Fracture, scaphoid (hand) S62.00-; the
  // foot's navicular is "navicular [scaphoid] of foot", S92.25-).
  [/\bscaphoid\b/g, 'scaphoid wrist', NO_FOOT],
  [/\b1st\b/g, 'first'],
  [/\b2nd\b/g, 'second'],
  [/\b3rd\b/g, 'third'],
  [/\b4th\b/g, 'fourth'],
  [/\b5th\b/g, 'fifth'],
  [/(?<=\b(?:first|second|third|fourth|fifth)\s+)mts?\b/g, 'metatarsal'],
  [/(?<=\b(?:first|second|third|fourth|fifth)\s+)mcs?\b/g, 'metacarpal'],
  [
    /\bwrist\b(?=\s+(?:fracture|fx)\b)|(?<=\b(?:fracture|fx)\s+(?:of\s+)?(?:the\s+)?(?:left\s+|right\s+|[lr]\s+)?)wrist\b/g,
    'wrist carpal bone',
    NO_WRIST_BONE,
  ],
];
