/**
 * Findings by site, as the Alphabetic Index codes them (issue 10: wrong code families from a word
 * match). "Mass", "lump", "nodule" and "lesion" name what was found, not a disease: the index sends
 * each by its site to a finding or to the organ's own "other specified disorder" code, never to a
 * neoplasm ("Mass" has no "see Neoplasm"; a neoplasm code needs a neoplasm, ranking.ts) and never
 * to a disease whose title happens to share the word (a rheumatoid nodule, late skin lesions of pinta,
 * a lesion of the ulnar nerve, fibroadenosis of the breast, echinococcosis of the liver):
 *
 *   Mass/Lump/Nodule, breast            N63.- (unspecified lump in breast, by side and quadrant)
 *   Nodule, lung (pulmonary), solitary  R91.1; multiple R91.8
 *   Mass, lung                          R91.8 (the tabular's inclusion term "lung mass NOS")
 *   Lesion, lung                        J98.4
 *   Lesion, skin                        L98.9
 *   Mass/Lump/Nodule, skin, subcutaneous R22.- (localized swelling, mass and lump, by site)
 *   Lesion/Mass, liver                  K76.89
 *   Lesion/Mass, kidney                 N28.89
 *   Ulcer, lower limb (toe, foot, heel, ankle, leg, calf, thigh) L97.-, non-pressure chronic; a
 *   pressure, varicose, venous, stasis, arterial or diabetic ulcer is its own entry.
 *
 * Written by hand from the index's entries: no package on the reachable registries carries the
 * Alphabetic Index (the PyPI packages with ICD-10-CM data ship the tabular only, or fetch CMS files
 * at run time). Each rewrite puts the tabular's own words for the finding in place of the record's,
 * keeping the side; the search then finds the code by its title.
 */
import type { ExpansionScope } from './expansion-scope.ts';

/** A side written before a site, in full or short ("left", "L", "rt"). */
const SIDE = String.raw`(?:(?:right|left|bilateral|r|l|rt|lt)\.?\s+)?`;
const LOWER_LIMB_SITE = String.raw`(?:(?:great|big|little|second|third|fourth|fifth)\s+)?(?:toes?|foot|feet|heels?|ankles?|legs?|calf|calves|shins?|thighs?|malleol\w*|metatarsal\w*|hallux|plantar\s+foot|sole)`;
/** Body surfaces a skin finding is written on. */
const SKIN_SITE = String.raw`forearms?|arms?|hands?|fingers?|legs?|thighs?|calf|calves|shins?|feet|foot|back|chest|face|scalp|neck|shoulders?|abdomen|trunk|nose|cheeks?|ears?|forehead|knees?|elbows?|wrists?|ankles?|buttocks?|lips?|chin|temple|flank`;
/** An ulcer the index codes elsewhere than the non-pressure chronic ulcer of the limb. */
const OTHER_ULCER = String.raw`diabetes|diabetes mellitus|pressure|decubitus|bed\s*sores?|varicose|venous|stasis|arterial|ischemic|ischaemic|diabetic|neuropathic|non-?pressure|corneal|peptic|gastric|duodenal|aphthous|mouth|oral`;

/** "lung nodule", "nodule in the left lung", "pulmonary nodule, right": the site before or after the word. */
function siteFinding(site: string, finding: string): RegExp {
  return new RegExp(
    String.raw`\b(${SIDE})(?:${site})\s+(?:${finding})\b|\b(?:${finding})\s+(?:of|in|on|at)\s+(?:the\s+)?(${SIDE})(?:${site})\b`,
    'g',
  );
}

const side = (a?: string, b?: string) => `${(a ?? '').trim() || (b ?? '').trim()}`;

type Rewrite = [RegExp, string | ((match: string, ...groups: string[]) => string), ExpansionScope?];

export const FINDING_INDEX: readonly Rewrite[] = [
  // Nodule, lung: solitary R91.1, multiple R91.8.
  [
    /\b(?:multiple|several|numerous|bilateral|scattered)\s+(?:(?:small|tiny|subcentimeter|pulmonary|lung)\s+)*(?:pulmonary|lung)\s+nodules\b|\b(?:pulmonary|lung)\s+nodules\b/g,
    'other nonspecific abnormal finding of lung field',
  ],
  [siteFinding('lung|pulmonary', 'nodule'), (_m, a, b) => `${side(a, b)} solitary pulmonary nodule`],
  [siteFinding('lung|pulmonary', 'lesion'), (_m, a, b) => `${side(a, b)} other disorders of lung`],
  // Mass, lung R91.8, whichever lobe holds it (the lobe is no axis of the finding's code).
  [
    /\b(?:(?:right|left|r|l)\s+)?(?:(?:upper|middle|lower)\s+lobe\s+|r[ul]l\s+|rml\s+|l[ul]l\s+)?(?:lung|pulmonary)\s+mass(?:es)?(?:[,\s]+(?:in\s+|of\s+)?(?:the\s+)?(?:(?:right|left)\s+)?(?:upper|middle|lower)\s+lobe)?\b|\bmass(?:es)?\s+(?:in|of)\s+(?:the\s+)?(?:(?:right|left)\s+)?(?:(?:upper|middle|lower)\s+lobe|lung)\b/g,
    'lung mass other nonspecific abnormal finding of lung field',
  ],
  // Mass, lump, nodule of the breast: the unspecified lump in the breast (N63.-), by side.
  [siteFinding('breasts?', 'mass|masses|lump|lumps|nodule|nodules'), (_m, a, b) => `unspecified lump in the ${side(a, b)} breast`],
  // Lesion, skin L98.9; a mass, lump or nodule of the skin is the localized swelling, mass and lump (R22.-).
  // L98.9 has no site: the site written with the lesion is not searched (it would find a site's ulcer).
  [
    new RegExp(
      String.raw`\b(?:(?:right|left|r|l)\s+)?(?:(?:${SKIN_SITE})\s+)?(?:skin|cutaneous)\s+lesions?\b(?:\s*,?\s*(?:of|on|over|at)?\s*(?:the\s+)?(?:(?:right|left|r|l)\.?\s+)?(?:(?:upper|lower|mid|central)\s+)?(?:${SKIN_SITE})\b)?|\blesions?\s+(?:of|on)\s+(?:the\s+)?skin\b`,
      'g',
    ),
    'disorder of the skin and subcutaneous tissue',
  ],
  [/\b(?:skin|cutaneous|subcutaneous|soft tissue)\s+(?:mass|masses|lump|lumps|nodule|nodules)\b/g, 'localized swelling, mass and lump'],
  // Lesion or mass of the liver K76.89; of the kidney N28.89.
  [siteFinding('liver|hepatic', 'lesion|lesions|mass|masses'), 'other specified diseases of liver'],
  [siteFinding('kidney|renal', 'lesion|lesions|mass|masses'), (_m, a, b) => `${side(a, b)} other specified disorders of kidney and ureter`],
  // Ulcer, lower limb: the non-pressure chronic ulcer (L97.-) unless the record names another kind.
  [
    new RegExp(
      String.raw`(?<!\b(?:${OTHER_ULCER})[\s-]+(?:\w+\s+){0,3})\b(?:(${SIDE}${LOWER_LIMB_SITE})\s+ulcers?|ulcers?\s+(?:of|on|at)\s+(?:the\s+)?(${SIDE}${LOWER_LIMB_SITE}))\b`,
      'g',
    ),
    (_m, a, b) => `non-pressure chronic ulcer of ${side(a, b)}`,
    // Nor in a phrase (to the next comma) that names another kind ("left heel ulcer due to pressure").
    { unless: new RegExp(String.raw`\b(?:${OTHER_ULCER})\b`), within: 'phrase' },
  ],
];
