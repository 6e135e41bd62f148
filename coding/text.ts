/**
 * Text normalisation shared by the ICD-10-CM index and the documentation reader:
 * lower-casing, clinical abbreviations, light stemming and the words that carry no meaning for coding.
 *
 * Over 300 lines because the abbreviation and synonym tables are data kept next to the one
 * normaliser that applies them.
 */

import { CAPITALISED_ABBREVIATIONS, CHRONIC_DISEASE_ABBREVIATIONS } from './clinical-abbreviations.ts';
import { EYE_ABBREVIATIONS } from './eye-abbreviations.ts';
import { RecentlyRead } from './memo.ts';
import { BURSA_WORDS } from './bursa-words.ts';
import { ANATOMY_WORDS } from './anatomy-words.ts';
import { FACE_SKIN_CARCINOMA, SKIN_MORPHOLOGY } from './skin-morphology.ts';
import { FINDING_INDEX } from './finding-index.ts';
import { expandWithin, type ExpansionScope } from './expansion-scope.ts';

type Replacement = string | ((match: string, ...groups: string[]) => string);

/** Procedure words after "following"/"after"/"post": the condition is postprocedural (E89.0, I97.-, ...). */
const PROCEDURE_WORD = String.raw`[a-z]+(?:ectomy|otomy|ostomy|plasty|pexy)|surgery|surgical|operation|procedure|resection|transplant(?:ation)?`;

/** Body sites a single-letter side ("L knee") may precede, and ear conditions that name their site ("L AOM", "R otitis externa"). */
const BODY_SITE_WORD = String.raw`knees?|ankles?|hips?|shoulders?|elbows?|wrists?|hands?|foot|feet|legs?|arms?|forearms?|thighs?|calf|toes?|fingers?|thumbs?|heels?|eyes?|ears?|tm|breasts?|lungs?|kidneys?|flank|groin|side|radius|ulna|tibia|fibula|femur|humerus|clavicle|scaphoid|axillae?|axillary|palms?|soles?|shin|buttock|cheek|temple|forehead|scalp|patella|(?:radial|ulnar|tibial|fibular|femoral|humeral|patellar)(?=\s+(?:head|neck|shaft|styloid|plateau|condyle|tuberosity|diaphysis|metaphysis))|metatarsals?|metacarpals?|mt|mc|mtp|mcp|pip|dip|aom|ome|otitis|otalgia|cerumen`;

/** Words that, after a single-letter side, begin a site: an ordinal of a digit or bone ("L 5th MT"), or a direction ("R anterior cruciate ligament", "L lateral malleolus"). */
const SITE_LEAD = String.raw`\d(?:st|nd|rd|th)|first|second|third|fourth|fifth|anterior|posterior|medial|lateral`;

/** A side written short or in full, in full. */
const SIDE_WORD: Record<string, string> = {
  r: 'right',
  rt: 'right',
  right: 'right',
  l: 'left',
  lt: 'left',
  left: 'left',
  bilateral: 'bilateral',
};

/** The femoral, radial and ulnar bones, named by their adjective before one of their parts. */
const BONE_OF: Record<string, string> = { femoral: 'femur', radial: 'radius', ulnar: 'ulna' };

/** Clinical abbreviations and synonyms, expanded before tokenising (whole words only). */
/** Antibacterial drugs taken as long-term therapy (tetracyclines for acne and rosacea, suppressive and prophylactic regimens). */
const ANTIBIOTIC = String.raw`antibiotics?|doxycycline|minocycline|tetracycline|sarecycline|cefadroxil|cephalexin|nitrofurantoin|trimethoprim(?:[\s/-]+sulfamethoxazole)?|bactrim|azithromycin|erythromycin|amoxicillin|penicillin|ciprofloxacin|levofloxacin|rifampin|clindamycin|dapsone|methenamine`;

/** The organ an adjective names, as the neoplasm table lists it. */
const ORGAN_OF_ADJECTIVE: Readonly<Record<string, string>> = {
  renal: 'kidney',
  rectal: 'rectum',
  gastric: 'stomach',
  hepatic: 'liver',
  pancreatic: 'pancreas',
  ovarian: 'ovary',
  esophageal: 'esophagus',
  oesophageal: 'esophagus',
  uterine: 'uterus',
  cervical: 'cervix uteri',
  testicular: 'testis',
  laryngeal: 'larynx',
  pulmonary: 'lung',
  colonic: 'colon',
  prostatic: 'prostate',
  duodenal: 'duodenum',
  bronchial: 'bronchus',
  pharyngeal: 'pharynx',
  tonsillar: 'tonsil',
  vulvar: 'vulva',
  vaginal: 'vagina',
  penile: 'penis',
  anal: 'anus',
};

const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, Replacement, ExpansionScope?]> = [
  ...CHRONIC_DISEASE_ABBREVIATIONS,
  ...EYE_ABBREVIATIONS,
  ...ANATOMY_WORDS,
  ...BURSA_WORDS,
  // "RT" after a treatment word or before a date or a dose is radiotherapy ("s/p adjuvant RT 2024",
  // "completed RT", "RT to 50 Gy"), not the right side.
  [
    /\b(adjuvant|neoadjuvant|completed|s\/p|post|prior|palliative|definitive|whole[\s-]breast|concurrent|chemo(?:therapy)?\s*(?:and|\+|\/))\s+rt\b|\brt\b(?=\s+(?:(?:in|on)\s+)?(?:\d{1,2}\/)?(?:\d{1,2}\/)?(?:19|20)\d\d\b|\s+(?:to|x)\s+\d+(?:\.\d+)?\s*(?:gy|fractions?|fx)\b)/g,
    (_m, before) => `${before ?? ''} radiotherapy`.trim(),
  ],
  [
    /\b(former|ex-?|previous|past)\s*(smoker|tobacco user|cigarette smoker)\b|\b(quit|stopped)\s+(smoking|tobacco|cigarettes)\b/g,
    'history of nicotine dependence',
  ],
  // The index: Smoker - see Dependence, drug, nicotine (F17.2-); the tabular keeps Z72.0 for tobacco use
  // that is not dependence. Packs or cigarettes a day name the product (F17.21-).
  [
    /\b(?:smokes|smoking)\s+(?:about\s+|approximately\s+|~\s*)?(?:\d+(?:\.\d+)?|one|two|three|half|a)(?:\s*(?:-|to)\s*\d+)?\s*(?:packs?|ppd|cigarettes?|cigs?)\b(?:\s+of\s+cigarettes)?|\b\d+(?:\.\d+)?\s*ppd\b/g,
    'nicotine dependence cigarettes',
  ],
  // The index: Dependence, tobacco - see Dependence, drug, nicotine (F17.2-, the product as stated):
  // "tobacco" alone names no product, not the chewing tobacco of F17.22-.
  [/\btobacco\s+(?:dependence|dependency|addiction)\b/g, 'nicotine dependence'],
  [
    /(?<!\b(?:non|never|ex|former|past|previous)[-\s]?)\b(?:current(?:ly)?\s+|active\s+|daily\s+|heavy\s+)?(cigarette\s+)?smoker\b(?!'s)/g,
    (_m, cigarette) => (cigarette ? 'nicotine dependence cigarettes' : 'nicotine dependence'),
  ],
  // "O2 dependence", "oxygen-dependent": the tabular's dependence on supplemental oxygen (Z99.81), not
  // the nicotine dependence the word "dependence" alone would find.
  [/\b(?:o2|oxygen)[\s-]dependen(?:ce|cy|t)\b/g, 'dependence on supplemental oxygen'],
  [/\bwell[- ](child|baby|infant|adolescent)(\s+(check|visit|exam|examination|care))?\b/g, 'routine child health examination'],
  // "WCC"/"WCV" (well-child check or visit), alone or with the child's age; not "WCC 11.2", a white cell count.
  [
    /\bwc[cv]\b(?=\s*(?:$|[,.;:()-]|(?:visit|exam|check|today|for|at|age)\b|\d+(?:\.\d+)?\s*-?\s*(?:y|yr|yrs|years?|yo|y\/o|mos?|months?|wks?|weeks?|days?)\b))/g,
    'routine child health examination',
  ],
  [
    new RegExp(String.raw`\b(?:following|after|post)[\s-]+(?:(?:a|an|the|total|partial)\s+)*(${PROCEDURE_WORD})\b`, 'g'),
    (_m, proc) => `postprocedural ${proc ?? ''}`,
  ],
  [/\b(?:following|after|post)[\s-]+(?:radiation|irradiation|radiotherapy)\b/g, 'postirradiation postprocedural'],
  // Acute exacerbations written short or colloquially ("AECOPD", "COPD flare-up", "asthma flare").
  [/\bae\s*-?\s*copd\b/g, 'acute exacerbation of copd'],
  [/\bflare[\s-]*ups?\b|\bflares?\b|\bflaring\b/g, 'exacerbation'],
  // "exac", "exacer" and "exacerb" (the usual short forms in assessments) are exacerbation.
  [/\bexac(?:er|erb)?\b\.?/g, 'exacerbation'],
  // Stages and grades in roman numerals or bare after CKD ("stage IV", "CKD 3b", "CKD IIIa").
  // Written with a hyphen, a colon or short ("CKD-IV", "CKD-3b", "stage-4", "CKD st. 4", "CKD 3-b").
  [/\bstage\s*[-:]\s*(?=(?:[1-5]|iv|v|i{1,3})(?:\s*-?\s*[ab])?\b)/g, 'stage '],
  [/\b(ckd|chronic kidney disease)\s*,?\s*(?:stg\.?|st\.)\s*(?=(?:[1-5]|iv|v|i{1,3})(?:\s*-?\s*[ab])?\b)/g, '$1 stage '],
  // (Joined by the hyphen only: "CKD - IV iron given" is no stage.)
  [/\b(ckd|chronic kidney disease)-(?=(?:stage\b|[1-5]|iv\b|v\b|i{1,3}[ab]?\b))/g, (_m: string, w: string) => `${w} `],
  [/\b(ckd|chronic kidney disease|stage)\s+(3|iii)\s*-\s*([ab])\b/g, '$1 $2$3'],
  [
    /\b(stage|grade)\s+(iv|v|i{1,3})([ab])?\b/g,
    (_m, w, r, ab) =>
      `${w ?? 'stage'} ${({ i: '1', ii: '2', iii: '3', iv: '4', v: '5' } as Record<string, string>)[r ?? ''] ?? r}${ab ?? ''}`,
  ],
  [
    /\b(ckd|chronic kidney disease)\s*,?\s*(?:stage\s*)?([1-5][ab]?|iv|v|i{1,3}[ab]?)\b(?!\/\d)/g,
    (_m, w, st) => {
      // "iv" before "i": a numeral is read whole ("CKD IV" is stage 4, not "1v").
      const n = (st ?? '').replace(
        /^(iv|v|i{1,3})/,
        (r) => (({ i: '1', ii: '2', iii: '3', iv: '4', v: '5' }) as Record<string, string>)[r] ?? r,
      );
      return `${w ?? 'ckd'} stage ${n}`;
    },
  ],
  [/\bgdm\b|\bgestational dm\b/g, 'gestational diabetes mellitus'],
  // The classification spells it "pre-eclampsia"; records most often as one word. "Without severe
  // features" is the index's mild to moderate pre-eclampsia (O14.0-), "with severe features" its severe one (O14.1-).
  [/\bpre\s?eclampsia\b/g, 'pre-eclampsia'],
  [/\bpre-eclampsia,?\s+without severe features\b/g, 'mild to moderate pre-eclampsia'],
  [/\bpre-eclampsia,?\s+with severe features\b/g, 'severe pre-eclampsia'],
  // A deficit the record puts after a past stroke is its sequela (I69.3-, guideline I.C.9.d; I69.3's
  // inclusion term "sequelae of stroke NOS"): "left hemiparesis from her 2024 stroke", "post-stroke
  // dysphagia". A stroke called acute is not past.
  [
    /\b(?:due to|from|following|after|secondary to|residual (?:of|from)|sequelae? of|late effects? of)\s+(?:(?:a|an|the|his|her|their|old|prior|previous|remote|past|earlier|ischemic|embolic|thrombotic|left|right|[lr]|[a-z]{3}|mca|pca|aca|territory|\d{4}|in)\s+){0,4}(?:stroke|cerebral infarction|cerebral infarct|brain infarct|(?:mca|pca|aca|lacunar|cerebellar|pontine|thalamic|capsular|cortical|subcortical)\s+infarct(?:ion)?)s?\b|\bpost[\s-]?stroke\b/g,
    'following cerebral infarction',
  ],
  // "History of stroke with residual left hemiparesis": the residual deficit is the sequela, not a
  // history without residual deficits (Z86.73).
  [
    /\b(?:(?:personal\s+)?history\s+of|hx\s+of|h\/o|s\/p|status\s+post|prior|previous|old|remote)\s+(?:(?:a|an|the|ischemic|embolic|thrombotic|left|right|[a-z]{3}|mca|pca|aca)\s+){0,3}(?:stroke|cerebral infarction|cerebral infarct)s?\s*(?:\(\d{4}\)\s*|in\s+\d{4}\s*)?(?:,\s*)?(?:with|w\/)\s+(?:residual|persistent|remaining|chronic)\s+/g,
    'residual following cerebral infarction ',
  ],
  // The index: Infection, yeast - see Candidiasis; Vaginitis, candidal (monilial) and Candidiasis, vagina:
  // B37.3- ("candidiasis of vulva and vagina"); "vulvovaginal" is the vulva and the vagina.
  [
    /\b(?:vaginal|vulvovaginal)\s+(?:yeast|candida|candidal|monilial)\s+infections?\b|\byeast\s+(?:vulvo)?vaginitis\b|\b(?:candidal|monilial)\s+(?:vulvo)?vaginitis\b|\b(?:vulvo)?vaginal\s+(?:candidiasis|candidosis|moniliasis|thrush)\b/g,
    'candidiasis of vulva and vagina',
  ],
  [/\bvulvovaginal\b/g, 'vulva and vagina'],
  // A tear through the whole thickness of a tendon is a complete tear (M75.12-, M66.-), one through part
  // of it an incomplete tear (M75.11-); the burn depths below are for burns only.
  [/\b(?:full[\s-]+thickness|full)\s+(?=(?:[a-z-]+\s+){0,3}?(?:tears?|ruptures?)\b)/g, 'complete '],
  [/\bpartial[\s-]+thickness\s+(?=(?:[a-z-]+\s+){0,3}?(?:tears?|ruptures?)\b)/g, 'incomplete '],
  // Receptor status written as signs (Z17): "HR+/HER2-", "HER2 neg".
  [/\b(?:hr|hormone[\s-]+receptors?)\s*(?:\+|pos(?:itive)?\b)/g, ' hormone receptor positive '],
  [/\b(?:hr|hormone[\s-]+receptors?)\s*(?:-(?![a-z])|neg(?:ative)?\b)/g, ' hormone receptor negative '],
  [/\bher-?2(?:\/neu)?\s*(?:\+|pos(?:itive)?\b)/g, ' human epidermal growth factor receptor 2 positive '],
  [/\bher-?2(?:\/neu)?\s*(?:-(?![a-z])|neg(?:ative)?\b)/g, ' human epidermal growth factor receptor 2 negative '],
  // Burn depth: the classification names degrees.
  [/\b(1st|first)[\s-]+degree\b|\bsuperficial(?:[\s-]+thickness)?\s+(?=burns?\b)/g, 'first degree '],
  [/\b(2nd|second)[\s-]+degree\b|\b(?:superficial |deep )?partial[\s-]+thickness\b/g, 'second degree'],
  [/\b(3rd|third)[\s-]+degree\b|\bfull[\s-]+thickness\s+(?=burns?\b)/g, 'third degree '],
  // The tabular's tibial plateau is both condyles (S82.14-, "fracture of tibial plateau NOS"); one
  // side of the plateau is that condyle (S82.12- lateral, S82.13- medial), a one-letter side before it kept.
  [
    /\b(?:([lr])\.?\s+)?(lateral|medial)\s+tibial\s+plateau\b/g,
    (_m, side, which) => `${side === 'l' ? 'left ' : side === 'r' ? 'right ' : ''}${which ?? ''} condyle of tibia`,
  ],
  // Ligaments written as abbreviations.
  [/\batfl\b/g, 'anterior talofibular ligament'],
  [/\bcfl\b/g, 'calcaneofibular ligament'],
  [/\bacl\b/g, 'anterior cruciate ligament'],
  [/\bpcl\b/g, 'posterior cruciate ligament'],
  [/\bmcl\b/g, 'medial collateral ligament'],
  [/\blcl\b/g, 'lateral collateral ligament'],
  [/\bucl\b/g, 'ulnar collateral ligament'],
  // "L knee", "(R) ankle", "L upper outer quadrant" (of a breast): single-letter sides before a body site or in parentheses.
  [
    new RegExp(
      String.raw`\b([lr])\.?\s+(?=(?:(?:great|big|little|small|index|middle|ring|upper|lower|distal|proximal)\s+)?(?:${BODY_SITE_WORD})\b|(?:${SITE_LEAD})\s+[a-z]|(?:upper|lower)[\s-]+(?:outer|inner)[\s-]+quadrant\b)`,
      'g',
    ),
    (_m, side) => (side === 'l' ? 'left ' : 'right '),
  ],
  // "B knees", "B hand pain": a single-letter B for both sides, before a body site only (never the B of
  // a type: "hepatitis B", "vitamin B", "group B strep").
  [
    new RegExp(
      String.raw`(?<!\b(?:hep|hepatitis|vitamin|vit|type|group|grp|strep|influenza|flu|cluster)\s+)\bb\.?\s+(?=(?:${BODY_SITE_WORD})\b)`,
      'g',
    ),
    'bilateral ',
  ],
  [/\(([lr])\)/g, (_m, side) => (side === 'l' ? ' left ' : ' right ')],
  // A single-letter side after the condition it qualifies, at the end of a clause ("AOM R, suppurative",
  // "acute suppurative OM, R."): after a word, never after a number or a unit ("2 L" is litres,
  // "ferritin 9 ng/mL L" a result flagged low), nor in a culture's susceptibilities ("(clinda R, doxy S)":
  // resistant) within parentheses or beside another drug's letter.
  [
    /(?<=(?:^|[\s,(])(?!(?:mg|mcg|ng|pg|g|kg|ml|dl|mmol|meq|iu|units?|cells|fl|pct|percent)\b)[a-z][a-z'-]*),?\s+([lr])(?=\s*(?:[,;.)]|$))(?![^()\n]*\))(?!\s*,\s*[a-z]+\s+[sir]\b)/gm,
    (_m, side) => (side === 'l' ? ' left' : ' right'),
  ],
  // Immunization encounters written as the act ("flu shot", "vaccines given"), or a diagnosis line that
  // names only the vaccines ("Vaccines": the encounter for immunization, not a vaccine's reaction).
  [
    /\b(?:flu|influenza|tetanus|tdap|td|dtap|pneumococcal|pneumonia|covid(?:-19)?|shingles|zoster|hpv|hepatitis [ab]|hep [ab]|mmr|varicella|rsv|childhood|routine)\s+(?:shots?|vaccines?|vaccinations?|immunizations?|boosters?)\b/g,
    'immunization',
  ],
  [
    /^\s*(?:vaccines?|vaccinations?|immunizations?)\s*$|\b(?:vaccines?|vaccinations?|immunizations?|shots?|boosters?)\s+(?:given|administered|updated?|today)\b|\b(?:gave|given|give|administered|received|receives|getting|due for)\s+(?:the |an? |his |her |their )?(?:vaccines?|vaccinations?|shots?|boosters?)\b/g,
    'immunization',
  ],
  // ...and one the patient declines is an immunization not carried out (Z28.2-), not an encounter for one.
  [
    /\bimmunization\s+(?:was\s+|is\s+)?(?:declined|refused)\b|\b(?:declined|declines|refused|refuses)\s+(?:the\s+|an?\s+)?immunization\b/g,
    'immunization not carried out because of patient refusal',
  ],
  // Long-term drug therapy written as the therapy ("chronic anticoagulation", "on blood thinners").
  [
    /\b(?:chronic|long[\s-]?term|maintenance|ongoing|current)\s+(?:anticoagulation|anticoagulant therapy|anticoagulants?|blood thinners?)\b|\bon\s+(?:anticoagulation|anticoagulants?|blood thinners?)\b/g,
    'long term current use of anticoagulants',
  ],
  // ...and inhaled steroids by the chart's abbreviation ("Long-term ICS": Z79.51, never a bare "long term" match).
  [
    /\b(?:chronic|long[\s-]?term|maintenance|daily|current|on)\s+(?:ics|inhaled (?:cortico)?steroids?)\b/g,
    'long term current use of inhaled steroids',
  ],
  // ...and systemic steroids by their class ("long-term steroid use", "chronic prednisone"): Z79.52,
  // "long term (current) use of systemic steroids". An inhaled, nasal, topical or injected form is not it.
  [
    /(?<!\b(?:inhaled|nasal|topical)\s+)\b(?:chronic|long[\s-]?term|maintenance)\s+(?:(?:systemic|oral|low[\s-]dose|daily)\s+)*(?:steroids?|glucocorticoids?|corticosteroids?|prednisone|prednisolone|methylprednisolone|dexamethasone|hydrocortisone)\b(?!\s*(?:inhalers?|injections?|creams?|ointments?|sprays?|drops|taper))/g,
    (m) => `${m} long term current use of systemic steroids`,
  ],
  // Antibiotics are long-term therapy only when the record says so (a maintenance or suppressive
  // regimen, or one taken for months): Z79.2, "long term (current) use of antibiotics".
  [
    new RegExp(
      String.raw`\b(?:long[\s-]?term|chronic|suppressive|prophylactic|maintenance|ongoing)\s+(?:(?:oral|low[\s-]dose|suppressive|prophylactic|daily)\s+)*(?:${ANTIBIOTIC})\b|\b(?:${ANTIBIOTIC})\b[^.;]{0,50}?\b(?:for|over|x|since)\s+(?:the\s+(?:past|last)\s+)?(?:\d+|several|many|a few|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)?\s*(?:months|years)\b`,
      'g',
    ),
    (m) => `${m} long term current use of antibiotics`,
  ],
  // Drugs by the class the tabular's long-term-use titles name (Z79.01 anticoagulants, Z79.02
  // antiplatelets, Z79.83 bisphosphonates): the drug's name stays, its class is added.
  [/\b(apixaban|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa|edoxaban|warfarin|coumadin|enoxaparin|lovenox)\b/g, '$1 anticoagulants'],
  [/\b(clopidogrel|plavix|prasugrel|effient|ticagrelor|brilinta|cilostazol)\b/g, '$1 antiplatelets'],
  [/\b(alendronate|fosamax|risedronate|actonel|ibandronate|boniva|zoledronic acid|reclast)\b/g, '$1 bisphosphonates'],
  // The index names pain of some sites by its own term: Pain, ear - see Otalgia; Pain, neck -
  // see Cervicalgia; Pain, breast - see Mastodynia.
  [/\b(?:ear\s*(?:pain|aches?)|earaches?|pain (?:in|of) (?:the |her |his )?ears?)\b/g, 'otalgia ear'],
  [/\b(?:neck pain|pain (?:in|of) (?:the |her |his )?neck)\b/g, 'cervicalgia neck pain'],
  [/\b(?:breast pain|pain (?:in|of) (?:the |her |his )?breasts?)\b/g, 'mastodynia breast pain'],
  // The hamstrings are the posterior muscle group of the thigh (S76.3-), the quadriceps its anterior group.
  [/\bhamstrings?\b/g, 'hamstring posterior muscle group thigh'],
  // Index: Ache(s) - see Pain; body aches are generalized pain (R52 inclusion term).
  [/\b(?:body|generali[sz]ed|all[\s-]+over)\s+aches?\b/g, 'generalized pain'],
  [/\baches?\b/g, 'pain'],
  // A fracture the record calls osteoporotic or a fragility fracture is pathological, due to the
  // osteoporosis (index: Fracture, pathological, due to osteoporosis M80.-), not a traumatic one;
  // osteoporosis NOS is the age-related kind (M80.0 inclusion term).
  [
    /\b(?:osteoporotic|fragility|insufficiency)\s+((?:compression|vertebral|wedge|hip|wrist)\s+)?fractures?\b/g,
    (_m, kind) => `age-related osteoporosis with current pathological fracture ${kind ?? ''}`,
  ],
  [/\bpathologic\b/g, 'pathological'],
  // Rheumatoid arthritis and multiple sclerosis written short ("MS" not as milliseconds or morphine).
  [/\bra\b/g, 'rheumatoid arthritis'],
  [/(?<![\d.]\s*)\bms\b(?!\s*(?:contin|ir)\b)/g, 'multiple sclerosis'],
  // Animal and human bites are open bites, not insect bites.
  [/\b(dog|cat|animal|human|horse|rat|rodent|bat)\s+bites?\b/g, '$1 open bite'],
  [/\bbitten by (?:a |an |the |his |her |their |neighbou?r'?s? )?(dog|cat|animal|human|horse|rat|bat)\b/g, 'open bite $1'],
  // Symptoms written in lay or British terms.
  [/\bmigraine\s+headaches?\b/g, 'migraine'],
  // The alphabetic index puts chest pressure, tightness and discomfort at R07.89 (other chest pain).
  [
    /\bchest\s+(?:wall\s+)?(?:pressure|tightness|discomfort|heaviness|squeezing)\b|\b(?:pressure|tightness|discomfort|heaviness)\s+(?:in|of)\s+(?:the\s+)?chest\b/g,
    'chest pressure chest-wall pain',
  ],
  // The index: "Injury, pressure - see Ulcer, pressure, by site" (the NPIAP's term for a pressure ulcer).
  [/\bpressure[\s-]+injur(?:y|ies)\b/g, 'pressure ulcer'],
  // An amputation named by its level is of a lower or an upper limb (the T87.4 and Z89 titles' axis):
  // below- and above-knee (BKA, AKA, transtibial, transfemoral), below- and above-elbow.
  [
    /\b(?:bka|aka|(?:below|above)[\s-]+(?:the[\s-]+)?knee(?:\s+amputation)?|trans-?(?:tibial|femoral)(?:\s+amputation)?)\b(?!\s+(?:brace|joint))/g,
    'lower extremity amputation',
  ],
  [/\b(?:(?:below|above)[\s-]+(?:the[\s-]+)?elbow\s+amputation|trans-?(?:radial|humeral)\s+amputation)\b/g, 'upper extremity amputation'],
  // A deep tissue (pressure) injury by the NPIAP's initials ("L heel DTI", "sacral DTPI"): the L89
  // titles' "pressure-induced deep tissue damage". Not diffusion tensor imaging (an MRI sequence).
  [/\b(?:dtpi|dti)\b(?!\s*(?:mri|imaging|sequence|scan|tractography))/g, 'deep tissue injury'],
  // Influenza with the virus type stated is influenza due to an identified virus (J10, guideline I.C.10.c);
  // "influenza A/B" names a test panel, not a type.
  [/\bflu\b(?![\s-]*(?:shots?|vaccines?))/g, 'influenza'],
  [
    /\binfluenza\s+(?:virus\s+)?(?:type\s+)?[abc]\b(?!\s*(?:\/|and\b|or\b|&)|\s+(?:few|couple|week|day|month|year|while|lot|bit)\b)(?:\s*\(?h\d+n\d+\)?)?/g,
    'influenza due to other identified influenza virus',
  ],
  // Index: Failure, respiratory, with hypoxia / with hypercapnia: "hypoxic" and "hypercapnic" name them.
  [
    /\bhypoxic(?=(?:\s+(?:and|or|\/)\s+hyperca\w+)?\s+respiratory\s+failure\b)|(?<=\brespiratory\s+failure[,\s]+(?:\w+\s+){0,2})hypoxic\b/g,
    'with hypoxia',
  ],
  [
    /\bhyperca(?:pnic|rbic)(?=\s+respiratory\s+failure\b)|(?<=\brespiratory\s+failure[,\s]+(?:\w+\s+){0,2})hyperca(?:pnic|rbic)\b/g,
    'with hypercapnia',
  ],
  // A pacemaker or defibrillator interrogated or checked is the encounter for its checking and
  // management (Z45.01-, Z45.02), not a general examination.
  [
    /\b(?:(?:cardiac\s+)?pacemaker|ppm)\s+(?:device\s+)?(?:interrogations?|checks?|check-?up|testing|evaluation)\b|\b(?:interrogation|check|testing)\s+of\s+(?:the\s+|his\s+|her\s+)?(?:cardiac\s+)?(?:pacemaker|ppm)\b/g,
    'encounter for checking and testing of cardiac pacemaker pulse generator',
  ],
  [
    /\b(?:aicd|icd|defibrillator)\s+(?:device\s+)?(?:interrogations?|checks?|testing)\b|\b(?:interrogation|check|testing)\s+of\s+(?:the\s+|his\s+|her\s+)?(?:aicd|defibrillator)\b/g,
    'encounter for adjustment and management of automatic implantable cardiac defibrillator',
  ],
  // Counselling about alcohol is the counselling code (Z71.41; its own step keeps it only beside
  // stated alcohol use), never an alcohol use disorder the counselling does not state.
  [
    /\b(?:counsel+(?:ed|ing)?|advised|education(?:\s+provided)?)\s+(?:(?:was\s+)?given\s+)?(?:on|about|regarding|re:?)\s+(?:(?:reducing|reduction of|cutting down|limiting|decreasing|stopping|quitting|moderating)\s+)?(?:alcohol|etoh|drinking)(?:\s+(?:use|intake|consumption|reduction|cessation|moderation))?\b|\b(?:alcohol|etoh)\s+(?:use\s+|reduction\s+|cessation\s+)?counsel+ing\b/g,
    'alcohol abuse counseling and surveillance',
  ],
  // A Foley is an indwelling urethral catheter (T83.511, Z96.0).
  [/\bfoley(?:\s+catheter)?\b/g, 'indwelling urethral catheter'],
  [/\b(sprain|strain)ed\b/g, '$1'],
  // A strain of the cervical muscles is the tabular's strain "at neck level" (S16.1), of the upper
  // trapezius too; the cervical spine's ligaments keep "cervical" (a sprain, S13.4). Without it the
  // strain's only other word in the code set is a financial strain (Z59.86).
  [
    /\b(?:cervical|upper\s+trapezius|trapezius)\s+(?=(?:(?:paraspinal|paraspinous|muscle|muscular|myofascial)\s+)*strain\b)/g,
    'neck muscle ',
  ],
  [/\bfractured\b|\bfx\b/g, 'fracture'],
  [
    // (The tabular writes "radial styloid process" but "ulna styloid process".)
    /\b(femoral|radial|ulnar)\s+(?=(?:neck|shaft|midshaft|head|condyles?|fractures?)\b)|\b(ulnar)\s+(?=styloid\b)/g,
    (_m, bone, ulna) => `${BONE_OF[bone || ulna || ''] ?? bone} `,
  ],
  // The skin of the armpit by its noun, as the tabular titles it ("axillary abscess": abscess of axilla,
  // L02.41-); not the axillary nerve or artery, which the tabular names by the adjective.
  [
    /\baxillary\s+region\b|\baxillary\s+(?=(?:region\s+|skin\s+)?(?:abscess\w*|cellulitis|furuncles?|carbuncles?|boils?|hidradenitis|cysts?|rash\w*|wounds?|lacerations?|lumps?|masses|mass|lesions?|ulcers?)\b)/g,
    'axilla ',
  ],
  [/\bdislocated\b/g, 'dislocation'],
  // The index: Keratosis, seborrheic, inflamed L82.0: an irritated seborrheic keratosis (red, crusted,
  // itching, catching on clothing) is the inflamed one the dermatologist names by its other word.
  [/\birritated(?=\s+(?:seborrh?eic\s+keratos[ie]s|sks?)\b)/g, 'inflamed'],
  // Laboratory findings as clinicians name them, in the tabular's words for the finding (R74.01,
  // R94.4-R94.6): "transaminitis" is no inflammation, "elevated creatinine" no disease of the kidney.
  [
    /\btransaminitis\b|\b(?:elevated|high|raised|increased)\s+(?:liver\s+|serum\s+)?(?:transaminases?|aminotransferases?|alt(?:\s*(?:\/|and|,)\s*ast)?|ast(?:\s*(?:\/|and|,)\s*alt)?)(?:\s+levels?)?\b/g,
    'elevation of levels of liver transaminase levels',
  ],
  [/\b(?:elevated|high|raised|increased)\s+(?:serum\s+)?creatinine(?:\s+level)?\b/g, 'abnormal results of kidney function studies'],
  [/\b(?:elevated|high|raised|abnormal|low|suppressed)\s+tsh\b/g, 'abnormal results of thyroid function studies'],
  // The index: Elevated, INR / Prolonged, prothrombin time R79.1: an INR or prothrombin time out of
  // range is the abnormal coagulation profile, not a coagulation defect (D68.-), which the physician
  // names as such; "supratherapeutic INR on warfarin" is no lupus anticoagulant.
  [
    /\b(?:elevated|high|raised|increased|abnormal|prolonged|supra-?therapeutic|sub-?therapeutic|labile|low)\s+(?:pt\s*\/\s*)?(?:inr|protime|prothrombin\s+time)\b(?:\s+levels?)?|\b(?:pt\s*\/\s*)?(?:inr|protime)\s+(?:elevated|high|raised|increased|abnormal|prolonged|supra-?therapeutic|sub-?therapeutic|labile|low)\b/g,
    'abnormal coagulation profile',
  ],
  [/\bemesis\b/g, 'vomiting'],
  [/\bdiarrhoea\b/g, 'diarrhea'],
  [/\b(?:loose|watery|liquid)\s+(?:stools?|bowel movements?|bms?)\b/g, 'diarrhea'],
  [/\bpurulent\b/g, 'suppurative'],
  [/\boesophag/g, 'esophag'],
  [/\b(dm\s*(type\s*)?(2|ii)|t2dm|dm2|niddm|type\s*(ii|2)\s*dm)\b/g, 'type 2 diabetes mellitus'],
  [/\b(dm\s*(type\s*)?(1|i)|t1dm|dm1|iddm|type\s*(i|1)\s*dm)\b/g, 'type 1 diabetes mellitus'],
  [/\btype\s+ii\b/g, 'type 2'],
  // The index: Disorder, bipolar (I) F31.9: the "I" is a nonessential modifier (bipolar II is its own code, F31.81).
  [/\bbipolar\s+(?:i|1)\b(?!\s*i)/g, 'bipolar'],
  [/\bdm\b/g, 'diabetes mellitus'],
  // Gestational hypertension as records shorten it ("gHTN", "PIH"); not the PIH labs or precautions of a visit.
  [/\bghtn\b|\bpih\b(?!\s+(?:labs?|panel|precautions|work-?up|labwork|bloods?|screen\w*))/g, 'gestational hypertension'],
  [/\bhtn\b/g, 'hypertension'],
  // Chronic hypertension is the essential (primary) kind (I10; pre-existing in pregnancy, O10.0-), not
  // the chronic venous hypertension of a leg (I87.3-) that shares the word "chronic".
  [/\bchronic\s+(?:essential\s+|primary\s+)?hypertension\b/g, 'essential hypertension'],
  [/\b(?:bp|b\/p)\b/g, 'blood pressure'],
  // A stent is an implant (Z95.5 presence of coronary angioplasty implant; Z96.0 urogenital implants).
  [/\bstents?\b(?!\s+implant)/g, 'stent implant'],
  // Community-acquired pneumonia is pneumonia NOS for the classification (J18.9); the phrase names no organism.
  [/\bcommunity[\s-]+acquired\s+(?=pneumonia)/g, ''],
  [/\bcap\b/g, 'pneumonia'],
  // The lobe is not an axis of pneumonia NOS (lobar pneumonia, J18.1, is its own diagnosis when written).
  [/\b(?:(?:right|left|bilateral|rt|lt)\s+)?(?:upper|middle|lower|rul|rml|rll|lul|lll)\s+lobe\s+(?=pneumonia\b)/g, ''],
  [/\b(pneumonia),?\s+(?:of\s+|in\s+)?(?:the\s+)?(?:(?:right|left|bilateral|rt|lt)\s+)?(?:upper|middle|lower)\s+lobes?\b/g, '$1'],
  // The index: Otitis, media, acute (NOS) H66.9-; "acute" chooses the serous or suppurative code only with that word.
  // "AOM" is acute otitis media: the rule below drops "acute" only in a clause with no serous or suppurative word.
  [/\baom\b/g, 'acute otitis media'],
  [
    /\bacute\s+(?=otitis media\b)/g,
    '',
    {
      unless: /\b(?:serous|suppurative|purulent|allergic|mucoid|sanguinous|nonsuppurative|secretory|exudative|transudative)\b/,
      within: 'clause',
    },
  ],
  [/\bhld\b/g, 'hyperlipidemia'],
  [/\baub\b/g, 'abnormal uterine bleeding'],
  [/\bpmb\b/g, 'postmenopausal bleeding'],
  // The index: Flushing R23.2, menopausal N95.1 (the title's words: menopausal and female climacteric
  // states); "hot flashes" is the clinician's word for it.
  [
    /\b(?:peri-?|post-?)?menopausal\s+(?:hot\s+(?:flash|flush)(?:es)?|flushing|vasomotor symptoms)\b/g,
    'menopausal and female climacteric states',
  ],
  [/\bhot\s+(?:flash|flush)(?:es)?\b/g, 'flushing'],
  // "RTC" is the rotator cuff before a condition of it ("RTC tear L"); elsewhere it is "return to clinic".
  [/\brtc\b(?=\s+(?:tear|tears|tendin\w*|injur\w*|strain|syndrome|impingement|arthropathy|rupture|sprain)\b)/g, 'rotator cuff'],
  // "OD" on a drug is an overdose ("accidental OD on heroin"); in a text about the eye it is the right eye (eye-abbreviations.ts).
  [/\bod(?:'?d)?\b(?=\s+(?:on|of|with)\b)|(?<=\b(?:accidental|unintentional|intentional|drug|opioid|heroin|fentanyl)\s+)od\b/g, 'overdose'],
  [/\b(?:seb\.?\s*k\.?|sks?)\b(?!\s*\d)/g, 'seborrheic keratosis'],
  [/\bshpt\b/g, 'secondary hyperparathyroidism'],
  [/\b(threatened|spontaneous|missed|incomplete|complete|septic)\s+ab\b/g, '$1 abortion'],
  // A wish the patient states ("desires TOLAC", "wants a refill") is no condition: not "decreased sexual desire".
  [/\b(?:desires|wishes|wants|requests)\b/g, ''],
  [/\bchf\b/g, 'congestive heart failure'],
  [/\bhfref\b/g, 'systolic heart failure'],
  [/\bhfpef\b/g, 'diastolic heart failure'],
  // "HF" after a type or acuity of heart failure ("chronic systolic HF", "acute on chronic diastolic HF").
  [/(?<=\b(?:systolic|diastolic|combined|acute|chronic|decompensated|congestive|right|left)[\s-]+)hf\b/g, 'heart failure'],
  [/\bcopd\b/g, 'chronic obstructive pulmonary disease'],
  [/\buri\b/g, 'acute upper respiratory infection'],
  [/\buti\b/g, 'urinary tract infection'],
  [/\bgerd\b/g, 'gastro-esophageal reflux disease'],
  [/\b(afib|a-fib|a\.\s?fib|af)\b/g, 'atrial fibrillation'],
  [/\bckd\b/g, 'chronic kidney disease'],
  [/\besrd\b/g, 'end stage renal disease'],
  [/\baki\b/g, 'acute kidney failure'],
  [/\bcad\b/g, 'coronary artery disease'],
  [/\bmi\b/g, 'myocardial infarction'],
  // Index: Attack, heart - see Infarct, myocardium.
  [/\bheart attacks?\b/g, 'myocardial infarction'],
  // Index: Infarct, myocardial, old (healed), past (diagnosed on ECG...) I25.2: a prior one is old.
  [/\b(?:prior|previous|past|remote|healed)\s+myocardial infarction\b/g, 'old myocardial infarction'],
  // Index: Anemia, blood loss, acute D62 (chronic D50.0).
  [/\b(?:acute blood loss an[ae]mia|abla)\b/g, 'acute posthemorrhagic anemia'],
  [/\bsob\b/g, 'shortness of breath'],
  [/\bdoe\b/g, 'dyspnea on exertion'],
  [/\boa\b/g, 'osteoarthritis'],
  [/\bdjd\b/g, 'osteoarthritis'],
  [/\bdvt\b/g, 'deep vein thrombosis'],
  [/\bbph\b/g, 'benign prostatic hyperplasia'],
  [/\bosa\b/g, 'obstructive sleep apnea'],
  [/\blbp\b/g, 'low back pain'],
  // The index: Lumbago, with sciatica M54.4-; low back pain is lumbago (M54.5 Excludes1 lumbago with sciatica).
  [
    /\b(?:low back pain|lumbago|lumbar pain)\s+(?:with|w\/|and)\s+((?:right|left|bilateral|r|l|rt|lt)(?:[\s-]+sided)?\s+)?sciatica\b/g,
    (_m, side: string) => `lumbago with ${side ? `${SIDE_WORD[side.trim().replace(/[\s-]+sided$/, '')] ?? ''} ` : ''}sciatica`,
  ],
  // An altered, decreased or fluctuating "LOC" is a level of consciousness (R40.-; R41.82's Excludes1
  // "altered level of consciousness (R40.-)"), never a loss of consciousness.
  [
    /\b(altered|alteration in|change in|changes in|decreased|depressed|diminished|reduced|fluctuating|impaired|lowered)\s+loc\b/g,
    '$1 level of consciousness',
  ],
  // Loss of consciousness (S06.-: concussion with or without it) wherever else "LOC" stands: "with
  // LOC", "no LOC", "brief LOC" alike.
  [/\bloc\b/g, 'loss of consciousness'],
  // A level of consciousness that is altered, decreased or fluctuating is R40.4's (CMS's synonyms of
  // "Transient alteration of awareness": decreased and fluctuating level of consciousness): the
  // words before "of" are no condition of their own ("decreased level" is no hypoglycemia level, E16.A-).
  [
    /\b(?:altered|alteration in|change in|changes in|decreased|depressed|diminished|reduced|fluctuating|impaired|lowered)\s+level of consciousness\b/g,
    'alteration of awareness',
  ],
  // The tabular's note at G40 (epilepsy) and G43 (migraine): pharmacoresistant (pharmacologically
  // resistant), treatment resistant, refractory (medically) and poorly controlled are to be
  // considered equivalent to intractable. Only where the statement names the migraine or epilepsy.
  [
    /\b(?:pharmaco-?resistant|pharmacologically resistant|treatment[- ]resistant|(?:medically )?refractory|poorly controlled)\b(?=\s+(?:[\w-]+\s+){0,3}?(?:migraines?|epilepsy|epileptic|seizures?|seizure disorder)\b)|(?<=\b(?:migraines?|epilepsy|seizures?|seizure disorder)\b(?:,?\s+[\w-]+){0,4}?,?\s+(?:(?:is|are|remains?|has been|have been)\s+)?)(?:pharmaco-?resistant|pharmacologically resistant|treatment[- ]resistant|(?:medically )?refractory|poorly controlled)\b/g,
    'intractable',
  ],
  [/\bn\/v\b/g, 'nausea with vomiting'],
  [/\babd\b/g, 'abdominal'],
  // The abdominal quadrants (R10.1-, R10.3-: right/left upper/lower quadrant pain) and the breast's
  // (C50.2-C50.5, N63.1-/N63.2-: upper-outer, lower-inner... quadrant).
  [/\b([rl])([ul])q\b/g, (_m, side, level) => `${side === 'r' ? 'right' : 'left'} ${level === 'u' ? 'upper' : 'lower'} quadrant`],
  [/\b([ul])([oi])q\b/g, (_m, level, part) => `${level === 'u' ? 'upper' : 'lower'}-${part === 'o' ? 'outer' : 'inner'} quadrant`],
  [/\bpna\b/g, 'pneumonia'],
  [/\bmdd\b/g, 'major depressive disorder'],
  [/\bgad\b/g, 'generalized anxiety disorder'],
  [/\badhd\b/g, 'attention-deficit hyperactivity disorder'],
  [/\btia\b/g, 'transient cerebral ischemic attack'],
  [/\bstrep throat\b/g, 'streptococcal pharyngitis'],
  [/\b(?:group a |gas )?strep(?!tococc)\b/g, 'streptococcal'],
  // Poison ivy, oak and sumac: the index puts the dermatitis at allergic contact dermatitis due to plants.
  [
    /\b(?:(?:allergic |irritant )?contact dermatitis (?:due to|from|secondary to) )?(?:poison (?:ivy|oak|sumac)|toxicodendron|urushiol)(?:\s+(?:dermatitis|rash|exposure|reaction))?\b/g,
    'allergic contact dermatitis due to plants',
  ],
  // The index puts atypical and non-cardiac chest pain at "other chest pain".
  [/\b(?:atypical|non-?cardiac|noncardiac|musculoskeletal)\s+chest\s+pain\b/g, 'chest pressure chest-wall pain'],
  // A routine prenatal visit is the supervision of a normal pregnancy (Z34.-).
  [
    /\b(?:routine\s+|normal\s+)?(?:prenatal|antenatal|ob|obstetric)\s+(?:visit|care|check(?:-?up)?|exam|examination|follow[- ]?up|appointment)\b/g,
    'supervision of normal pregnancy',
  ],
  [/\b(?:recurrent |frequent |multiple |repeated )?falls\b/g, 'falls falling'],
  [/\bhypothyroid\b/g, 'hypothyroidism'],
  // Index: Hepatitis, viral, type A/B/C/E (B15-B19); "hep C", "HCV" as hepatitis C.
  [/\b(?:viral\s+)?(?:hepatitis|hep)\s+([a-e])\b(?!\s+(?:vaccin|immuni|shot|booster))/g, 'viral hepatitis $1'],
  [/\bvit(amin)?\s*d\b/g, 'vitamin d'],
  [/\bhigh cholesterol\b/g, 'hypercholesterolemia'],
  [/\bbilat\b/g, 'bilateral'],
  // "Both eyes" is the bilateral side of a paired organ.
  [
    /\bboth\s+(?=(?:eyes|ears|knees|hips|shoulders|kidneys|lungs|breasts|feet|hands|legs|arms|ankles|wrists|elbows|sides)\b)/g,
    'bilateral ',
  ],
  [/\bwbc\b/g, 'white blood cell count'],
  // The neoplasm table puts the spine, a vertebra, the ribs, the pelvis and the named bones under
  // "bone" (C79.51): a metastasis to them is not one of the thorax (C76.1) or a lung for "thoracic".
  [
    /\b(?:metastatic\s+(?:disease\s+|lesions?\s+|spread\s+)?to|metastas[ie]s\s+(?:to|in)|mets\s+to|secondary\s+malignant\s+neoplasm\s+of)\s+(?:the\s+)?(?:(?:thoracic|lumbar|cervical|sacral|thoracolumbar|lumbosacral|axial)\s+)?(?:spine|spinal column|[tlc]-spine|vertebra[el]?|vertebral bod(?:y|ies)|bones?|skeleton|ribs?|pelvis|sacrum|femur|humerus|skull|sternum|iliac \w+)\b|\b(?:(?:thoracic|lumbar|cervical)\s+)?(?:spinal|spine|vertebral|osseous|bony|bone|skeletal)\s+(?:metastas[ie]s|mets|metastatic disease)\b/g,
    'secondary malignant neoplasm of bone',
  ],
  // The index: "Metastasis, metastatic (to) - see Neoplasm, secondary, by site". ("Metastatic breast
  // cancer" names the primary and is left to the malignancy words.)
  [/\bmetastatic\s+(?:disease\s+|lesions?\s+|spread\s+)?to\b|\bmetastas[ie]s\s+(?:to|in)\b/g, 'secondary malignant neoplasm of'],
  [/\bmetastas[ie]s\b|\bmetastatic (?:lesions?|deposits?|disease)\b|\bmets\b/g, 'secondary malignant neoplasm'],
  // "Ca" is cancer after an organ ("L breast ca", "prostate ca") or a morphology ("renal cell ca",
  // "squamous cell ca", "ductal ca"); elsewhere it may be calcium.
  [
    /\b(breast|lung|prostate|colon|colorectal|rectal|ovarian|cervical|endometrial|uterine|bladder|renal|kidney|pancreatic|gastric|stomach|esophageal|thyroid|skin|liver|oral|tongue|laryngeal|testicular|cell|cellular|ductal|lobular|papillary|follicular|squamous)\s+ca\b(?!\s*(?:\+\+|2\+|\d))/g,
    '$1 cancer',
  ],
  // Diffuse large B-cell lymphoma; a follicular lymphoma's grade in the tabular's roman numerals (C82.0-C82.4).
  [/\bdlbcl\b/g, 'diffuse large b-cell lymphoma'],
  [
    /\b(follicular lymphoma,?\s+grade\s*)(1|2|3)([ab])?\b/g,
    (_m: string, head: string, grade: string, part: string) => `${head}${['i', 'ii', 'iii'][Number(grade) - 1] ?? grade}${part}`,
  ],
  // ...and after a cell type ("renal cell ca", "small cell ca"); "adenoCA" is an adenocarcinoma.
  [/\b(\w+\s+cell)\s+ca\b(?!\s*(?:\+\+|2\+|\d))/g, '$1 cancer'],
  [/\badenoca\b/g, 'adenocarcinoma'],
  // The neoplasm table lists organs by their nouns: an organ's adjective before a malignancy is the
  // organ ("gastric cancer" is of the stomach, not the gastric antrum; "hepatic" is the liver, not the
  // hepatic flexure; "renal cell carcinoma" the kidney's, not the renal pelvis').
  [
    /\b(renal|rectal|gastric|hepatic|pancreatic|ovarian|esophageal|oesophageal|uterine|cervical|testicular|laryngeal|pulmonary|colonic|prostatic|duodenal|bronchial|pharyngeal|tonsillar|vulvar|vaginal|penile|anal)\s+(?=(?:\w+\s+)?(?:cell\s+)?(?:cancer|carcinoma|adenocarcinoma|ca|malignancy|malignant neoplasm)\b)/g,
    (_m: string, adjective: string) => `${ORGAN_OF_ADJECTIVE[adjective] ?? adjective} `,
  ],
  ...FACE_SKIN_CARCINOMA,
  // Index: Carcinoma, renal cell - see Neoplasm, kidney, malignant (not the renal pelvis, C65).
  [/\brenal cell (cancer|carcinoma|malignancy)\b(?! of kidney)/g, 'renal cell $1 of kidney'],
  [/\b(cancer|carcinoma|malignancy)\b/g, 'malignant neoplasm'],
  ...SKIN_MORPHOLOGY,
  // The index: Melanoma (malignant) C43.9: "malignant" is the nonessential modifier, the default; in
  // situ is its own subterm (D03.-), and a history of melanoma is Z85.820, not the in-situ Z86.006.
  [/\bmelanomas?\b(?!\s+in[\s-]+situ)/g, 'malignant melanoma'],
  // The index sends adenocarcinoma to the neoplasm table, malignant, by site.
  [/\badenocarcinoma\b/g, 'adenocarcinoma malignant neoplasm'],
  // The index: Adenoma - see Neoplasm, benign, by site (a toxic adenoma is the thyroid's E05.1).
  [/(?<!\btoxic\s)\badenomas?\b/g, 'adenoma benign neoplasm'],
  // The sigmoid is a segment of the colon (the tabular's large intestine).
  [/\bsigmoid\b(?!\s+colon)/g, 'sigmoid colon'],
  [/\bcolon\b/g, 'colon large intestine'],
  [/\bvein thrombosis\b/g, 'venous thrombosis'],
  // Medicare's annual wellness visit (AWV, initial or subsequent) is a general adult examination
  // (Z00.0-); "initial" and "subsequent" name the visit's Medicare kind, not an episode of care.
  [
    /\b(?:(?:initial|subsequent|first)\s+)?(?:medicare\s+)?(?:awv|annual\s+wellness\s+(?:visit|exam(?:ination)?))(?:[,\s]+\(?(?:initial|subsequent|first)\)?)?(?!\w)/g,
    'general adult medical examination',
  ],
  [
    /\b(annual|routine|yearly)?\s*(physical|wellness)\s*(exam|examination|visit|check-?up)\b|\b(annual|routine|yearly)\s+(physical|wellness)\b/g,
    'general adult medical examination',
  ],
  [
    /\b(?:(?:annual|routine|yearly|preventive|preventative|general)\s+)+adult\s+(?:(?:health|medical|wellness|physical)\s+)?(?:exam|examination|visit|check-?up)\b|\badult\s+(?:annual|routine|preventive)\s+(?:exam|examination|visit|check-?up)\b/g,
    'general adult medical examination',
  ],
  // The index: Miscarriage - see Abortion, spontaneous; Threatened, abortion O20.0; Abortion, missed O02.1.
  [/\b(threatened|missed|incomplete|complete|inevitable)\s+(?:miscarriage|spontaneous abortion|sab)\b/g, '$1 abortion'],
  // Ulcerative colitis by its written extent (K51.0-K51.5): "UC - proctitis", "ulcerative colitis
  // (pancolitis)", "UC limited to the rectum" are the extent's own titles, not a second colitis;
  // proctosigmoiditis is the index's rectosigmoiditis (K51.3-).
  [/\bproctosigmoiditis\b/g, 'rectosigmoiditis'],
  [
    /\bulcerative colitis\b\s*[,:;(-]*\s*(?:with\s+|w\/\s*)?(?:ulcerative\s+)?(pancolitis|proctitis|rectosigmoiditis|left[\s-]sided(?:\s+colitis)?)\b\)?/g,
    (_m: string, extent: string) => `ulcerative ${/^left/.test(extent) ? 'left sided colitis' : extent}`,
  ],
  [/\bulcerative colitis\s*[,(-]?\s*(?:limited|confined|isolated)\s+to\s+(?:the\s+)?rectum\b\)?/g, 'ulcerative proctitis'],
  // The index: Crohn's disease - see Enteritis, regional, by site: small intestine (duodenum, ileum,
  // jejunum) K50.0-, large intestine (colon, rectum) K50.1-, both K50.8-.
  [
    /\bcrohn(?:'s|s)?\s+(?:disease\s+(?:of\s+(?:the\s+)?)?)?(?:(?:terminal\s+)?ileitis|(?:terminal\s+)?ileum|jejunitis|jejunum|duodenitis|duodenum|small (?:bowel|intestine))\b/g,
    "crohn's disease of small intestine",
  ],
  [
    /\bcrohn(?:'s|s)?\s+(?:disease\s+(?:of\s+(?:the\s+)?)?)?(?:colitis|proctitis|proctocolitis|colon|rectum|large (?:bowel|intestine))\b/g,
    "crohn's disease of large intestine",
  ],
  [/\bcrohn(?:'s|s)?\s+(?:disease\s+(?:of\s+(?:the\s+)?)?)?ileocolitis\b/g, "crohn's disease of both small and large intestine"],
  // The skin of the external nose: the ala, tip, bridge, dorsum and sidewall (a skin lesion there is
  // "of skin of nose", C44.3-, D22.39, L57.0; not the nasal cavity).
  [
    /\b(?:nasal\s+(?:ala|alae|tip|bridge|dorsum|sidewall|side\s*wall)|alar\s+(?:rim|crease|base)|ala\s+nasi|(?:tip|bridge|dorsum)\s+of\s+(?:the\s+)?nose)\b/g,
    'skin of nose',
  ],
  // A coronary stent in place is the status "presence of coronary angioplasty implant" (Z95.5).
  [
    /\b(?:coronary(?:\s+artery)?|left anterior descending coronary artery|right coronary artery|circumflex coronary artery|drug[\s-]+eluting|des|bare[\s-]+metal|bms)\s+stents?(?:ing)?\b/g,
    'coronary stent presence of coronary angioplasty implant',
  ],
  // The index: Angina, stable (exertional, of effort) I20.89, "other forms of angina pectoris"; with
  // coronary atherosclerosis I25.118 (guideline I.C.9.b: the combination code).
  [
    /\b(?:chronic\s+)?(?:stable|exertional|effort)\s+angina(?:\s+pectoris)?\b|\bangina\s+of\s+effort\b/g,
    'other forms of angina pectoris stable angina',
  ],
  // The index: Gastroenteritis, viral, Norwalk agent (norovirus) A08.11; the tabular titles A08.1-
  // "acute gastroenteropathy due to" the agent.
  [
    /\b(norovirus|norwalk(?: agent)?)\s+(?:gastroenteritis|ge)\b|\b(?:gastroenteritis|ge)\s+(?:due to|from)\s+(norovirus|norwalk(?: agent)?)\b/g,
    (_m, a, b) => `acute gastroenteropathy due to ${a ?? b ?? ''}`,
  ],
  // The index: Exposure (to), tobacco smoke (second-hand) Z77.22.
  [
    /\b(?:exposure to\s+)?(?:second[\s-]?hand|passive)\s+(?:tobacco\s+|cigarette\s+)?smok(?:e|ing)(?:\s+exposure)?\b/g,
    'exposure to environmental tobacco smoke',
  ],
  // A perforated eardrum is its rupture (H66.01-, "with spontaneous rupture of ear drum"; H72 perforation).
  [
    /\b(?:with\s+)?(?:(?:tm|tympanic membrane|ear\s?drum)\s+perforation|perforat(?:ed|ion of)\s+(?:the\s+)?(?:tm|tympanic membrane|ear\s?drum))\b/g,
    'with spontaneous rupture of ear drum',
  ],
  // The index: Arthralgia - see Pain, joint (M25.5-); the temporomandibular joint's own code needs it named.
  [
    /(?<!\b(?:tmj|temporomandibular(?: joint)?|jaw)\s+)\barthralgias?\b(?!\s+of\s+(?:the\s+)?(?:temporomandibular|tmj|jaw))/g,
    'pain in joint',
  ],
  // The index: Blood, in, urine - see Hematuria.
  [/\bblood in (?:the |her |his )?urine\b|\burine (?:\w+ )?positive for blood\b/g, 'hematuria'],
  // The index: Stone, kidney and Calculus, kidney N20.0 (the calculus is named, not a congenital "renal calculi").
  [/\b(?:kidney|renal) stones?\b|\bstones? in (?:the |her |his )?kidneys?\b/g, 'calculus of kidney'],
  [/\bnephrolithiasis\b/g, 'calculus of kidney nephrolithiasis'],
  // The distal and proximal parts of a long bone are its lower and upper ends; the tabular keeps the
  // words themselves for the phalanges, the interphalangeal joints and the poles and thirds of a bone.
  [/\bdistal\b(?!\s+(?:phalan\w*|interphalangeal|pole|third|radioulnar))/g, 'lower end'],
  [/\bproximal\b(?!\s+(?:phalan\w*|interphalangeal|pole|third|radioulnar))/g, 'upper end'],
  [/\brt\b/g, 'right'],
  [/\blt\b/g, 'left'],
  [/\b(hx|h\/o)\b/g, 'history'],
  [/\bfhx\b/g, 'family history'],
  [/\br\/o\b/g, 'rule out'],
  [/\bs\/p\b/g, 'status post'],
  [/\bw\/o\b/g, 'without'],
  [/\bw\/\s?/g, 'with '],
  // Mass, lump, nodule, lesion and a limb's ulcer by site, as the Alphabetic Index codes them.
  ...FINDING_INDEX,
];

/** Words that never decide a code. */
const STOP_WORDS = new Set([
  'of',
  'the',
  'and',
  'in',
  'to',
  'a',
  'an',
  'for',
  'on',
  'by',
  'or',
  'at',
  'as',
  'is',
  'was',
  'are',
  'nos',
  'nec',
  'due',
  'patient',
  'pt',
  'has',
  'have',
  'from',
  'this',
  'that',
  'his',
  'her',
  'he',
  'she',
  'which',
  'be',
  'been',
  'x',
  'days',
  'day',
  'weeks',
  'week',
  'since',
  'for',
  'today',
  'also',
  'noted',
  'presents',
  'present',
  'c',
  'o',
  'complains',
  'reports',
  'seen',
  'visit',
  'follow',
  'up',
  'f',
  'u',
  'stable',
  'well',
  'controlled',
  'continue',
]);

/**
 * Words that qualify a code without being evidence for it: they neither count as a match
 * nor as unexplained detail ("unspecified", "other", "with"...; "uncomplicated" is the default the
 * classification assumes when no complication is documented, F11.20).
 */
const NEUTRAL_WORDS = new Set([
  'unspecified',
  'other',
  'specified',
  'with',
  'without',
  'type',
  'site',
  'use',
  'encounter',
  'initial',
  'uncomplicated',
]);

/**
 * The text with abbreviations expanded, and the groups of tokens each expansion produced: the words
 * of one group stand for one documented word ("colon" gives "colon large intestine"), so a code that
 * explains one of them has consumed the whole group.
 */
export function expandWithGroups(text: string): { text: string; groups: string[][] } {
  return expansions.read(text, expandUncached);
}

/**
 * The same phrases are read again and again while one encounter is coded (each note clause for
 * every diagnosis): expansions and tokens are remembered, a bounded number of them (pure functions
 * of the text, so the cache changes nothing but the cost).
 */
const CACHE_HALF = 10_000;
const expansions = new RecentlyRead<{ text: string; groups: string[][] }>(CACHE_HALF);
const tokenLists = new RecentlyRead<readonly string[]>(CACHE_HALF);

function expandUncached(text: string): { text: string; groups: string[][] } {
  let cased = text;
  for (const [pattern, replacement] of CAPITALISED_ABBREVIATIONS) cased = cased.replace(pattern, replacement);
  let out = ` ${cased.toLowerCase()} `;
  const groups: string[][] = [];
  for (const [pattern, replacement, scope] of ABBREVIATIONS) {
    out = scope
      ? expandWithin(out, scope, (part) => applyExpansion(part, pattern, replacement, groups))
      : applyExpansion(out, pattern, replacement, groups);
  }
  return { text: out.trim(), groups };
}

/**
 * One expansion applied to a text, each replacement of more than one word kept in `groups`.
 * A module function, not a closure made per pattern and text: under tsx every named closure is
 * also given its name at creation, which was half the cost of a first expansion.
 */
function applyExpansion(part: string, pattern: RegExp, replacement: Replacement, groups: string[][]): string {
  // Most patterns do not occur in a given text, and a test costs less than a replace with a callback.
  pattern.lastIndex = 0;
  const occurs = pattern.test(part);
  pattern.lastIndex = 0;
  if (!occurs) return part;
  return part.replace(pattern, (match: string, ...rest: unknown[]) => {
    const captures = rest.filter((r): r is string => typeof r === 'string' || r === undefined).map((r) => r ?? '');
    const rep =
      typeof replacement === 'string'
        ? replacement.replace(/\$(\d)/g, (_x, n: string) => captures[Number(n) - 1] ?? '')
        : replacement(match, ...captures);
    const g = tokenize(rep).filter((t) => !NEUTRAL_WORDS.has(t));
    if (g.length > 1) groups.push(g);
    return rep;
  });
}

/** The patterns expandWithGroups applies, in order (test/coding/expansion-cost-19.test.ts bounds their cost by their form). */
export function expansionPatterns(): RegExp[] {
  return [...CAPITALISED_ABBREVIATIONS, ...ABBREVIATIONS].map(([pattern]) => pattern);
}

export function expandAbbreviations(text: string): string {
  return expandWithGroups(text).text;
}

/** Light suffix stripping so "fractures"/"fracture" and "diabetic"/"diabetes" meet. */
export function stem(word: string): string {
  return stems.read(word, stemUncached);
}

/** Stems by word: a record and the code set's titles use a few thousand words, each stemmed once. */
const stems = new RecentlyRead<string>(CACHE_HALF);

function stemUncached(word: string): string {
  if (word.length <= 3 || /^\d/.test(word)) return word;
  const bone = BONE_ADJECTIVES.get(word);
  if (bone) return bone;
  if (word === 'diabetic' || word === 'diabetes') return 'diabet';
  if (word === 'elevated' || word === 'elevation') return 'elevat';
  // "Infected knee prosthesis" is the tabular's "infection ... due to ... knee prosthesis";
  // "prosthetic joint" its "joint prosthesis".
  if (word === 'infected') return 'infection';
  if (word === 'prosthetic') return 'prosthesis';

  // "Urinary urgency" and "urgency of urination" meet ("urine", "urinary", "urination").
  if (/^urin(e|ary|ation)$/.test(word)) return 'urin';
  const irregular = IRREGULAR_PLURALS.get(word);
  if (irregular) return irregular;
  // Greek plurals of "-osis" and "-ysis": "seborrheic keratoses" are keratosis, "paralyses" paralysis.
  if (word.length >= 7 && /(?:os|ys)es$/.test(word)) return `${word.slice(0, -2)}is`;
  if (word.endsWith('ies') && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

/** Latin plurals the records write and the tabular names in the singular ("solar lentigines": lentigo, L81.4). */
const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ['lentigines', 'lentigo'],
  ['nevi', 'nevus'],
  ['naevi', 'nevus'],
  ['verrucae', 'verruca'],
  ['condylomata', 'condyloma'],
  ['diverticula', 'diverticulum'],
  ['calculi', 'calculus'],
  ['thrombi', 'thrombus'],
]);

/**
 * Bones named by their adjective ("tibial shaft", "femoral neck", "radial head") meet the tabular's
 * noun ("shaft of tibia", "neck of femur", "head of radius"); titles that use the adjective
 * ("tibial spine") are read the same way, so they still meet their own words. The femoral, radial
 * and ulnar vessels and nerves keep their adjective: those three are bones only before a bone's part.
 */
const BONE_ADJECTIVES: ReadonlyMap<string, string> = new Map([
  ['tibial', 'tibia'],
  ['fibular', 'fibula'],
  ['humeral', 'humerus'],
  ['clavicular', 'clavicle'],
  ['patellar', 'patella'],
  ['calcaneal', 'calcaneus'],
  ['scapular', 'scapula'],
  ['ischial', 'ischium'],
]);

/**
 * A letter naming a type after these words ("hepatitis C", "vitamin A", "hemophilia A", "protein C")
 * is a word of the diagnosis, not the stop word it is elsewhere ("c/o", "a").
 */
const TYPED_BY_LETTER = new Set(['hepatitis', 'vitamin', 'hemophilia', 'protein']);

/** All tokens of a text, stemmed, stop words removed (neutral words kept). */
/** A word's first five letters: "diabetic" names the condition "diabetes" names. */
export const stemOf = (word: string): string => word.slice(0, 5);

/** A title's condition before what it comes with ("Concussion" of "Concussion with loss of consciousness ..."). */
export const titleHead = (title: string): string => title.split(/,|\s(?:with|without|due to|in|of unspecified)\s/i)[0] ?? title;

export function tokenize(text: string): string[] {
  return [...tokenLists.read(text, tokenizeUncached)];
}

function tokenizeUncached(text: string): string[] {
  let cleaned = text.toLowerCase();
  // (Each rewrite only where its text occurs: most texts have neither, and a first reading of the
  // code set's titles tokenizes tens of thousands of them.)
  if (cleaned.includes("'s")) cleaned = cleaned.replace(/'s\b/g, '');
  // "non-pressure" is one word: not a match for "pressure".
  if (cleaned.includes('non')) cleaned = cleaned.replace(/\bnon[-\s]+(?=[a-z])/g, 'non');
  const out: string[] = [];
  let previous = '';
  for (const raw of cleaned.split(/[^a-z0-9]+/)) {
    if (!raw) continue;
    const typeLetter = raw.length === 1 && TYPED_BY_LETTER.has(previous);
    previous = raw;
    if (STOP_WORDS.has(raw) && !typeLetter) continue;
    out.push(stem(raw));
  }
  return out;
}

export function isNeutral(token: string): boolean {
  return NEUTRAL_WORDS.has(token);
}

/**
 * The tokens of a code description that a record must explain: the description without its
 * parenthesised non-essential modifiers and without default qualifiers ("without ...", "not ...").
 */
export function coreTokens(description: string): string[] {
  let text = description.includes('(') ? description.replace(/\([^)]*\)/g, ' ') : description;
  // Neither rewrite reaches over a comma, so the text is rewritten whole; its commas are then spaces.
  const lower = text.toLowerCase();
  if (lower.includes('without') || lower.includes('not'))
    text = text.replace(/\b(without|not)(\s+having\s+achieved)?(\s+[a-z-]+){1,2}/gi, ' ');
  if (lower.includes('unspecified')) text = text.replace(/\bunspecified\s+(site|side|part|type|organism)\b/gi, ' ');
  // (Not through tokenize's cache: this text without its modifiers is read once, the cache would only churn.)
  return tokenizeUncached(text.replaceAll(',', ' ')).filter((t) => !NEUTRAL_WORDS.has(t));
}

export const LATERALITY_WORDS = ['right', 'left', 'bilateral'] as const;
export type Laterality = (typeof LATERALITY_WORDS)[number];

export function lateralityOf(tokens: Iterable<string>): Laterality | undefined {
  const set = new Set(tokens);
  if (set.has('bilateral') || (set.has('right') && set.has('left'))) return 'bilateral';
  if (set.has('right')) return 'right';
  if (set.has('left')) return 'left';
  return undefined;
}

/** A count as a note writes it, in digits or in words ("for 5 days", "for five days"): a regular-expression source. */
export const COUNT = String.raw`\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty`;

/** A text as a literal inside a regular expression. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words before a detail that date it to the past: "progressed from", "previously", "at her last visit". */
const FORMER =
  /\b(from|previously|formerly|was|were|prior|earlier|last visit|before|initially|originally|first (?:documented|diagnosed|noted|described))\b[^.;]{0,12}$/i;
/**
 * Words after a detail that call it out of date ("the 'paroxysmal' entry on the problem list is
 * outdated"), or the year of a dated list entry right after it ("CKD stage 4 (2024)").
 */
const SUPERSEDED =
  /^["'\u201d]?[^.;]{0,40}\b(outdated|out of date|no longer (?:accurate|current|applies)|superseded|carried (?:over|forward) in error)\b|^\s*\((?:dx\s*|diagnosed\s*|as of\s*|in\s*)?(?:\d{1,2}\/)?(?:19|20)\d\d\b/i;

/** Whether the text names a value (a match of `value`, global) as the former one ("progressed from stage 4"). */
export function namesAsFormer(text: string, value: RegExp): boolean {
  for (const m of text.matchAll(value)) {
    if (FORMER.test(text.slice(Math.max(0, m.index - 40), m.index))) return true;
    if (SUPERSEDED.test(text.slice(m.index + m[0].length))) return true;
  }
  return false;
}
