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

/** Headings as clinicians write them, each to its part (longest first where one starts another). */
const HEADINGS: ReadonlyArray<[NotePart, string]> = [
  [
    'assessment',
    String.raw`assessment\s*(?:and|&|\/)\s*plan|a\s*\/\s*p|a&p|assessment|impression(?:\s*(?:and|&|\/)\s*plan)?|diagnos[ie]s|clinical impression|problems addressed(?: today)?`,
  ],
  ['plan', String.raw`plan|disposition|recommendations?|follow[- ]?up|orders`],
  ['complaint', String.raw`chief complaint|cc|reason for (?:visit|consult(?:ation)?)`],
  ['present-illness', String.raw`history of (?:the )?present illness|hpi|interval history|subjective`],
  ['review-of-systems', String.raw`review of systems|ros`],
  [
    'past-history',
    String.raw`past medical history|past surgical history|past history|medical history|surgical history|pmh|pmhx|psh|pshx|(?:active |chronic |current )?problem list|active problems|chronic problems|past medical\/surgical history`,
  ],
  ['medications', String.raw`(?:current |home |outpatient )?medications?|meds|current meds|medication list|rx`],
  ['allergies', String.raw`allerg(?:y|ies)(?:\s*\/\s*intolerances)?`],
  ['family-history', String.raw`family history|family hx|fhx|fh`],
  ['social-history', String.raw`social history|social hx|shx|sh|habits`],
  ['vitals', String.raw`vitals?|vital signs|vs`],
  ['exam', String.raw`physical exam(?:ination)?|exam(?:ination)?|pe|objective`],
  ['results', String.raw`labs?|laboratory(?: results| data)?|results|data|imaging|studies|diagnostics|pertinent results`],
];

/**
 * A heading: at the start of the note, of a line, or of a sentence, optionally numbered, then a
 * colon or dash (or the end of its line, for a heading written alone in capitals).
 */
const HEADING = new RegExp(
  String.raw`(^|\n|[.;]\s+)[ \t]*(?:\d+[.)]\s*)?(?:(${HEADINGS.map(([, h]) => `(?:${h})`).join('|')})\s*(?::|-(?=\s)|\u2013|\u2014)|([A-Z][A-Z /&]{1,40}[A-Z])[ \t]*:?[ \t]*(?=\n))`,
  'gi',
);

/** A known heading at the start of a clause ("ALLERGIES: NKDA"): label text, not a condition. */
export const HEADING_PREFIX = new RegExp(
  String.raw`^\s*(?:\d+[.)]\s*)?(?:${HEADINGS.map(([, h]) => `(?:${h})`).join('|')})\s*(?::\s*|$)`,
  'i',
);

export interface PartStart {
  part: NotePart;
  /** Offset of the first character after the heading. */
  at: number;
}

function partOf(heading: string): NotePart | undefined {
  const h = heading.trim().toLowerCase();
  for (const [part, pattern] of HEADINGS) if (new RegExp(`^(?:${pattern})$`, 'i').test(h)) return part;
  return undefined;
}

/** Where each known part of the note starts, in order. */
export function noteParts(notes: string): PartStart[] {
  const out: PartStart[] = [];
  for (const m of notes.matchAll(HEADING)) {
    const heading = m[2] ?? m[3];
    if (!heading) continue;
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
