/**
 * One durable workflow per patient question: the service-level timer of issue 9. The API stores
 * the question and starts this workflow; it acknowledges the question at once (and tells the
 * patient through the clinic's messaging), reminds the billers every `reminderInterval` while it
 * is open, escalates to a supervisor when the answer is late (still open, still reminded), and
 * when a biller's answer arrives (signal) tells the patient the answer is on their page.
 *
 * The database is the source of truth for the question's state: every activity returns whether
 * the question is still open, so an answer whose signal was lost (Temporal briefly down when the
 * biller answered) is noticed at the next reminder. Timers are durable: a restart of the product
 * (workers, Temporal) neither loses nor repeats a reminder or the escalation.
 *
 * A question open for long (many reminders) continues as new when its history is long
 * (QUESTION_CONTINUES_AS_NEW): the next run resumes the count of reminders and the escalation.
 *
 * Separate from the encounter workflow (own type, own id `patient-question-<id>`): nothing here
 * changes a running encounter. Behaviour changes follow the same rule: `patched()`, new history.
 */
import { condition, continueAsNew, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { durationMs } from '../domain/durations.ts';
import type { PatientQuestionWorkflowInput } from '../domain/patient-questions.ts';
import { external, internal } from './activities.ts';
import { patientQuestionAnsweredSignal } from './patient-question-messages.ts';
import { QUESTION_CONTINUES_AS_NEW } from './patches.ts';

const DEFAULT_CONTINUE_AFTER_EVENTS = 2_000;

export type PatientQuestionOutcome = 'answered';

export async function patientQuestionWorkflow(input: PatientQuestionWorkflowInput): Promise<PatientQuestionOutcome> {
  const { questionId } = input;
  let answered = false;
  setHandler(patientQuestionAnsweredSignal, () => {
    answered = true;
  });

  const { resume } = input;
  let open: boolean;
  if (resume === undefined) {
    open = (await internal.acknowledgePatientQuestion({ questionId })) === 'open';
    if (open) await external.sendPatientQuestionNotice({ questionId, event: 'question.received', sequence: 0 });
  } else {
    // Acknowledged by an earlier run; the next reminder reads whether it is still open.
    open = true;
  }
  const continues = patched(QUESTION_CONTINUES_AS_NEW);

  const dueAt = Date.parse(input.answerDueAt);
  const every = durationMs(input.reminderInterval);
  let nextReminderAt = resume?.nextReminderAt ?? Date.now() + every;
  let reminders = resume?.reminders ?? 0;
  let escalated = resume?.escalated ?? false;
  while (open && !answered) {
    const info = workflowInfo();
    if (continues && (info.continueAsNewSuggested || info.historyLength >= (input.continueAfterEvents ?? DEFAULT_CONTINUE_AFTER_EVENTS))) {
      return continueAsNew<typeof patientQuestionWorkflow>({ ...input, resume: { reminders, escalated, nextReminderAt } });
    }
    const now = Date.now();
    if (!escalated && now >= dueAt) {
      open = (await internal.escalatePatientQuestion({ questionId })) === 'open';
      escalated = true;
      if (open) await external.sendPatientQuestionNotice({ questionId, event: 'question.escalated', sequence: 0 });
      continue;
    }
    if (now >= nextReminderAt) {
      reminders++;
      nextReminderAt += every;
      open = (await internal.recordPatientQuestionReminder({ questionId, reminderNumber: reminders })) === 'open';
      if (open) await external.sendPatientQuestionNotice({ questionId, event: 'question.reminder', sequence: reminders });
      continue;
    }
    const wakeAt = escalated ? nextReminderAt : Math.min(nextReminderAt, dueAt);
    await condition(() => answered, wakeAt - now);
  }
  await external.sendPatientQuestionNotice({ questionId, event: 'question.answered', sequence: 0 });
  return 'answered';
}
