/**
 * The clinical-validation table: for each diagnosis family, the test (or statement) of the record
 * that bears on it, how its result reads as contradicting the diagnosis, and how as supporting it.
 * A urinalysis negative for leukocyte esterase and nitrite against a urinary tract infection, a
 * normal FEV1/FVC ratio after a bronchodilator against COPD, a normal dopamine transporter scan
 * against Parkinson's disease, a culture of methicillin-resistant Staphylococcus aureus against an
 * MSSA code (and the reverse), a lifelong abstainer against an alcohol-induced disorder. Clinical
 * knowledge a coder brings to the record, one entry per family; result-contradicts.ts asks the
 * physician about each. Over 300 lines because it is that table, one entry per family in one place
 * (the kidney-injury reading of creatinine values, a computation, lives in kidney-injury-validations.ts).
 */

/** A reading of a result statement: a pattern it contains, or a test of its words (a value against a cut-off). */
export type Reading = RegExp | ((result: string) => boolean);
export const reads = (r: Reading, text: string): boolean => (typeof r === 'function' ? r(text) : r.test(text));

/**
 * One row of the table: the diagnosis's codes, the test (or statement) that bears on it, and how its
 * result reads against or for the diagnosis. The optional parts each change one thing, and few rows use
 * them: the words the diagnosis must be stated in (`statedAs`), what the contradicting sentence is
 * (`against`), the code an answer may name instead (`otherwise`), and when a contradiction is nothing
 * to ask (`unless`).
 */
export interface Validation {
  /** The diagnosis's codes... */
  codedAs: RegExp;
  /** ...and, for a row of one diagnosis of several a code covers, the words its statement names it by (a history of stroke, not of a TIA alone). */
  statedAs?: RegExp;
  /** The test that would confirm it, as the record names it (or, for a statement row, the statement itself). */
  test: RegExp;
  /** The result, read from the test on, as contradicting the diagnosis... */
  negative: Reading;
  /** ...and nothing of it supporting it. */
  positive: Reading;
  /** The contradicting sentence, when it is not a test's result: see Against. */
  against?: Against;
  /** What the result shows instead, and the code of the same condition with it (MSSA against MRSA): an answer naming it codes it. */
  otherwise?: { said: RegExp; code: Readonly<Record<string, string>> };
  /** When a contradicting sentence is nothing to ask: see Unless. */
  unless?: Unless;
}

/**
 * What the contradicting sentence is, when not a test's result: an examination's finding (read like a
 * result, from the test on; the question calls it "the examination"), or a statement of the record
 * read whole (a relative's, or a later "until", is no contradiction).
 */
export type Against = 'examination' | 'statement';

/** The cases in which a row asks nothing, each for the rows that name it. */
export interface Unless {
  /** A statement of the record already says what the finding is (the deficits called residual). */
  settledBy?: RegExp;
  /** A code on the claim accounts for the result (a carcinoma coded beside the nevus). */
  accountedBy?: RegExp;
}

const NEGATIVE = /\b(?:neg(?:ative)?|normal|nl|unremarkable|wnl|no growth|not detected)\b/i;

/** The finding's words where nothing just before denies them ("no obstruction", "without pancreatitis", "not consistent with"). */
export const found = (words: string): RegExp =>
  new RegExp(`(?<!\\b(?:no|not|without|negative for|free of|rules? out)\\s+(?:[\\w/-]+\\s+){0,3})\\b(?:${words})\\b`, 'i');

/** A spirometry measure's name: the ratio, or another measure whose values are no ratio. */
const SPIROMETRY_MEASURE = /\bfev1\s*[/:]\s*fvc\b|\bfev1 to fvc\b|\bfev1\b|\bfvc\b|\bdlco\b|\btlc\b|\brv\b/gi;
const IS_RATIO = /^fev1(?:\s*[/:]\s*| to )fvc$/i;
const AFTER_BRONCHODILATOR = /\bpost\b|\bafter (?:the )?(?:bronchodilator|bd|albuterol|salbutamol)\b/i;

/**
 * The FEV1/FVC ratio a spirometry statement gives, as a fraction: a value read after the ratio's
 * name (not after FEV1's or FVC's own), the one after the bronchodilator when one is marked so
 * ("0.62 pre, 0.74 post", "post-BD FEV1/FVC 0.74"), otherwise the first.
 */
function fev1FvcRatio(result: string): number | undefined {
  const measures = [...result.matchAll(SPIROMETRY_MEASURE)];
  const numbers = [...result.matchAll(/(?<![\d.])(\d{1,3}(?:\.\d+)?|\.\d+)(?![\d/])/g)];
  const values = numbers.flatMap((n, k) => {
    const measure = measures.filter((m) => m.index < n.index).at(-1);
    if (!measure || !IS_RATIO.test(measure[0].trim())) return [];
    const value = Number(n[1]) > 1 ? Number(n[1]) / 100 : Number(n[1]);
    if (value < 0.3 || value > 1) return [];
    const from = Math.max(measure.index + measure[0].length, (numbers[k - 1]?.index ?? 0) + (numbers[k - 1]?.[0].length ?? 0));
    const to = numbers[k + 1]?.index ?? result.length;
    const before = result.slice(Math.max(0, measure.index - 25), measure.index);
    const post =
      [result.slice(from, n.index), result.slice(n.index + n[0].length, to)].some((t) => AFTER_BRONCHODILATOR.test(t)) ||
      AFTER_BRONCHODILATOR.test(before);
    return [{ value, post }];
  });
  return (values.filter((v) => v.post).at(-1) ?? values[0])?.value;
}

/** Spirometry that shows airflow obstruction not fully reversed: COPD's defining finding. */
const OBSTRUCTION_FOUND = found(
  '(?:mild|moderate|severe|fixed|irreversible|persistent)\\s+(?:airflow\\s+|airway\\s+)?(?:obstruction|limitation)|obstructive\\s+(?:pattern|defect|ventilatory)|not\\s+(?:fully\\s+|completely\\s+)?reversible|partially reversible|gold\\s+(?:[1-4]|i{1,3}|iv)',
);
const FULLY_REVERSIBLE = /\b(?:fully|completely) reversible\b|\bnormali[sz]ed (?:after|with|post)\b/i;

/** Staphylococcus aureus reported resistant to the penicillinase-resistant penicillins (MRSA), not denied. */
const RESISTANT: Reading = (s) =>
  found(
    'mrsa|(?:oxacillin|methicillin|nafcillin|cefoxitin)\\s*(?:sensitivity|susceptibility|mic)?\\s*[:=-]?\\s*(?:resistant|r)|resistant to (?:oxacillin|methicillin|nafcillin|cefoxitin)|meca (?:gene )?(?:positive|detected)',
  ).test(s.replace(/\bmrsa\b[^.;,]{0,20}?\b(?:neg(?:ative)?|not detected)\b/gi, ' ')) && !/\bnot (?:mrsa|resistant)\b/i.test(s);
/** Staphylococcus aureus reported susceptible to them (MSSA). */
const SUSCEPTIBLE: Reading = found(
  'mssa|(?:oxacillin|methicillin|nafcillin|cefoxitin)\\s*(?:sensitivity|susceptibility|mic)?\\s*[:=-]?\\s*(?:susceptible|sensitive|s)|(?:susceptible|sensitive) to (?:oxacillin|methicillin|nafcillin|cefoxitin)|meca (?:gene )?(?:neg(?:ative)?|not detected)',
);
/** A culture or susceptibility report of Staphylococcus aureus (a diagnosis naming MRSA is no report). */
const STAPH_TEST =
  /\b(?:cultures?|cx|isolates?|grew|grows|growing|sensitivit(?:y|ies)|susceptibilit(?:y|ies)|meca|pcr|swab|screen|(?:staph(?:ylococcus)?|s\.?) aureus)\b/i;
/** A colonization screen (nares swab, screening PCR): the carrier's test, not the infection's culture. */
const SCREEN = /\b(?:nares|nasal|screen\w*|surveillance|colonization|colonized)\b/i;
/** An earlier report, not the one that bears on this episode. */
const EARLIER = /\b(?:history|hx|h\/o|prior|previous(?:ly)?|remote|old|in (?:19|20)\d\d)\b/i;
const MSSA_TO_MRSA: Readonly<Record<string, string>> = {
  'A41.01': 'A41.02',
  'J15.211': 'J15.212',
  'B95.61': 'B95.62',
  'Z22.321': 'Z22.322',
};
const MRSA_TO_MSSA: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(MSSA_TO_MRSA).map(([a, b]) => [b, a]));

/**
 * Rheumatoid factor or anti-CCP antibodies reported positive, high, or at 20 units or more: each test
 * read just after its name ("RF 64 IU/mL", "anti-CCP titer >250"; not "RF ablation 2024", nor a date).
 */
function seropositive(result: string): boolean {
  const tests = /\b(?:rf|rheumatoid factor|anti-?ccp|ccp|acpa|anti-?cyclic citrullinated peptide)\b(?: (?:antibod(?:y|ies)|ab|igg|igm))?/gi;
  return [...result.matchAll(tests)].some((m) => {
    const value = result.slice(m.index + m[0].length).slice(0, 30);
    if (/^\s*(?:\([^)]*\)\s*)?(?:[:=-]\s*)?(?:was |is )?(?:weakly |strongly |very )?(?:pos(?:itive)?\b|high\b|elevated\b|\+)/i.test(value))
      return true;
    const n = /^\s*(?:titer|titre|level|quant\w*|value)?\s*(?:was|is|of|at|=|:|-)?\s*([<>]?)\s*(\d+(?:\.\d+)?)(?![\d/]|-\d)/i.exec(value);
    return n !== null && n[1] !== '<' && Number(n[2]) >= 20;
  });
}

/** A statement that the patient never drank alcohol at any time. */
const LIFELONG_ABSTAINER =
  /\b(?:never (?:drank|drunk|consumed alcohol|used alcohol|had (?:a drink|alcohol|any alcohol))|denies ever (?:drinking|using alcohol|having (?:a drink|alcohol))|(?:etoh|alcohol)(?: use)?\s*[:-]\s*never\b|has never (?:had|used|consumed|drunk) (?:any )?alcohol|lifelong (?:abstainer|abstinence|abstinent|teetotal\w*|non-?drinker)|life-long (?:abstainer|abstinence|non-?drinker)|teetotal\w*|never (?:a )?drinker|no (?:history of )?alcohol (?:use )?ever|no alcohol (?:ever|in (?:his|her|their) (?:life|lifetime))|no lifetime alcohol)\b/i;

/**
 * The MSSA and MRSA codes beside a report of the other: an infection (sepsis, pneumonia, the agent
 * B95.6-) beside its culture or susceptibilities, a carrier state (Z22.32-) beside a screen too. A
 * screen does not bear on an infection (a carrier of MRSA may have MSSA bacteremia), nor an earlier report.
 */
function staphylococcusRows(): Validation[] {
  const sides = [
    { codes: MSSA_TO_MRSA, against: RESISTANT, for: SUSCEPTIBLE, said: /\bmrsa\b|\b(?:methicillin|oxacillin)[- ]resistant\b/i },
    {
      codes: MRSA_TO_MSSA,
      against: SUSCEPTIBLE,
      for: RESISTANT,
      said: /\bmssa\b|\b(?:methicillin|oxacillin)[- ](?:susceptible|sensitive)\b/i,
    },
  ];
  return sides.flatMap((side) => {
    const codes = Object.keys(side.codes);
    const carrier = codes.filter((c) => c.startsWith('Z22'));
    const infection = codes.filter((c) => !c.startsWith('Z22'));
    const row = (coded: string[], screens: boolean): Validation => ({
      codedAs: new RegExp(`^(?:${coded.map((c) => c.replace('.', '\\.')).join('|')})$`),
      test: STAPH_TEST,
      negative: (s) => reads(side.against, s) && (screens || !SCREEN.test(s)),
      positive: (s) => reads(side.for, s) || EARLIER.test(s),
      otherwise: { said: side.said, code: side.codes },
    });
    return [row(infection, false), row(carrier, true)];
  });
}

/** Synovial fluid crystals under polarized light: the calcium pyrophosphate of pseudogout... */
const PYROPHOSPHATE_CRYSTALS = found(
  'positively birefringent|weakly positive(?:ly)? birefringent|rhomboid(?:-shaped)?|rhomboidal|calcium pyrophosphate(?: dihydrate)?|cppd?(?: crystals)?',
);
/** ...and the monosodium urate of gout. */
const URATE_CRYSTALS = found(
  'negatively birefringent|strongly negative(?:ly)? birefringent|needle(?:-shaped| shaped)?(?: crystals)?|monosodium urate|msu(?: crystals)?|urate crystals|uric acid crystals',
);
/** A test of joint fluid for crystals (its fluid named first: "Fluid: rhomboid crystals"). */
const CRYSTAL_TEST =
  /\b(?:crystals?(?: analysis| exam\w*)?|polari[sz]ed (?:light )?microscopy|(?:synovial |joint )?fluid|aspirates?|arthrocentesis)\b/i;

/**
 * A pathology, cytology or biopsy report naming a malignancy (not denied: "negative for malignancy",
 * "no carcinoma" read as no finding). Bethesda VI is the thyroid cytology category "malignant".
 */
const MALIGNANCY_REPORTED = found(
  'carcinomas?|malignan(?:t|cy)|melanomas?|lymphomas?|sarcomas?|bethesda (?:category )?(?:vi|6)|adenocarcinomas?|mesothelioma|myeloma',
);
const PATHOLOGY_TEST =
  /\b(?:patholog\w*|path(?: report)?|biops(?:y|ies)|bx|cytolog\w*|fna|fine[- ]needle aspirat\w*|histolog\w*|frozen section|surgical specimen|excision specimen)\b/i;

/** An examination finding the patient well nourished (not denied: "not well nourished" is no such finding). */
const WELL_NOURISHED = found('well[- ]?nourished|adequately nourished|no (?:signs?|evidence) of malnutrition');

/**
 * The malnutrition indicators of a nutrition assessment (ASPEN/AND: weight loss, reduced intake, loss
 * of muscle or fat), each stated absent: no muscle or fat wasting, a stable weight, an intake of most
 * meals.
 */
const NO_WASTING =
  /\bno (?:(?:signs?|evidence) of )?(?:muscle|fat|subcutaneous fat|muscle mass)(?: (?:or|and|\/) (?:muscle|fat))? (?:wasting|loss|depletion)\b/i;
const WEIGHT_STABLE = /\b(?:wt|weight)\b[^.;,]{0,25}\bstable\b|\bstable (?:wt|weight)\b|\bno (?:recent )?(?:wt|weight) loss\b/i;
const FULL_INTAKE =
  /\bintake\b[^.;,]{0,12}?\b(?:75|80|85|90|95|100)\s*%?(?:\s*-\s*100\s*)?%|\beats? (?:all|most|100%) of (?:her |his |their )?meals\b/i;
const NUTRITION_INDICATORS = [NO_WASTING, WEIGHT_STABLE, FULL_INTAKE];

export const VALIDATIONS: readonly Validation[] = [
  {
    // Urinary tract infection (N39.0) or cystitis (N30.-).
    codedAs: /^(?:N39\.0|N30\.)/,
    test: /\b(?:ua|u\/a|urinalysis|urine dip\w*|dipstick|urine (?:culture|cx)|ucx)\b/i,
    negative: NEGATIVE,
    positive: /\b(?:pos(?:itive)?|trace|small|moderate|large|many|tntc|grew|growing|cfu)\b|\+/i,
  },
  {
    // Streptococcal pharyngitis (J02.0).
    codedAs: /^J02\.0/,
    test: /\b(?:rapid strep|strep (?:test|screen|swab|ag|antigen|pcr)|rads|gas (?:pcr|antigen)|throat (?:culture|cx))\b/i,
    negative: NEGATIVE,
    positive: /\b(?:pos(?:itive)?|detected|grew|growing)\b|\+/i,
  },
  {
    // Pneumonia (J12-J18).
    codedAs: /^J1[2-8]\./,
    test: /\b(?:cxr|chest x-?rays?|chest radiographs?|chest films?)\b/i,
    negative:
      /\b(?:clear|no (?:acute |focal )?(?:infiltrates?|consolidation|opacit\w*|pneumonia|acute (?:process|findings?|disease))|negative|normal|unremarkable)\b/i,
    positive: /(?<!\bno (?:acute |focal )?)\b(?:infiltrates?|consolidation|opacit(?:y|ies)|airspace disease)\b/i,
  },
  {
    // COVID-19 (U07.1).
    codedAs: /^U07\.1/,
    test: /\b(?:covid(?:-?19)?|sars-?cov-?2)\b[^.;]{0,20}\b(?:test|pcr|antigen|ag|naat)\b/i,
    negative: NEGATIVE,
    positive: /\b(?:pos(?:itive)?|detected)\b|\+/i,
  },
  {
    // Disc herniation, with or without radiculopathy (M50.1-, M50.2-, M51.1-, M51.2-).
    codedAs: /^M5[01]\.[12]/,
    test: /\b(?:mri|ct|myelogra\w*)\b/i,
    negative: /\bno (?:evidence of )?(?:dis[ck] )?(?:herniation|herniated dis[ck]|protrusion|extrusion|hnp)\b/i,
    positive: /(?<!\b(?:no|without) (?:evidence of )?(?:dis[ck] )?)\b(?:herniat\w*|protrusions?|extrusions?|hnp)\b/i,
  },
  {
    // Acute deep vein thrombosis of a limb (I82.4-, I82.6-).
    codedAs: /^I82\.[46]/,
    test: /\b(?:duplex|doppler|venous (?:us|ultrasound|study)|(?:le|ue|leg|arm) (?:us|ultrasound))\b/i,
    negative: /\bno (?:evidence of )?(?:dvt|deep vein thrombosis|thromb\w*|clot)\b|\bnegative\b/i,
    positive: /(?<!\bno (?:evidence of )?)\b(?:dvt|occlusive|non-?compressible|thrombus)\b/i,
  },
  {
    // COPD (J44.-): spirometry showing no airflow obstruction that persists after a bronchodilator.
    codedAs: /^J44\./,
    test: /\b(?:spirometry|pfts?|pulmonary function (?:tests?|testing|studies)|fev1\s*[/:]\s*fvc)\b/i,
    negative: (s) =>
      (fev1FvcRatio(s) ?? 0) >= 0.7 ||
      FULLY_REVERSIBLE.test(s) ||
      /\b(?:normal spirometry|spirometry (?:is |was )?(?:normal|wnl|within normal limits)|no (?:evidence of )?(?:fixed |persistent |airflow |airway |obstructive )*(?:obstruction|limitation|defect|pattern))\b/i.test(
        s,
      ),
    positive: (s) => {
      const ratio = fev1FvcRatio(s);
      return ratio !== undefined ? ratio < 0.7 : OBSTRUCTION_FOUND.test(s) && !FULLY_REVERSIBLE.test(s);
    },
  },
  {
    // Parkinson's disease (G20.-): a dopamine transporter scan showing intact presynaptic uptake.
    codedAs: /^G20/,
    test: /\b(?:dat ?scan|dat[- ]spect|dopamine transporter (?:scan|imaging|spect|study)|ioflupane)\b/i,
    negative:
      /\b(?:normal|negative|unremarkable|wnl|intact|preserved)\b|\bno (?:evidence of )?(?:\w+ ){0,2}(?:deficit|loss|degeneration|denervation)\b|\bsymmetric(?:al)? (?:\w+ )?uptake\b/i,
    positive: found(
      'abnormal|reduced|decreased|diminished|absent|loss|asymmetric\\w*|deficit|degeneration|denervation|consistent with (?:a |an )?(?:parkinson\\w*|presynaptic|dopaminergic|nigrostriatal|neurodegenerative)',
    ),
  },
  {
    // Acute pancreatitis (K85.-): abdominal imaging showing a normal pancreas and no inflammation of it.
    codedAs: /^K85\./,
    test: /\b(?:ct|cta|mri|mrcp|ultrasound|sonogra\w*|us|eus|imaging)\b/i,
    negative:
      /\b(?:normal(?:[- ]appearing)? pancreas|unremarkable pancreas|pancreas (?:is |was |appears |appeared |looks )?(?:normal|unremarkable|wnl|within normal limits)|no (?:\w+ )?(?:evidence|findings|signs) of (?:acute )?pancreatitis|no (?:acute )?pancreatitis|no (?:acute )?(?:pancreatic|peripancreatic) (?:inflammation|edema|stranding|fat stranding|fluid|changes))\b/i,
    positive: found(
      'pancreatitis|peripancreatic (?:fat )?(?:stranding|fluid|edema|inflammation|collections?)|pancreatic (?:edema|necrosis|inflammation|enlargement)|edematous|necroti\\w*|necrosis|walled-off|pseudocysts?|fluid collections?|enlarged pancreas|stranding',
    ),
  },
  ...staphylococcusRows(),
  {
    // A disorder alcohol causes (F10 intoxication, withdrawal and induced disorders, alcoholic liver
    // disease, polyneuropathy, cardiomyopathy, gastritis, pancreatitis, nervous system degeneration)
    // beside a statement that the patient never drank. A negative blood alcohol or PEth is no such statement.
    codedAs: /^(?:F10\.[129][2-9]|K70\.|G62\.1|I42\.6|K29\.2|K86\.0|K85\.2|G31\.2)/,
    test: LIFELONG_ABSTAINER,
    negative: LIFELONG_ABSTAINER,
    positive:
      /\b(?:until|since|quit|stopped|former(?:ly)?|used to|previously|in the past|ago|relapse\w*|binge\w*|heav\w*|much|excess\w*|more than|socially|social (?:drink\w*|use)|occasional\w* (?:drink\w*|beers?|glass\w*|wine)|only|hard liquor|spirits|not (?:a )?(?:lifelong|true|accurate|reliable)|mother|father|wife|husband|partner|spouse|son|daughter|sister|brother|family)\b/i,
    against: 'statement',
  },
  {
    // Malnutrition (E40-E46) beside an examination finding the patient well nourished, with no sign of
    // it (wasting, cachexia) in the same sentence: the diagnosis needs clinical validation (its
    // indicators are the examination's, the weight and the intake), so the physician confirms it.
    codedAs: /^E4[0-6]/,
    test: WELL_NOURISHED,
    negative: WELL_NOURISHED,
    positive: found(
      'malnourish\\w*|undernourish\\w*|cachexi\\w*|cachectic|wasting|wasted|emaciat\\w*|temporal hollowing|sarcopeni\\w*|frail\\w*|thin',
    ),
    against: 'examination',
  },
  {
    // Malnutrition (E40-E46) beside a nutrition assessment that states at least two of its indicators
    // absent (no muscle or fat wasting, a stable weight, most meals eaten), with no sign of it in the
    // same sentence: the diagnosis needs clinical validation (ASPEN/AND: two characteristics), so the
    // physician confirms it.
    codedAs: /^E4[0-6]/,
    test: new RegExp(NUTRITION_INDICATORS.map((r) => r.source).join('|'), 'i'),
    negative: (s) => NUTRITION_INDICATORS.filter((r) => r.test(s)).length >= 2,
    positive: found(
      'malnourish\\w*|undernourish\\w*|cachexi\\w*|cachectic|wasting|wasted|emaciat\\w*|temporal hollowing|sarcopeni\\w*|poor intake|weight loss|wt loss',
    ),
    against: 'examination',
  },
  {
    // Rheumatoid arthritis without rheumatoid factor (M06.0-) beside a positive rheumatoid factor or anti-CCP.
    codedAs: /^M06\.0/,
    test: /\b(?:rf|rheumatoid factor|anti-?ccp|ccp|acpa|anti-?cyclic citrullinated peptide)\b/i,
    negative: seropositive,
    positive: () => false,
  },
  {
    // Gout (M10.-, M1A.-) beside joint fluid showing calcium pyrophosphate crystals and no urate ones.
    codedAs: /^M(?:10|1A)\./,
    test: CRYSTAL_TEST,
    negative: PYROPHOSPHATE_CRYSTALS,
    positive: URATE_CRYSTALS,
  },
  {
    // Calcium pyrophosphate disease (M11.1-, M11.2-) beside urate crystals and no pyrophosphate ones.
    codedAs: /^M11\.[12]/,
    test: CRYSTAL_TEST,
    negative: URATE_CRYSTALS,
    positive: PYROPHOSPHATE_CRYSTALS,
  },
  {
    // A lesion called benign (a benign neoplasm D10-D36, a seborrheic keratosis, a thyroid nodule, a
    // cyst, a colon or rectal polyp) beside a pathology or cytology report of a malignancy. A code that
    // leaves the behaviour open (uncertain or unspecified behaviour D37-D49, a lesion or lump NOS) is
    // no contradiction: the report completes it. An earlier report (a history, a prior excision) is
    // not the lesion coded today.
    codedAs: /^(?:D[1-3]\d|L82|L72|E04|K63\.5|K62\.[01])/,
    test: PATHOLOGY_TEST,
    negative: MALIGNANCY_REPORTED,
    positive: /\b(?:history|hx|h\/o|prior|previous(?:ly)?|remote|s\/p|status post|benign|in (?:19|20)\d\d)\b/i,
    // A malignancy coded on the claim is the reported one (the biopsied lesion beside a benign one elsewhere).
    unless: { accountedBy: /^(?:C|D0)/ },
  },
];
