/**
 * Clinical validation the other way round: the documented diagnosis is the milder or the passing
 * form, and the record's own imaging or examination shows the graver one. Diverticulitis written
 * without complication beside a CT showing a rim-enhancing collection or free air (abscess,
 * perforation); a transient ischemic attack beside imaging showing an acute infarct (a stroke, the
 * symptoms' resolution notwithstanding); a history of stroke "without residual deficits" beside an
 * examination finding the deficits a stroke leaves. A coder may code neither the finding nor the
 * graver diagnosis from the report, and may not pass over it: result-contradicts.ts asks the
 * physician, quoting it, and the documented code stands until answered.
 *
 * Same shape as the table of clinical-validations.ts (one row per documented family); kept apart
 * because its rows read a finding of disease, where that table's read a normal result.
 */
import { found, type Validation } from './clinical-validations.ts';

/** Diverticulitis without perforation or abscess (x2 without, x3 with bleeding) to the code with them, per part of the bowel. */
const DIVERTICULITIS_WITH_ABSCESS: Readonly<Record<string, string>> = {
  'K57.12': 'K57.00',
  'K57.13': 'K57.01',
  'K57.32': 'K57.20',
  'K57.33': 'K57.21',
  'K57.52': 'K57.40',
  'K57.53': 'K57.41',
  'K57.92': 'K57.80',
  'K57.93': 'K57.81',
};

/** A transient ischemic attack or syndrome (G45.-, not transient global amnesia, G45.4) to a cerebral infarction. */
const TRANSIENT_TO_INFARCTION: Readonly<Record<string, string>> = Object.fromEntries(
  ['G45.0', 'G45.1', 'G45.2', 'G45.3', 'G45.8', 'G45.9'].map((c) => [c, 'I63.9']),
);

/** A report of an earlier study or event, not of this episode. */
const EARLIER = /\b(?:in (?:19|20)\d\d|prior|previous(?:ly)?|remote|history of|hx of|h\/o)\b/i;

/** Abdominal imaging. */
const ABDOMINAL_IMAGING = /\b(?:ct|cat scan|cta|mri|ultrasound|us|imaging)\b/i;
/** An abscess or a perforation on imaging, in the words a report gives them, not denied. */
const ABSCESS_OR_PERFORATION = found(
  '(?:micro-?)?abscess\\w*|rim[- ]enhancing|(?:pericolic|peridiverticular|paracolic|pelvic|mesenteric|loculated)\\s+(?:fluid\\s+)?collections?|perforat\\w*|micro-?perforat\\w*|extraluminal (?:air|gas|contrast)|free (?:intraperitoneal )?air|pneumoperitoneum',
);

/** Brain imaging. */
const BRAIN_IMAGING = /\b(?:mri|mr|mra|dwi|diffusion[- ]weighted|ct|cta|ct head|head ct|imaging)\b/i;
/** An acute infarct on imaging, not denied: named acute, or read from the diffusion sequence. */
const ACUTE_INFARCT = found(
  '(?:acute|subacute|new|recent|early)\\s+(?:[\\w/-]+\\s+){0,3}?(?:infarcts?|infarctions?|strokes?)|restricted diffusion|diffusion restriction|(?:dwi|diffusion)[- ](?:positive|bright|hyperintens\\w*)',
);
/** A reader's doubt that the diffusion signal is an infarct. */
const NOT_AN_INFARCT = /\b(?:artifact|artefact|shine[- ]through|no (?:acute )?(?:infarct\w*|stroke))\b/i;

/** A neurological examination. */
const EXAMINATION = /\b(?:exam|examination|neuro|on exam|pe)\b/i;
/** The deficits a stroke leaves, found on examination (not denied). */
const STROKE_DEFICIT = found(
  'facial (?:droop|asymmetry|weakness)|pronator drift|hemipare\\w*|hemipleg\\w*|monopare\\w*|aphasi\\w*|anomia|dysphasi\\w*|dysarthri\\w*|hemianop\\w*|visual field (?:cut|deficit)|(?:left|right|[lr])[- ]sided weakness|(?:hemi)?neglect|spastic\\w*|(?:grip|strength|motor|power|deltoid|biceps|triceps|hip flexion|knee extension|dorsiflexion|arm|leg|hand)\\s+[0-4][+-]?/5',
);

/** A statement putting deficits after the stroke: the record says what they are ("Residual: R arm weakness", "late effects of L MCA infarct"). */
const DEFICITS_AS_SEQUELAE = found(
  'late effects?|sequelae?|residuals?(?! deficits? (?:none|0)\\b)|post-?stroke (?:hemipare\\w*|hemipleg\\w*|aphasia|dysarthria|weakness|deficits?)',
);

export const FINDING_VALIDATIONS: readonly Validation[] = [
  {
    // Diverticulitis without perforation or abscess (K57.x2, K57.x3) beside imaging showing either.
    codedAs: /^K57\.[1359][23]$/,
    test: ABDOMINAL_IMAGING,
    negative: (s) => ABSCESS_OR_PERFORATION.test(s) && !EARLIER.test(s),
    positive: /\buncomplicated\b/i,
    otherwise: { said: /\babscess|\bperforat/i, code: DIVERTICULITIS_WITH_ABSCESS },
  },
  {
    // A transient ischemic attack (G45.-) beside brain imaging showing an acute infarct.
    codedAs: /^G45\.[0-35-9]$/,
    test: BRAIN_IMAGING,
    negative: (s) => ACUTE_INFARCT.test(s) && !EARLIER.test(s),
    positive: NOT_AN_INFARCT,
    otherwise: { said: /\binfarct\w*|\bstroke\b|\bcva\b/i, code: TRANSIENT_TO_INFARCTION },
  },
  {
    // A history of stroke without residual deficits (Z86.73) beside an examination finding them.
    codedAs: /^Z86\.73$/,
    statedAs: /\b(?:stroke|cva|infarct\w*|cerebrovascular accident)\b/i,
    test: EXAMINATION,
    against: 'examination',
    negative: STROKE_DEFICIT,
    positive: () => false,
    unless: { settledBy: DEFICITS_AS_SEQUELAE },
  },
];
