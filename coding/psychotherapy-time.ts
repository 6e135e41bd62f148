/**
 * A written psychotherapy code whose time band the record's minutes contradict. CPT reports
 * psychotherapy by the time spent with the patient: 90832/90833 for 16 to 37 minutes, 90834/90836 for
 * 38 to 52, 90837/90838 for 53 or more (the add-on codes with an E/M visit the same day). A written
 * 90837 for a documented 40-minute session is 90834; it is corrected as procedure-corrections.ts
 * corrects a line (the band's code on the claim, the written code offered beside, a 'changed'
 * documented code that sends the encounter to a coder): never billed as written against the record,
 * never rewritten silently.
 *  - The minutes are the psychotherapy time the notes state (psychotherapyMinutes); at a visit with
 *    no E/M service and no other timed service written, the session's own time also counts: a time
 *    stated as the session's ("session 40 min", "start 14:05 end 14:45"). Two different values, or
 *    none, leave the written code alone.
 *  - Under 16 minutes no psychotherapy code applies: left for a coder as written (nothing to swap to).
 *  - A stand-alone code beside an E/M visit is service-method-corrections.ts's (it becomes the add-on,
 *    of the band of the minutes, there); this rule only keeps the band.
 */
import type { EditFinding } from '../domain/coding.ts';
import type { CodingRun } from './coding-run.ts';
import { correct, titleOf, writtenLines } from './procedure-corrections.ts';
import { minutesOfClauses, PSYCHOTHERAPY, psychotherapyMinutes, withPsychotherapyVisit } from './service-method-corrections.ts';
import type { VisitLine } from './vaccine-coding.ts';

/** A clause giving the session's own time ("Start 14:05 End 14:45 (40 min)", "session length 40 minutes", "face-to-face time 40 min"). */
const SESSION_TIME =
  /\b(?:start(?:ed)?|end(?:ed)?|session|(?:face[- ]to[- ]face|total|visit|therapy) time|time (?:in|spent)|duration|length)\b/i;
const CLOCK = /\bstart(?:ed)?(?:\s+time)?\s*:?\s*(\d{1,2}):(\d{2})\b[^\n]*?\bend(?:ed)?(?:\s+time)?\s*:?\s*(\d{1,2}):(\d{2})\b/i;
/** Time given to something other than the session ("for 30 min daily", "walks 20 minutes"). */
const OTHER_ACTIVITY = /\b(?:daily|a day|per day|each day|walk\w*|exercis\w*|sleep\w*|ago|every|q\d)\b/i;

/** The minutes of the session the notes state as its time: one value, or undefined. */
export function sessionMinutes(notes: string): number | undefined {
  return minutesOfClauses(notes, (clause) => SESSION_TIME.test(clause) && !OTHER_ACTIVITY.test(clause), clockSpan);
}

/** The minutes between a clause's start and end times ("start 14:05 end 14:45"), across midnight too. */
function clockSpan(clause: string): number | undefined {
  const clock = CLOCK.exec(clause);
  if (!clock) return undefined;
  const [h1, m1, h2, m2] = clock.slice(1).map(Number) as [number, number, number, number];
  const span = (h2 * 60 + m2 - (h1 * 60 + m1) + 24 * 60) % (24 * 60);
  return span > 0 ? span : undefined;
}

/** Step: a written psychotherapy code of another time band than the record's minutes is the band's code. */
export function correctPsychotherapyTime(run: CodingRun, lines: readonly VisitLine[], edits: EditFinding[]): void {
  const written = writtenLines(lines);
  const therapy = written.filter((w) => PSYCHOTHERAPY.some((p) => p.alone === w.code || p.addOn === w.code));
  if (therapy.length !== 1) return;
  const [w] = therapy as [(typeof therapy)[number]];
  const addOn = PSYCHOTHERAPY.some((p) => p.addOn === w.code);
  const visit = withPsychotherapyVisit(lines);
  // A stand-alone code beside a visit is corrected to the add-on elsewhere, with its band.
  if (!addOn && visit) return;
  const notes = run.input.documentation.notes;
  // The session's own time is the psychotherapy time only when the visit is the psychotherapy alone.
  const alone = !visit && written.every((l) => l === w || !/^99\d{3}$/.test(l.code));
  const minutes = psychotherapyMinutes(notes) ?? (alone ? sessionMinutes(notes) : undefined);
  if (minutes === undefined || minutes < 16) return;
  const band = [...PSYCHOTHERAPY].reverse().find((p) => minutes >= p.from)!;
  const target = addOn ? band.addOn : band.alone;
  if (target === w.code) return;
  const reason = `Psychotherapy is reported by its time: the record states ${minutes} minutes, which is ${target} (${titleOf(run, target)}), not the written ${w.code}. A coder must confirm.`;
  correct(
    run,
    w,
    'PSYCHOTHERAPY_TIME',
    'CPT psychotherapy time bands: 16-37 (90832/90833), 38-52 (90834/90836), 53 or more minutes (90837/90838)',
    [{ code: target, units: 1 }],
    reason,
    edits,
  );
}
