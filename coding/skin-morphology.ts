/**
 * Carcinomas the classification sends to the skin by their morphology (the Alphabetic Index and the
 * Neoplasm Table's note), as words added before the search:
 * - Carcinoma, basal cell - see Neoplasm, skin, malignant: a basal cell carcinoma is always of the
 *   skin, of the site named ("BCC nose" is C44.311, never the ill-defined site C76.0).
 * - The Neoplasm Table's asterisked sites (face, hand, arm, leg, back, ...): a squamous cell or
 *   epidermoid carcinoma there is a malignant neoplasm of the skin of that site ("SCC right hand"
 *   is C44.621, not C76.41). At another site (lung, cervix, esophagus) it is that organ's.
 * Not a carcinoma in situ (D04, its own index entry), nor one already said to be of the skin.
 */
import type { ScopedExpansion } from './expansion-scope.ts';

/**
 * The two types of skin carcinoma the classification codes apart, by the 5th character of C44
 * (C44.-1- basal cell, C44.-2- squamous cell): the morphology's words and the initials records use.
 */
export const SKIN_CARCINOMA_TYPES = [
  { digit: '1', label: 'Basal cell carcinoma', morphology: 'basal cell', initials: 'bcc' },
  { digit: '2', label: 'Squamous cell carcinoma', morphology: 'squamous cell', initials: 'scc' },
] as const;

const [BASAL_CELL, SQUAMOUS_CELL] = SKIN_CARCINOMA_TYPES.map((t) => t.morphology);

/** The parts of the face the skin neoplasm codes file under "other parts of face" (C44.3-9): a regular-expression source. */
export const FACE_SKIN_PART = String.raw`(?:cheeks?|forehead|temples?|chin|jaw|jawline|malar|preauricular|nasolabial|glabella\w*|eyebrows?)`;

/**
 * Applied before "carcinoma" becomes "malignant neoplasm": a basal or squamous cell carcinoma of the
 * cheek, forehead, temple, chin or jaw is of the skin of "other parts of face" (the neoplasm table:
 * cheek, external; C44.3-), not the cheek NOS of C76.0 nor the cheek mucosa of C06.0.
 */
export const FACE_SKIN_CARCINOMA: ReadonlyArray<[RegExp, string]> = [
  [
    new RegExp(
      String.raw`\b((?:${BASAL_CELL}|${SQUAMOUS_CELL}) carcinoma\b[^.;\n]{0,40}?\b${FACE_SKIN_PART}\b|\b${FACE_SKIN_PART}\b[^.;\n]{0,20}?\b(?:${BASAL_CELL}|${SQUAMOUS_CELL}) carcinoma)\b(?!\s+mucosa)`,
      'g',
    ),
    '$1 of skin of other parts of face',
  ],
];

/** Sites whose squamous cell carcinoma is of their skin: the table's asterisked, ill-defined sites. */
const SKIN_SITE = String.raw`face|facial|nose|nasal|cheek|forehead|temple|chin|jaw|scalp|ear|auricle|neck|shoulder|arm|upper arm|forearm|elbow|wrist|hand|finger|thumb|back|chest wall|abdominal wall|flank|trunk|buttock|hip|thigh|knee|leg|lower leg|calf|shin|ankle|foot|toe|heel|upper limb|lower limb|extremity`;
/** Not the skin's: "head and neck" squamous cell carcinoma is the mucosa's. */
const NOT_SKIN = String.raw`(?<!\bhead and\s)`;
const NOT_SAID = String.raw`(?!\s+(?:in situ|of (?:the )?skin)\b)`;

const CELL_CARCINOMA = String.raw`(?:${SQUAMOUS_CELL}|epidermoid) malignant neoplasm`;

/**
 * Applied after "carcinoma" has become "malignant neoplasm". Each rule inserts "skin" after the
 * morphology (a zero-width match: the word is no expansion of the morphology's words, which keep their
 * own weight in the search).
 */
export const SKIN_MORPHOLOGY: readonly ScopedExpansion[] = [
  // (Not in a phrase naming the face: the C44.3- titles already name the face's skin, and "skin" beside it would
  // weigh the unspecified morphology's title as much as the basal cell one's.)
  [
    new RegExp(String.raw`(?<=\b${BASAL_CELL} malignant neoplasm)${NOT_SAID}`, 'g'),
    ' of skin',
    { unless: /\bfac(?:e|ial)\b/, within: 'phrase' },
  ],
  [
    new RegExp(String.raw`(?<=\b${CELL_CARCINOMA})${NOT_SAID}(?=[^,;.]{0,30}?${NOT_SKIN}\b(?:${SKIN_SITE})s?\b(?!\s+and neck))`, 'g'),
    ' of skin',
  ],
  [
    new RegExp(String.raw`(?<=${NOT_SKIN}\b(?:${SKIN_SITE})s?\b(?!\s+and neck)[^,;.]{0,20}?\b${CELL_CARCINOMA})${NOT_SAID}`, 'g'),
    ' of skin',
  ],
];
