/**
 * The parts of a physician's note: which heading a statement is written under (chief complaint,
 * history of present illness, review of systems, past history or problem list, medications,
 * allergies, family and social history, vitals, exam, results, assessment, plan). ICD-10-CM
 * guideline section IV codes the conditions the encounter addresses, which the assessment and plan
 * state; a templated review of systems, a copied-forward problem list, a medication list, family
 * history and result flags the assessment does not take up are not diagnoses of the visit.
 */

export type NotePart =
  | 'complaint'
  | 'present-illness'
  | 'review-of-systems'
  | 'past-history'
  | 'medications'
  | 'allergies'
  | 'family-history'
  | 'social-history'
  | 'vitals'
  | 'exam'
  | 'results'
  | 'assessment'
  | 'plan'
  /** Text before any heading, or under a heading this reader does not know. */
  | 'unlabelled';

/**
 * Headings as clinicians write them, each to its part (longest first where one starts another). The
 * one-letter SOAP headings (S:, O:, A:, P:) are listed last in their parts; noteParts takes them only
 * in capitals at the start of a line, before text that is not a number ("P: 88" is a pulse).
 */
const HEADINGS: ReadonlyArray<[NotePart, string]> = [
  [
    'assessment',
    String.raw`(?:problem[- ](?:based|oriented)\s+)?assessment\s*(?:and|&|\/)\s*plan(?:\s+by\s+problems?)?|a\s*\/\s*p|a&p|(?:problem[- ](?:based|oriented)\s+)?assessment(?:\s+by\s+problems?)?|(?:clinical )?impression(?:\s*(?:and|&|\/)\s*plan)?|(?:visit |encounter |final |working )?diagnos[ie]s(?:\s+addressed(?:\s+(?:today|this visit))?)?|dx|problems addressed(?:\s+(?:today|this visit))?|medical decision[- ]making|mdm\s*\/\s*(?:imp(?:ression)?|assessment|dx)|mdm|imp|a`,
  ],
  ['plan', String.raw`plan|disposition|recommendations?|follow[- ]?up|orders|p`],
  [
    'complaint',
    String.raw`chief complaints?|cc|reason for (?:(?:the )?visit|consult(?:ation)?|encounter|appointment)|presenting (?:complaint|problem)`,
  ],
  ['present-illness', String.raw`history of (?:the )?present illness|hpi|interval history|subjective|s`],
  ['review-of-systems', String.raw`review of systems|ros`],
  [
    'past-history',
    String.raw`past medical history|past surgical history|past history|medical history|surgical history|(?:cardiac|cardiovascular|obstetric(?:al)?|ob|gyn(?:ecologic(?:al)?)?|psychiatric|oncologic|other|pertinent|relevant|prior) history|past medical hx|medical hx|surgical hx|pmh|pmhx|psh|pshx|(?:active |chronic |current )?problem list|active problems|chronic problems|past medical\/surgical history`,
  ],
  ['medications', String.raw`(?:current |home |outpatient |active )?medications?|meds|current meds|medication list|rx`],
  ['allergies', String.raw`allerg(?:y|ies)(?:\s*\/\s*intolerances)?`],
  ['family-history', String.raw`family history|family hx|fhx|fh`],
  ['social-history', String.raw`social history|social hx|shx|sh|habits`],
  ['vitals', String.raw`vitals?|vital signs|vs`],
  ['exam', String.raw`physical exam(?:ination)?|exam(?:ination)?|pe|objective|o`],
  ['results', String.raw`labs?|laboratory(?: results| data)?|results|data(?: reviewed)?|imaging|studies|diagnostics|pertinent results`],
];

const ANY_HEADING = HEADINGS.map(([, h]) => `(?:${h})`).join('|');
/**
 * A heading, or headings joined ("SUBJECTIVE/HPI", "Impression/Recommendations", "PMH/PSH"), with a
 * remark in brackets before its colon ("Problem list (carried forward):", "ROS (template):").
 */
const JOINED_HEADING = String.raw`(?:${ANY_HEADING})(?:\s*(?:\/|&|\band\b)\s*(?:${ANY_HEADING}))*(?:\s*\([^()\n]{1,40}\))?`;

/**
 * A heading: at the start of the note, of a line, or of a sentence, optionally numbered, then a
 * colon or dash (or the end of its line, for a heading written alone in capitals).
 */
const HEADING = new RegExp(
  String.raw`(^|\n|[.;]\s+)[ \t]*(?:\d+[.)]\s*)?(?:(${JOINED_HEADING})\s*(?::|-(?=\s)|\u2013|\u2014)|([A-Z][A-Z /&]{1,40}[A-Z])[ \t]*:?[ \t]*(?=\n))`,
  'gi',
);

/** A known heading at the start of a clause ("ALLERGIES: NKDA"): label text, not a condition. */
export const HEADING_PREFIX = new RegExp(String.raw`^\s*(?:\d+[.)]\s*)?(?:${JOINED_HEADING})\s*(?::\s*|$)`, 'i');

export interface PartStart {
  part: NotePart;
  /** Offset of the first character after the heading. */
  at: number;
}

function partOf(heading: string): NotePart | undefined {
  const h = heading
    .trim()
    .toLowerCase()
    .replace(/\s*\([^()]*\)$/, '');
  for (const [part, pattern] of HEADINGS) if (new RegExp(`^(?:${pattern})$`, 'i').test(h)) return part;
  // Headings joined: the assessment or plan when one of them is either ("Impression/Recommendations"),
  // else the first one's part ("SUBJECTIVE/HPI", "PMH/PSH").
  const each = h
    .split(/\s*(?:\/|&|\band\b)\s*/)
    .map((one) => HEADINGS.find(([, pattern]) => new RegExp(`^(?:${pattern})$`, 'i').test(one))?.[0]);
  if (each.length < 2 || each.some((p) => p === undefined)) return undefined;
  return each.find((p) => p !== undefined && ADDRESSED_PARTS.has(p)) ?? each[0];
}

/** A one-letter SOAP heading counts only in capitals at the start of a line, before words (or a numbered list). */
function oneLetterHeading(notes: string, m: RegExpMatchArray, heading: string): boolean {
  if (heading.trim().length !== 1) return true;
  const atLineStart = m[1] === '' || (m[1] ?? '').endsWith('\n');
  const after = notes.slice((m.index ?? 0) + m[0].length);
  // Words after it, on its line or numbered on the next ("A:\n1. Atypical chest pain").
  const beforeWords = /^\s*:?\s*[A-Za-z#(]/.test(after) || /^[ \t]*\n\s*\d{1,2}[.)]\s+[A-Za-z]/.test(after);
  return atLineStart && /^[SOAP]$/.test(heading.trim()) && beforeWords && m[0].trimEnd().endsWith(':');
}

/** Where each known part of the note starts, in order. */
export function noteParts(notes: string): PartStart[] {
  const out: PartStart[] = [];
  for (const m of notes.matchAll(HEADING)) {
    const heading = m[2] ?? m[3];
    if (!heading || !oneLetterHeading(notes, m, heading)) continue;
    const part = partOf(heading);
    // A capitalised line that is not a known heading ("BP CHECK") leaves the current part as it is.
    if (!part) {
      if (m[2] !== undefined) out.push({ part: 'unlabelled', at: (m.index ?? 0) + m[0].length });
      continue;
    }
    out.push({ part, at: (m.index ?? 0) + m[0].length });
  }
  return out;
}

/** The part a position of the note is in. */
export function partAt(parts: readonly PartStart[], offset: number): NotePart {
  let part: NotePart = 'unlabelled';
  for (const p of parts) {
    if (p.at > offset) break;
    part = p.part;
  }
  return part;
}

/** Parts whose statements are what the encounter addresses. */
export const ADDRESSED_PARTS: ReadonlySet<NotePart> = new Set(['assessment', 'plan']);

/**
 * Parts that never name a diagnosis of the visit on their own: a template's review of systems, the
 * history and problem lists carried forward, medications, allergies, relatives' conditions, social
 * history, vitals and result values.
 */
export const NOT_ADDRESSED_PARTS: ReadonlySet<NotePart> = new Set([
  'review-of-systems',
  'past-history',
  'medications',
  'allergies',
  'family-history',
  'social-history',
  'vitals',
  'results',
]);

/**
 * Which statements of the notes the encounter addresses: with an assessment or plan, only theirs;
 * without one, all but the parts that never name a diagnosis of the visit.
 */
export function addressedInNotes(notes: ReadonlyArray<{ part?: NotePart }>): (m: { part?: NotePart }) => boolean {
  const assessed = notes.some((n) => n.part !== undefined && ADDRESSED_PARTS.has(n.part));
  return assessed
    ? (m) => m.part !== undefined && ADDRESSED_PARTS.has(m.part)
    : (m) => m.part === undefined || !NOT_ADDRESSED_PARTS.has(m.part);
}

/** Statements that may supply the signs and symptoms of an uncertain diagnosis: not a template, a list or a relative's. */
export const mayShowSymptoms = (m: { part?: NotePart }): boolean => m.part === undefined || !NOT_ADDRESSED_PARTS.has(m.part);

/**
 * A statement saying the visit leaves a condition alone: not addressed, deferred, another clinician's
 * ("per PCP", "managed by her PCP"), reassurance only, no action or treatment needed ("BPH not
 * addressed today", "Prediabetes - not rechecked today", "Hyperuricemia - no therapy indicated").
 * Guideline IV.J codes what requires or affects the care of this visit; these do not.
 */
const NOT_ADDRESSED = new RegExp(
  [
    String.raw`\bnot (?:addressed|discussed|assessed|evaluated|rechecked|diagnosed|a focus|part of (?:this|today'?s) visit)\b`,
    String.raw`\bnot (?:managed|treated)(?! with\b)\b`,
    String.raw`\bdefer(?:red)?\b(?! to (?:after|until)\b)`,
    String.raw`\bno (?:diagnosis|treatment|therapy|action|intervention|work-?up|further (?:work-?up|evaluation|action|treatment)) (?:is )?(?:made|needed|required|indicated|necessary|desired|planned)\b`,
    String.raw`\bno action\b|\breassurance only\b|\bonly reassurance\b|\bneeds? (?:nothing|no (?:treatment|therapy|further))\b`,
    String.raw`\b(?:managed|followed|handled) (?:by|per) (?:(?:his|her|their|the) )?(?:pcp|primary care)\b`,
    String.raw`\bper (?:(?:his|her|their|the) )?(?:pcp|primary care(?: physician| provider)?)\b`,
    String.raw`\b(?:recheck|follow[- ]?up|address|discuss)(?:ed)? (?:with|by) (?:(?:his|her|their|the) )?(?:pcp|primary care)\b`,
    String.raw`\b(?:will )?(?:address|discuss)(?:ed)? (?:it |this )?at (?:the |her |his )?(?:next|future|upcoming|annual|chronic[- ]care|physical|follow[- ]?up)\b`,
  ].join('|'),
  'i',
);

/**
 * A statement calling what it names part of another illness of the visit ("Viral URI symptoms -
 * improving, part of the presenting illness", "integral to the flare"): coded within that illness, not
 * separately (guideline I.B.5).
 */
const PART_OF_ANOTHER =
  /\b(?:part of|integral to)\s+(?:the |this |his |her |their |same |one )*(?:presenting |current |acute |same |underlying |overall |index )*(?:illness|presentation|picture|process|episode|infection|flare|syndrome)\b/i;

/**
 * Whether a statement says the visit does not address what it names (NOT_ADDRESSED), or codes it
 * within another illness (PART_OF_ANOTHER).
 */
export const saysNotAddressed = (statement: string): boolean => NOT_ADDRESSED.test(statement) || PART_OF_ANOTHER.test(statement);
