/**
 * Abbreviations clinicians use for chronic diseases, written out as the tabular or the Alphabetic
 * Index names the disease (the index's own entry where its wording differs from the clinician's:
 * "Leukemia, myeloid, acute" is C92.0 acute myeloblastic leukemia; "Disease, peripheral arterial" is
 * I73.9 peripheral vascular disease). Applied before the general abbreviation table of text.ts, so
 * that a written-out "carcinoma" still reaches the neoplasm words.
 */
import { SKIN_CARCINOMA_TYPES } from './skin-morphology.ts';

/** Sites (and their adjectives) "Ca" stands beside as a cancer, capitalised or not. */
const eitherCase = (words: string) => words.replace(/\b([a-z])/g, (_m, c: string) => `[${c}${c.toUpperCase()}]`);
const CANCER_SITE = eitherCase(
  'breast|lung|colon|rectum|prostate|bladder|pancreas|ovary|cervix|uterus|endometrium|stomach|esophagus|kidney|liver|thyroid|skin',
);
const CANCER_SITE_ADJECTIVE = eitherCase(
  'breast|lung|colon|rectal|prostate|bladder|pancreatic|ovarian|cervical|endometrial|gastric|esophageal|renal|thyroid|skin',
);

/**
 * Abbreviations that are also ordinary English words in lower case ("all", "pad", "cf."): only the
 * capitalised form is the disease. Applied to the text before it is lower-cased.
 */
export const CAPITALISED_ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bALL\b/g, 'acute lymphoblastic leukemia'],
  [/\bPAD\b/g, 'peripheral vascular disease'],
  [/\bCF\b/g, 'cystic fibrosis'],
  // "UC" after a word of place or visit ("seen at UC", "f/u from UC", "UC films") is urgent care.
  [
    /(?<!\b(?:at|from|to|in|via|by|the|an)\s)\bUC\b(?!\s(?:visit|films?|x-?rays?|xr|records?|notes?|provider|clinic)\b)/g,
    'ulcerative colitis',
  ],
  // "Ca" is a cancer beside the site it names ("Ca R breast", "Prostate Ca"); elsewhere it is calcium.
  [
    new RegExp(
      String.raw`\bCa\b(?=\s+(?:of\s+)?(?:the\s+)?(?:(?:R|L|rt|lt|[Rr]ight|[Ll]eft)\.?\s+)?(?:${CANCER_SITE})\b)|(?<=\b(?:${CANCER_SITE_ADJECTIVE})\s+)Ca\b`,
      'g',
    ),
    'carcinoma',
  ],
];

/** Whole-word, lower-case abbreviations and the disease names they stand for. */
export const CHRONIC_DISEASE_ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  // Leukemias and lymphomas (C91-C92, C85): the remission axis is read from the words beside them.
  [/\bcll\b|\bchronic lymphocytic leuka?emia\b(?! of b-cell)/g, 'chronic lymphocytic leukemia of b-cell type'],
  [/\bcml\b|\bchronic myelo(?:id|genous) leuka?emia\b(?!,? bcr)/g, 'chronic myeloid leukemia bcr/abl-positive'],
  [/\baml\b|\bacute myel(?:oid|ogenous) leuka?emia\b/g, 'acute myeloblastic leukemia'],
  [/\bnhl\b/g, 'non-hodgkin lymphoma'],
  [/\bmds\b/g, 'myelodysplastic syndrome'],
  // The remission axis of C90-C95: "relapsed" is the tabular's "in relapse".
  [/\b(?:relapsed|relapsing)\b/g, 'in relapse'],
  // Vascular and cardiac.
  [/\bpvd\b|\bperipheral arter(?:ial|y) disease\b/g, 'peripheral vascular disease'],
  [/\baaa\b/g, 'abdominal aortic aneurysm'],
  [/\bcva\b/g, 'cerebral infarction'],
  [/\bacs\b/g, 'acute coronary syndrome'],
  [/\bsvt\b/g, 'supraventricular tachycardia'],
  [/\bpaf\b/g, 'paroxysmal atrial fibrillation'],
  [/\bpvcs?\b/g, 'ventricular premature depolarization'],
  [/\blbbb\b/g, 'left bundle-branch block'],
  [/\brbbb\b/g, 'right bundle-branch block'],
  [/\bhocm\b/g, 'obstructive hypertrophic cardiomyopathy'],
  // "CM"/"CMP" is a cardiomyopathy after the words that name its kind ("ischemic CM", "dilated CMP");
  // elsewhere a centimetre or a metabolic panel.
  [
    /\b(ischemic|ischaemic|non-?ischemic|dilated|hypertrophic|restrictive|alcoholic|peripartum|takotsubo|stress|hypertensive|diabetic|viral|familial)\s+(?:cm|cmp)\b/g,
    '$1 cardiomyopathy',
  ],
  [/\bnicm\b/g, 'nonischemic cardiomyopathy'],
  // The coronary arteries by their initials ("LAD stent", "RCA lesion").
  [/\blad\b/g, 'left anterior descending coronary artery'],
  [/\brca\b/g, 'right coronary artery'],
  [/\b(?:lcx|lcfx)\b/g, 'circumflex coronary artery'],
  [/\bwpw\b/g, 'wolff-parkinson-white syndrome'],
  // Lung, liver, kidney, bowel.
  [/\bild\b|\binterstitial lung disease\b/g, 'interstitial pulmonary disease'],
  [/\bards\b/g, 'acute respiratory distress syndrome'],
  [/\beskd\b/g, 'end stage renal disease'],
  [/\bpkd\b/g, 'polycystic kidney'],
  [/\bibs\b/g, 'irritable bowel syndrome'],
  [/\bhcv\b/g, 'hepatitis c'],
  [/\bhbv\b/g, 'hepatitis b'],
  [/\bhcc\b/g, 'liver cell carcinoma'],
  // Index: Carcinoma, renal cell - see Neoplasm, kidney, malignant (C64.-, history Z85.52-).
  [/\brcc\b/g, 'renal cell carcinoma of kidney'],
  // Rheumatic, endocrine, neurological, psychiatric, urological, skin.
  [/\bpmr\b/g, 'polymyalgia rheumatica'],
  [/\bsle\b/g, 'systemic lupus erythematosus'],
  [/\bpcos\b/g, 'polycystic ovarian syndrome'],
  [/\bitp\b/g, 'immune thrombocytopenic purpura'],
  [/\brls\b/g, 'restless legs syndrome'],
  [/\bocd\b/g, 'obsessive-compulsive disorder'],
  // Substance use disorders by their DSM-5 initials (the tabular's own "Alcohol use disorder, mild" F10.10...).
  [/\baud\b/g, 'alcohol use disorder'],
  [/\boud\b/g, 'opioid use disorder'],
  [/\boab\b/g, 'overactive bladder'],
  ...SKIN_CARCINOMA_TYPES.map(({ initials, morphology }): [RegExp, string] => [
    new RegExp(String.raw`\b${initials}\b`, 'g'),
    `${morphology} carcinoma`,
  ]),
  [/\bnsclc\b/g, 'non-small cell carcinoma of lung'],
  [/\bsclc\b/g, 'small cell carcinoma of lung'],
  // Glaucoma (H40.1-): the open-angle kinds by their initials.
  [/\bpoag\b/g, 'primary open-angle glaucoma'],
];
