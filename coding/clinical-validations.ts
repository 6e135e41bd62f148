/**
 * The clinical-validation table: for each diagnosis family, the test (or statement) of the record
 * that bears on it, how its result reads as contradicting the diagnosis, and how as supporting it.
 * A urinalysis negative for leukocyte esterase and nitrite against a urinary tract infection, a
 * normal FEV1/FVC ratio after a bronchodilator against COPD, a normal dopamine transporter scan
 * against Parkinson's disease, a culture of methicillin-resistant Staphylococcus aureus against an
 * MSSA code (and the reverse), a lifelong abstainer against an alcohol-induced disorder. Clinical
 * knowledge a coder brings to the record, one entry per family; result-contradicts.ts asks the
 * physician about each.
 */

/** A reading of a result statement: a pattern it contains, or a test of its words (a value against a cut-off). */
export type Reading = RegExp | ((result: string) => boolean);
export const reads = (r: Reading, text: string): boolean => (typeof r === 'function' ? r(text) : r.test(text));

export interface Validation {
  /** The diagnosis's codes. */
  codedAs: RegExp;
  /** The test that would confirm it, as the record names it (or, for a statement row, the statement itself). */
  test: RegExp;
  /** The result, read from the test on, as contradicting the diagnosis... */
  negative: Reading;
  /** ...and nothing of it supporting it. */
  positive: Reading;
  /** A statement of the record, not a test result: read whole (a relative's, or a later "until", is no contradiction). */
  statement?: true;
  /** What the result shows instead, and the code of the same condition with it (MSSA against MRSA): an answer naming it codes it. */
  otherwise?: { said: RegExp; code: Readonly<Record<string, string>> };
}

const NEGATIVE = /\b(?:neg(?:ative)?|normal|nl|unremarkable|wnl|no growth|not detected)\b/i;

/** The finding's words where nothing just before denies them ("no obstruction", "without pancreatitis", "not consistent with"). */
const found = (words: string): RegExp =>
  new RegExp(`(?<!\\b(?:no|not|without|negative for|free of|rules? out)\\s+(?:[\\w/-]+\\s+){0,3})\\b(?:${words})\\b`, 'i');

/** A number as a fraction: "0.72", ".72", "72 %" or "72" (a percentage). */
const fraction = (n: string): number => (Number(n) > 1 ? Number(n) / 100 : Number(n));
const NUMBER = String.raw`(\d{2,3}(?:\.\d+)?|\d?\.\d+)`;

/**
 * The FEV1/FVC ratio a spirometry statement gives, as a fraction: the value after the bronchodilator
 * when one is given ("0.62, post-BD 0.74"), otherwise the first value after the ratio's name.
 */
function fev1FvcRatio(result: string): number | undefined {
  const post = [
    ...result.matchAll(
      new RegExp(
        String.raw`\b(?:post[- ]?(?:bronchodilator|bd|albuterol)|after (?:bronchodilator|albuterol))\b[^\d;]{0,25}?${NUMBER}`,
        'gi',
      ),
    ),
  ];
  const stated = post.at(-1) ?? new RegExp(String.raw`\b(?:fev1\s*[/:]\s*fvc|fev1 to fvc)\b[^\d;]{0,20}?${NUMBER}`, 'i').exec(result);
  return stated?.[1] === undefined ? undefined : fraction(stated[1]);
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
const STAPH_TEST =
  /\b(?:cultures?|cx|isolates?|grew|growing|sensitivit(?:y|ies)|susceptibilit(?:y|ies)|meca|pcr|swab|screen|(?:staph(?:ylococcus)?|s\.?) aureus|mrsa|mssa)\b/i;
const MSSA_TO_MRSA: Readonly<Record<string, string>> = {
  'A41.01': 'A41.02',
  'J15.211': 'J15.212',
  'B95.61': 'B95.62',
  'Z22.321': 'Z22.322',
};
const MRSA_TO_MSSA: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(MSSA_TO_MRSA).map(([a, b]) => [b, a]));

/** Rheumatoid factor or anti-CCP antibodies reported positive, high, or at 20 units or more (each test read up to the next). */
function seropositive(result: string): boolean {
  const tests = /\b(?:rf|rheumatoid factor|anti-?ccp|ccp|acpa|anti-?cyclic citrullinated peptide)\b(?: (?:antibod(?:y|ies)|ab|igg|igm))?/gi;
  const at = [...result.matchAll(tests)].map((m) => ({ from: m.index + m[0].length }));
  return at.some(({ from }, k) => {
    const value = result.slice(from, at[k + 1]?.from ?? result.length).slice(0, 40);
    if (found('pos(?:itive)?|high|elevated|strongly|high[- ]titer').test(value) || /^\s*[:=]?\s*\+/.test(value)) return true;
    const n = /^[^\d<>.;]{0,15}([<>]?)\s*(\d+(?:\.\d+)?)/.exec(value);
    return n !== null && n[1] !== '<' && Number(n[2]) >= 20;
  });
}

/** A statement that the patient never drank alcohol at any time. */
const LIFELONG_ABSTAINER =
  /\b(?:never (?:drank|drunk|consumed alcohol|used alcohol|had (?:a drink|alcohol|any alcohol))|has never (?:had|used|consumed|drunk) (?:any )?alcohol|lifelong (?:abstainer|abstinence|abstinent|teetotal\w*|non-?drinker)|life-long (?:abstainer|abstinence|non-?drinker)|teetotal\w*|never (?:a )?drinker|no (?:history of )?alcohol (?:use )?ever|no alcohol (?:ever|in (?:his|her|their) (?:life|lifetime))|no lifetime alcohol)\b/i;

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
  {
    // An MSSA infection or carrier state (A41.01, J15.211, B95.61, Z22.321) beside a culture of MRSA.
    codedAs: /^(?:A41\.01|J15\.211|B95\.61|Z22\.321)$/,
    test: STAPH_TEST,
    negative: RESISTANT,
    positive: SUSCEPTIBLE,
    otherwise: { said: /\bmrsa\b|\b(?:methicillin|oxacillin)[- ]resistant\b/i, code: MSSA_TO_MRSA },
  },
  {
    // An MRSA infection or carrier state (A41.02, J15.212, B95.62, Z22.322) beside a culture of MSSA.
    codedAs: /^(?:A41\.02|J15\.212|B95\.62|Z22\.322)$/,
    test: STAPH_TEST,
    negative: SUSCEPTIBLE,
    positive: RESISTANT,
    otherwise: { said: /\bmssa\b|\b(?:methicillin|oxacillin)[- ](?:susceptible|sensitive)\b/i, code: MRSA_TO_MSSA },
  },
  {
    // A disorder alcohol causes (F10 intoxication, withdrawal and induced disorders, alcoholic liver
    // disease, polyneuropathy, cardiomyopathy, gastritis, pancreatitis, nervous system degeneration)
    // beside a statement that the patient never drank. A negative blood alcohol or PEth is no such statement.
    codedAs: /^(?:F10\.[129][2-9]|K70\.|G62\.1|I42\.6|K29\.2|K86\.0|K85\.2|G31\.2)/,
    test: LIFELONG_ABSTAINER,
    negative: LIFELONG_ABSTAINER,
    positive:
      /\b(?:until|since|quit|stopped|former(?:ly)?|used to|previously|in the past|ago|relapse\w*|binge\w*|heavy|not (?:a )?(?:lifelong|true|accurate|reliable)|mother|father|wife|husband|partner|spouse|son|daughter|sister|brother|family)\b/i,
    statement: true,
  },
  {
    // Rheumatoid arthritis without rheumatoid factor (M06.0-) beside a positive rheumatoid factor or anti-CCP.
    codedAs: /^M06\.0/,
    test: /\b(?:rf|rheumatoid factor|anti-?ccp|ccp|acpa|anti-?cyclic citrullinated peptide)\b/i,
    negative: seropositive,
    positive: () => false,
  },
];
