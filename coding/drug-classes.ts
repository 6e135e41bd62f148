/**
 * Drugs by the class the tabular's long-term drug therapy codes (category Z79) are titled by, and the
 * conditions each class is taken for. Product craft, written here; where each part comes from:
 *
 * - The code of a drug: the tabular's own inclusion terms where it names drugs ("Long term (current)
 *   use of tacrolimus" under Z79.621, methotrexate under Z79.631, letrozole under Z79.811); otherwise
 *   the pharmacological class the code's title names, with the drugs of that class as the WHO ATC
 *   classification groups them (B01AA/AB/AE/AF anticoagulants; B01AC platelet aggregation inhibitors,
 *   aspirin apart because Z79.82 names it; A10A insulins; A10B blood glucose lowering drugs, the GLP-1
 *   and amylin injectables apart for Z79.85; H02AB systemic glucocorticoids; N02A opioids; M05BA
 *   bisphosphonates; L04AB TNF-alpha inhibitors and the other immunosuppressive monoclonal
 *   antibodies, "monoclonal antibodies" being Z79.620's inclusion term; L04AD calcineurin, L04AF
 *   Janus kinase and L04AH mTOR inhibitors).
 * - "Other long term (current) drug therapy" (Z79.899) only for drugs a coder reports because they are
 *   monitored for toxicity (antiarrhythmics, antimalarial and other conventional disease-modifying
 *   antirheumatic drugs, lithium): only where the record monitors them at the visit.
 * - The conditions (indications) each class treats or prevents, as ICD-10-CM code ranges: written
 *   from each class's labelled uses (anticoagulants for atrial fibrillation, venous thromboembolism,
 *   mechanical valves...). A drug is reported beside a condition it is taken for; one named in a
 *   medication list with no such condition on the claim is the coder's call (review-signals.ts).
 */
import { INJECTABLE_NON_INSULIN, INSULIN, ORAL_ANTIDIABETIC } from './additional.ts';
import { matchesPattern } from './icd10cm.ts';
import { escapeRegExp } from './text.ts';

export interface DrugClass {
  /** The Z79 code the class is reported with. */
  code: string;
  /** The class as the rationale names it. */
  name: string;
  /** Generic and brand names of the class, lower case (a name may be several words). */
  drugs: readonly string[];
  /** The names as a pattern written elsewhere, in place of `drugs`. */
  pattern?: RegExp;
  /** Code patterns (matchesPattern) of the conditions the class is taken for. */
  indications: readonly string[];
  /** Reported only when the record monitors the drug at the visit (Z79.899). */
  monitored?: true;
  /** Long-term only when the record says so (daily, long-term): otherwise often taken as needed. */
  statedLongTerm?: true;
  /**
   * Long-term only when the drug's own item calls it so (long-term, maintenance, for years): a class
   * whose current use coders report only on the record's word, not on a dose schedule.
   */
  calledLongTerm?: true;
  /** The class is the inhaled form (Z79.51): a nasal, rinse or swallowed form of the same drug is not it. */
  inhaled?: true;
}

const THROMBOTIC = ['I48', 'I26', 'I27.82', 'I80..I82', 'I74', 'Z86.71', 'Z95.2..Z95.4', 'I05..I08', 'I34..I39', 'D68.5', 'D68.6'];
const ATHEROSCLEROTIC = ['I20..I25', 'I63', 'I65..I67', 'I69', 'I70..I74', 'Z86.73', 'Z95.1', 'Z95.5', 'Z95.82', 'Z98.61', 'Z98.62'];
// Diabetes a long-term antidiabetic drug is coded beside. Not gestational diabetes (O24.4-): its own
// codes say how it is controlled, and the guidelines (I.C.15.g) say Z79.4, Z79.84 and Z79.85 are not
// assigned with O24.4-.
const DIABETES = ['E08..E13', 'O24.0..O24.3', 'O24.8', 'O24.9', 'R73'];
/** Autoimmune, inflammatory and transplant conditions treated by immunosuppression. */
const IMMUNE = [
  'M05..M14',
  'M30..M36',
  'M45',
  'L40',
  'L73.2',
  'L10..L14',
  'L93',
  'K50',
  'K51',
  'K74.3',
  'K75.4',
  'G35',
  'G70',
  'N04',
  'D59',
  'D69.3',
  'H20',
  'J84',
  'Z94',
  'T86',
];
const CANCER = ['C00..C96', 'D45', 'D46', 'D47'];

export const DRUG_CLASSES: readonly DrugClass[] = [
  {
    code: 'Z79.01',
    name: 'anticoagulant',
    drugs: [
      ...['warfarin', 'coumadin', 'jantoven', 'apixaban', 'eliquis', 'rivaroxaban', 'xarelto', 'dabigatran', 'pradaxa'],
      ...['edoxaban', 'savaysa', 'enoxaparin', 'lovenox', 'dalteparin', 'fragmin', 'fondaparinux', 'arixtra'],
      ...['anticoagulant', 'anticoagulants', 'anticoagulation', 'blood thinner', 'blood thinners', 'doac', 'noac'],
    ],
    indications: [...THROMBOTIC, 'I63', 'Z86.73'],
  },
  {
    code: 'Z79.02',
    name: 'antiplatelet',
    drugs: [
      ...['clopidogrel', 'plavix', 'prasugrel', 'effient', 'ticagrelor', 'brilinta', 'cilostazol', 'pletal'],
      ...['dipyridamole', 'aggrenox', 'antiplatelet', 'antiplatelets'],
    ],
    indications: ATHEROSCLEROTIC,
  },
  {
    code: 'Z79.82',
    name: 'aspirin',
    drugs: ['aspirin', 'asa', 'baby aspirin', 'ecotrin'],
    indications: [...ATHEROSCLEROTIC, 'I48'],
  },
  // The antidiabetic classes by the names the "use additional code" finders read (additional.ts).
  {
    code: 'Z79.4',
    name: 'insulin',
    drugs: [],
    pattern: INSULIN,
    // Not with type 1 diabetes, insulin-requiring by definition (E10 and O24.0 carry no insulin note).
    indications: ['E08', 'E09', 'E11', 'E13', 'O24.1..O24.3', 'O24.8', 'O24.9', 'R73'],
  },
  { code: 'Z79.84', name: 'oral hypoglycemic', drugs: [], pattern: ORAL_ANTIDIABETIC, indications: [...DIABETES, 'E28.2'] },
  { code: 'Z79.85', name: 'injectable non-insulin antidiabetic', drugs: [], pattern: INJECTABLE_NON_INSULIN, indications: DIABETES },
  {
    code: 'Z79.52',
    name: 'systemic steroid',
    drugs: ['prednisone', 'prednisolone', 'methylprednisolone', 'dexamethasone', 'hydrocortisone', 'deflazacort', 'oral steroids'],
    indications: [...IMMUNE, 'E27', 'E23', 'J44', 'J45', 'D86', 'C81..C96'],
  },
  // Inhaled corticosteroids, alone or in the ICS/LABA and triple inhalers (WHO ATC R03BA, R03AK, R03AL).
  {
    code: 'Z79.51',
    name: 'inhaled corticosteroid',
    drugs: [
      ...['fluticasone', 'budesonide', 'beclomethasone', 'mometasone', 'ciclesonide', 'flovent', 'pulmicort', 'qvar'],
      ...['arnuity', 'asmanex', 'alvesco', 'advair', 'wixela', 'airduo', 'symbicort', 'breo', 'dulera', 'trelegy', 'breztri'],
      ...['ics', 'inhaled corticosteroid', 'inhaled corticosteroids', 'inhaled steroid', 'inhaled steroids'],
    ],
    indications: ['J41..J45', 'J47'],
    calledLongTerm: true,
    inhaled: true,
  },
  {
    code: 'Z79.61',
    name: 'immunomodulator',
    drugs: ['lenalidomide', 'revlimid', 'pomalidomide', 'thalidomide', 'apremilast', 'otezla'],
    indications: [...IMMUNE, ...CANCER],
  },
  {
    code: 'Z79.620',
    name: 'immunosuppressive biologic',
    drugs: [
      ...['adalimumab', 'humira', 'etanercept', 'enbrel', 'infliximab', 'remicade', 'certolizumab', 'cimzia', 'golimumab'],
      ...['simponi', 'ustekinumab', 'stelara', 'vedolizumab', 'entyvio', 'secukinumab', 'cosentyx', 'tocilizumab'],
      ...['actemra', 'abatacept', 'orencia', 'risankizumab', 'skyrizi', 'guselkumab', 'tremfya', 'ixekizumab', 'taltz'],
      ...['natalizumab', 'ocrelizumab', 'ocrevus'],
    ],
    indications: IMMUNE,
  },
  { code: 'Z79.621', name: 'calcineurin inhibitor', drugs: ['cyclosporine', 'tacrolimus', 'prograf', 'envarsus'], indications: IMMUNE },
  {
    code: 'Z79.622',
    name: 'Janus kinase inhibitor',
    drugs: ['tofacitinib', 'xeljanz', 'baricitinib', 'olumiant', 'upadacitinib', 'rinvoq'],
    indications: IMMUNE,
  },
  {
    code: 'Z79.623',
    name: 'mTOR inhibitor',
    drugs: ['sirolimus', 'rapamune', 'everolimus', 'zortress'],
    indications: [...IMMUNE, ...CANCER],
  },
  {
    code: 'Z79.624',
    name: 'inhibitor of nucleotide synthesis',
    drugs: ['azathioprine', 'imuran', 'mycophenolate', 'cellcept', 'myfortic'],
    indications: IMMUNE,
  },
  {
    code: 'Z79.631',
    name: 'antimetabolite',
    drugs: ['methotrexate', 'mtx', 'trexall', 'otrexup', 'mercaptopurine', '6-mercaptopurine', 'capecitabine', 'xeloda'],
    indications: [...IMMUNE, ...CANCER],
  },
  { code: 'Z79.64', name: 'myelosuppressive agent', drugs: ['hydroxyurea', 'hydrea'], indications: ['D45', 'D47', 'D57', 'C92'] },
  {
    code: 'Z79.891',
    name: 'opiate analgesic',
    drugs: [
      ...['oxycodone', 'oxycontin', 'hydrocodone', 'morphine', 'ms contin', 'hydromorphone', 'dilaudid', 'oxymorphone'],
      ...['tapentadol', 'tramadol', 'fentanyl patch', 'methadone', 'percocet', 'norco', 'vicodin', 'opioid', 'opioids'],
      ...['opiate', 'opiates'],
    ],
    indications: ['G89', 'M00..M99', 'G50..G64', 'R52', 'K86.1', 'C00..C96', 'E08.4', 'E10.4', 'E11.4', 'E13.4'],
  },
  {
    code: 'Z79.810',
    name: 'selective estrogen receptor modulator',
    drugs: ['tamoxifen', 'nolvadex', 'raloxifene', 'evista', 'toremifene'],
    indications: ['C50', 'D05', 'Z85.3', 'Z80.3', 'Z15.01', 'Z17', 'M80', 'M81'],
  },
  {
    code: 'Z79.811',
    name: 'aromatase inhibitor',
    drugs: ['anastrozole', 'arimidex', 'letrozole', 'femara', 'exemestane', 'aromasin'],
    indications: ['C50', 'D05', 'Z85.3', 'Z80.3', 'Z15.01', 'Z17'],
  },
  {
    code: 'Z79.818',
    name: 'agent affecting estrogen receptors and levels',
    drugs: ['fulvestrant', 'faslodex', 'goserelin', 'zoladex', 'leuprolide', 'lupron', 'megestrol', 'megace'],
    indications: ['C50', 'C61', 'C54', 'Z85.3', 'Z85.46', 'N80'],
  },
  {
    code: 'Z79.83',
    name: 'bisphosphonate',
    drugs: ['alendronate', 'fosamax', 'risedronate', 'actonel', 'ibandronate', 'boniva', 'zoledronic acid', 'reclast'],
    indications: ['M80', 'M81', 'M85.8', 'M88', 'Z87.310'],
  },
  {
    code: 'Z79.1',
    name: 'non-steroidal anti-inflammatory',
    drugs: ['meloxicam', 'naproxen', 'ibuprofen', 'diclofenac', 'celecoxib', 'celebrex', 'nsaid', 'nsaids'],
    indications: ['M00..M99'],
    statedLongTerm: true,
  },
  {
    code: 'Z79.890',
    name: 'hormone replacement',
    drugs: ['estradiol', 'premarin', 'conjugated estrogens', 'hormone replacement', 'hrt'],
    indications: ['N95', 'E28.3', 'Z78.0'],
  },
  {
    code: 'Z79.899',
    name: 'monitored long-term drug',
    drugs: [
      ...['amiodarone', 'dronedarone', 'multaq', 'sotalol', 'dofetilide', 'tikosyn', 'flecainide', 'propafenone', 'digoxin'],
      ...['hydroxychloroquine', 'plaquenil', 'sulfasalazine', 'leflunomide', 'arava', 'lithium'],
    ],
    indications: ['I47..I49', 'I50', 'M05..M14', 'M30..M36', 'L93', 'K50', 'K51', 'F30', 'F31', 'F32', 'F33'],
    monitored: true,
  },
];

/** One pattern per class: any of its names as whole words ("asa 81", not "nasal"). */
/** A class word in another sense: "lupus anticoagulant" is an antibody the laboratory finds, no drug taken. */
const NOT_A_DRUG_BEFORE = String.raw`(?<!\blupus\s+)`;

export const CLASS_PATTERNS: ReadonlyArray<readonly [DrugClass, RegExp]> = DRUG_CLASSES.map((c) => [
  c,
  c.pattern ??
    new RegExp(
      String.raw`${NOT_A_DRUG_BEFORE}\b(?:${[...c.drugs]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join('|')})\b`,
      'i',
    ),
]);

/** A coded condition the class is taken for. */
export const takenFor = (c: DrugClass, code: string): boolean => c.indications.some((p) => matchesPattern(code, p));
