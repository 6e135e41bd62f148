/**
 * Osteoporosis whose fracture has healed (category M81 and guideline I.C.13.d): M80 is osteoporosis
 * "with current pathological fracture", for a fracture still being treated or healing; once the
 * fracture has healed the osteoporosis is M81 (the same kind: age-related M80.0 to M81.0, other M80.8
 * to M81.8) and the healed fracture is its history, Z87.310 (M81's "use additional code ... personal
 * history of (healed) osteoporosis fracture"). Problem lists copy the M80 code forward long after the
 * fracture healed.
 *
 * Only when the record states the fracture healed and no statement names a fracture that is new,
 * acute or under care now (a cast, a brace, a recent fall that broke it): a record that says both is
 * left as written.
 */
import { newDraft, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';

/** The osteoporosis without current fracture of the same kind, by the M80 subcategory. */
const WITHOUT_FRACTURE: Readonly<Record<string, string>> = { 'M80.0': 'M81.0', 'M80.8': 'M81.8' };
const HEALED_HISTORY = 'Z87.310';

const FRACTURE = /\b(fractures?|fx|compression deformit\w*)\b/i;
/** The fracture said to have healed, not one healing or failing to ("healed", "well healed"). */
const HEALED = /(?<!\b(?:not|never|un|partially|incompletely)[\s-]+)\bhealed\b/i;
/**
 * A fracture now: new, acute or recent, one of days or weeks ago, or under fracture care (a cast,
 * splint, brace, boot, sling, fixation or vertebral augmentation) or still healing.
 */
const CURRENT =
  /\b(new|acute|recent|fresh|healing|nonunion|non-union|malunion|displaced)\b|\b\d+\s*(?:d|days?|wks?|weeks?)\s+ago\b|\b(?:yesterday|last week|this week)\b|\b(cast|splint|brace|tlso|boot|sling|immobiliz\w*|orif|kyphoplasty|vertebroplasty)\b/i;

/** A fracture denied ("negative for new fractures", "no fracture on film"): no statement of one. */
const DENIED = /\b(?:no|negative for|denies|denied|without|ruled out)\b[^.;:]*\b(?:fractures?|fx)\b/i;

/** Statements of the record about a fracture, with where each is written: diagnosis lines and clauses of the notes. */
function fractureStatements(run: CodingRun): Array<{ section: 'diagnoses' | 'notes'; text: string }> {
  const doc = run.input.documentation;
  return [
    ...doc.diagnoses.map((d) => ({ section: 'diagnoses' as const, text: d.description })),
    ...clausesOf(doc.notes).map((text) => ({ section: 'notes' as const, text })),
  ].filter((s) => FRACTURE.test(s.text) && !DENIED.test(s.text));
}

/**
 * Step: an M80 code (osteoporosis with current pathological fracture) where the record says the
 * fracture healed and names no current one becomes the M81 code of the same kind, with Z87.310.
 */
export function healedOsteoporoticFracture(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const current = drafts.find((d) => WITHOUT_FRACTURE[d.code.slice(0, 5)] !== undefined);
  if (!current) return drafts;
  const statements = fractureStatements(run);
  const healed = statements.find((s) => HEALED.test(s.text) && !CURRENT.test(s.text.replace(HEALED, '')));
  if (!healed || statements.some((s) => !HEALED.test(s.text) && CURRENT.test(s.text))) return drafts;
  const without = WITHOUT_FRACTURE[current.code.slice(0, 5)] ?? 'M81.0';
  if (!run.allowed(without)) return drafts;
  const why = `The record states the fracture healed ("${healed.text}") and names no current one: osteoporosis without current pathological fracture ${without}, in place of ${current.code} (category M81, guideline I.C.13.d).`;
  const out = drafts
    .filter((d) => d === current || d.code !== without)
    .map((d) => (d === current ? recoded(run.codeSets, d, without, why) : d));
  if (out.some((d) => d.code === HEALED_HISTORY) || !run.allowed(HEALED_HISTORY)) return out;
  return [
    ...out,
    newDraft(run.codeSets, HEALED_HISTORY, {
      confidence: current.confidence,
      order: current.order + 0.1,
      evidence: [{ section: healed.section, text: healed.text }],
      rationale: `The osteoporotic fracture has healed ("${healed.text}"): personal history of (healed) osteoporosis fracture ${HEALED_HISTORY} beside ${without} (M81's "use additional code" note).`,
    }),
  ];
}
