/**
 * A condition stated without an element the record itself describes as present: the assessment says
 * "migraine without aura" while the history of present illness describes a visual aura before the
 * attacks ("shimmering zigzag line ... clears before the pain starts"); "concussion w/o LOC" while
 * the history says he "was out for a few seconds". The element changes the code (G43.0- vs G43.1-;
 * S06.0X0- vs S06.0X1-), and a coder may neither take the history over the physician's statement
 * nor ignore the history (conflicting documentation is asked: AHIMA/ACDIS "Guidelines for Achieving
 * a Compliant Query Practice"). The physician is asked, both statements quoted, and until answered
 * the condition is coded with the least assumption: the classification's member that leaves the
 * element open (migraine, unspecified; concussion with loss of consciousness status unknown).
 *
 * Not a conflict: the element denied or only feared where it is described ("no aura", "denies LOC"),
 * or described in the past, family or social history, or in a medication list (another time, another
 * person); a statement that names the element as present for the condition ("migraine with aura").
 */
import {
  detailConflictQuestion,
  resolutionFor,
  resolvedWords,
  type ClarificationIssue,
  type ClarificationOption,
} from './clarification.ts';
import type { CodingRun, MentionWork } from './coding-run.ts';
import { consciousnessStated } from './consciousness-conflict.ts';
import type { NotePart } from './sections.ts';

interface AbsenceRule {
  /** The condition a statement names. */
  condition: RegExp;
  /** The words saying the element is absent ("without aura"), as written or expanded. */
  absent: RegExp;
  /** A description of the element as present. */
  present: RegExp;
  /** A closer reading of a statement the words find, when it needs one (a level of consciousness is no loss of it). */
  presentIn?: (text: string) => boolean;
  /** What the physician is asked to clarify. */
  aspect: string;
  /** Words the condition is coded with while the question is open, in place of the absent words. */
  whileOpen: string;
  options: readonly ClarificationOption[];
}

const RULES: readonly AbsenceRule[] = [
  {
    condition: /\bmigraines?\b/i,
    absent: /,?\s*\b(without|w\/o|no)\s+(an?\s+)?auras?\b/i,
    present:
      /\b(auras?|zig-?zag\w*|scintillat\w*|shimmer\w*|fortification\w*|flashing lights?|sparkl\w*|scotoma\w*|visual (disturbance|phenomen\w*)s? (before|preceding|precede\w*))\b/i,
    aspect: 'presence of an aura',
    whileOpen: '',
    options: [
      { label: 'Migraine with aura', refine: 'with aura' },
      { label: 'Migraine without aura', refine: 'without aura' },
    ],
  },
  {
    condition: /\bconcussion\b/i,
    absent: /,?\s*\b(without|w\/o|no|denies)\s+(any\s+)?(loss of consciousness|loc)\b/i,
    present:
      /\b(loss of consciousness|loc|lost consciousness|los(t|s|ing) of consciousness|passed out|blacked out|knocked out|out cold|unconscious|unresponsive|(was|were|went) out for)\b/i,
    presentIn: (text) => consciousnessStated(text) === 'lost',
    aspect: 'loss of consciousness',
    whileOpen: 'with loss of consciousness status unknown',
    options: [
      { label: 'No loss of consciousness', refine: 'without loss of consciousness' },
      { label: 'Loss of consciousness of 30 minutes or less', refine: 'with loss of consciousness of 30 minutes or less' },
      { label: 'Loss of consciousness of unspecified duration', refine: 'with loss of consciousness of unspecified duration' },
    ],
  },
];

/** Parts of the note that describe another time or person, or list drugs: not this condition's presentation. */
const OTHER_CONTEXT: ReadonlySet<NotePart> = new Set(['past-history', 'family-history', 'social-history', 'medications', 'allergies']);
/** A denial or a doubt before the element, in its clause. */
const DENIED =
  /\b(no|not|never|denies|denied|without|w\/o|negative for|free of|absent|ruled out|r\/o|rule out|possible|vs\.?|versus|if|unless|return precautions?|warning signs?)\b/i;

/** A statement of another time ("prior concussion 2019 with LOC", "history of aura"): not this condition's presentation. */
const ANOTHER_TIME = /\b(prior|previous|history of|hx of|h\/o|remote|years? ago|last year)\b/i;

/** The statement describing the element as present, if the record has one apart from the condition's own statements. */
function presentStatement(run: CodingRun, rule: AbsenceRule): string | undefined {
  for (const n of run.notes) {
    if (n.part && OTHER_CONTEXT.has(n.part)) continue;
    if (n.assertion === 'family-history' || n.assertion === 'personal-history') continue;
    const text = n.original;
    if (rule.absent.test(text) || ANOTHER_TIME.test(text)) continue;
    const at = rule.present.exec(text);
    if (!at || DENIED.test(text.slice(0, at.index)) || rule.presentIn?.(text) === false) continue;
    return text.trim();
  }
  return undefined;
}

/** The statement naming the condition without the element: the mention's own, or another about the same condition. */
function absentStatement(run: CodingRun, work: MentionWork, rule: AbsenceRule): string | undefined {
  const m = work.mention;
  if (rule.absent.test(m.text) || rule.absent.test(m.original)) return m.original;
  const statements = [
    ...run.notes.filter((n) => n.assertion === 'affirmed').map((n) => n.original),
    ...run.input.documentation.diagnoses.map((d) => d.description),
  ];
  return statements.find(
    (s) => rule.condition.test(s) && rule.absent.test(s) && !(run.notes.find((n) => n.original === s)?.part === 'past-history'),
  );
}

/**
 * Step of mention coding: a condition stated without an element another statement of the record
 * describes (asked; coded with the element left open meanwhile, the answer's words once answered).
 */
export function checkAbsenceAgainstRecord(run: CodingRun, work: MentionWork): void {
  const m = work.mention;
  if (m.assertion !== 'affirmed') return;
  for (const rule of RULES) {
    if (!rule.condition.test(m.text)) continue;
    const absent = absentStatement(run, work, rule);
    if (!absent) continue;
    const present = presentStatement(run, rule);
    if (!present) continue;
    const issue: ClarificationIssue = {
      kind: 'specificity',
      question: detailConflictQuestion(absent, present, rule.aspect),
      clinicalIndicators: [`Documented: "${absent}"`, `Documented: "${present}"`],
      options: [...rule.options],
      reason: `The record states the condition without the ${rule.aspect.replace(/^presence of an? /, '')} and elsewhere describes it; the code differs, so the ${rule.aspect} is left open until answered.`,
      betweenStatements: true,
    };
    const stripped = m.text.replace(rule.absent, ' ').replace(/\s+/g, ' ').trim();
    const resolution = resolutionFor(issue, run.input.answers);
    const chosen = resolution ? resolvedWords(resolution) : undefined;
    if (!resolution) work.conflicts.push(issue);
    work.setAside = [
      ...(work.setAside ?? []),
      ...run.notes.filter((n) => rule.condition.test(n.original) && rule.absent.test(n.original)).map((n) => n.original),
    ];
    const words = chosen ?? rule.whileOpen;
    work.mention = { ...m, text: `${stripped} ${words}`.trim() };
    if (chosen) work.evidence.push({ section: m.section, text: `Physician answer: ${chosen}` });
    work.notesDone.push(
      chosen
        ? `the ${rule.aspect} answered by the physician ("${chosen}")`
        : `the ${rule.aspect} stated two ways ("${absent}"; "${present}"): left open until answered`,
    );
    return;
  }
}
