/**
 * Reading the record: splitting it into mentions and telling, for each, whether the condition is
 * affirmed, negated ("denies chest pain"), historical ("history of"), or uncertain ("rule out").
 *
 * Over 300 lines because the assertion of a phrase is read in one place (assertionsOf): the cues of
 * each assertion and the scope each reaches are kept beside one another so they cannot disagree.
 */
import type { RecordSection } from '../domain/coding.ts';
import { HEADING_PREFIX, noteParts, partAt, saysNotAddressed, type NotePart } from './sections.ts';

export type Assertion = 'affirmed' | 'negated' | 'personal-history' | 'family-history' | 'uncertain';

export interface Mention {
  section: RecordSection;
  /** The text as written (quoted back to the physician in clarifications). */
  original: string;
  /** The condition text with the assertion cue words removed. */
  text: string;
  assertion: Assertion;
  /** A code the physician wrote next to a diagnosis. */
  documentedCode?: string;
  /** For the notes: the part of the note the statement is written in (sections.ts). */
  part?: NotePart;
  /**
   * For the notes: the statement, or one before it on its line, says the visit leaves what it names
   * alone ("- Hypertension per PCP; BP elevated today, letter sent"): sections.ts saysNotAddressed.
   */
  unaddressed?: true;
  /**
   * The text is another statement's in place of the line's own words (a pathology's histology for a
   * line coded to uncertain behaviour, reported-histology.ts): the line's wording names no code.
   */
  restated?: true;
}

/** Cues that report what an examination or a test did not find ("no evidence of", "negative for"); the longer ones first. */
const NOT_FOUND_CUES = String.raw`no (?:evidence|signs?|findings?|indication) of|without (?:evidence|signs?) of|negative for|neg for|free of|ruled out|absence of`;
const NEGATION = new RegExp(String.raw`\b(${NOT_FOUND_CUES}|no|not|denies|denied|denying|without)\b`, 'i');
const NEGATION_IN_DIAGNOSES = new RegExp(String.raw`\b(${NOT_FOUND_CUES}|no|denies|denied)\b`, 'i');
const NOT_FOUND = new RegExp(String.raw`^(?:${NOT_FOUND_CUES})$`, 'i');
/**
 * The words before a negation that name the examination or test that found nothing, or head it
 * ("CXR", "XR left wrist", "UA", "There is", "Tested"): no condition of their own.
 */
const TEST_OR_EXAM =
  /^(?:[a-z]+\s+){0,2}?(?:cxr|xr|x-?rays?|ct|cta|mri|mra|us|u\/s|ultrasound|doppler|duplex|echo\w*|ekg|ecg|imaging|films?|radiographs?|views?|exam\w*|pe|ua|urinalysis|labs?|cultures?|swabs?|tests?|tested|testing|screen\w*|stud(?:y|ies)|scans?|work-?up|eval\w*|biopsy|pathology|troponins?|d-?dimer|rapid \w+|there (?:is|are|was|were)|findings?|impression|results?)\b[^,;:]*$/i;

/** After a comma in a negation's reach: a finding graded as present, which the negation does not reach. */
const AFFIRMED_AFTER_COMMA =
  /,\s*(?=(?:mild(?:ly)?|moderate(?:ly)?|severe(?:ly)?|marked(?:ly)?|slight(?:ly)?|minimal|trace|small|large|positive for|\+)\s)/i;

/**
 * An examination that is the encounter itself ("Well child exam 12 month", "Annual physical exam",
 * "Routine GYN exam"): what it did not find is the encounter's own "without abnormal findings"
 * (Z00.-, Z01.-), not a test heading.
 */
const EXAMINATION_ENCOUNTER =
  /\b(?:well(?:[- ](?:child|baby|woman|adult|visit))?|routine|annual|preventive|physical|general|wellness|health maintenance|check-?up|gyn\w*|gynecologic\w*|school|sports|camp|pre-?employment|pre-?op\w*)\b[^,;:]*\bexam/i;

/** The condition written before a negation, without a trailing test or examination that did the finding ("Cough - CXR"). */
function conditionBeforeNegation(before: string): { condition: string; tested: boolean } {
  const text = before.replace(/[\s,;:(\u2013\u2014-]+$/, '');
  const segment = text.split(/[,;:(]|\s[-\u2013\u2014]\s/).pop() ?? '';
  if (!TEST_OR_EXAM.test(segment.trim()) || EXAMINATION_ENCOUNTER.test(segment)) return { condition: before, tested: false };
  return {
    condition: text
      .slice(0, text.length - segment.length)
      .replace(/[\s,;:(\u2013\u2014-]+$/, '')
      .trim(),
    tested: true,
  };
}
/** Guideline IV.H's terms of uncertainty "and other similar terms" ("suspicious for", "concerning for"). */
const UNCERTAIN =
  /\b(rule out|r\/o|probable|probably|presumed|presumptive|suspected|suspect|suspicion of|suspicious (?:for|of)|likely|possible|possibly|questionable|question of|concern for|concerning for|worrisome for|consistent with|compatible with|working diagnosis|versus|vs\.?)\b/i;
/** Uncertainty said of a finding written before it ("mass suspicious for malignancy", "infiltrate consistent with pneumonia"). */
const FINDING_FIRST = /^(suspicious|concerning|worrisome|consistent|compatible)\b/i;
const FAMILY_HISTORY = /\b(family (history|hx) of|family history|family hx|fhx of|fhx|fh of)\b/i;
/** A relative said to have had the condition ("mother had colon cancer", "brother with type 1 diabetes"). */
const RELATIVE_HAD =
  /\b(?:(?:his|her|their|pt'?s?|patient'?s)\s+)?(?:mother|father|mom|dad|sister|brother|sibling|parent|grandmother|grandfather|grandparent|aunt|uncle|daughter|son|maternal \w+|paternal \w+)s?\b[^,;]{0,25}?\b(?:had|has|with|died of|died from|diagnosed with|passed away from|w\/)\s+/i;
/** A history the record denies ("no hx of fragility fx", "denies family history of ..."): negated, not a history code. */
const NEGATED_HISTORY =
  /\b(no|denies|denied|without|negative for|never had)\s+(any\s+)?((prior|previous|past|personal|known|significant|family)\s+)*(history|hx|h\/o|fhx)\b/i;
/** A condition the record calls resolved or inactive (copied-forward problem lists): history, not a current condition. */
export const RESOLVED = /\b(resolved|inactive|no longer (active|present|an issue|a problem)|remote history|healed)\b/i;
const WITH_RESIDUAL = /\b(?:with|w\/)\s+(?:residual|persistent|remaining)\b/i;
/** "Hx" alone is the chart's shorthand for a personal history too ("Hx melanoma, excised 2019", "Hx tubular adenomas"). */
const PERSONAL_HISTORY = /\b(personal history of|history of|hx of|hx|h\/o|status post|s\/p|past history of)\b/i;
/**
 * "s/p" dates what follows it: in "CAD s/p CABG" or "Recent MI s/p DES to LAD" the procedure is past,
 * the condition written before it is not. A procedure that treats a chronic condition without taking
 * it out (a bypass, a stent or angioplasty, a cardioversion, a pacemaker or defibrillator, a dialysis
 * access, a shunt) leaves the condition current: the coder codes the condition and the status the
 * procedure left (Z95.1, Z95.5, guideline I.C.21.c.3). A removal, repair, transplant or cancer therapy
 * ("fibroids s/p myomectomy", "breast cancer s/p lumpectomy") may have ended it and stays history.
 */
const STATUS_POST = /\b(?:s\/p|status post)\b/i;
const LEAVES_CONDITION =
  /^(?:\w+\s+){0,3}?(?:cabg|coronary (?:artery )?bypass|bypass graft\w*|(?:\w+\s+)?bypass|pci|ptca|(?:coronary )?stent\w*|des|bms|angioplast\w*|(?:direct current |electrical )?cardioversion|dccv|(?:\w+\s+)?pacemaker|ppm|icd|aicd|defibrillator|(?:av |arteriovenous )?(?:fistula|graft) (?:creation|placement)|(?:vp |ventriculoperitoneal )?shunt)\b/i;

/**
 * A fracture "s/p" its fixation or a joint replacement ("R hip fx s/p ORIF", "femoral neck fracture
 * s/p hemiarthroplasty") is still the fracture: the operation was its active treatment, and its care
 * while it heals is coded with the fracture code's 7th character D, not a history nor an aftercare Z
 * code (guidelines I.C.19.a, I.C.21.c.7). Not an old one the statement dates to a past year.
 */
const FRACTURE = /\b(?:fractures?|fx)\b/i;
const FRACTURE_SURGERY =
  /^(?:\w+\s+){0,4}?(?:orif|open reduction|(?:internal |external |intramedullary |im |percutaneous )?(?:fixation|nail\w*|rod\w*|pinning)|crpp|(?:hemi|total |partial )?arthroplasty|(?:total |partial )?(?:hip|knee|shoulder) replacement|hemi|tha|tka|tsa|kyphoplasty|vertebroplasty)\b/i;
const PAST_YEAR = /\b(?:19|20)\d\d\b(?!\s*\/)|\byears? ago\b|\b(?:old|remote|prior)\b/i;

/** The words before a cue (without the separator that ends them) and after it; undefined without the cue. */
function aroundCue(text: string, cue: RegExp): { before: string; after: string } | undefined {
  const m = cue.exec(text);
  if (!m) return undefined;
  const before = text
    .slice(0, m.index)
    .replace(/[\s,;:(\u2013\u2014-]+$/, '')
    .trim();
  return { before, after: text.slice(m.index + m[0].length).trim() };
}

function conditionBeforeProcedure(text: string): { condition: string; procedure: string } | undefined {
  const parts = aroundCue(text, STATUS_POST);
  if (!parts) return undefined;
  const { before: condition, after: procedure } = parts;
  if (!/[a-z]{2,}/i.test(condition) || PERSONAL_HISTORY.test(condition) || RESOLVED.test(text)) return undefined;
  if (FRACTURE.test(condition) && FRACTURE_SURGERY.test(procedure) && !PAST_YEAR.test(text)) return { condition, procedure };
  return LEAVES_CONDITION.test(procedure) ? { condition, procedure } : undefined;
}

/**
 * A condition "with a history of" another ("Osteoporosis w/ hx vertebral fx", "Asthma with history
 * of intubation") states the condition now and the other as past: each is read alone. Not when the
 * words before name no condition of their own ("Patient with history of ...") or are the history
 * (pregnancy supervision with a history is the O09 title, read above).
 */
const WITH_HISTORY = /\s(?:with|w\/)\s*(?:a\s+)?(?:personal\s+)?(?:history|hx|h\/o)\b(?:\s+of\b)?/i;
const NO_CONDITION = /^(?:(?:\d+\s*(?:yo|y\/o|year[\s-]old)\s+)?(?:patient|pt|male|female|man|woman|\w+\s+(?:male|female))|[mf])$/i;

function conditionWithHistory(text: string): { condition: string; history: string } | undefined {
  const parts = aroundCue(text, WITH_HISTORY);
  if (!parts) return undefined;
  const { before: condition, after: history } = parts;
  if (!/[a-z]{3,}/i.test(condition) || !/[a-z]{2,}/i.test(history) || NO_CONDITION.test(condition)) return undefined;
  if (PERSONAL_HISTORY.test(condition) || FAMILY_HISTORY.test(condition) || RESOLVED.test(condition)) return undefined;
  return { condition, history };
}

/** Section headings and phrases that contain a cue word without meaning it. */
const FALSE_CUES = /\b(history of present illness|past medical history:?|no known drug allergies|nkda|no change|not sure)\b/gi;

/**
 * Durations, frequencies and ages carry no diagnosis ("for 3 days", "x2 weeks", "x3 mo",
 * "3-4x/d", "2 mo ago", "45 year old").
 */
const DURATION =
  /\b(for|x|over|past)?\s*(the\s+)?(last\s+)?(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|several|a couple of|couple of)\s*-?\s*(days?|d|weeks?|wks?|months?|mos?|mths?|years?|yrs?|hours?|hrs?)(\s+(old|of|ago))?\b|\b\d+(?:-\d+)?\s*x\s*\/\s*(?:d|day|wk|week)\b/gi;

/** What a statement states as certain: its words before any term of uncertainty ("lung mass" of "lung mass, suspicious for malignancy"). */
export function beforeUncertainty(text: string): string {
  const cue = UNCERTAIN.exec(text);
  return cue ? text.slice(0, cue.index) : text;
}

/** What a statement states as uncertain: its words after the first term of uncertainty ("" with none). */
export function afterUncertainty(text: string): string {
  const cue = UNCERTAIN.exec(text);
  return cue ? text.slice(cue.index + cue[0].length) : '';
}

const RULED_OUT = /\bruled out\b/i;

/** "Rule out" names what is to be excluded: whatever is written before it is what the patient has ("chest pain r/o angina"). */
const RULE_OUT = /^(?:rule out|r\/o)$/i;

/**
 * A diagnosis line questioned by a question mark ("? appendicitis", "Appendicitis?", "Chest pain,
 * ?angina") is uncertain: the mark is written as "possible" before what it questions (the item after
 * the line's last separator, for a mark at its end). Only diagnosis lines: the notes end a clause there.
 */
const LINE_SEPARATORS = [',', ';', ':', '(', ' - ', ' \u2013 ', ' \u2014 '];
function questionMarkAsWord(line: string): string {
  const inline = line.replace(/(^|[\s(,;:])\?+\s*(?=[a-z])/gi, '$1possible ');
  const end = /\s*\?+\s*$/.exec(inline);
  if (!end || !/[a-z)]$/i.test(inline.slice(0, end.index))) return inline;
  const body = inline.slice(0, end.index);
  const ends = LINE_SEPARATORS.map((sep) => (body.includes(sep) ? body.lastIndexOf(sep) + sep.length : 0));
  const cut = Math.max(0, ...ends);
  return `${body.slice(0, cut)} possible ${body.slice(cut).trim()}`.trim();
}

function strip(text: string, cue: RegExp): string {
  return text.replace(new RegExp(cue.source, 'gi'), ' ').replace(/\s+/g, ' ').trim();
}

/** The supervision of a (high-risk) pregnancy with a history of an event: the O09 titles' own words. */
const PREGNANCY_WITH_HISTORY =
  /\bsupervision of (?:(?:a |her )?(?:high[- ]risk |hr )?)pregnan\w*\b.{0,30}?\b(?:with|w\/)\s*(?:a\s+)?(?:hx|history|h\/o)\b/i;

/** Classifies one phrase; for negation only the words after the cue are negated (NegEx-style scope). */
export function assertionsOf(section: RecordSection, phrase: string): Array<{ text: string; assertion: Assertion }> {
  const written = section === 'diagnoses' ? questionMarkAsWord(phrase) : phrase;
  const cleaned = written.replace(FALSE_CUES, ' ').replace(DURATION, ' ').replace(/\s+/g, ' ').trim();
  if (!cleaned) return [];
  const denied = NEGATED_HISTORY.exec(cleaned);
  if (denied) {
    const before = cleaned
      .slice(0, denied.index)
      .replace(/[,\s]+$/, '')
      .trim();
    const after = cleaned
      .slice(denied.index + denied[0].length)
      .replace(/^\s*of\b/i, '')
      .trim();
    return [...(before ? assertionsOf(section, before) : []), ...(after ? [{ text: after, assertion: 'negated' as const }] : [])];
  }
  if (FAMILY_HISTORY.test(cleaned)) return [{ text: strip(cleaned, FAMILY_HISTORY), assertion: 'family-history' }];
  if (RELATIVE_HAD.test(cleaned))
    return [
      {
        text: cleaned
          .replace(RELATIVE_HAD, ' ')
          .replace(/\b(at|age|aged)\s+\d+\b.*$/i, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
        assertion: 'family-history',
      },
    ];
  // The supervision of a pregnancy "with history of" a past event is today's pregnancy, its history
  // the axis of its code (O09.-: "Supervision of pregnancy with history of pre-term labor").
  if (PREGNANCY_WITH_HISTORY.test(cleaned)) return [{ text: cleaned.replace(/\bhx\b|\bh\/o\b/gi, 'history'), assertion: 'affirmed' }];
  // A past condition "with residual" deficits states the deficit now: its sequela (I.B.10; I.C.9.d.3:
  // Z86.73 is the history of a stroke without residual deficits).
  if (PERSONAL_HISTORY.test(cleaned) && WITH_RESIDUAL.test(cleaned)) return [{ text: cleaned, assertion: 'affirmed' }];
  const withHistory = conditionWithHistory(cleaned);
  if (withHistory)
    return [...assertionsOf(section, withHistory.condition), { text: withHistory.history, assertion: 'personal-history' as const }];
  const treatedNotRemoved = conditionBeforeProcedure(cleaned);
  if (treatedNotRemoved)
    return [
      ...assertionsOf(section, treatedNotRemoved.condition),
      { text: treatedNotRemoved.procedure, assertion: 'personal-history' as const },
    ];
  if (PERSONAL_HISTORY.test(cleaned)) {
    const past = strip(cleaned, PERSONAL_HISTORY);
    // A history of a rule-out is no history of the condition: "hx of r/o MI, ruled out" is negated, "hx of
    // possible TIA" uncertain ("hx of DVT, likely provoked" is a history of the DVT).
    if (UNCERTAIN.exec(past)?.index === 0) {
      const what = strip(strip(past, UNCERTAIN), RULED_OUT).replace(/[\s,;:-]+$/, '');
      return [{ text: what, assertion: RULED_OUT.test(past) ? 'negated' : 'uncertain' }];
    }
    return [{ text: past, assertion: 'personal-history' }];
  }
  if (RESOLVED.test(cleaned)) return [{ text: strip(cleaned, RESOLVED).replace(/[\s,;:-]+$/, ''), assertion: 'personal-history' }];
  const cue = UNCERTAIN.exec(cleaned);
  if (cue) {
    // "headache - probable migraine", "chest pain; r/o angina": what precedes the separator is certain.
    const before = cleaned.slice(0, cue.index);
    const sep = /^(.*\S)\s*(?:[-\u2013\u2014:;,(]|\s-\s)\s*$/.exec(before);
    const uncertain = { text: strip(cleaned.slice(cue.index), UNCERTAIN), assertion: 'uncertain' as const };
    if (sep?.[1] && !UNCERTAIN.test(sep[1])) return [...assertionsOf(section, sep[1]), uncertain];
    // "Chest pain r/o angina": what is to be ruled out follows the cue, what the patient has precedes it.
    const had = before.trim();
    if (RULE_OUT.test(cue[0]) && /[a-z]{3,}/i.test(had) && !UNCERTAIN.test(had)) return [...assertionsOf(section, had), uncertain];
    // "Breast mass suspicious for malignancy": a cue written after the finding leaves the finding certain.
    const finding = before.trim();
    if (FINDING_FIRST.test(cue[0]) && finding && !UNCERTAIN.test(finding)) return [...assertionsOf(section, finding), uncertain];
    return [{ text: strip(cleaned, UNCERTAIN), assertion: 'uncertain' }];
  }
  const negation = section === 'diagnoses' ? NEGATION_IN_DIAGNOSES : NEGATION;
  const m = negation.exec(cleaned);
  if (!m) return [{ text: cleaned, assertion: 'affirmed' }];
  const before = cleaned
    .slice(0, m.index)
    .replace(/[,\s]+$/, '')
    .trim();
  const after = cleaned.slice(m.index + m[0].length).trim();
  const out: Array<{ text: string; assertion: Assertion }> = [];
  // The affirmed condition keeps what it is said to be without ("migraine, no aura"): the words
  // choose the "without" code and rule out the "with" one. What an examination or a test did not
  // find ("Cough - CXR negative for pneumonia", "Erythema, no signs of cellulitis") is no feature of
  // the condition: the condition stands alone, and a test named before the cue is no condition.
  const notFound = NOT_FOUND.test(m[0]);
  // A heading before what was not found ("Skin: no signs of cellulitis") is no condition either.
  const { condition, tested } =
    notFound && /^[^,;:]{1,30}:$/.test(before) ? { condition: '', tested: true } : conditionBeforeNegation(before);
  const feature = after && !tested && !notFound;
  // A negation reaches to the end of its clause ("no fever, chills or sweats"), unless a finding
  // graded as present follows a comma ("no signs of cellulitis, mild erythema at the bite"): that one is affirmed.
  const graded = AFFIRMED_AFTER_COMMA.exec(after);
  const negated = graded ? after.slice(0, graded.index).trim() : after;
  if (condition) out.push({ text: feature ? `${condition} without ${negated}` : condition, assertion: 'affirmed' });
  if (negated) out.push({ text: negated, assertion: 'negated' });
  if (graded) out.push(...assertionsOf(section, after.slice(graded.index + graded[0].length)));
  return out;
}

/** Where clauses end: sentences (not a decimal point: "A1c 7.1"), semicolons, line breaks, and "but"/"however". */
const CLAUSE_END = /(?:[;\n!?]|\.(?!\d))+|\b(?:but|however)\b/gi;

/** Notes split into clauses, each with the offset where its text starts. */
export function clausesWithOffsets(notes: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let from = 0;
  const take = (end: number) => {
    const raw = notes.slice(from, end);
    const lead = /^[\s:,-]*/.exec(raw)?.[0].length ?? 0;
    const text = raw.replace(/^[\s:,-]+|[\s:,-]+$/g, '');
    if (text.length > 0) out.push({ text, start: from + lead });
  };
  for (const m of notes.matchAll(CLAUSE_END)) {
    take(m.index ?? 0);
    from = (m.index ?? 0) + m[0].length;
  }
  take(notes.length);
  return out;
}

/** Notes split into clauses: sentences, semicolons, line breaks, and "but"/"however". */
export function clausesOf(notes: string): string[] {
  return clausesWithOffsets(notes).map((c) => c.text);
}

/**
 * A family history code (Z80-Z84) written on a family history line is the physician's code for it.
 * A personal history line's written code is not taken as written when it names a condition (a cancer
 * still treated is current, active-cancer.ts): whether the condition is history at all is the
 * record's to say. A personal history or status code of its own (Z86-Z87, Z92-Z99: "History of PE"
 * Z86.711, "s/p gastric bypass" Z98.84) says what the line says, and is the physician's code; the
 * steps still code a condition the record shows current (current-not-history.ts). Malignancy
 * history (Z85) is left to the words, its site and treatment being read from the record.
 */
const HISTORY_OR_STATUS = /^Z(?:8[67]|9[2-9])/i;
const writtenFor = (assertion: Assertion, code: string) =>
  assertion === 'affirmed' ||
  (assertion === 'family-history' && /^Z8[0-4]/i.test(code.trim())) ||
  (assertion === 'personal-history' && HISTORY_OR_STATUS.test(code.trim()));

export function diagnosisMentions(diagnoses: Array<{ description: string; code?: string }>): Mention[] {
  const out: Mention[] = [];
  for (const d of diagnoses) {
    const parts = assertionsOf('diagnoses', d.description);
    // A line stating a certain condition beside an uncertain one ("Chest pain r/o angina", I20.9): its
    // code may be the uncertain one's, so the certain part is coded from its words.
    const doubted = parts.some((a) => a.assertion === 'uncertain');
    for (const a of parts) {
      const m: Mention = { section: 'diagnoses', original: d.description, text: a.text, assertion: a.assertion };
      if (d.code && writtenFor(a.assertion, d.code) && !doubted) m.documentedCode = d.code;
      out.push(m);
    }
  }
  return out;
}

/** A gravidity ("G2P1001") or a gestational age in weeks and days ("10w2d"). */
const SHORT_PREGNANCY_FORMS = /\bg\d{1,2}\s*p\d{1,4}\b|\b\d{1,2}\s*w\s*[0-6]\s*d\b/i;

export function noteMentions(notes: string): Mention[] {
  const out: Mention[] = [];
  const parts = noteParts(notes);
  // A line of an assessment is one problem: what one clause says of it holds for the clauses after it.
  let unaddressedLine = false;
  let lineEnd = -1;
  for (const { text: clause, start } of clausesWithOffsets(notes)) {
    if (start > lineEnd) {
      unaddressedLine = false;
      lineEnd = notes.indexOf('\n', start);
      if (lineEnd < 0) lineEnd = notes.length;
    }
    if (saysNotAddressed(clause)) unaddressedLine = true;
    // Lists of conditions after a heading ("Assessment: a, b") are one clause; label text is dropped.
    const body = clause
      .replace(HEADING_PREFIX, '')
      .replace(/^(assessment|plan|impression|diagnos[ie]s|hpi|cc|chief complaint|a\/p|exam|ros)\s*:?\s*/i, '');
    // A heading starts its clause: the clause belongs to the part its end is in.
    const part = partAt(parts, start + clause.length);
    // A list number or a value alone ("1", "2 (H)") names no condition; a gravidity or a gestational
    // age in its short form ("G1P0 at 10w2d") names a pregnancy.
    if (!/[a-z]{3,}/i.test(body) && !SHORT_PREGNANCY_FORMS.test(body)) continue;
    for (const a of assertionsOf('notes', body))
      out.push({
        section: 'notes',
        original: clause,
        text: a.text,
        assertion: a.assertion,
        part,
        ...(unaddressedLine ? { unaddressed: true as const } : {}),
      });
  }
  return out;
}
