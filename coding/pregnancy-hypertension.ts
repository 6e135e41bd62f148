/**
 * Hypertension in pregnancy stated as two kinds. The classification codes each kind apart:
 * pre-existing hypertension (O10), pre-existing with superimposed pre-eclampsia (O11), gestational
 * hypertension without significant proteinuria (O13), pre-eclampsia and HELLP (O14), eclampsia
 * (O15). When the coded statement names one kind and another statement of the record names another
 * ("Gestational hypertension" in the assessment, "proteinuria consistent with preeclampsia" in the
 * note; or hypertension treated since before this pregnancy or found before its 20th week), a coder may not choose between them
 * (guideline I.A.19: the condition as the provider documents it; the query practice: conflicting
 * documentation is asked). The physician is asked which; until answered the record supports only
 * unspecified maternal hypertension (O16) of the same trimester, except where the assessment's
 * gestational or pre-existing kind stands against an earlier diagnosis in the history (assessmentHeld):
 * then the assessment's code is held.
 *
 * Not a conflict: a pre-eclampsia (or eclampsia, HELLP) coded beside a gestational hypertension the
 * record names too (the one progressed to the other); a statement that denies the kind ("no features
 * of preeclampsia"), speaks of its prevention, signs, labs or a past pregnancy, or of a relative.
 */
import { describeIcd, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { detailConflictQuestion, resolutionFor, type ClarificationIssue, type ClarificationOption } from './clarification.ts';
import { clausesWithOffsets } from './context.ts';
import { DENIED_BEFORE } from './denial.ts';
import { noteParts, partAt, type NotePart } from './sections.ts';

export type Kind = 'pre-existing' | 'superimposed' | 'gestational' | 'pre-eclampsia' | 'HELLP' | 'eclampsia';

/** The kind each category (or subcategory) codes. */
export const CODED_KIND: ReadonlyArray<readonly [RegExp, Kind]> = [
  [/^O10\./, 'pre-existing'],
  [/^O11\./, 'superimposed'],
  [/^O13\./, 'gestational'],
  [/^O14\.2/, 'HELLP'],
  [/^O14\./, 'pre-eclampsia'],
  [/^O15\./, 'eclampsia'],
];

/** The kinds a statement names, most specific first (a "preeclampsia" is no "eclampsia"). */
const STATED_KIND: ReadonlyArray<readonly [RegExp, Kind]> = [
  [/\bsuperimposed\b[^.;]*\bpre-?\s?eclampsia\b|\bpre-?\s?eclampsia\b[^.;]*\bsuperimposed\b/i, 'superimposed'],
  [/\bhellp\b/i, 'HELLP'],
  [/\bpre-?\s?eclampsia\b/i, 'pre-eclampsia'],
  [/(?<!pre-?\s?)\beclampsia\b/i, 'eclampsia'],
  [
    /\b(gestational|pregnancy[- ]induced) (hypertension|htn)\b|\bpih\b(?!\s+(labs?|panel|precautions|work-?up|labwork|bloods?))|\bghtn\b/i,
    'gestational',
  ],
  [
    /\b(chronic|pre-?\s?existing|essential|pre-?\s?pregnancy) (hypertension|htn)\b|\b(hypertension|htn)\b[^.;]*\b(before|prior to|preceding) (this |her |the current )?(pregnancy|conception)\b/i,
    'pre-existing',
  ],
];

/** Treatment for high blood pressure... */
const BLOOD_PRESSURE_TREATMENT =
  /\b(hypertension|htn|blood pressure (medication|medicine|meds?|pills?)|bp (meds?|medication)|antihypertensives?|lisinopril|enalapril|losartan|valsartan|amlodipine|nifedipine|hydrochlorothiazide|hctz|metoprolol|labetalol|methyldopa|chlorthalidone)\b/i;
/** ...dated before this pregnancy ("since my first pregnancy", "switched at conception", "before this pregnancy"). */
const BEFORE_THIS_PREGNANCY =
  /\b(before|prior to|preceding) (this |her |the current )?(pregnancy|conception)\b|\bsince (my|her|the) (first|last|previous|prior|earlier) pregnancy\b|\b(switched|changed|stopped)\b[^.;]*\bat conception\b|\bpre-?\s?(pregnancy|conception)\b/i;

/**
 * High blood pressure found or treated before 20 weeks of gestation ("Elevated BP first noted at
 * 11 wks", "started nifedipine at 12 wks"): hypertension before the 20th week is pre-existing by
 * definition (gestational hypertension begins after it).
 */
const ELEVATED_PRESSURE = /\b(elevated|high|raised) (bp|blood pressure)s?\b|\b(bp|blood pressure)s? (elevated|high|raised)\b/i;
const ONSET_AT_WEEKS =
  /\b(first noted|noted|found|diagnosed|dx'?d|started|began|begun|initiated|switched|changed|new[- ]onset)\b[^.;]*?\b(?:at|after) (\d{1,2})\s?(?:w|wk|wks|weeks?)\b/i;
const HALF_OF_PREGNANCY = 20;
function beforeTwentyWeeks(text: string): boolean {
  const onset = ONSET_AT_WEEKS.exec(text);
  if (!onset || Number(onset[2]) >= HALF_OF_PREGNANCY) return false;
  return ELEVATED_PRESSURE.test(text) || BLOOD_PRESSURE_TREATMENT.test(text);
}
/** High blood pressure that began at or after 20 weeks ("new-onset hypertension at 32 weeks"): the gestational kind by definition. */
const NEW_ONSET = /\bnew[- ]onset\b|\b(first noted|noted|found|diagnosed|dx'?d|began|developed)\b/i;
function fromTwentyWeeks(text: string): boolean {
  const onset = ONSET_AT_WEEKS.exec(text);
  if (!onset || Number(onset[2]) < HALF_OF_PREGNANCY || !NEW_ONSET.test(onset[0])) return false;
  return ELEVATED_PRESSURE.test(text) || /\b(hypertension|htn)\b/i.test(text);
}

/**
 * A hypertension diagnosed before this pregnancy, dated ("dx of high BP 3 yrs ago", "hypertension
 * dx 2023"): a diagnosis of the pre-existing kind, as a type word is ("chronic HTN").
 */
const HYPERTENSION_DIAGNOSIS = String.raw`\b(?:hypertension|htn|high (?:bp|blood pressure))\b`;
const DIAGNOSIS_DATED_BEFORE = new RegExp(
  String.raw`\b(?:dx|dx'?d|diagnosed|diagnosis)\b[^.;]*?${HYPERTENSION_DIAGNOSIS}[^.;]*?\b(?:\d+\s*(?:yrs?|years?)\s+ago|(?:in\s+)?(?:19|20)\d\d)\b|${HYPERTENSION_DIAGNOSIS}[^.;]*?\b(?:dx|dx'?d|diagnosed)\b[^.;]*?\b(?:\d+\s*(?:yrs?|years?)\s+ago|(?:in\s+)?(?:19|20)\d\d)\b`,
  'i',
);
const PRE_EXISTING_WORDS = STATED_KIND.find(([, k]) => k === 'pre-existing')?.[0] ?? /$^/;

/** The statement names the pre-existing kind as a diagnosis (a type word, or a dated diagnosis), not only a clinical sign of it. */
export function namesPreExistingDiagnosis(text: string): boolean {
  return PRE_EXISTING_WORDS.test(text) || DIAGNOSIS_DATED_BEFORE.test(text);
}

/** A statement that names a kind without stating it of this pregnancy today. */
const NOT_TODAYS =
  /\b(prevent\w*|prophyla\w*|warning|precautions?|signs? of|symptoms? of|labs?|risk|screen\w*|rule out|r\/o|evaluat\w*|work-?up|concern for|history of|hx of|h\/o|prior pregnancy|previous pregnancy|last pregnancy|resolved|family|mother|sister)\b/i;

/** Parts of a note that say nothing of a current pregnancy's hypertension. */
const SILENT_PARTS: ReadonlySet<NotePart> = new Set(['family-history', 'allergies', 'review-of-systems', 'social-history']);
/** Parts where a kind other than a pre-existing one is a past pregnancy's or a drug's reason. */
const PAST_PARTS: ReadonlySet<NotePart> = new Set(['past-history', 'medications']);

/** The kinds of hypertension in pregnancy a statement names as today's. */
export function kindsStated(text: string, part: NotePart): Kind[] {
  const out: Kind[] = [];
  let rest = text;
  for (const [pattern, kind] of STATED_KIND) {
    const m = pattern.exec(rest);
    if (!m) continue;
    rest = rest.replace(pattern, (w) => ' '.repeat(w.length));
    if (DENIED_BEFORE.test(text.slice(0, m.index)) || NOT_TODAYS.test(text)) continue;
    if (kind !== 'pre-existing' && PAST_PARTS.has(part)) continue;
    out.push(kind);
  }
  // A sign of the pre-existing kind the statement denies ("no antihypertensives before pregnancy") is none.
  const treatment = BLOOD_PRESSURE_TREATMENT.exec(text);
  if (
    !out.includes('pre-existing') &&
    ((treatment && !DENIED_BEFORE.test(text.slice(0, treatment.index)) && BEFORE_THIS_PREGNANCY.test(text)) ||
      beforeTwentyWeeks(text) ||
      (DIAGNOSIS_DATED_BEFORE.test(text) && !NOT_TODAYS.test(text)))
  )
    out.push('pre-existing');
  if (
    !out.includes('gestational') &&
    !out.includes('pre-existing') &&
    fromTwentyWeeks(text) &&
    !DENIED_BEFORE.test(text.slice(0, text.search(NEW_ONSET)))
  )
    out.push('gestational');
  return out;
}

/** Two kinds that cannot both describe this pregnancy's hypertension as coded. */
function conflicting(coded: Kind, stated: Kind): boolean {
  if (coded === stated || coded === 'superimposed' || stated === 'superimposed') return false;
  // A gestational hypertension the record also names is what the pre-eclampsia progressed from.
  if (stated === 'gestational') return coded === 'pre-existing';
  if (coded === 'gestational' || coded === 'pre-existing' || stated === 'pre-existing') return true;
  return false;
}

/** The statements of the record (diagnosis lines, clauses of the notes) with the part each is in. */
export function statementsOf(run: CodingRun): Array<{ text: string; part: NotePart }> {
  const doc = run.input.documentation;
  const parts = noteParts(doc.notes);
  return [
    ...doc.diagnoses.map((d) => ({ text: d.description, part: 'assessment' as NotePart })),
    ...clausesWithOffsets(doc.notes).map((c) => ({ text: c.text, part: partAt(parts, c.start + c.text.length) })),
  ].filter((s) => !SILENT_PARTS.has(s.part));
}

/** The trimester (or childbirth, puerperium) character of a pregnancy hypertension code. */
export const trimesterOf = (code: string) => /[1-59]$/.exec(code)?.[0];

/** Each kind's code in a trimester (the classification's own subcategories). */
export function codeOf(kind: Kind | 'unspecified' | 'severe pre-eclampsia', trimester: string): string {
  switch (kind) {
    case 'pre-existing':
      return `O10.01${trimester}`;
    case 'superimposed':
      return `O11.${trimester}`;
    case 'gestational':
      return `O13.${trimester}`;
    case 'pre-eclampsia':
      return `O14.0${trimester}`;
    case 'severe pre-eclampsia':
      return `O14.1${trimester}`;
    case 'HELLP':
      return `O14.2${trimester}`;
    case 'eclampsia':
      return `O15.0${trimester}`;
    case 'unspecified':
      return `O16.${trimester}`;
  }
}

export const OPTION_KINDS: ReadonlyArray<readonly [string, Kind | 'severe pre-eclampsia']> = [
  ['Gestational hypertension without significant proteinuria', 'gestational'],
  ['Pre-eclampsia without severe features', 'pre-eclampsia'],
  ['Pre-eclampsia with severe features', 'severe pre-eclampsia'],
  ['HELLP syndrome', 'HELLP'],
  ['Pre-existing (chronic) hypertension', 'pre-existing'],
  ['Pre-existing hypertension with superimposed pre-eclampsia', 'superimposed'],
];

/** A severity the answer states of a pre-eclampsia ("with severe features"; not "without severe features"). */
const SEVERE = /(?<!\b(?:without|no|not)\s(?:\w+\s)?)\bsevere\b/i;

/** The code a physician's written answer names, if it names a kind. */
/**
 * The code of a hypertension-type question: the physician's answer (an option's code, or the kind a
 * free-text answer names) when the code set allows it, else the held code; the question is raised
 * while unanswered.
 */
export function askedTypeCode(run: CodingRun, issue: ClarificationIssue, trimester: string, held: string): string {
  const resolution = resolutionFor(issue, run.input.answers);
  if (!resolution) run.issues.push(issue);
  const answered =
    resolution?.kind === 'option'
      ? resolution.option.code
      : resolution?.kind === 'free-text'
        ? answeredCode(resolution.text, trimester)
        : undefined;
  return answered && run.codeSets.icd.byCode.has(answered) && run.allowed(answered) ? answered : held;
}

export function answeredCode(text: string, trimester: string): string | undefined {
  const [kind] = kindsStated(text, 'assessment');
  if (!kind) return undefined;
  return codeOf(kind === 'pre-eclampsia' && SEVERE.test(text) ? 'severe pre-eclampsia' : kind, trimester);
}

/** Parts of a note outside its assessment and plan (history, problem list, medications, text under no heading). */
const HISTORY_PARTS: ReadonlySet<NotePart> = new Set(['present-illness', 'past-history', 'medications', 'complaint', 'unlabelled']);

/**
 * While the question is open, the assessment's own kind is held (not O16) when it is gestational or
 * pre-existing and every statement against it is an earlier diagnosis of the other kind written in
 * the history or problem list ("PMH: chronic HTN dx 2022"): two diagnoses, of which the assessment is
 * this visit's. Unspecified maternal hypertension (O16) when the assessment or plan itself states the
 * other kind, or when only clinical facts stand against it (treatment dated before the pregnancy,
 * pressure found before 20 weeks, proteinuria): then the assessed kind itself is in doubt.
 */
function assessmentHeld(coded: Kind, against: ReadonlyArray<{ text: string; part: NotePart }>): boolean {
  if (coded !== 'gestational' && coded !== 'pre-existing') return false;
  const namesOther = (text: string) =>
    coded === 'gestational'
      ? namesPreExistingDiagnosis(text)
      : /\b(gestational|pregnancy[- ]induced) (hypertension|htn)\b|\bpih\b|\bghtn\b/i.test(text);
  return against.every((s) => HISTORY_PARTS.has(s.part)) && against.some((s) => namesOther(s.text));
}

/** Step: a hypertension in pregnancy the record states as two kinds is asked, and coded O16 until answered. */
export function pregnancyHypertensionKind(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const icd = run.codeSets.icd;
  for (const d of drafts) {
    const coded = CODED_KIND.find(([p]) => p.test(d.code))?.[1];
    const trimester = trimesterOf(d.code);
    if (!coded || !trimester || run.issues.some((i) => i.order === d.order)) continue;
    const own = new Set(d.evidence.map((e) => e.text));
    const others = statementsOf(run).filter((s) => !own.has(s.text) && kindsStated(s.text, s.part).some((k) => conflicting(coded, k)));
    const [other] = others;
    if (!other) continue;
    const held = assessmentHeld(coded, others) ? d.code : codeOf('unspecified', trimester);
    if (!icd.byCode.has(held) || !run.allowed(held)) continue;
    const quote = d.evidence[0]?.text ?? d.description;
    const options: ClarificationOption[] = OPTION_KINDS.map(([label, kind]) => ({ label, code: codeOf(kind, trimester) })).filter(
      (o) => o.code !== undefined && icd.byCode.has(o.code),
    );
    const issue: ClarificationIssue = {
      kind: 'specificity',
      question: detailConflictQuestion(quote, other.text, 'type of hypertension in this pregnancy'),
      clinicalIndicators: [`Documented: "${quote}"`, `Documented: "${other.text}"`],
      options,
      reason: `The record states the hypertension in pregnancy as ${coded} (${d.code}) and elsewhere otherwise; each kind has its own code, so ${held}${held === d.code ? ' (the assessment)' : ' (unspecified maternal hypertension)'} until answered.`,
      order: d.order,
      betweenStatements: true,
    };
    const code = askedTypeCode(run, issue, trimester, held);
    const why =
      code === held
        ? `The record states the kind of hypertension in pregnancy two ways ("${quote}"; "${other.text}"): ${held === d.code ? "the assessment's kind" : 'unspecified'} until the physician answers.`
        : `The physician answered the kind of hypertension in pregnancy: ${describeIcd(run.codeSets, code)}.`;
    return drafts.map((x) => (x === d ? recoded(run.codeSets, x, code, why) : x));
  }
  return drafts;
}
