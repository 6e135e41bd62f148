/**
 * What a patient can ask about a statement, and when an answer is due. Pure (no I/O): the API,
 * the activities and the patient-question workflow share it.
 */

/** The categories of the patient page's question form, in the order it shows them. */
export const QUESTION_CATEGORIES = [
  'dont_understand_charge',
  'insurance_should_have_paid',
  'already_paid',
  'itemized_bill',
  'payment_plan',
  'financial_assistance',
  'dispute',
  'other',
] as const;

export type QuestionCategory = (typeof QUESTION_CATEGORIES)[number];

/** The words the patient reads for each category (the form's options, the conversation). */
export const QUESTION_CATEGORY_LABELS: Readonly<Record<QuestionCategory, string>> = {
  dont_understand_charge: 'I don’t understand a charge',
  insurance_should_have_paid: 'My insurance should have paid',
  already_paid: 'I already paid',
  itemized_bill: 'I want an itemized bill',
  payment_plan: 'I would like a payment plan',
  financial_assistance: 'I need financial assistance',
  dispute: 'I dispute this charge',
  other: 'Something else',
};

/** open: waiting for a biller (late ones are escalated, still open); answered: a biller answered. */
export const QUESTION_STATUSES = ['open', 'answered'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** A question keeps the statement's dunning paused while it is in one of these states. */
export const OPEN_QUESTION_STATUSES: readonly QuestionStatus[] = ['open'];

/**
 * `days` business days (Monday to Friday, UTC calendar) after `from`, at the same time of day.
 * A question asked on a Saturday with 2 business days is due Tuesday at that time. No holiday
 * calendar: a clinic's holidays would be configuration the product does not have yet.
 */
export function addBusinessDays(from: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('business days must be a non-negative integer');
  const result = new Date(from.getTime());
  let left = days;
  // Starting on a weekend counts from the next Monday's same time.
  while (isWeekend(result)) result.setUTCDate(result.getUTCDate() + 1);
  while (left > 0) {
    result.setUTCDate(result.getUTCDate() + 1);
    if (!isWeekend(result)) left--;
  }
  return result;
}

function isWeekend(date: Date): boolean {
  const day = date.getUTCDay();
  return day === 0 || day === 6;
}

/** Workflow id of a question's durable work: an opaque id, never patient data. */
export function patientQuestionWorkflowId(questionId: string): string {
  return `patient-question-${questionId}`;
}

/** What the patient-question workflow starts with (decided by the API when the question is asked). */
export interface PatientQuestionWorkflowInput {
  questionId: string;
  /** ISO time the answer is due (business days from when it was asked, or a configured duration). */
  answerDueAt: string;
  /** How often billers are reminded while the question is open (ms syntax, e.g. 24h). */
  reminderInterval: string;
  /**
   * Where a run that continued as new left off (QUESTION_CONTINUES_AS_NEW): the question was
   * acknowledged already; reminders sent, whether it was escalated, when the next reminder is due.
   */
  resume?: { reminders: number; escalated: boolean; nextReminderAt: number };
  /** A run continues as new once its history has this many events (default 2000; tests set fewer). */
  continueAfterEvents?: number;
}
