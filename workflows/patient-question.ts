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
 * Separate from the encounter workflow (own type, own id `patient-question-<id>`): nothing here
 * changes a running encounter. Behaviour changes follow the same rule: `patched()`, new history.
 */
import { condition, setHandler } from '@temporalio/workflow';
import { durationMs } from '../domain/durations.ts';
import type { PatientQuestionWorkflowInput } from '../domain/patient-questions.ts';
import { external, internal } from './activities.ts';
import { patientQuestionAnsweredSignal } from './patient-question-messages.ts';

export type PatientQuestionOutcome = 'answered';

export async function patientQuestionWorkflow(input: PatientQuestionWorkflowInput): Promise<PatientQuestionOutcome> {
  const { questionId } = input;
  let answered = false;
  setHandler(patientQuestionAnsweredSignal, () => {
    answered = true;
  });

  let open = (await internal.acknowledgePatientQuestion({ questionId })) === 'open';
  if (open) await external.sendPatientQuestionNotice({ questionId, event: 'question.received', sequence: 0 });

  const dueAt = Date.parse(input.answerDueAt);
  const every = durationMs(input.reminderInterval);
  let nextReminderAt = Date.now() + every;
  let reminders = 0;
  let escalated = false;
  while (open && !answered) {
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
