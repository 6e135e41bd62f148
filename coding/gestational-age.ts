/**
 * The weeks of gestation of the pregnancy today: one reader for the Z3A code, the trimester a
 * pregnancy code takes, and the query when the record gives two ages.
 *
 * A prenatal note is full of weeks that are not today's age: the scan that dated the pregnancy
 * ("EDD by 8-week ultrasound", "c/w 10-wk US"), tests and events timed by the week ("1-hour GTT
 * 24 weeks", "Hgb 11.4 at 24 weeks", "diagnosed at 20 weeks"), an earlier pregnancy ("G1 2022 SVD
 * at 39 weeks"), and durations ("for 2 weeks", "RTC 2 wk"). None of those is read. What is read:
 * - an age stated as one ("GA today 29w1d", "EGA 31w2d", "26 weeks gestation", "IUP at 26 weeks",
 *   "pregnant, 22 weeks", "22 weeks by LMP"): the pregnancy word stands beside the weeks;
 * - weeks in a statement that speaks of the pregnancy elsewhere ("prenatal visit, 20 weeks"): such
 *   an age gives the value only when no statement states one, but it counts when two ages disagree.
 */

/** Words that put a statement in a pregnancy ("prenatal visit, 20 weeks", "gestational diabetes at 28 weeks"). */
export const GESTATION_CONTEXT =
  /\b(pregnan\w*|gestation\w*|ega|ga|by (lmp|dates|ultrasound|us)|prenatal|antenatal|g\d+\s*p\d+|g\d+|primigravida|multigravida|intrauterine)\b/i;

/** The Z3A code for a number of weeks (Z3A.01 under 8 weeks, Z3A.49 over 42). */
export const weeksOfGestationCode = (weeks: number) =>
  weeks < 8 ? 'Z3A.01' : weeks > 42 ? 'Z3A.49' : `Z3A.${String(weeks).padStart(2, '0')}`;

export interface GestationalAge {
  weeks: number;
  /** 'stated': the weeks stand beside a pregnancy word or are written as an age (29w1d); 'context': the statement only speaks of a pregnancy elsewhere. */
  strength: 'stated' | 'context';
  statement: string;
}

/** Weeks, as clinicians write a gestational age or a span of weeks: "29w1d", "29w", "26 weeks", "22+3 weeks", "12 weeks 3 days", "8-week". */
const WEEKS_GLOBAL =
  /\b(\d{1,2})(?:\s*w\s*[0-6]\s*d\b|w\b|(?:\s*(?:\+|and)\s*\d(?:\s*\/\s*7)?)?\s*-?\s*(?:weeks?|wks?)\b(?:,?\s*(?:and\s+)?\d\s*days?\b)?)/gi;
/**
 * Written as an age only a pregnancy has: "29w1d", "31 w 2 d", "12 weeks 3 days", "22+3 weeks". A bare
 * "32w" is only the short way to write weeks ("Growth US at 32w", "preterm delivery (34w)"): it is an
 * age where "32 weeks" would be one, or when it is the whole statement (a diagnosis line "28w").
 */
const AGE_FORM = /^\d{1,2}\s*w\s*[0-6]\s*d$|\bdays?$|^\d{1,2}\s*(?:\+|and)\s*\d/i;

/** Before the weeks: a duration, a span or a time to come ("for 2 weeks", "x 2 wk", "through 20 wks", "in 2 weeks", "every 4 weeks"). */
const DURATION_BEFORE =
  /\b(?:for|x|past|last|over|next|in|before|until|till|through|thru|after|beyond|than|every|each|q|within|another|additional|from|starting|beginning|by)\s*(?:(?:about|around|approximately|nearly|almost|over|the|past|last|next|another)\s+)*$/i;
/**
 * After the weeks: a time ago or after an event, a span of something ("2 weeks ago", "6 weeks
 * postpartum", "6 wks s/p NSVD", "1 wk pp", "3 weeks of diet"), not "of gestation".
 */
const DURATION_AFTER =
  /^\s*(?:ago|earlier|later|prior|before|since|from now|post-?partum|pp\b|s\/p\b|status post|post[- ]?deliver\w*|after|postop\w*|post-?op\w*|of (?!(?:completed\s+)?(?:gestation|pregnan|e?ga\b|iup\b))\w)/i;
/** After the weeks: the scan that dated the pregnancy ("8-week ultrasound", "10-wk US", "7-week dating scan"). */
const DATING_SCAN_AFTER = /^\s*(?:dating\s+)?(?:ultrasound|us|u\/s|scan|sono\w*|crl)\b/i;
/**
 * In the clause before the weeks: an event they date, always in the past ("diagnosed at 20 weeks
 * gestation", "SVD at 39 weeks", "previous caesarean at 38 weeks", "metformin stopped at 12 wk",
 * "aspirin initiated at 12 weeks").
 */
const PAST_EVENT_BEFORE =
  /\b(?:diagnosed|dx(?:'?d)?|detected|found|noted|since|started|began|dated|deliver\w*|s?ptb|ptd|births?|svd|nsvd|vbac|c-?section|c\/s|c(?:a)?esarean|l?tcs|lscs|born|terminat\w*|treated|stopped|discontinued|switched|changed|initiated|administered|received|performed|done|first prenatal|initial prenatal|booking)\b/i;
/** In the clause before the weeks: a test, result or visit they time ("GTT 24 weeks", "Hgb 11.4 at 24 weeks"), unless a pregnancy word makes them the age. */
const TIMED_EVENT_BEFORE =
  /\b(?:gtt|ogtt|glucose|glucola|screen\w*|scan|ultrasound|u\/s|us|sono\w*|anatomy|nipt|cfdna|hgb|hemoglobin|hct|cbc|labs?|tests?|tested|testing|culture|titer|vaccin\w*|tdap|rhogam|injection|weight|measured|was|were|had)\b/i;
/** The same, only the verbs ("she was 10 weeks 2 days"): an age written with its days is still one after them, unlike after a named test or scan ("Anatomy US 20w1d"). */
const TIMED_VERB_ONLY = /^(?:was|were|had|measured)$/i;
/** In the clause before the weeks: a time to come ("growth scan of this pregnancy planned at 35 weeks", "recheck at 28 weeks", "RTC at 32 wk"). */
const PLANNED_BEFORE =
  /\b(?:plan|planned|plans|scheduled|booked|will|repeat|next|upcoming|again|re-?check|re-?assess|follow[- ]?up|f\/u|rtc|return|due|start|begin|consider|offer|recommend\w*)\b/i;
/** In the clause before the weeks: a word that makes them today's ("US today 24w2d", "currently 30w1d"). */
const TODAY_BEFORE = /\b(?:today|now|current(?:ly)?|this visit)\b/i;
/** Right after the weeks: the same ("10 weeks 2 days at this visit", "24w2d today"). */
const TODAY_AFTER = /^\s*(?:at\s+)?(?:today|now|currently|(?:at\s+)?this visit)\b/i;

/** The clause names a test or scan the weeks time ("Anatomy US 20w1d", "Hgb at 28w0d"), not only a verb ("she was"). */
function namesTimedEvent(clause: string): boolean {
  return [...clause.matchAll(new RegExp(TIMED_EVENT_BEFORE.source, 'gi'))].some((m) => !TIMED_VERB_ONLY.test(m[0]));
}
/** Right after the weeks: the result of what they time ("TSH at 18 weeks was 3.1", "GTT 24 weeks 118"). */
const RESULT_AFTER = /^\s*(?:was|were|showed|revealed|normal|abnormal|negative|positive|neg\b|pos\b|\d)/i;
/**
 * A statement about an earlier pregnancy or an earlier time ("G1 2022 SVD at 39 weeks", "in her
 * previous pregnancy", "prior SPTB at 32 wks", "h/o preterm delivery at 34w").
 */
const EARLIER_PREGNANCY =
  /\b(?:prior|previous|past|last|earlier|other|her first)\s+(?:pregnan\w*|deliver\w*|gestation\w*|babies|baby|child|infant|births?|s?ptb|ptd|ptl|pprom|preterm\w*|premature\w*|stillbirth\w*|iufd|miscarr\w*|c-?sections?|c(?:a)?esareans?|svd|nsvd)|\b(?:history of|hx of|hx|h\/o)\b[^.;]{0,40}(?:\b(?:deliver\w*|births?|pregnan\w*|preterm\w*|premature\w*|labou?r)\b|\b(?:s?ptl|s?ptb|ptd|pprom)\b)|\bob history\b|\bg\d\s*(?:\(|:|-)?\s*(?:19|20)\d\d\b|\b(?:19|20)\d\d\b[^.;]{0,40}\b(?:svd|nsvd|delivered|delivery|c-section|cesarean|born|miscarr\w*)\b/i;
/**
 * A pregnancy word before the weeks that makes them an age: "GA today", "EGA", "IUP at", "pregnant,",
 * "G2P1 at". Not "gestational" naming a condition ("gestational HTN at 37 wks" dates its onset).
 */
const AGE_WORD_BEFORE =
  /\b(?:e?ga|gestations?\b|gestational age|pregnan\w*|iup|intrauterine pregnancy|g\d+\s*p\d+)\b|\b(?:she|patient|pt)\s*(?:is|'s)\s+(?:now\s+|currently\s+|today\s+)?(?:at\s+)?$/i;
/** The same right after the weeks: "26 weeks gestation", "12 weeks pregnant", "22 weeks by LMP", "30 weeks' gestation". */
const AGE_WORD_AFTER =
  /^\s*['\u2019]?\s*(?:of\s+|completed\s+)*(?:gestation\w*|pregnan\w*|e?ga\b|iup\b|by (?:lmp|dates|ultrasound|us|u\/s|early us|(?:first|1st)[- ]trimester (?:ultrasound|us)))/i;
/** How far before the weeks a pregnancy word may stand and still name them. */
const NEAR = 24;

/** The clause before `index`; unlike additional.ts's clauseBefore, a colon or parenthesis also ends it ("Labs (24 weeks)"). */
function clauseBefore(text: string, index: number): string {
  return (
    text
      .slice(0, index)
      .split(/[,;:()]|\s[-\u2013\u2014]\s/)
      .pop() ?? ''
  );
}

/** The gestational ages one statement gives (not dating scans, timed events, earlier pregnancies or durations). */
export function gestationalAgesIn(statement: string): GestationalAge[] {
  const earlier = EARLIER_PREGNANCY.test(statement);
  const out: GestationalAge[] = [];
  for (const m of statement.matchAll(WEEKS_GLOBAL)) {
    const index = m.index ?? 0;
    if (earlier && ofEarlierPregnancy(statement, index, index + m[0].length)) continue;
    const weeks = Number(m[1]);
    if (!Number.isFinite(weeks) || weeks < 1 || weeks > 45) continue;
    const before = statement.slice(0, index);
    const after = statement.slice(index + m[0].length);
    if (DURATION_BEFORE.test(before) || DURATION_AFTER.test(after) || DATING_SCAN_AFTER.test(after)) continue;
    // Weeks in parentheses are said of what the parenthesis follows ("first prenatal BP (10 wk)").
    const opening = /\(\s*$/.exec(before);
    const clause = clauseBefore(statement, opening ? opening.index : index);
    const ageForm = AGE_FORM.test(m[0].trim()) || m[0].trim() === statement.trim();
    const wordAfter = AGE_WORD_AFTER.test(after);
    if (PAST_EVENT_BEFORE.test(clause) || (PLANNED_BEFORE.test(clause) && !ageForm)) continue;
    // A test or scan the weeks time, unless the clause itself states the age ("IUP at 26 weeks", "GA
    // today 29w1d"): written as an age ("Anatomy US 20w1d") they date the scan, not today.
    const statedInClause =
      AGE_WORD_BEFORE.test(clause) ||
      wordAfter ||
      TODAY_BEFORE.test(clause) ||
      TODAY_AFTER.test(after) ||
      (ageForm && !namesTimedEvent(clause));
    if ((TIMED_EVENT_BEFORE.test(clause) || RESULT_AFTER.test(after)) && !statedInClause) continue;
    if (ageForm || wordAfter || AGE_WORD_BEFORE.test(before.slice(-NEAR))) out.push({ weeks, strength: 'stated', statement });
    else if (GESTATION_CONTEXT.test(statement)) out.push({ weeks, strength: 'context', statement });
  }
  return out;
}

/**
 * Whether the weeks at `index`..`end` of a statement that tells an earlier pregnancy are that
 * pregnancy's. Read in the comma part that holds them: an earlier pregnancy named before them in it
 * ("G2P1, prior SPTB at 32 wks") makes them its own; a pregnancy word or "now" that states them as an
 * age ("28 weeks pregnant, prior SPTB 32 wks", "Pregnancy 22 weeks with h/o preterm delivery",
 * "h/o preterm labor, currently 13w6d") makes them today's; an earlier pregnancy named after them
 * ("36 wk delivery last pregnancy") makes them its own. A part that names neither is today's only
 * when it says "now" apart from the rest.
 */
function ofEarlierPregnancy(statement: string, index: number, end: number): boolean {
  const start = Math.max(statement.lastIndexOf(',', index), statement.lastIndexOf(';', index)) + 1;
  const stops = [statement.indexOf(',', end), statement.indexOf(';', end)].filter((i) => i >= 0);
  const before = statement.slice(start, index);
  const after = statement.slice(end, stops.length > 0 ? Math.min(...stops) : statement.length);
  if (EARLIER_PREGNANCY.test(before)) return true;
  if (TODAY_BEFORE.test(before) || AGE_WORD_BEFORE.test(before.slice(-NEAR)) || AGE_WORD_AFTER.test(after)) return false;
  if (EARLIER_PREGNANCY.test(`${statement.slice(index, end)}${after}`)) return true;
  return !todayApart(statement, index);
}

/** The comma part holding the weeks at `index` says "now" before them and tells no earlier pregnancy. */
function todayApart(statement: string, index: number): boolean {
  const start = Math.max(statement.lastIndexOf(',', index), statement.lastIndexOf(';', index)) + 1;
  if (start === 0) return false;
  const part = statement.slice(start, index);
  return TODAY_BEFORE.test(part) && !EARLIER_PREGNANCY.test(statement.slice(start));
}

/** A statement that starts with a visit's date ("10/22   22w0d  156  108/66": a row of a prenatal flow sheet). */
const DATED_ROW = /^\s*(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?\b/;

/**
 * The ages the record's statements give, without those of earlier visits: a flow sheet's rows each
 * start with their visit's date, and every row but the latest dated one is an earlier visit, whose
 * age is no conflict with today's. Dates without a year that span the turn of the year (11/19,
 * 12/17, 01/14) are ordered across it.
 */
export function agesOfThisVisit(statements: readonly string[]): GestationalAge[] {
  const dated = statements.flatMap((s) => {
    const m = DATED_ROW.exec(s);
    if (!m || gestationalAgesIn(s).length === 0) return [];
    const year = m[3] === undefined ? undefined : Number(m[3].length === 2 ? `20${m[3]}` : m[3]);
    return [{ s, year, month: Number(m[1]), day: Number(m[2]) }];
  });
  const months = dated.filter((d) => d.year === undefined).map((d) => d.month);
  const wraps = months.length > 0 && Math.max(...months) - Math.min(...months) > 6;
  const order = (d: (typeof dated)[number]) => (d.year ?? (wraps && d.month <= 6 ? 1 : 0)) * 10000 + d.month * 100 + d.day;
  const latest = Math.max(...dated.map(order));
  const earlier = new Set(dated.length > 1 ? dated.filter((d) => order(d) < latest).map((d) => d.s) : []);
  return statements.filter((s) => !earlier.has(s)).flatMap(gestationalAgesIn);
}

/** The age that gives the value: the first stated one, else the first found in context. */
export const valueAge = (ages: readonly GestationalAge[]): GestationalAge | undefined =>
  ages.find((a) => a.strength === 'stated') ?? ages[0];

/** The one gestational age the statements give (valueAge of all they give). */
export function currentGestationalAge(statements: readonly string[]): GestationalAge | undefined {
  return valueAge(statements.flatMap(gestationalAgesIn));
}
