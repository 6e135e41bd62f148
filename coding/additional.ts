/**
 * "Use additional code" notes of the tabular list, applied from what the record documents: a code
 * the note cites is added only when a statement of the record supports it (a drug the patient takes,
 * the weeks of gestation, tobacco history). Each finder reads one statement (a clause of the notes or
 * one diagnosis line) and returns the code it documents, if any.
 *
 * Over 300 lines because the readers of a drug's statements (in use now, started today, stopped by
 * the plan) are shared with long-term-drugs.ts and kept beside the finders that use them.
 */
import { isBillable, matchesPattern, notesFor, type Icd10Cm } from './icd10cm.ts';
import { gestationalAgesIn, weeksOfGestationCode } from './gestational-age.ts';
import { ADDRESSED_PARTS, NOT_ADDRESSED_PARTS, type NotePart } from './sections.ts';
import { classOffNow, PAST_USE } from './drug-class-off.ts';

export interface RecordStatement {
  section: 'diagnoses' | 'notes';
  text: string;
  /** For the notes: the part of the note the statement is written in. */
  part?: NotePart;
}

export interface DocumentedAdditional {
  code: string;
  /** What the statement documents, for the rationale ("insulin", "28 weeks of gestation"). */
  what: string;
  statement: RecordStatement;
}

interface Finder {
  /** Codes of one group exclude each other (history of vs current tobacco dependence). */
  group?: string;
  /**
   * A personal history code (Z80-Z87): reported only where the record relates the history to this
   * visit (guideline IV.J, I.C.21.c.4: history codes when the history affects current care), not
   * from a social history or problem list carried forward.
   */
  history?: true;
  /** For a drug's finder: its names, so that a drug the record starts today is not current use. */
  drug?: RegExp;
  find(text: string, ageYears: number): { code: string; what: string } | undefined;
}

/** Words that start a drug at this visit ("Start semaglutide 0.25 mg weekly", "adding glipizide"). */
const START_WORDS = 'start|starting|begin|initiate|initiating|add|adding';

/** A drug awaiting approval is not taken yet ("prior authorization submitted for semaglutide", "pending insurance approval"). */
const AWAITED = String.raw`(?:prior |pre-?)auth\w*|authoriz\w*|pending|awaiting|once approved|if approved|will (?:start|begin|add|try)`;

/** Cues before a drug or habit in the same statement that say it is not current (or not taken, or only started today: "Start semaglutide"). */
const NOT_CURRENT = new RegExp(
  String.raw`\b(no|not|never|denies|denied|without|stopped|discontinued|declined|declines|refused|refuses|off|held|holding|consider|considering|discuss|discussed|may need|if|allergic to|intoleran\w*|${START_WORDS}|${AWAITED}|${PAST_USE})\b`,
  'i',
);

/** The same said after it ("insulin was discussed", "metformin stopped"). */
const NOT_CURRENT_AFTER =
  /^[^,;]{0,30}?\b(discussed|declined|refused|stopped|discontinued|considered|held|not tolerated|deferred|denied|denies|none|negative|pending|awaiting|once approved|if approved|not yet|before (?:this |the |her )?(?:pregnancy|conception)|until (?:she |i )?(?:conceived|conception|pregnan\w*)|pre-?preg\w*)\b/i;

/** The clause of the text before `index`: a cue's scope ends at a comma, semicolon or dash ("without complications - continue metformin"). */
export function clauseBefore(text: string, index: number): string {
  return (
    text
      .slice(0, index)
      .split(/[,;]|\s[-\u2013\u2014]\s/)
      .pop() ?? ''
  );
}

/** First match of a pattern that no "not current" cue precedes in the statement. */
/** Right before the drug: the therapy the patient was moved off ("switched from aspirin to clopidogrel": clopidogrel is taken). */
const MOVED_OFF =
  /\b(?:switch\w*|chang\w*|convert\w*|transition\w*|moved|went|taper\w*|wean\w*|came off)\s+(?:\w+\s+)?from\s+(?:(?:the|his|her|their|daily|low[- ]dose|oral)\s+)*$/i;

/** The next match of the pattern after `first`, when it is not also a drug moved off. */
function laterMatch(text: string, pattern: RegExp, first: RegExpExecArray): RegExpExecArray | undefined {
  const start = first.index + first[0].length;
  const next = pattern.exec(text.slice(start));
  if (!next) return undefined;
  next.index += start;
  return MOVED_OFF.test(clauseBefore(text, next.index)) ? undefined : next;
}

export function currentUse(text: string, pattern: RegExp): RegExpExecArray | undefined {
  const first = pattern.exec(text);
  // The drug moved off is named first; the one moved to is the therapy ("from warfarin to apixaban").
  const m = first && MOVED_OFF.test(clauseBefore(text, first.index)) ? laterMatch(text, pattern, first) : first;
  if (!m) return undefined;
  if (NOT_CURRENT.test(clauseBefore(text, m.index))) return undefined;
  // What is said after it is said of it up to the next drug the pattern names: "linagliptin 5 mg
  // (metformin stopped 2025)" stops the metformin, not the linagliptin.
  const after = text.slice(m.index + m[0].length);
  const next = new RegExp(pattern.source, 'i').exec(after);
  return NOT_CURRENT_AFTER.test(next ? after.slice(0, next.index) : after) ? undefined : m;
}

export const INSULIN =
  /\b(insulin(?!\s*(resistan\w*|level|sensitiv\w*|secret\w*|-?like|growth))|insulin pump|glargine|lispro|aspart|detemir|degludec|glulisine|nph|lantus|levemir|tresiba|toujeo|basaglar|humalog|novolog|humulin|novolin|fiasp|admelog)\b/i;
export const ORAL_ANTIDIABETIC =
  /\b(metformin|glucophage|glipizide|glyburide|glimepiride|gliclazide|sitagliptin|saxagliptin|linagliptin|alogliptin|januvia|janumet|empagliflozin|dapagliflozin|canagliflozin|ertugliflozin|jardiance|farxiga|invokana|pioglitazone|rosiglitazone|repaglinide|nateglinide|acarbose|miglitol|oral semaglutide|rybelsus|oral (hypoglycemic|antidiabetic|antihyperglycemic|diabetes) (agent|drug|medication|medicine)s?)\b/i;
export const INJECTABLE_NON_INSULIN =
  /\b(liraglutide|dulaglutide|exenatide|lixisenatide|tirzepatide|semaglutide|pramlintide|ozempic|wegovy|trulicity|victoza|mounjaro|byetta|bydureon|glp-?1 (agonist|injection)s?)\b/i;
const TOBACCO_HISTORY =
  /\b(former|ex-?|previous|past|prior)\s*(cigarette\s+)?(smoker|tobacco user|tobacco use)\b|\b(quit|stopped|gave up)\s+(smoking|tobacco|cigarettes|nicotine)\b|\bhistory of (smoking|tobacco|nicotine)\b/i;
const TOBACCO_CURRENT =
  /\b((current(ly)?|active(ly)?|daily)\s+(cigarette\s+)?smok(er|es|ing)|smokes\s+(\d|a |one|two|half|cigarettes|daily|about)|\d+(\.\d+)?\s*(packs?|ppd)\s*(per|a|\/)\s*day|\d+(\.\d+)?\s*ppd)\b/i;
/** A statement whose subject is someone else in the patient's life. */
const ANOTHER_PERSON =
  /\b(mother|mom|father|dad|parents?|grand(?:mother|father|parents?|ma|pa)|brother|sister|siblings?|spouse|wife|husband|partner|boyfriend|girlfriend|roommates?|household|caregivers?|aunt|uncle|cousin|friends?|coworkers?|someone|family members?|others? in the home)\b/i;
/** The statement's match of `pattern` is said of someone else ("father quit smoking"), not of the patient. */
const anotherPersons = (t: string, pattern: RegExp): boolean => {
  const m = pattern.exec(t);
  return m !== null && ANOTHER_PERSON.test(clauseBefore(t, m.index));
};
/** A smoker, not a former or never one. */
const CURRENT_SMOKER = /(?<!\b(?:non|never|ex|former|past|previous)[-\s]?)\bsmoker\b/i;
/**
 * The statement says the patient smokes cigarettes now ("Smoker 1/2 ppd", "smokes 10 cigarettes a
 * day"), not only did, and not another person: the reading the F17.210 finder below uses.
 */
export function currentCigaretteSmoking(t: string): boolean {
  const m = currentUse(t, TOBACCO_CURRENT) ?? currentUse(t, CURRENT_SMOKER);
  if (!m || ANOTHER_PERSON.test(clauseBefore(t, m.index))) return false;
  return !TOBACCO_HISTORY.test(t) || TOBACCO_STILL.test(t);
}
/** Smoking stated as current even beside its history ("current smoker, 30 pack-year history of smoking"). */
const TOBACCO_STILL = /\b(current(ly)?|active(ly)?|still)\s+(cigarette\s+)?(smok|tobacco)\w*|\bsmokes\b/i;
const TOBACCO_EXPOSURE =
  /\b((secondhand|second-hand|passive|environmental tobacco)\s+smok\w*|exposed to (tobacco )?smoke|exposure to (tobacco )?smoke)\b/i;
/**
 * Lung diseases tobacco causes (COPD, emphysema, chronic bronchitis, lung and larynx cancer): their
 * "use additional code" note asks for the history of tobacco dependence, and a former smoker's history
 * bears on their care wherever the record states it, the social history included (I.C.21.c.4).
 */
const SMOKING_DISEASE = /^(?:J4[1-4]|C3[234])/;
/** Codes that already stand for a group on the claim (tobacco: history of, or current, dependence or use). */
const GROUP_CODES = new Map<string, string[]>([
  ['tobacco', ['Z87.891', 'F17', 'Z72.0']],
  // A pregnancy has one age: a second Z3A code is never added beside the first.
  ['gestation', ['Z3A']],
]);

/** A documented body mass index: "BMI 42.3", "BMI of 31", "body mass index: 27 kg/m2", "BMI 97th percentile". */
export const BMI_VALUE =
  /\b(?:bmi|body mass index)\s*(?:of|is|was|=|:|at)?\s*(\d{1,2}(?:\.\d+)?)\s*(?:kg\/m2|kg\/m\^?2)?(?:\s*(th|st|nd|rd)?\s*(%ile|percentile|pctl))?/i;

/** A child's BMI as a share of the 95th percentile for age: "125% of the 95th percentile", "BMI 125% of 95th %ile". */
const PERCENT_OF_95TH = /\b(\d{3})\s*%\s*of\s+(?:the\s+)?95(?:th)?\s*(?:%ile|percentile|pctl)?/i;

/**
 * The Z68 code for a documented BMI: adults (20 and over) by the value's range, children and
 * adolescents (2-19) by the percentile for age; a bare number for a child is not coded (the
 * percentile decides, not the value).
 */
export function bmiCode(text: string, ageYears: number): { code: string; what: string } | undefined {
  const ofThe95th = ageYears >= 2 && ageYears < 20 ? PERCENT_OF_95TH.exec(text) : null;
  if (ofThe95th?.[1]) {
    // FY2025 split of the 95th percentile and over by the share of it (Z68.54-Z68.56).
    const share = Number(ofThe95th[1]);
    const code = share < 100 ? undefined : share < 120 ? 'Z68.54' : share < 140 ? 'Z68.55' : 'Z68.56';
    if (code) return { code, what: `BMI at ${share}% of the 95th percentile for age` };
  }
  const m = BMI_VALUE.exec(text);
  if (!m?.[1]) return undefined;
  const value = Number(m[1]);
  if (!Number.isFinite(value) || value <= 0) return undefined;
  const percentile = Boolean(m[3]);
  if (percentile) {
    if (ageYears < 2 || ageYears >= 20 || value > 100) return undefined;
    const code = value < 5 ? 'Z68.51' : value < 85 ? 'Z68.52' : value < 95 ? 'Z68.53' : 'Z68.54';
    return { code, what: `BMI at the ${value}th percentile for age` };
  }
  if (ageYears < 20 || value < 10) return undefined;
  const whole = Math.floor(value);
  const code =
    value < 20
      ? 'Z68.1'
      : value < 40
        ? `Z68.${whole}`
        : value < 45
          ? 'Z68.41'
          : value < 50
            ? 'Z68.42'
            : value < 60
              ? 'Z68.43'
              : value < 70
                ? 'Z68.44'
                : 'Z68.45';
  return { code, what: `BMI ${m[1]} (adult)` };
}

/**
 * Dialysis the patient is on (not planned, declined or "pre-dialysis"); the chart's HD and PD
 * (hemodialysis, peritoneal dialysis) when they are something the patient is on or has on a schedule.
 */
const DIALYSIS =
  /\b(on (chronic |maintenance |home )?(hd|pd|hhd)|(hd|pd) (via|mwf|tts|tth|m\/w\/f|t\/th\/s|3x|three times)|on (chronic |maintenance )?(hemo|peritoneal )?dialysis|(hemo|peritoneal )?dialysis (dependent|three times|3x|\d+ ?(times|days)|mwf|tth|m\/w\/f|t\/th\/s)|(receives|receiving|undergoes|undergoing|gets) (chronic |maintenance )?(hemo|peritoneal )?dialysis|hemodialysis|peritoneal dialysis|dialysis-dependent)\b/i;
const NOT_ON_DIALYSIS =
  /\b(pre-?dialysis|not (yet )?on dialysis|no dialysis|dialysis (is )?(planned|discussed|not|declined|deferred)|declin\w* dialysis|avoid dialysis|(may|will) need dialysis|before dialysis|prior to dialysis)\b/i;

/**
 * A statement that the patient is on chronic dialysis now, in so many words ("on HD", "HD MWF via
 * AVF", "dialysis-dependent"): narrower than DIALYSIS, which reads "peritoneal dialysis" alone too
 * (enough beside an ESRD code, not to make one: "would like peritoneal dialysis when the time comes").
 */
const ON_DIALYSIS =
  /\b(on (chronic |maintenance |home )?((hemo|peritoneal )?dialysis|hd|pd|hhd)|(hd|pd|hemodialysis|dialysis) (via|mwf|tts|tth|m\/w\/f|t\/th\/s|3x|three times)|dialysis[- ]dependent|(receives|receiving|undergoes|undergoing) (chronic |maintenance )?(hemo|peritoneal )?dialysis)\b/i;
/** Dialysis that is over or only wished for: a span of years, a transplant since, a preference. */
const DIALYSIS_NOT_NOW =
  /\b(\d{4}\s*[-–]\s*\d{4}|now transplanted|transplant(ed)? since|previously|formerly|was on|when the time comes|if needed|would like|prefers?|leaning)\b/i;
export const statesDialysisNow = (text: string): boolean =>
  currentUse(text, ON_DIALYSIS) !== undefined &&
  !NOT_ON_DIALYSIS.test(text) &&
  !DIALYSIS_NOT_NOW.test(text) &&
  !anotherPersons(text, ON_DIALYSIS);

/** The drug classes of diabetes treatment (drug-class-off.ts reads a statement that the patient is off them all). */
const DIABETES_DRUGS: readonly RegExp[] = [INSULIN, ORAL_ANTIDIABETIC, INJECTABLE_NON_INSULIN];

/** An HPV test taken at the visit: named with its collection, or as the Pap's co-test. */
const HPV_TEST_TAKEN =
  /\b(?:hpv|human papilloma\s*virus)\b(?=[^.;\n]*\b(?:collected|sent|obtained|done|performed|taken)\b)|\bhpv\s+co-?test\w*|\bco-?test\w*\b[^.;\n]{0,20}\bhpv\b/i;
/** A test not taken today: a reflex one, one declined or due later, a past one (last, dated by its year). */
const HPV_TEST_NOT_TAKEN =
  /\b(?:reflex|declined|deferred|not (?:done|indicated|due|collected)|due|next year|refused|last|prior|previous)\b|\b(?:19|20)\d\d\b/i;

const FINDERS: Finder[] = [
  { find: (t, age) => bmiCode(t, age) },
  {
    find: (t) =>
      currentUse(t, DIALYSIS) && !NOT_ON_DIALYSIS.test(t) && !anotherPersons(t, DIALYSIS)
        ? { code: 'Z99.2', what: 'dependence on renal dialysis' }
        : undefined,
  },
  { drug: INSULIN, find: (t) => (currentUse(t, INSULIN) ? { code: 'Z79.4', what: 'insulin' } : undefined) },
  {
    drug: ORAL_ANTIDIABETIC,
    find: (t) => (currentUse(t, ORAL_ANTIDIABETIC) ? { code: 'Z79.84', what: 'an oral antidiabetic drug' } : undefined),
  },
  {
    drug: INJECTABLE_NON_INSULIN,
    find: (t) => {
      const m = currentUse(t, INJECTABLE_NON_INSULIN);
      return m && !/\boral\s+$/i.test(t.slice(0, m.index))
        ? { code: 'Z79.85', what: 'an injectable non-insulin antidiabetic drug' }
        : undefined;
    },
  },
  // Current smoking first: a history beside it (a former-smoker line copied forward) is not reported.
  {
    group: 'tobacco',
    find: (t) => {
      const m = currentUse(t, TOBACCO_CURRENT);
      // Another person's smoking ("grandmother smokes cigarettes") is not the patient's dependence.
      if (!m || ANOTHER_PERSON.test(clauseBefore(t, m.index))) return undefined;
      return !TOBACCO_HISTORY.test(t) || TOBACCO_STILL.test(t) ? { code: 'F17.210', what: 'current cigarette smoking' } : undefined;
    },
  },
  {
    group: 'tobacco',
    history: true,
    find: (t) =>
      TOBACCO_HISTORY.test(t) &&
      !anotherPersons(t, TOBACCO_HISTORY) &&
      !TOBACCO_STILL.test(t) &&
      !/\b(no|never|denies)\b[^,]*\b(history|smok)/i.test(t)
        ? { code: 'Z87.891', what: 'history of tobacco use' }
        : undefined,
  },
  { find: (t) => (currentUse(t, TOBACCO_EXPOSURE) ? { code: 'Z77.22', what: 'exposure to tobacco smoke' } : undefined) },
  {
    // Z01.41-'s note: screening for human papillomavirus, if applicable (Z11.51): an HPV test taken
    // with the examination ("Pap w/ HPV cotest collected"); not a reflex test the Pap's result decides,
    // nor one declined or due later.
    find: (t) => (HPV_TEST_TAKEN.test(t) && !HPV_TEST_NOT_TAKEN.test(t) ? { code: 'Z11.51', what: 'an HPV test taken' } : undefined),
  },
  {
    group: 'gestation',
    find: (t) => {
      const age = gestationalAgesIn(t)[0];
      return age ? { code: weeksOfGestationCode(age.weeks), what: `${age.weeks} weeks of gestation` } : undefined;
    },
  },
];

/** The code patterns a code's "use additional code" notes cite, including "from category Z3A" wording. */
/**
 * Supervision of a normal pregnancy (Z34) does not carry the note in the tabular, but the weeks of
 * gestation are reported with it in practice (guideline I.C.15.b: on the maternal record). Not the
 * incidental pregnant state (Z33.1): Z3A's own note is "code first" an obstetric condition or
 * encounter for delivery (O09-O60, O80-O82, O94-O9A), and Z33.1 says the pregnancy is none of
 * those (its Excludes1: complications of pregnancy, O00-O9A); the weeks have no code to follow.
 */
/**
 * Malnutrition (E40-E46) and underweight (R63.6) carry no note either, but they are the associated,
 * reportable weight diagnosis that guideline I.B.14 and I.C.21.c.3 ask for beside a BMI code (as
 * obesity is, whose note cites Z68): the BMI the record documents (anyone's measurement, the
 * dietitian's included) is reported after them.
 */
const IMPLIED_PATTERNS: Array<[string, string[]]> = [
  ['Z34', ['Z3A']],
  ['E4', ['Z68']],
  ['R63.6', ['Z68']],
];

export function citedPatterns(icd: Icd10Cm, code: string): string[] {
  const out: string[] = [];
  for (const [prefix, patterns] of IMPLIED_PATTERNS) if (code.startsWith(prefix)) out.push(...patterns);
  for (const [text, patterns] of notesFor(icd, code, 'ua')) {
    out.push(...patterns);
    if (patterns.length === 0) for (const m of text.matchAll(/\bcategor(?:y|ies)\s+([A-Z]\d[0-9A-Z])\b/g)) if (m[1]) out.push(m[1]);
  }
  return [...new Set(out)];
}

/**
 * Codes cited by the "use additional code" notes of `code` that the record documents, first finding
 * per code; `have` lists codes already on the claim (a group already represented is not added again).
 */
export function documentedAdditionalCodes(
  icd: Icd10Cm,
  code: string,
  statements: readonly RecordStatement[],
  have: readonly string[],
  ageYears = 40,
): DocumentedAdditional[] {
  const patterns = citedPatterns(icd, code);
  if (patterns.length === 0) return [];
  const out: DocumentedAdditional[] = [];
  const taken = new Set(have);
  for (const f of FINDERS) {
    if (f.drug && (stoppedByPlan(f.drug, statements) || classOffNow(f.drug, DIABETES_DRUGS.includes(f.drug), statements))) continue;
    const started = f.drug ? startedToday(f.drug, statements) : undefined;
    for (const s of statements) {
      if (f.history && s.part !== undefined && NOT_ADDRESSED_PARTS.has(s.part) && !SMOKING_DISEASE.test(code)) continue;
      if (started && f.drug && started.has(f.drug.exec(s.text)?.[0].toLowerCase() ?? '')) continue;
      const found = f.find(s.text, ageYears);
      if (!found || taken.has(found.code) || !isBillable(icd, found.code)) continue;
      if (!patterns.some((p) => matchesPattern(found.code, p))) continue;
      const groupCodes = f.group ? (GROUP_CODES.get(f.group) ?? []) : [];
      if ([...taken].some((c) => groupCodes.some((p) => matchesPattern(c, p)))) continue;
      out.push({ ...found, statement: s });
      taken.add(found.code);
      break;
    }
  }
  return out;
}

/**
 * A start of a drug at this visit, or a request to approve one, up to the drug's name (START_WORDS;
 * "prior authorization submitted for tirzepatide").
 */
const START = new RegExp(
  String.raw`\b(?:${START_WORDS})\s+(?:on\s+)?|\b(?:(?:prior |pre-?)auth\w*|authoriz\w*|approval)(?:\s+\w+){0,2}?\s+(?:for|of)\s+`,
  'gi',
);

/**
 * The names of a drug the record starts at this visit or waits to have approved: not yet long-term
 * (current) use, wherever else the record names it ("plan to stop glipizide once semaglutide reaches
 * 1 mg", "tirzepatide should help weight as well").
 */
export function startedToday(drug: RegExp, statements: readonly RecordStatement[]): Set<string> {
  const names = new Set<string>();
  const namedFirst = new RegExp(`^(?:${drug.source})`, 'i');
  for (const s of statements)
    for (const m of s.text.matchAll(START)) {
      const named = namedFirst.exec(s.text.slice((m.index ?? 0) + m[0].length));
      if (named) names.add(named[0].toLowerCase());
    }
  return names;
}

/** A stop written before the drug: "Stop clopidogrel", "discontinue the meloxicam", "hold warfarin". */
const STOP_BEFORE =
  /\b(?:stop|stopped|stopping|discontinue|discontinued|d\/c|dc|hold|held|holding)\s+(?:taking\s+)?(?:the\s+|his\s+|her\s+|their\s+)?$/i;
/** A stop that waits for something ("stop glipizide once semaglutide reaches 1 mg"): the drug goes on until then. */
const STOP_LATER = /^[^,;.]*?\b(?:once|when|if|after|until|before|at the next|in \d+ (?:days?|weeks?|months?))\b/i;

/**
 * The assessment or plan stops the drug at this visit ("Stop clopidogrel; continue aspirin 81 mg long
 * term"): not long-term therapy going on, whatever the medication list says.
 */
export function stoppedByPlan(pattern: RegExp, statements: readonly RecordStatement[]): boolean {
  const anywhere = new RegExp(pattern.source, 'gi');
  const stopped = new Set<string>();
  const continued = new Set<string>();
  for (const s of statements) {
    if (s.part === undefined || !ADDRESSED_PARTS.has(s.part)) continue;
    for (const m of s.text.matchAll(anywhere)) {
      const before = s.text.slice(0, m.index);
      if (STOP_BEFORE.test(before) && !STOP_LATER.test(s.text.slice((m.index ?? 0) + m[0].length))) stopped.add(m[0].toLowerCase());
      else if (CONTINUE_BEFORE.test(before)) continued.add(m[0].toLowerCase());
    }
  }
  // Another drug of the class the plan continues ("hold glipizide, cont metformin") is still taken.
  return stopped.size > 0 && ![...continued].some((d) => !stopped.has(d));
}
/** A continuation written before the drug: "continue metformin", "cont the lisinopril". */
const CONTINUE_BEFORE =
  /\b(?:continue|continues|continuing|cont|resume|remain on|stay on)\s+(?:taking\s+)?(?:the\s+|his\s+|her\s+|their\s+)?$/i;
