/**
 * Adverse effect or poisoning, read from the whole record (guideline I.C.19.e.5): a drug correctly
 * prescribed and properly taken is an adverse effect; one taken wrongly (an overdose, an extra or
 * double dose, a dose above the one prescribed) is a poisoning. A diagnosis line names one kind
 * ("Poisoning by amoxicillin", "Adverse effect of acetaminophen"); the note often says how the drug
 * was taken ("on amoxicillin as prescribed", "acetaminophen overdose, accidental"). When the note's
 * lines about the same drug say the other kind, and none of them says the line's kind, the note
 * decides. A note that leaves it open ("?extra dose vs poor intake on normal dosing") is asked; until
 * answered the line's kind is kept.
 */
import { noteParts, NOT_ADDRESSED_PARTS, partAt } from './sections.ts';

export type EffectKind = 'adverse effect' | 'poisoning';

/** Words of a drug taken wrongly (the same reading as drug-effects.ts, plus doses above the prescribed one). */
const WRONGLY_TAKEN =
  /\b(?:overdos\w*|poison\w*|took too (?:many|much)|wrong (?:medication|drug|dose|pills?)|double(?:d)? (?:up|dose)|extra doses?|supratherapeutic|more than (?:prescribed|directed|recommended)|not as (?:prescribed|directed)|accidental(?:ly)? (?:ingest\w*|took|taken))\b/i;
/** The same words denied ("no overdose", "not an overdose"). */
const WRONGLY_TAKEN_DENIED =
  /\b(?:no|not|denies|denied|without|ruled out|r\/o)\b[^.;]{0,24}\b(?:overdos\w*|poison\w*|extra doses?|double dose|supratherapeutic)\b/i;
/** Words of a drug taken as prescribed. */
const AS_PRESCRIBED =
  /(?<!\bnot\s)\b(?:as (?:prescribed|directed|instructed)|correctly (?:prescribed|taken)|properly (?:taken|administered)|(?:at|on) (?:the |her |his )?(?:prescribed|usual|normal|therapeutic) dos(?:e|es|ing))\b/i;
/** Words that leave the statement open ("?extra dose", "extra dose vs poor intake", "unclear if"). */
const OPEN = /\?|\b(?:vs\.?|versus|possibl[ey]|unclear|not sure|unsure|uncertain|cannot recall|can'?t recall)\b/i;

export interface RecordedKind {
  /** The kind the note states, when it states one only. */
  kind?: EffectKind;
  /** The note line that states it, or that leaves it open. */
  statement?: string;
  /** A line leaves the kind open. */
  open?: boolean;
}

/** The lines of the note a visit addresses (not a history, medication list or review of systems). */
function noteLines(notes: string): string[] {
  const parts = noteParts(notes);
  const out: string[] = [];
  let at = 0;
  for (const line of notes.split('\n')) {
    // Each sentence of the line: the one naming the drug is quoted.
    if (!NOT_ADDRESSED_PARTS.has(partAt(parts, at + line.length))) out.push(...line.split(/(?<=\.)\s+(?=[A-Z])/).map((t) => t.trim()));
    at += line.length + 1;
  }
  return out.filter((l) => l.length > 0);
}

/**
 * What the note's lines naming the drug (`drug`: the words of its class) say of how it was taken.
 * A line that says the drug was taken wrongly and leaves it open is the question; lines of both kinds
 * give no kind.
 */
export function kindInNotes(notes: string, drug: RegExp): RecordedKind {
  const lines = noteLines(notes).filter((l) => drug.test(l));
  const wrongly = lines.filter((l) => WRONGLY_TAKEN.test(l) && !WRONGLY_TAKEN_DENIED.test(l));
  const unsure = wrongly.find((l) => OPEN.test(l));
  if (unsure !== undefined) return { open: true, statement: unsure };
  const prescribed = lines.filter((l) => AS_PRESCRIBED.test(l) && !wrongly.includes(l));
  if (wrongly.length > 0 && prescribed.length === 0) return { kind: 'poisoning', statement: wrongly[0] };
  if (prescribed.length > 0 && wrongly.length === 0) return { kind: 'adverse effect', statement: prescribed[0] };
  return {};
}
