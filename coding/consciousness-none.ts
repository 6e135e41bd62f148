/**
 * An intracranial injury coded with its loss of consciousness status unknown (6th character A, which
 * is also where "concussion NOS" is indexed) while the physician's own conclusion states there was
 * none ("A: concussion without loss of consciousness", a diagnosis line "concussion, no LOC") and no
 * statement of the record tells of a loss. Status unknown is for a record that does not settle it;
 * this one does, so the injury takes the "without loss of consciousness" character (0). A record that
 * states the loss anywhere is left to consciousness-conflict.ts, which asks.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { consciousnessStated } from './consciousness-conflict.ts';

/** Intracranial injuries coded with loss of consciousness status unknown (S06.0XAA, S06.5XAA). */
const STATUS_UNKNOWN = /^S06\.[0-9][0-9X]A[A-Z]$/;

/** Step: loss of consciousness status unknown while the assessment states none and nothing states a loss: the "without" code. */
export function consciousnessNoneStated(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const d = drafts.find((x) => STATUS_UNKNOWN.test(x.code) && !run.issues.some((i) => i.order === x.order));
  if (!d) return drafts;
  const year = Number(run.input.dateOfService.slice(0, 4)) || Infinity;
  const doc = run.input.documentation;
  const concluded = [
    ...doc.diagnoses.map((x) => x.description),
    ...run.notes.filter((n) => n.part === 'assessment').map((n) => n.original),
  ];
  if (!concluded.some((s) => consciousnessStated(s, year) === 'none')) return drafts;
  const all = [...doc.diagnoses.map((x) => x.description), ...clausesOf(doc.notes)];
  if (all.some((s) => consciousnessStated(s, year) === 'lost')) return drafts;
  const code = `${d.code.slice(0, 6)}0${d.code.slice(7)}`;
  if (!run.codeSets.icd.byCode.has(code)) return drafts;
  return drafts.map((x) =>
    x === d
      ? recoded(
          run.codeSets,
          x,
          code,
          'The assessment states no loss of consciousness and nothing states one: the "without" character (0).',
        )
      : x,
  );
}
