/**
 * Conditions whose type or stage the record must state: when it does not, the default code is used
 * and the physician is asked. Each rule offers the clinically meaningful choices.
 *
 * Over 300 lines because the rule table (one entry per condition, with its choices) is data kept
 * beside the two functions that read it.
 */
import type { RecordSection } from '../domain/coding.ts';
import {
  detailConflictQuestion,
  dropLessPrecise,
  resolutionFor,
  resolvedWords,
  type ClarificationIssue,
  type ClarificationOption,
} from './clarification.ts';
import { recordSays, type CodingRun, type MentionWork } from './coding-run.ts';
import { diagnosisMentions, type Mention } from './context.ts';
import { queryText } from './ranking.ts';
import { tabularSiteWords } from './head-words.ts';
import { escapeRegExp, expandAbbreviations, LATERALITY_WORDS, namesAsFormer, tokenize } from './text.ts';
import { TREATMENT_DID_NOT_WORK } from './treatment-response.ts';
import { controlOfDiabetes } from './diabetes-control.ts';

export interface SpecificityRule {
  /** The documentation mentions the condition... */
  mentions: RegExp;
  /** ...but not any of these details. */
  unlessAlso: RegExp;
  /** A statement that names the condition through its detail alone ("ESRD" is chronic kidney disease at stage 5). */
  namesCondition?: RegExp;
  /** The detail itself, as words to add to the condition when another statement of the record documents it. */
  detail: RegExp;
  aspect: string;
  options: ClarificationOption[];
  /** What the classification assumes when the detail is missing (ICD-10-CM index defaults). */
  defaultRefine?: string;
  /** Ask only when the rest of the record points at a specific type (e.g. iron studies for anemia). */
  indicatedBy?: RegExp;
  /** Asked only when the mention is coded in this family (the unspecified member the detail would replace). */
  codedAs?: RegExp;
  /**
   * False when the classification has a proper code for the detail left undocumented (influenza
   * with no virus identified is J11): the detail is taken from the record when stated, never asked.
   */
  asks?: false;
  /**
   * The detail in a comparable form, when two statements stating different values are a conflict
   * the physician must settle (type 1 vs type 2 diabetes; CKD stage 3 vs 4). Undefined: not compared.
   */
  comparable?: (detail: string) => string | undefined;
  /**
   * The statements of a value the comparison reads, when the detail names one value only and the
   * record says the other in words of its own ("intractable" beside "well controlled on topiramate").
   * Undefined: the detail.
   */
  compared?: RegExp;
  /**
   * The statement giving the detail must be about the same site: one naming a body site names one
   * of the mention's (a second fracture's "nondisplaced" is not this one's).
   */
  atSameSite?: true;
  /**
   * Two statements giving different values leave the detail open: until the physician answers, the
   * condition is coded with no value of it (the family's unspecified code), as a coder reports it,
   * not with the value of whichever statement it is coded from.
   */
  unspecifiedWhileAsked?: true;
  /**
   * A statement in which the rule's value is the state a later event replaced, not a value today
   * ("kidney transplant 2017 for ESRD": the stage before the graft).
   */
  replacedIn?: RegExp;
  /** A value the record says the condition has now ("declining, now 3b"): the other statements' values are former. */
  nowValue?: RegExp;
}

/**
 * What in a record points at a type of diabetes other than the default type 2 (insulin use does not:
 * I.C.4.a.3); a ketoacidosis or an onset the record denies ("no DKA ever") points at nothing.
 */
const OTHER_TYPE_OF_DIABETES =
  /\b(gad(65)?|anti-?gad|islet( cell)?|insulin auto|znt8|ia-?2)\b[^.;]*\b(antibod\w*|abs?|autoantibod\w*)\b[^.;]*\bpositive\b|\bpositive\b[^.;]*\b(gad(65)?|anti-?gad|islet|znt8)\b|\bc-?peptide\b[^.;]*\b(low|undetectable|absent)\b|\b(?<!\b(?:no|never|never had|denies|denied|without|negative for)\s(?:(?:any|an?|history of|hx of|prior|previous|past|episodes? of)\s)?)(ketoacidosis|dka|juvenile[- ]onset|juvenile diabetes|childhood[- ]onset|since childhood|lada|latent autoimmune)\b|\bdiagnosed (at |at age |age )([1-9]|1[0-7])\b|\bdiagnosed in childhood\b|\b(pancreatectomy|cystic fibrosis|hemochromatosis|cushing\w*|chronic pancreatitis)\b|\b(steroid|glucocorticoid|drug|chemical)[- ]induced\b/i;

/**
 * Attacks, headaches or seizures the record says go on despite treatment (a preventive failed, not
 * tolerated, no relief): what a coder reads as a reason to ask whether a migraine or an epilepsy is
 * intractable. Not when the record says "not intractable" anywhere (the physician has said). A
 * headache is often written "HA" or "H/A" ("12 HA days/mo despite topiramate").
 */
const TREATMENT_FAILING = new RegExp(
  String.raw`^(?![\s\S]*\bnot intractable\b)[\s\S]*?(?:\b(migraines?|headaches?|HA|H\/A|attacks?|seizures?|epilepsy|auras?)\b[^.;]*\b(${TREATMENT_DID_NOT_WORK}|partial relief|not tolerated|breakthrough|persist\w* (despite|on))\b|\b(${TREATMENT_DID_NOT_WORK}|not tolerated|inadequate trial|adequate trial)\b[^.;]*\b(migraines?|headaches?|HA|H\/A|attacks?|seizures?|preventives?|antiepileptics?|anticonvulsants?|triptans?)\b|\b(no|not|little|minimal) (better|improvement|benefit|relief)\b[^.;]*\bdespite\b|\b(helps?|helped|works?|worked) only (partly|partially|a little)\b)`,
  'i',
);

/**
 * An earlier depressive episode the record describes ("a depressive episode in 2019", "two prior
 * episodes"), not one it denies ("no prior depressive episodes").
 */
export const EARLIER_DEPRESSIVE_EPISODE =
  /(?<!\b(?:no|denies|denied|without|never had(?: an?| any)?)\s)\b(?:prior|previous|past|earlier|second|third|another|two|three|multiple|several|similar)\s+(?:(?:prior|previous|earlier)\s+)?(?:major\s+)?(?:depressive\s+)?(?:episodes?\b(?!\s+of\s+(?:hypo)?mania)|periods?\s+of\s+(?:major\s+)?depression\b)|\b(?:a|an|one)\s+(?:major\s+)?(?:depressive\s+episode|episode\s+of\s+(?:major\s+)?depression)\b[^.;]*\b(?:(?:19|20)\d\d|resolved|remitted|cleared|recovered|recovery)\b|\b(?:19|20)\d\d\b[^.;]*\b(?:a|an|one)\s+(?:major\s+)?depressive\s+episode\b/i;

/** What describes a depressive episode by its criteria: a PHQ-9 of 10 or more, anhedonia. */
const DEPRESSIVE_EPISODE_CRITERIA =
  /\bphq-?(?:9|a)\s*(?:score\s*)?(?:today\s*)?(?:=|:|of|is|was)?\s*(?:\d{1,2}\s*\(\s*(?:was|prior|previously|from|last)\s*:?\s*)?(?:1\d|2[0-7])\b|\banhedonia\b/i;

export const SPECIFICITY_RULES: SpecificityRule[] = [
  {
    // A DSM-5 substance use disorder is classified by its severity (the tabular's inclusion terms:
    // "Alcohol use disorder, mild" F10.10, "... moderate" and "... severe" F10.20, in remission F10.11
    // and F10.21; the same for the other substances). Unstated, the coder cannot choose abuse or
    // dependence: the physician is asked. Meanwhile the engine's closest reading is coded (a coder would
    // report the use, F10.9-, which the default words do not yet reach).
    mentions:
      /\b(?:alcohol|opioid|cannabis|cocaine|stimulant|amphetamine|methamphetamine|sedative|hypnotic|anxiolytic|benzodiazepine|inhalant|hallucinogen)\s+use disorder\b/i,
    unlessAlso: /\b(mild|moderate|severe)\b/i,
    detail: /\b(mild|moderate|severe)\b/i,
    aspect: 'severity of the substance use disorder (mild, moderate or severe)',
    options: [
      { label: 'Mild', refine: 'mild' },
      { label: 'Moderate', refine: 'moderate' },
      { label: 'Severe', refine: 'severe' },
    ],
    defaultRefine: 'use unspecified',
    codedAs: /^F1[0-9]\./,
  },
  {
    // A test result or a note naming the virus type ("rapid test positive for influenza B").
    mentions: /\binfluenza\b/i,
    unlessAlso: /\bidentified influenza virus\b|\b(novel|avian|swine)\b/i,
    detail: /\binfluenza due to other identified influenza virus\b/i,
    aspect: 'influenza virus type',
    options: [],
    asks: false,
  },
  {
    mentions: /\bdiabet/i,
    unlessAlso:
      /\btype\s*(1|2|i|ii|one|two)\b|gestational|insipidus|pre-?diabet|due to|induced|secondary|steroid|post-?pancreatectomy|neonatal|mody|other specified/i,
    detail:
      /\btype\s*(1|2|i|ii|one|two)\b|gestational|insipidus|pre-?diabet\w*|(steroid|drug|chemical)[- ]induced|post-?pancreatectomy|neonatal|mody/i,
    aspect: 'type of diabetes mellitus',
    defaultRefine: 'type 2 diabetes mellitus',
    // The type left unstated is type 2 by the guideline's default (I.C.4.a.2), not a question: the
    // physician is asked only when the record points at another type (autoimmune markers, ketoacidosis,
    // juvenile onset, a pancreas lost or diseased, a drug-induced course).
    indicatedBy: OTHER_TYPE_OF_DIABETES,
    comparable: (d) => {
      const t = /\btype\s*(1|2|i|ii|one|two)\b/i.exec(d)?.[1]?.toLowerCase();
      return t === undefined ? undefined : t === '1' || t === 'i' || t === 'one' ? 'type 1' : 'type 2';
    },
    options: [
      { label: 'Type 1 diabetes mellitus', refine: 'type 1 diabetes mellitus' },
      { label: 'Type 2 diabetes mellitus', refine: 'type 2 diabetes mellitus' },
      { label: 'Diabetes mellitus due to an underlying condition', refine: 'diabetes mellitus due to underlying condition' },
      { label: 'Drug or chemical induced diabetes mellitus', refine: 'drug or chemical induced diabetes mellitus' },
    ],
  },
  {
    // "Uncontrolled" diabetes is coded by what it means (index: Diabetes, uncontrolled): hyperglycemia or hypoglycemia.
    // Said of the diabetes, commas allowed ("DM2, uncontrolled"), not of another condition named between (diabetes-control.ts).
    mentions: controlOfDiabetes('uncontrolled|out of control|not controlled'),
    unlessAlso: /\bhyperglyc\w*|\bhypoglyc\w*|\b(poorly|inadequately|sub-?optimally) controlled\b/i,
    detail: /\bwith (hyperglycemia|hypoglycemia)\b/i,
    aspect: 'meaning of "uncontrolled" (hyperglycemia or hypoglycemia)',
    options: [
      { label: 'Diabetes with hyperglycemia', refine: 'with hyperglycemia' },
      { label: 'Diabetes with hypoglycemia', refine: 'with hypoglycemia' },
    ],
  },
  {
    // Control stated differently by two statements (assessment "well controlled", plan "poorly controlled"): asked, never assumed.
    mentions: /\bdiabet/i,
    unlessAlso: /\b(well|good|adequately|poorly|inadequately|sub-?optimally) controlled\b|\bhyperglyc\w*|\bhypoglyc\w*/i,
    detail: /\b(well|good|adequately|poorly|inadequately|sub-?optimally) controlled\b|\bhyperglyc\w*|\bhypoglyc\w*/i,
    aspect: 'control of the diabetes',
    asks: false,
    comparable: (d) => (/well|good|adequately/i.test(d) ? 'controlled' : /hypoglyc/i.test(d) ? 'hypoglycemia' : 'hyperglycemia'),
    options: [
      { label: 'Diabetes with hyperglycemia (poorly controlled)', refine: 'poorly controlled' },
      { label: 'Diabetes with hypoglycemia', refine: 'with hypoglycemia' },
      { label: 'Controlled (no hyperglycemia or hypoglycemia)', refine: 'well controlled' },
    ],
  },
  {
    mentions: /\b(chronic kidney disease|ckd)\b/i,
    unlessAlso: /\bstage\b|end stage|esrd|\bg[1-5]a?\b/i,
    namesCondition: /\b(end stage renal disease|end stage kidney disease|esrd)\b/i,
    // Not a span of stages ("hypertensive CKD stage 1-4": the title of I12.9, no stage of the patient's).
    detail:
      /\bstage\s*(1|2|3a|3b|3|4|5|i{1,3}|iv|v)\b(?!\s*(?:-|\u2013|to|through|thru)\s*(?:stage\s*)?[1-5])(?!\/\d)|\bend stage renal disease\b|\bend stage\b|\besrd\b|\b(?:chronic kidney disease|ckd)\s*(?:stage\s*)?g(?:3[ab]|[1-5])(?=a[1-3]\b|\b)|\bg(?:3[ab]|[1-5])\s*\/?\s*a[1-3]\b/i,
    aspect: 'stage of the chronic kidney disease',
    replacedIn: /\b(transplant\w*|allograft|ddkt|ldkt|graft)\b/i,
    nowValue: /\bnow (?:at )?(?:stage |ckd |g)?(3a|3b|[1-5])\b/i,
    // Stage 5 and end-stage renal disease together are ESRD (N18.6), not a conflict.
    comparable: (d) => {
      if (/end stage|esrd/i.test(d)) return '5';
      const st = /\b(?:stage\s*|g)(3a|3b|[1-5])(?=\b|a[1-3]\b)/i.exec(d)?.[1]?.toLowerCase();
      return st;
    },
    options: [
      { label: 'Stage 1', refine: 'stage 1' },
      { label: 'Stage 2', refine: 'stage 2' },
      { label: 'Stage 3a', refine: 'stage 3a' },
      { label: 'Stage 3b', refine: 'stage 3b' },
      { label: 'Stage 4', refine: 'stage 4' },
      { label: 'Stage 5', refine: 'stage 5' },
      { label: 'End stage renal disease', refine: 'end stage renal disease', replaces: true },
    ],
  },
  {
    mentions: /\b(heart failure|cardiac failure|chf)\b/i,
    unlessAlso:
      /\b(systolic|diastolic|combined|hfref|hfpef|hfmref|reduced ejection fraction|preserved ejection fraction|right (heart|ventricular|sided)|left ventricular|high[- ]output|biventricular|end[- ]stage|post-?procedural|rheumatic|newborn|neonatal)\b/i,
    detail:
      /\b(acute on chronic |acute |chronic )?((?:combined )?systolic(?: and |\s*\/\s*| & )diastolic|systolic|diastolic)\b|\bhf[rp]ef\b|\b(reduced|preserved) ejection fraction\b/i,
    aspect: 'type of heart failure',
    // Two statements naming different types (systolic in the HPI, diastolic in the assessment) are
    // asked; one statement naming a type where another says only "heart failure" is that type.
    comparable: (d) =>
      /combined|systolic.{1,5}diastolic/i.test(d)
        ? 'combined'
        : /systolic|hfref|reduced/i.test(d)
          ? 'systolic'
          : /diastolic|hfpef|preserved/i.test(d)
            ? 'diastolic'
            : undefined,
    options: [
      { label: 'Systolic (reduced ejection fraction) heart failure', refine: 'systolic' },
      { label: 'Diastolic (preserved ejection fraction) heart failure', refine: 'diastolic' },
      { label: 'Combined systolic and diastolic heart failure', refine: 'combined systolic and diastolic' },
      { label: 'Right heart failure', refine: 'right heart failure' },
    ],
  },
  {
    mentions: /\b(systolic|diastolic)\b[^,;]*\bheart failure\b|\bheart failure\b[^,;]*\b(systolic|diastolic)\b|\bhf[rp]ef\b/i,
    unlessAlso: /\b(acute|chronic|decompensat\w*|exacerbat\w*)\b/i,
    detail: /\bacute on chronic\b|\b(acute(ly)? decompensated|decompensated|exacerbation)\b|\bacute\b|\bchronic\b/i,
    aspect: 'acuity of the heart failure',
    // Acute in one place and chronic in another is asked; "acute on chronic" agrees with either.
    comparable: (d) =>
      /acute on chronic|exacerbation|decompensated/i.test(d)
        ? undefined
        : /acute/i.test(d)
          ? 'acute'
          : /chronic/i.test(d)
            ? 'chronic'
            : undefined,
    options: [
      { label: 'Acute', refine: 'acute' },
      { label: 'Chronic', refine: 'chronic' },
      { label: 'Acute on chronic', refine: 'acute on chronic' },
    ],
  },
  {
    mentions: /\ban(a)?emia\b/i,
    unlessAlso:
      /\b(iron|b12|b-12|cobalamin|folate|folic|pernicious|chronic (disease|kidney|inflammation)|ckd|renal|blood loss|hemorrhag\w*|aplastic|hemolytic|sickle|thalass\w*|sideroblastic|pregnan\w*|puerper\w*|neoplas\w*|malignan\w*|chemo\w*|drug|nutritional|protein|vitamin|microcytic|macrocytic|megaloblastic|newborn|prematurity|history)\b/i,
    detail:
      /\biron[- ]deficiency\b|\b(vitamin )?b-?12 deficiency\b|\bfolate deficiency\b|\banemia of chronic (disease|kidney disease)\b|\bblood loss\b/i,
    aspect: 'type of anemia',
    indicatedBy: /\b(ferritin|iron|tsat|transferrin|tibc|mcv|microcytic|hypochromic|b12|b-12|folate|reticulocyte)\b/i,
    options: [
      { label: 'Iron deficiency anemia', refine: 'iron deficiency' },
      { label: 'Iron deficiency anemia secondary to chronic blood loss', refine: 'iron deficiency secondary to chronic blood loss' },
      { label: 'Anemia in chronic disease', refine: 'anemia in chronic disease' },
      { label: 'Vitamin B12 deficiency anemia', refine: 'vitamin b12 deficiency' },
      { label: 'Folate deficiency anemia', refine: 'folate deficiency' },
    ],
  },
  {
    // Migraine and epilepsy are coded "not intractable" unless the record says intractable or an
    // equivalent the tabular's note at G40/G43 names (text.ts reads those as "intractable"). A record
    // that describes attacks or seizures going on despite treatment without using any of those words
    // leaves the intractability to the physician: asked, coded not intractable until answered.
    mentions: /\b(migraines?|epilepsy|epileptic|seizure disorder)\b/i,
    unlessAlso: /\bintractable\b|\bstatus (migrainosus|epilepticus)\b/i,
    // The detail opens a clause of its own (a comma): added after "migraine without aura" it is not
    // read as something the "without" rules out.
    detail: /,?\s*(?<!\bnot\s)\bintractable\b/i,
    aspect: 'intractability of the condition (pharmacoresistant, treatment resistant, refractory or poorly controlled)',
    indicatedBy: TREATMENT_FAILING,
    // Intractable in one statement, not intractable, well controlled or responding to its treatment
    // in another (G43.x1 vs G43.x0): asked. A control said of the migraine's attacks only, and not
    // one the statement dates to the past ("well controlled on topiramate until March").
    compared: new RegExp(
      String.raw`(?<!\bnot\s)\bintractable\b|\b(?:not|non-?)\s*intractable\b|(?<=\b(?:migraines?|headaches?|epilepsy|seizures?|seizure disorder)\b(?:\s+with(?:out)?\s+aura)?(?:\s+(?:is|are|remains?|now|currently|have been|has been))?\s*(?:[,-]\s*)?)(?:(?:well|good|adequately|fully)[- ]controlled|controlled (?:on|with)|respond(?:ing|s|ed)? (?:well |nicely )?to)\b(?![^.;]*\buntil\b)`,
      'i',
    ),
    comparable: (d) => (/\bintractable\b/i.test(d) && !/\b(?:not|non-?)\s*intractable\b/i.test(d) ? 'intractable' : 'not intractable'),
    options: [
      { label: 'Yes, intractable', refine: ', intractable' },
      { label: 'No, not intractable', refine: ', not intractable' },
    ],
  },
  {
    // A major depressive disorder written with no episode is a single episode by the index's default
    // (F32.-); the physician is asked only when the record describes an earlier episode (F33.-), as a
    // coder would: "a depressive episode in 2019, full recovery" beside "MDD, moderate" today.
    mentions: /\b(major depressive disorder|major depression|mdd)\b/i,
    unlessAlso: /\b(single|recurrent|recurrence|first episode|in (partial |full )?remission)\b/i,
    detail: /\b(single episode|first episode|recurrent)\b/i,
    aspect: 'episode of the major depressive disorder (single or recurrent)',
    indicatedBy: EARLIER_DEPRESSIVE_EPISODE,
    comparable: (d) => (/recurrent/i.test(d) ? 'recurrent' : 'single'),
    options: [
      { label: 'Major depressive disorder, single episode', refine: 'single episode' },
      { label: 'Major depressive disorder, recurrent', refine: 'recurrent' },
    ],
  },
  {
    // "Depression" alone is F32.A; a record that describes a depressive episode by its criteria (a
    // PHQ-9 of 10 or more, anhedonia, an episode) leaves the type and severity to the physician.
    mentions: /^\s*depression\s*$/i,
    namesCondition: /\bmajor depressive disorder\b/i,
    unlessAlso:
      /\b(major|depressive disorder|dysthymi\w*|bipolar|postpartum|perinatal|situational|adjustment|reactive|persistent|recurrent|episode|seasonal|psychotic|anxiety)\b/i,
    detail: /\bmajor depressive disorder\b[^.;]*|\bdysthymi\w*\b/i,
    aspect: 'type and severity of the depression',
    indicatedBy: new RegExp(`${DEPRESSIVE_EPISODE_CRITERIA.source}|${EARLIER_DEPRESSIVE_EPISODE.source}`, 'i'),
    options: [
      {
        label: 'Major depressive disorder, single episode, unspecified',
        refine: 'major depressive disorder, single episode',
        replaces: true,
      },
      { label: 'Major depressive disorder, recurrent, unspecified', refine: 'major depressive disorder, recurrent', replaces: true },
      { label: 'Dysthymic disorder', refine: 'dysthymic disorder', replaces: true },
      { label: 'Depression, unspecified', refine: 'depression unspecified', replaces: true },
    ],
  },
  {
    // Hearing loss with no type (H91.9-) in a record that reports an audiogram: the audiogram tells
    // the physician the type (conductive H90.0-H90.2, sensorineural H90.3-H90.5, mixed H90.6-H90.8,
    // noise-induced H83.3-), which a coder may not read from the test; asked.
    mentions: /\bhearing loss\b|\bdeafness\b/i,
    unlessAlso:
      /\b(sensorineural|conductive|mixed|noise[- ]induced|presbycusis|ototoxic|sudden|congenital|central|neural|sensory|age[- ]related|history)\b/i,
    detail: /\b(sensorineural|conductive|mixed conductive and sensorineural|noise[- ]induced)\b/i,
    aspect: 'type of the hearing loss',
    indicatedBy: /\b(audiogram|audiometry|audiometric testing)\b[^.;]*?(:|\bshow\w*|\breveal\w*|\bdemonstrat\w*)/i,
    options: [
      { label: 'Conductive hearing loss', refine: 'conductive' },
      { label: 'Sensorineural hearing loss', refine: 'sensorineural' },
      { label: 'Mixed conductive and sensorineural hearing loss', refine: 'mixed conductive and sensorineural' },
      { label: 'Noise effects on inner ear', refine: 'noise induced' },
    ],
  },
  {
    // Malnutrition with no degree (E46) where the record gives the indicators a degree is judged by
    // (weight lost, intake, albumin, a low BMI): the degree (E43 severe, E44.0 moderate, E44.1 mild)
    // is the physician's to state; asked.
    mentions: /\bmalnutrition\b|\bundernutrition\b/i,
    unlessAlso: /\b(mild|moderate|severe|kwashiorkor|marasm\w*|cachexia|history|risk)\b/i,
    detail: /\b(mild|moderate|severe)\b/i,
    aspect: 'degree of the malnutrition',
    indicatedBy:
      /\bweight loss\b|\blost \d+(\.\d+)?\s*(kg|lbs?|pounds|%)|\b(pre)?albumin\b|\bbmi\s*(of\s*|=\s*|is\s*)?1[0-7](\.\d)?\b|\b(oral )?intake\b/i,
    options: [
      { label: 'Mild protein-calorie malnutrition', refine: 'mild protein-calorie' },
      { label: 'Moderate protein-calorie malnutrition', refine: 'moderate protein-calorie' },
      { label: 'Unspecified severe protein-calorie malnutrition', refine: 'severe protein-calorie' },
    ],
  },
  {
    // Nicotine dependence: the product (F17.21- cigarettes, F17.22- chewing tobacco, F17.29- other)
    // when another statement names it ("smokes a pack of cigarettes a day"); F17.20- is the
    // classification's code for a product not stated, never asked.
    mentions: /\bnicotine dependence\b/i,
    unlessAlso: /\b(cigarettes?|cigars?|pipes?|chewing tobacco|snuff|e-?cig\w*|vap\w*)\b/i,
    detail: /\b(cigarettes?|chewing tobacco)\b/i,
    aspect: 'tobacco product',
    options: [],
    asks: false,
  },
  {
    // The type of atrial fibrillation (I48.0 paroxysmal, I48.1- persistent, I48.21 permanent) stated
    // one way in the history and another in the assessment: asked, unspecified (I48.91) until answered.
    // Unstated, it is unspecified, never asked (the classification has a code for it).
    mentions: /\batrial fibrillation\b/i,
    unlessAlso: /\b(paroxysmal|persistent|permanent)\b/i,
    detail: /\b(paroxysmal|(?:long-?\s?standing |longstanding )?persistent|permanent)\b/i,
    aspect: 'type of atrial fibrillation',
    comparable: (d) => (/paroxysmal/i.test(d) ? 'paroxysmal' : /persistent/i.test(d) ? 'persistent' : 'permanent'),
    options: [
      { label: 'Paroxysmal atrial fibrillation', refine: 'paroxysmal' },
      { label: 'Persistent atrial fibrillation', refine: 'persistent' },
      { label: 'Longstanding persistent atrial fibrillation', refine: 'longstanding persistent' },
      { label: 'Permanent atrial fibrillation', refine: 'permanent' },
    ],
    asks: false,
    unspecifiedWhileAsked: true,
  },
  {
    // The severity class of asthma (J45.2- to J45.5-) stated one way in the problem list and another in
    // the assessment: asked, unspecified asthma (J45.90-) until answered.
    mentions: /\basthma\b/i,
    unlessAlso: /\b(intermittent|persistent)\b/i,
    detail: /\b(mild intermittent|(?:mild|moderate|severe) persistent)\b/i,
    aspect: 'severity of the asthma',
    comparable: (d) => d.toLowerCase().replace(/\s+/g, ' '),
    options: [
      { label: 'Mild intermittent', refine: 'mild intermittent' },
      { label: 'Mild persistent', refine: 'mild persistent' },
      { label: 'Moderate persistent', refine: 'moderate persistent' },
      { label: 'Severe persistent', refine: 'severe persistent' },
    ],
    asks: false,
    unspecifiedWhileAsked: true,
  },
  {
    // An acute myocardial infarction (within four weeks, I.C.9.e.1) the record names with no type: the
    // classification codes it by type and wall (I21.0- to I21.3 STEMI by wall, I21.4 NSTEMI, I21.A-
    // type 2 and other types), which a coder may not read from an ECG or a troponin; asked, I21.9
    // until answered. A type another statement names is taken from it.
    mentions: /\b(myocardial infarction|heart attack)\b/i,
    namesCondition: /\b(n?stemi|(non[- ]?)?st[- ]?(segment[- ]?)?elevation myocardial infarction)\b/i,
    unlessAlso:
      /\b(n?stemi|st[- ]?(segment )?elevation|non[- ]?st|type [1-5]|demand|anterior|inferior|lateral|posterior|septal|apical|wall|old|healed|history|subsequent)\b/i,
    detail:
      /\b(?:non[- ]?st[- ]?(?:segment[- ]?)?elevation myocardial infarction|nstemi|st[- ]?(?:segment[- ]?)?elevation myocardial infarction(?: \(stemi\))?(?: of (?:the )?(?:anterior|inferior|lateral|posterior)(?: wall)?)?|(?:anterior|inferior|lateral|posterior)(?: wall)? stemi|stemi|type 2 myocardial infarction)\b/i,
    aspect: 'type of the myocardial infarction (ST elevation and wall, non-ST elevation, or another type)',
    codedAs: /^I21\.9$/,
    options: [
      {
        label: 'ST elevation (STEMI) myocardial infarction of anterior wall',
        refine: 'ST elevation (STEMI) myocardial infarction involving other coronary artery of anterior wall',
      },
      {
        label: 'ST elevation (STEMI) myocardial infarction of inferior wall',
        refine: 'ST elevation (STEMI) myocardial infarction involving other coronary artery of inferior wall',
      },
      {
        label: 'ST elevation (STEMI) myocardial infarction of other sites',
        refine: 'ST elevation (STEMI) myocardial infarction involving other sites',
      },
      { label: 'Non-ST elevation (NSTEMI) myocardial infarction', refine: 'non-ST elevation myocardial infarction' },
      { label: 'Type 2 myocardial infarction', refine: 'type 2 myocardial infarction' },
    ],
  },
  {
    // Hematuria with no kind (R31.9) in a record whose plan works it up (imaging of the urinary
    // tract, cystoscopy, cytology, a urology referral): gross (R31.0) and microscopic (R31.21
    // asymptomatic, R31.29 other) are coded apart, and a coder may not read the kind from a dipstick
    // or a count of red cells per field; asked, R31.9 until answered.
    mentions: /\bhematuria\b|\bblood in (the )?urine\b/i,
    unlessAlso: /\b(gross|microscopic|macroscopic|visible|frank|essential|idiopathic|benign familial|recurrent|persistent)\b/i,
    detail: /\b(gross|(asymptomatic )?microscopic)\b/i,
    aspect: 'kind of hematuria (gross or microscopic)',
    codedAs: /^R31\.9$/,
    indicatedBy: /\b(ct urogra\w*|urogra\w*|cystoscop\w*|urolog\w*|(urine )?cytology)\b/i,
    options: [
      { label: 'Gross hematuria', refine: 'gross' },
      { label: 'Asymptomatic microscopic hematuria', refine: 'asymptomatic microscopic' },
      { label: 'Other microscopic hematuria', refine: 'other microscopic' },
    ],
  },
  {
    // A nontraumatic rotator cuff tear with no extent (M75.10-): complete (full-thickness, M75.12-)
    // and incomplete (partial-thickness, M75.11-) are coded apart; asked, M75.10- until answered. An
    // extent another statement gives is taken from it; two statements giving both are asked.
    mentions:
      /\b(rotator cuff|rtc|supraspinatus|infraspinatus|subscapularis|teres minor)\b[^.;]*\b(tear|rupture)\b|\b(tear|rupture)\b[^.;]{0,20}\b(of|in) (the )?(rotator cuff|supraspinatus|infraspinatus|subscapularis|teres minor)\b/i,
    unlessAlso: /\b(complete|incomplete|full[- ]thickness|partial[- ]thickness|partial|massive|traumatic|sprain|strain)\b/i,
    detail: /\b(incomplete|complete|full[- ]thickness|partial[- ]thickness)\b/i,
    aspect: 'extent of the rotator cuff tear (complete or incomplete)',
    codedAs: /^M75\.10/,
    comparable: (d) => (/incomplete|partial/i.test(d) ? 'incomplete' : 'complete'),
    options: [
      { label: 'Complete (full-thickness) tear', refine: 'complete' },
      { label: 'Incomplete (partial-thickness) tear', refine: 'incomplete' },
    ],
  },
  {
    // Ulcerative colitis with no extent (K51.9-): pancolitis (K51.0-), proctitis (K51.2-),
    // rectosigmoiditis (K51.3-) and left-sided colitis (K51.5-) are coded apart, and a coder may not
    // read the extent from an endoscopy report or a biopsy; asked, K51.9- until answered. An extent
    // another statement naming the colitis gives is taken from it.
    mentions: /\bulcerative (colitis|pan-?colitis|proctitis|proctosigmoiditis|rectosigmoiditis)\b/i,
    unlessAlso:
      /\b(pan-?colitis|pan-?ulcerative|universal|total|extensive|proctitis|proctosigmoiditis|rectosigmoiditis|left[- ]sided|distal|inflammatory polyps?|pseudopolyp\w*)\b/i,
    detail: /\b(pan-?colitis|proctitis|proctosigmoiditis|rectosigmoiditis|left[- ]sided)\b/i,
    aspect: 'extent of the ulcerative colitis',
    codedAs: /^K51\.9/,
    options: [
      { label: 'Ulcerative (chronic) pancolitis', refine: 'pancolitis' },
      { label: 'Left sided ulcerative colitis', refine: 'left sided colitis' },
      { label: 'Ulcerative (chronic) rectosigmoiditis', refine: 'rectosigmoiditis' },
      { label: 'Ulcerative (chronic) proctitis', refine: 'proctitis' },
    ],
  },
  {
    // Displacement of a fracture stated in another sentence about it ("The fracture is nondisplaced."):
    // the codes split by it take it (displaced by default, I.C.19.c.1: never asked).
    mentions: /\bfracture\b/i,
    unlessAlso: /\b(?:non-?\s?)?displaced\b/i,
    detail: /\bnon-?\s?displaced\b|\bdisplaced\b/i,
    aspect: 'displacement of the fracture',
    options: [],
    asks: false,
    atSameSite: true,
  },
];

/** A mention's words without the rule's detail, or a value it compares ("mild intermittent asthma" to "asthma"). */
const withoutDetail = (text: string, rule: SpecificityRule) =>
  expandAbbreviations(text)
    .replace(rule.detail, ' ')
    .replace(rule.compared ? new RegExp(rule.compared.source, 'gi') : rule.detail, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The comparable values of a rule's detail that a statement of the record calls former. */
function formerValues(run: CodingRun, rule: SpecificityRule): Set<string> {
  const out = new Set<string>();
  if (!rule.comparable) return out;
  const detail = new RegExp((rule.compared ?? rule.detail).source, 'gi');
  for (const n of run.notes) {
    const text = expandAbbreviations(n.original);
    for (const m of text.matchAll(detail)) {
      const v = rule.comparable(m[0]);
      if (v && namesAsFormer(text, new RegExp(escapeRegExp(m[0]), 'gi'))) out.add(v);
    }
  }
  return out;
}

const namesCondition = (rule: SpecificityRule, text: string) => rule.mentions.test(text) || rule.namesCondition?.test(text) === true;

/** Another affirmed statement of the record that names the same condition with the detail a rule asks for. */
function detailElsewhere(
  run: CodingRun,
  m: Mention,
  rule: SpecificityRule,
): { detail: string; section: RecordSection; text: string } | undefined {
  const statements: Array<{ section: RecordSection; text: string; original: string }> = [
    ...diagnosisMentions(run.input.documentation.diagnoses).filter((d) => d.assertion === 'affirmed'),
    // A relative's condition, or a period that has ended, gives no detail of the patient's today.
    ...run.notes.filter((n) => n.assertion === 'affirmed' && !notOfThisVisit(n)),
  ].map((s) => ({ section: s.section, text: s.text, original: s.original }));
  // The treating physician's statement before an imaging report's: a coder does not code a detail
  // from the radiology report over the physician's own (the report comes last).
  statements.sort((a, b) => Number(IMAGING_REPORT.test(a.original)) - Number(IMAGING_REPORT.test(b.original)));
  for (const s of statements) {
    if (s.original === m.original) continue;
    const text = expandAbbreviations(s.text);
    if (!namesCondition(rule, text) || !rule.unlessAlso.test(text)) continue;
    if (rule.atSameSite && !atSite(run, m, text)) continue;
    const detail = rule.detail.exec(text)?.[0];
    // The detail as written, not one the removal of a cue word made ("not intractable" read as "intractable").
    if (detail && rule.detail.test(expandAbbreviations(s.original))) return { detail, section: s.section, text: s.original };
  }
  return undefined;
}

/** A statement reporting an imaging study (its reading or impression), not the physician's diagnosis. */
const IMAGING_REPORT =
  /^\s*(mri|ct|cxr|x-?rays?|xr|radiographs?|ultrasound|us|imaging|radiology|mammo\w*|dexa|echo\w*|films?)\b|\b(impression|overread|radiology read)\s*:/i;

/** A statement that names no body site, or one of the mention's. */
function atSite(run: CodingRun, m: Mention, text: string): boolean {
  const sites = tabularSiteWords(run.codeSets.icd);
  const own = new Set(tokenize(expandAbbreviations(m.text)));
  const named = tokenize(text).filter((t) => sites.has(t) && !(LATERALITY_WORDS as readonly string[]).includes(t));
  return named.length === 0 || named.some((t) => own.has(t));
}

/** Step: a detail the classification needs (type, stage) stated by another statement about the same condition. */
export function addDetailsFromRecord(run: CodingRun, work: MentionWork): void {
  for (const rule of SPECIFICITY_RULES) {
    const own = expandAbbreviations(queryText(work.mention, work.extra));
    if (!rule.mentions.test(own) || rule.unlessAlso.test(own)) continue;
    // Statements in conflict about the detail (checkDetailConflict): none of them gives it. Where the
    // classification has a default for the detail left unsettled (diabetes: type 2, guideline
    // I.C.4.a.2), the default is coded while the physician is asked, not the first statement's value.
    const conflicted = work.conflicts.some((c) => c.reason.includes(rule.aspect));
    if (conflicted && rule.unspecifiedWhileAsked) continue;
    if (conflicted && rule.defaultRefine) {
      work.extra.push(rule.defaultRefine);
      work.inferred.push(rule.defaultRefine);
      work.notesDone.push(`${rule.aspect} documented two ways: ${rule.defaultRefine} by the classification's default until answered`);
      continue;
    }
    const found = detailElsewhere(run, work.mention, rule);
    if (!found) {
      if (rule.defaultRefine && rule.indicatedBy && !recordSays(run, rule.indicatedBy)) {
        // Nothing in the record points away from the classification's default: it is coded, not asked.
        work.extra.push(rule.defaultRefine);
        work.inferred.push(rule.defaultRefine);
        work.notesDone.push(`${rule.aspect} not documented: ${rule.defaultRefine} by the classification's default`);
      }
      continue;
    }
    work.evidence.push({ section: found.section, text: found.text });
    if (rule.namesCondition?.test(found.detail)) {
      // The detail is the condition at its stage ("ESRD" for "CKD"): it replaces the documented words.
      work.mention = { ...work.mention, text: found.detail };
      work.inferred.push(`${rule.aspect} from ${found.section}`);
      work.notesDone.push(`${rule.aspect} ("${found.detail}") documented in ${found.section} ("${found.text}")`);
    } else if (found.section === 'diagnoses') {
      // Another diagnosis line states it and is coded on its own: nothing to ask, nothing to add here.
      work.statedElsewhere.add(rule.aspect);
      work.notesDone.push(`${rule.aspect} stated by another diagnosis ("${found.text}")`);
    } else {
      work.extra.push(found.detail);
      work.inferred.push(`${rule.aspect} from ${found.section}`);
      work.notesDone.push(`${rule.aspect} ("${found.detail}") documented in ${found.section} ("${found.text}")`);
    }
  }
}

/**
 * A written answer that states one value of a rule's own compared statements (`compared`), and only
 * one, is that value's option, in the words the rule adds (", intractable"): the answer's own wording
 * may put the value where a "without" before it reads it as ruled out ("without aura intractable").
 */
function optionOfValue(rule: SpecificityRule, answer: string): string | undefined {
  if (!rule.comparable || !rule.compared) return undefined;
  const compared = new RegExp(rule.compared.source, 'gi');
  const values = new Set([...expandAbbreviations(answer).matchAll(compared)].map((m) => rule.comparable?.(m[0])));
  const [value] = [...values];
  if (values.size !== 1 || value === undefined) return undefined;
  return rule.options.find((o) => o.refine && !o.replaces && rule.comparable?.(o.refine) === value)?.refine;
}

/** A period that has ended ("ESRD on HD (2019-2022)"): what it dates is a former state. */
const ENDED_PERIOD = /\b(?:19|20)\d\d\s*(?:-|–|to)\s*(?:19|20)\d\d\b/;

/** A statement of a relative's history, or of a period that has ended: no value of the patient's condition today. */
export const notOfThisVisit = (n: Mention) => n.part === 'family-history' || RELATIVE.test(n.original) || ENDED_PERIOD.test(n.original);
/** A relative named: the statement is a family history written inline ("FHx: mother ESRD on HD"). */
const RELATIVE =
  /\b(?:fhx|fh|family (?:history|hx)|mother|father|mom|dad|sister|brother|sibling|parents?|grandmother|grandfather|aunt|uncle)\b/i;

/**
 * Step: two statements of the record give different values of a detail that changes the code (type 1
 * in the problem list, type 2 in the assessment). The physician is asked; until answered the
 * mention is coded as it is written, and its own question about the same detail is not asked twice.
 */
export function checkDetailConflict(run: CodingRun, work: MentionWork): void {
  const m = work.mention;
  if (m.assertion !== 'affirmed') return;
  for (const rule of SPECIFICITY_RULES) {
    if (!rule.comparable) continue;
    const own = expandAbbreviations(queryText(m, work.extra));
    if (!rule.mentions.test(own)) continue;
    const compared = rule.compared ?? rule.detail;
    const ownDetail = compared.exec(own)?.[0];
    const ownValue = ownDetail === undefined ? undefined : rule.comparable(ownDetail);
    const values = new Map<string, { section: RecordSection; text: string }>();
    if (ownValue) values.set(ownValue, { section: m.section, text: m.original });
    // Two diagnosis lines that disagree are each coded, and their Excludes1 edit asks the physician.
    for (const st of run.notes.filter((n) => n.assertion === 'affirmed' && n.original !== m.original && !notOfThisVisit(n))) {
      const text = expandAbbreviations(st.text);
      if (!namesCondition(rule, text)) continue;
      const d = compared.exec(text)?.[0];
      const v = d === undefined ? undefined : rule.comparable(d);
      if (v && rule.replacedIn?.test(st.original) && v !== ownValue) continue;
      if (v && !values.has(v)) values.set(v, { section: 'notes', text: st.original });
    }
    // A value the record says is the one now: the others are former.
    const now = rule.nowValue
      ? [m.original, ...run.notes.map((n) => n.original)].map((t) => rule.nowValue?.exec(t)?.[1]?.toLowerCase()).find((v) => v)
      : undefined;
    if (now && values.has(now)) for (const v of [...values.keys()]) if (v !== now) values.delete(v);
    // A value the record itself says was the former one ("progressed from stage 4", "told at her last
    // visit she had stage 4") is superseded, not in conflict: the problem list copied forward lags.
    for (const v of formerValues(run, rule)) if (v !== ownValue) values.delete(v);
    dropLessPrecise(values);
    if (values.size < 2) continue;
    const [first, second] = [...values.values()];
    if (!first || !second) continue;
    const issue: ClarificationIssue = {
      kind: 'specificity',
      question: detailConflictQuestion(first.text, second.text, rule.aspect),
      clinicalIndicators: [...values.values()].map((v) => `${v.section === 'diagnoses' ? 'Diagnosis' : 'Note'}: "${v.text}"`),
      options: rule.options,
      reason: `Conflicting documentation of the ${rule.aspect}: ${[...values.keys()].join(' vs ')}.`,
      betweenStatements: true,
    };
    work.statedElsewhere.add(rule.aspect);
    const resolution = resolutionFor(issue, run.input.answers);
    if (!resolution) {
      work.conflicts.push(issue);
      if (rule.unspecifiedWhileAsked && ownDetail) work.mention = { ...work.mention, text: withoutDetail(work.mention.text, rule) };
      continue;
    }
    const chosen = resolution.kind === 'free-text' ? (optionOfValue(rule, resolution.text) ?? resolution.text) : resolvedWords(resolution);
    if (!chosen) continue;
    // The answer replaces what the mention said about the detail.
    work.mention = { ...m, text: ownDetail ? withoutDetail(m.text, rule) : m.text };
    // The answered value is the condition's own from now on: no other statement's value is read for it.
    if (rule.unspecifiedWhileAsked) work.mention = { ...work.mention, text: `${chosen} ${work.mention.text}` };
    work.extra.push(chosen);
    work.evidence.push({ section: m.section, text: `Physician answer: ${chosen}` });
  }
}
