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

/** Sites whose squamous cell carcinoma is of their skin: the table's asterisked, ill-defined sites. */
const SKIN_SITE = String.raw`face|facial|nose|nasal|cheek|forehead|temple|chin|jaw|scalp|ear|auricle|neck|shoulder|arm|upper arm|forearm|elbow|wrist|hand|finger|thumb|back|chest wall|abdominal wall|flank|trunk|buttock|hip|thigh|knee|leg|lower leg|calf|shin|ankle|foot|toe|heel|upper limb|lower limb|extremity`;
/** Not the skin's: "head and neck" squamous cell carcinoma is the mucosa's. */
const NOT_SKIN = String.raw`(?<!\bhead and\s)`;
const NOT_SAID = String.raw`(?!\s+(?:in situ|of (?:the )?skin)\b)`;

const CELL_CARCINOMA = String.raw`(?:squamous cell|epidermoid) malignant neoplasm`;

/**
 * Applied after "carcinoma" has become "malignant neoplasm". Each rule inserts "skin" after the
 * morphology (a zero-width match: the word is no expansion of the morphology's words, which keep their
 * own weight in the search).
 */
export const SKIN_MORPHOLOGY: ReadonlyArray<[RegExp, string]> = [
  // (Not before "face": the C44.3- titles already name the face's skin, and "skin" beside it would
  // weigh the unspecified morphology's title as much as the basal cell one's.)
  [new RegExp(String.raw`(?<=\bbasal cell malignant neoplasm)${NOT_SAID}(?![^,;.]*\bfac(?:e|ial)\b)`, 'g'), ' of skin'],
  [
    new RegExp(String.raw`(?<=\b${CELL_CARCINOMA})${NOT_SAID}(?=[^,;.]{0,30}?${NOT_SKIN}\b(?:${SKIN_SITE})s?\b(?!\s+and neck))`, 'g'),
    ' of skin',
  ],
  [
    new RegExp(String.raw`(?<=${NOT_SKIN}\b(?:${SKIN_SITE})s?\b(?!\s+and neck)[^,;.]{0,20}?\b${CELL_CARCINOMA})${NOT_SAID}`, 'g'),
    ' of skin',
  ],
];
