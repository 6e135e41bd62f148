/**
 * Body regions named by a text (a code's title, a diagnosis line), each inside the next broader
 * region, as a coder reads the site of a complaint and of a condition: "pain in left thigh" and
 * "thrombosis of left femoral vein" are both at the thigh; a toe lies in the foot, which lies in the
 * lower limb; the heart and the lungs lie in the chest. Used to tell whether a site symptom is where
 * the diagnosis is (guideline I.B.5). The eye and the ear are regions of their own (chapters 7 and 8),
 * not parts of the head: a headache does not go with every eye or ear disease.
 */

export type Region =
  | 'toe'
  | 'heel'
  | 'foot'
  | 'ankle'
  | 'lower leg'
  | 'knee'
  | 'thigh'
  | 'hip'
  | 'lower limb'
  | 'finger'
  | 'hand'
  | 'wrist'
  | 'forearm'
  | 'elbow'
  | 'upper arm'
  | 'shoulder'
  | 'upper limb'
  | 'sinus'
  | 'face'
  | 'brain'
  | 'head'
  | 'eye'
  | 'ear'
  | 'throat'
  | 'neck'
  | 'heart'
  | 'lung'
  | 'chest'
  | 'lower back'
  | 'back'
  | 'kidney';

/** The broader region each region lies in. */
const INSIDE: Partial<Record<Region, Region>> = {
  toe: 'foot',
  heel: 'foot',
  foot: 'lower limb',
  ankle: 'lower limb',
  'lower leg': 'lower limb',
  knee: 'lower limb',
  thigh: 'lower limb',
  hip: 'lower limb',
  finger: 'hand',
  hand: 'upper limb',
  wrist: 'upper limb',
  forearm: 'upper limb',
  elbow: 'upper limb',
  'upper arm': 'upper limb',
  shoulder: 'upper limb',
  sinus: 'face',
  face: 'head',
  brain: 'head',
  heart: 'chest',
  lung: 'chest',
  'lower back': 'back',
};

/**
 * Words of each region: anatomic nouns and adjectives, and the names of diseases that say their organ
 * ("sinusitis", "otitis", "pericarditis"). Narrower regions come first: their words are taken out of
 * the text before the broader ones are read ("lower leg" is not also "leg").
 */
const WORDS: ReadonlyArray<readonly [Region, RegExp]> = [
  ['toe', /\b(?:toes?|toe\(s\)|hallux|halluces|bunions?)\b/g],
  ['heel', /\bheels?\b/g],
  ['foot', /\b(?:foot|feet|midfoot|forefoot|metatars\w*|plantar|tarsal)\b/g],
  ['ankle', /\bankles?\b/g],
  ['lower leg', /\b(?:lower legs?|calf|calves|shins?|tibia[l]?|fibula[r]?|peroneal)\b/g],
  ['knee', /\b(?:knees?|patella\w*|popliteal)\b/g],
  ['thigh', /\b(?:thighs?|femoral|femur)\b/g],
  ['hip', /\bhips?\b/g],
  ['lower limb', /\b(?:legs?|lower (?:limbs?|extremit(?:y|ies)))\b/g],
  ['finger', /\b(?:fingers?|finger\(s\)|thumbs?)\b/g],
  ['hand', /\b(?:hands?|palms?|palmar|metacarp\w*)\b/g],
  ['wrist', /\b(?:wrists?|carpal)\b/g],
  ['forearm', /\b(?:forearms?|radius|ulna[r]?)\b/g],
  ['elbow', /\belbows?\b/g],
  ['upper arm', /\b(?:upper arms?|humer\w*|brachial)\b/g],
  ['shoulder', /\b(?:shoulders?|rotator cuff)\b/g],
  ['upper limb', /\b(?:arms?|upper (?:limbs?|extremit(?:y|ies))|axillae?|axillary)\b/g],
  ['sinus', /\b(?:sinus\w*|rhinosinusitis|maxillary|ethmoid\w*|sphenoid\w*)\b/g],
  ['face', /\b(?:face|facial|cheeks?|jaw)\b/g],
  ['brain', /\b(?:brain|cerebr\w*|intracranial|concussion|mening\w*|encephal\w*|skull|scalp)\b/g],
  ['head', /\b(?:head|headaches?|cephal\w*)\b/g],
  ['eye', /\b(?:eyes?|ocular|cornea\w*|conjunctiv\w*|iris|iritis|uveitis|retina\w*|glaucoma|eyelids?|keratitis|scleritis)\b/g],
  ['ear', /\b(?:ears?|otitis|otalgia|tympanic|tms?|auricular|mastoid\w*|eac|ear canal)\b/g],
  ['throat', /\b(?:throat|pharyn\w*|tonsil\w*|laryn\w*)\b/g],
  ['neck', /\b(?:neck|cervicalgia|cervical (?:spine|region|disc))\b/g],
  ['heart', /\b(?:heart|cardiac|myocard\w*|pericard\w*|coronary|angina)\b/g],
  ['lung', /\b(?:lungs?|pulmonary|pleura\w*|pneumon\w*)\b/g],
  ['chest', /\b(?:chest|thorax|ribs?|pectoris|stern\w*)\b/g],
  ['lower back', /\b(?:low(?:er)? back|lumbar|lumbosacral|sacral|sacrum)\b/g],
  ['back', /\b(?:back|spine|spinal)\b/g],
  ['kidney', /\b(?:kidneys?|renal|pyelo\w*|flank)\b/g],
];

/** The regions a text names. */
export function regionsOf(text: string): Set<Region> {
  let rest = text.toLowerCase();
  const out = new Set<Region>();
  for (const [region, words] of WORDS) {
    if (rest.search(words) < 0) continue;
    out.add(region);
    rest = rest.replace(words, ' ');
  }
  return out;
}

/** Is region `a` the region `b` or a part of it? */
export function within(a: Region, b: Region): boolean {
  for (let r: Region | undefined = a; r !== undefined; r = INSIDE[r]) if (r === b) return true;
  return false;
}

/** Do two sets of regions meet: one region of either set lies in one of the other? */
export function regionsMeet(a: ReadonlySet<Region>, b: ReadonlySet<Region>): boolean {
  for (const x of a) for (const y of b) if (within(x, y) || within(y, x)) return true;
  return false;
}
