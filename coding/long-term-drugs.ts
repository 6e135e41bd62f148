/**
 * Long-term (current) drug therapy (guideline I.C.21.c.3, category Z79), two ways a coder reads it:
 *
 * - The notes say the therapy is long-term: a drug the patient takes now, said to be long-term,
 *   maintenance, suppressive or prophylactic, or taken for months or years ("doxycycline daily for
 *   four months", "on long-term suppressive antibiotics"), is coded by its class's Z79 code beside the
 *   diagnoses the list states. The class comes from the drug's name (text.ts adds the class the
 *   tabular's titles use) and the code from the tabular's own Z79 titles.
 * - A current drug of a class with its own Z79 code (drug-classes.ts), named in a medication list, the
 *   history, the assessment and plan or a diagnosis line, beside a coded condition the class is taken
 *   for ("Atrial fibrillation, rate controlled" with apixaban in the medication list: Z79.01). Not a
 *   drug stopped, held, completed, only considered or started today, a short course (a burst, a taper,
 *   "x 5 days", as needed, "twice in the past year"), tried or switched from, one the assessment or
 *   plan takes as needed, a topical or inhaled form of a systemic class (nor a nasal, rinsed or
 *   swallowed form of an inhaled one), nor one named in an allergy
 *   list, a relative's history or the social history; not an opiate beside opioid dependence (Z79's
 *   Excludes2). A drug that only needs monitoring to be worth reporting (Z79.899) needs the record to
 *   monitor it in the same statement; an inhaled corticosteroid (Z79.51), a controller written in
 *   most asthma and COPD records, needs the record to call it long-term or maintenance in its own item.
 */
import { clauseBefore, currentUse, startedToday, stoppedByPlan } from './additional.ts';
import { classOffNow, DIABETES_DRUG_CODES } from './drug-class-off.ts';
import { newDraft, SECTION_WEIGHT, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { CLASS_PATTERNS, takenFor, type DrugClass } from './drug-classes.ts';
import { rank } from './ranking.ts';
import { buildQuery } from './search.ts';
import { ADDRESSED_PARTS, HEADING_PREFIX, type NotePart } from './sections.ts';
import { COUNT, escapeRegExp, expandAbbreviations } from './text.ts';

/** The record says the therapy is long-term: its words, or a duration of months or years. */
const LONG_TERM =
  /(?<!\b(?:not|non|no)[\s-]+(?:an?\s+)?)\b(long[\s-]?term|chronic(?:ally)?|maintenance|suppressive|prophylactic|prophylaxis)\b|\b(?:for|over|x|since)\s+(?:the\s+(?:past|last)\s+)?(?:\d+|several|many|a few|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)?\s*(?:months|years|mos|yrs)\b/i;

/** The therapy's class as text.ts writes it after a drug's name ("doxycycline long term current use of antibiotics"). */
const THERAPY = /\blong term current use of [a-z]+/;

/** Parts of a note that do not say what the patient takes now. */
const NOT_CURRENT_PARTS: ReadonlySet<NotePart> = new Set(['allergies', 'family-history', 'medications', 'past-history']);

/** How well the statement must find the Z79 title. */
const FOUND = 0.75;

/** Step: the Z79 codes of long-term drug therapy the record states, when the claim has none of that code. */
export function longTermDrugTherapy(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  return otherDrugPlannedLongTerm(run, withoutUnnamedOther(drafts, currentDrugsTakenFor(run, statedLongTermTherapy(run, drafts))));
}

/** A drug by its name and dose ("naltrexone 50 mg"): the name, a word of four letters or more. */
const DOSED_DRUG = /\b([a-z][a-z-]{3,})\s+\d+(?:\.\d+)?\s*(?:mg|mcg|g|units?|ml)\b/gi;
/**
 * The plan labels the therapy long-term ("(long-term therapy)", "(controlled substance, long-term)",
 * "long-term use"): not a duration the plan sets ("continue omeprazole long term after eradication").
 */
const SAID_LONG_TERM =
  /(?<!\b(?:not|non|no)[\s-]+(?:an?\s+)?)\blong[\s-]?term(?:\s+(?:current\s+)?(?:therapy|use|treatment|medication|drug therapy)\b|\s*\))/i;
/** Continued at the visit: the plan keeps the drug going. */
const CONTINUED = /\b(?:continue|continues|continuing|cont|refill\w*|maintain\w*)\b/i;

/**
 * Z79.899 for a drug no Z79 code names that the assessment or plan continues and calls long-term
 * ("continue naltrexone 50 mg daily, refilled (long-term therapy)"), beside a condition coded: the
 * record states the long-term use in the physician's words. A drug of a class with its own code is
 * that code's (currentDrugsTakenFor); a drug only listed, started, stopped or given as a course is not
 * this.
 */
function otherDrugPlannedLongTerm(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const condition = drafts.find((d) => !d.code.startsWith('Z'));
  if (!condition || drafts.some((d) => d.code === OTHER_THERAPY) || !run.allowed(OTHER_THERAPY)) return drafts;
  for (const m of run.notes) {
    if (m.part === undefined || !ADDRESSED_PARTS.has(m.part) || m.assertion !== 'affirmed') continue;
    const text = m.original.replace(HEADING_PREFIX, '');
    if (!SAID_LONG_TERM.test(text) || !CONTINUED.test(text) || SHORT_COURSE.test(text)) continue;
    for (const [, name] of text.matchAll(DOSED_DRUG)) {
      if (!name || CLASS_PATTERNS.some(([, p]) => p.test(name))) continue;
      const drug = new RegExp(String.raw`\b${escapeRegExp(name)}\b`, 'i');
      const at = currentUse(text, drug);
      if (!at || NOT_NOW_BEFORE.test(clauseBefore(text, at.index))) continue;
      return [
        ...drafts,
        newDraft(run.codeSets, OTHER_THERAPY, {
          confidence: condition.confidence * SECTION_WEIGHT.notes,
          order: Math.max(0, ...drafts.map((d) => d.order)) + 1,
          evidence: [{ section: 'notes', text: m.original }],
          rationale: `The plan continues ${name} and states the therapy is long-term ("${m.original}"); no Z79 code names its class: other long term (current) drug therapy ${OTHER_THERAPY} (guideline I.C.21.c.3).`,
        }),
      ];
    }
  }
  return drafts;
}

const OTHER_THERAPY = 'Z79.899';
/** A line that states long-term drug therapy without naming the drug ("long term drug", "on long-term meds"). */
const UNNAMED_THERAPY = /^\W*(?:on\s+)?(?:long[\s-]?term|chronic|current)\s+(?:drug|medication|med)s?(?:\s+(?:use|therapy))?\W*$/i;

/**
 * "Other long term drug therapy" (Z79.899) read from a line that names no drug gives way to the class
 * code this step found for the drug the record names ("long term drug" beside methotrexate: Z79.631):
 * the line says the therapy is long-term, the drug's class says which code.
 */
function withoutUnnamedOther(before: readonly DiagnosisDraft[], after: DiagnosisDraft[]): DiagnosisDraft[] {
  const found = after.some((d) => d.code.startsWith('Z79') && d.code !== OTHER_THERAPY && !before.some((b) => b.code === d.code));
  if (!found) return after;
  return after.filter((d) => d.code !== OTHER_THERAPY || !d.evidence.every((e) => UNNAMED_THERAPY.test(e.text)));
}

/** The Z79 codes of therapy the notes call long-term (beside a diagnosis list). */
function statedLongTermTherapy(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (run.input.documentation.diagnoses.length === 0) return drafts;
  const out = [...drafts];
  for (const m of run.notes) {
    if (m.assertion !== 'affirmed' || (m.part !== undefined && NOT_CURRENT_PARTS.has(m.part))) continue;
    const therapy = LONG_TERM.test(m.original) ? currentUse(expandAbbreviations(m.original), THERAPY)?.[0] : undefined;
    if (!therapy) continue;
    const hit = rank(run, buildQuery(therapy), therapy, (c) => c.startsWith('Z79'))[0];
    if (!hit || hit.score < FOUND || out.some((d) => d.code === hit.code)) continue;
    out.push(
      newDraft(run.codeSets, hit.code, {
        confidence: Math.min(1, hit.score) * SECTION_WEIGHT.notes,
        order: Math.max(0, ...out.map((d) => d.order)) + 1,
        evidence: [{ section: 'notes', text: m.original }],
        rationale: `The notes state long-term (current) drug therapy ("${m.original}"): ${hit.code} (guideline I.C.21.c.3).`,
      }),
    );
  }
  return out;
}

/** Parts of a note that never say what the patient takes now. */
const NOT_TAKEN_PARTS: ReadonlySet<NotePart> = new Set(['allergies', 'family-history', 'social-history', 'review-of-systems']);

/**
 * Before the drug, in its clause: the therapy is over, or not yet taken ("completed warfarin", "start
 * apixaban"), or the drug is named as the cause of a reaction ("drug-induced pancreatitis (azathioprine)").
 */
const NOT_NOW_BEFORE =
  /\b(completed|finished|previously|formerly|prior|past|was on|were on|had been on|used to|history of|hx of|h\/o|weaned|no longer|not taking|ran out|recommend\w*|plan(?:s|ned)? to|will start|candidate for|offered|start|started|starting|initiat\w*|begin|began|add|added|adding|prescribe|prescribed|new|tried|trial of|failed|instead of|induced|caused by|reaction to|adverse (?:effect|reaction)s? (?:to|of|from))\b/i;
/** Before the drug: the therapy is over ("completed", "finished", "weaned off"), a date or not. */
const THERAPY_OVER = /\b(completed|finished|weaned|no longer|not taking|ran out)\b/i;
/** After the drug, in its clause: "apixaban started today", "warfarin completed". */
const NOT_NOW_AFTER =
  /^[^,;.]{0,40}?\b(started|initiated|prescribed|added|begun|completed|finished|recommended|planned|to start|was stopped|no longer|in the past|previously|formerly|clinic|intoleran\w*|allerg\w*|not tolerated|induced|resolved)\b/i;
/** After the drug: taken until a pregnancy began ("metformin before pregnancy", "until she conceived", "stopped at +UPT"). */
const ENDED_AT_PREGNANCY =
  /^[^,;.]{0,30}?\b(?:before (?:this |the |her )?(?:pregnancy|conception)|pre-?preg\w*|until (?:she |i )?(?:conceived|conception|pregnan\w*)|stopped at\b)/i;
/** Words after the drug that end the therapy ("tamoxifen for 5 years, completed and stopped in 2022"). */
const ENDED = /^\s*(?:and\s+)?(?:was\s+|were\s+|then\s+)?(completed|finished|stopped|discontinued|ended)\b/i;
/**
 * The therapy is over by what follows the drug: its own list item ending it, or the next item of the
 * same sentence saying only that ("..., completed 2022"); an item naming another drug is that drug's.
 */
function overAfter(after: string): boolean {
  const [own = '', next = ''] = after.split(/[.;]/)[0]?.split(',') ?? [];
  return /\b(completed|finished|discontinued)\b/i.test(own) || ENDED.test(next);
}
/** A start that dates the therapy is current therapy ("started on warfarin in 2019", "since 2 years ago"). */
const DATED_START = /\b(ago|since|in (?:19|20)\d\d|last (?:year|month)|(?:years|months) ago|for (?:\d+|many|several) (?:years|months))\b/i;
/**
 * A course with an end, a dose given at the visit or counted out ("second dose tomorrow", "two doses"),
 * or a drug taken only when needed: not long-term therapy. "Given" as a reason ("not on aspirin given
 * anticoagulation", "given her age") gives no dose.
 */
const SHORT_COURSE = new RegExp(
  String.raw`\b(burst|(?:second|2nd|third|3rd|next|another|repeat|final|one|two|three|\d) (?:\w+ )?(?:more )?doses?|doses? (?:tomorrow|tonight|in \d+ hours)|taper\w*|course|dose ?pack|dosepak|x ?\d+ ?(?:days?|d)\b|(?:for|x) (?:${COUNT}) (?:more )?(?:days?|weeks?)|once|single dose|one[- ]time|prn|as needed|stat|x ?1|given(?!\s+(?:his|her|their|the|ongoing|current|concurrent|recent|known|prior|high|low|age|risk|anticoag\w*|renal|kidney|bleeding|history)\b)|administered|in (?:the )?(?:clinic|office|ed|er|emergency department)|im|iv|(?:twice|three times|\d+ times) (?:in|over|during) the (?:past|last)|(?:twice|three times|\d+ times) (?:a|per|this|last) year)\b`,
  'i',
);
const AS_NEEDED = /\b(?:prn|as needed)\b/gi;
/**
 * "As needed" is said of the drug it is written with: in a list ("budesonide-formoterol twice daily,
 * albuterol as needed") the other items' "as needed" is taken out before the course is read.
 */
export const withoutOthersAsNeeded = (text: string, drug: RegExp): string =>
  text
    .split(/([,;])/)
    .map((item) => (drug.test(item) ? item : item.replace(AS_NEEDED, ' ')))
    .join('');
/** The items of a list (comma or semicolon apart) that name the drug. */
const drugItems = (text: string, drug: RegExp): string =>
  text
    .split(/[,;]/)
    .filter((item) => drug.test(item))
    .join(', ');
/** A systemic class's drug used on the skin, in the nose or eye, inhaled or injected into a joint. */
const LOCAL_FORM =
  /\b(cream|ointment|lotion|gel|topical|drops|nasal|spray|inhaled|inhaler|intra-?articular|injection into|eye|ophthalmic|otic)\b/i;
/**
 * An inhaled class's drug in another form: sprayed in the nose, rinsed through the sinuses, swallowed
 * (budesonide MMX or EC capsules for the bowel) or put on the skin.
 */
const NOT_INHALED =
  /\b(nasal|intranasal|nose|nostrils?|rinses?|irrigations?|sinus|mmx|ec|capsules?|tablets?|enemas?|foam|oral|po|cream|ointment|lotion|topical|eye|ophthalmic|otic)\b/i;
/** The record monitoring the drug: levels, toxicity screening, the organ tests it needs. */
const MONITORED =
  /\b(monitor\w*|levels?|toxicity|eye exam|retinal|ophthalmolog\w*|tsh|thyroid function|lfts?|liver function|pfts?|qtc|ecg|ekg|labs?)\b/i;
/**
 * Stated as long-term or daily, for classes often taken only as needed. (A dose schedule alone,
 * "naproxen 500 bid", is how any course is written, a new one for a week as much as a standing one.)
 */
const STATED_LONG_TERM = /\b(daily|every day|long[\s-]?term|chronic(?:ally)?|scheduled|maintenance)\b/i;
/** Opioid dependence: Z79's Excludes2 (drug abuse and dependence) and the guideline keep Z79.891 off it. */
const OPIOID_DEPENDENCE = /^F11/;

/** A statement of the record with the part of the note it is written in. */
interface Statement {
  section: 'diagnoses' | 'notes';
  text: string;
  part?: NotePart;
}

function statementsOf(run: CodingRun): Statement[] {
  const seen = new Set<string>();
  const notes: Statement[] = [];
  for (const m of run.notes) {
    if (seen.has(m.original) || m.assertion === 'family-history' || (m.part !== undefined && NOT_TAKEN_PARTS.has(m.part))) continue;
    seen.add(m.original);
    notes.push({ section: 'notes', text: m.original, ...(m.part !== undefined ? { part: m.part } : {}) });
  }
  return [...run.input.documentation.diagnoses.map((d) => ({ section: 'diagnoses' as const, text: d.description })), ...notes];
}

/** The drug of a class the statement names as taken now, long-term; undefined when it does not. */
export function takenNow(c: DrugClass, pattern: RegExp, statement: string): string | undefined {
  // The heading ("Past medical history:") names the list, not the time of the therapy.
  const text = statement.replace(HEADING_PREFIX, '');
  const m = currentUse(text, pattern);
  if (!m) return undefined;
  const clause = clauseBefore(text, m.index);
  const after = text.slice(m.index + m[0].length);
  // A therapy said to be over stays over whatever date it carries ("completed five years of letrozole in 2023").
  if (THERAPY_OVER.test(clause) || ENDED_AT_PREGNANCY.test(after) || overAfter(after)) return undefined;
  const dated = DATED_START.test(`${clause} ${after.split(/[,;]/)[0] ?? ''}`);
  if (!dated && (NOT_NOW_BEFORE.test(clause) || NOT_NOW_AFTER.test(after))) return undefined;
  if (SHORT_COURSE.test(withoutOthersAsNeeded(text, pattern)) && !LONG_TERM.test(text)) return undefined;
  // How and how often: said of the drug in its own item of a list ("omeprazole 20 mg, diclofenac 1%
  // gel, acetaminophen 1 g BID": the gel is used on the skin, and the BID is acetaminophen's).
  const own = drugItems(text, pattern);
  if (c.inhaled ? NOT_INHALED.test(own) : LOCAL_FORM.test(own)) return undefined;
  if (c.calledLongTerm && !LONG_TERM.test(own)) return undefined;
  if (c.statedLongTerm && !STATED_LONG_TERM.test(own)) return undefined;
  if (c.monitored && !MONITORED.test(text)) return undefined;
  return m[0];
}

/**
 * Step: each class of drug the record names as taken now, beside a coded condition the class is
 * taken for, gets its Z79 code (one per code).
 */
function currentDrugsTakenFor(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const conditions = drafts.filter((d) => !d.code.startsWith('Z79'));
  if (conditions.length === 0) return drafts;
  const out = [...drafts];
  const statements = statementsOf(run);
  for (const [c, pattern] of CLASS_PATTERNS) {
    if (out.some((d) => d.code === c.code) || !run.allowed(c.code)) continue;
    const forWhat = conditions.find((d) => takenFor(c, d.code));
    if (!forWhat) continue;
    if (c.code === 'Z79.891' && conditions.some((d) => OPIOID_DEPENDENCE.test(d.code))) continue;
    if (planTakesAsNeeded(pattern, statements) || stoppedByPlan(pattern, statements)) continue;
    if (classOffNow(pattern, DIABETES_DRUG_CODES.has(c.code), statements)) continue;
    // A drug started today or waiting on approval is not yet taken, wherever else the record names it.
    const started = startedToday(pattern, statements);
    for (const s of statements) {
      const drug = takenNow(c, pattern, s.text);
      if (!drug || started.has(drug.toLowerCase())) continue;
      out.push(
        newDraft(run.codeSets, c.code, {
          confidence: forWhat.confidence * SECTION_WEIGHT[s.section],
          order: Math.max(0, ...out.map((d) => d.order)) + 1,
          evidence: [{ section: s.section, text: s.text }],
          rationale: `The record names ${drug} (${c.name}) as current therapy ("${s.text}") for ${forWhat.code} (${forWhat.description}): long-term (current) drug therapy ${c.code} (guideline I.C.21.c.3).`,
        }),
      );
      break;
    }
  }
  return out;
}

/**
 * The assessment or plan names the drug as taken only when needed or for a short course ("Continue
 * naproxen as needed with food"): the physician's word for today, over a medication list or history
 * that writes it twice daily. `pattern` is the class's CLASS_PATTERNS entry (no global flag, so
 * `test` keeps no state between segments).
 */
function planTakesAsNeeded(pattern: RegExp, statements: readonly Statement[]): boolean {
  return statements.some(
    (s) =>
      s.part !== undefined &&
      ADDRESSED_PARTS.has(s.part) &&
      s.text
        .split(/[,;]|\s[-\u2013\u2014]\s|\band\b/)
        .some((segment) => pattern.test(segment) && SHORT_COURSE.test(segment) && !LONG_TERM.test(segment)),
  );
}
