/** A physician's answer to a clarification, without the DOM: the body, and what is missing. */

/** The option that needs the answer written out (coding/clarification.ts OTHER_OPTION). */
export const OTHER_OPTION = 'Other (please specify)';

/**
 * The body of POST /clarifications/:id/answer from the chosen option ('' for none) and the free
 * text, and the mistakes the page can see before sending, in the API's field names.
 */
export function buildAnswerBody({ option = '', freeText = '' }) {
  const body = {};
  const errors = [];
  const text = String(freeText ?? '').trim();
  if (option !== '') body.option = option;
  if (text !== '') body.freeText = text;
  if (option === OTHER_OPTION && text === '') errors.push({ field: 'freeText', message: `"${OTHER_OPTION}": write the answer` });
  if (option === '' && text === '') errors.push({ field: 'option', message: 'Choose an answer, or write one' });
  return { body, errors };
}

/** Open queries: past due first, then the earliest due (as the API orders them; kept for merged lists). */
export function byUrgency(a, b) {
  const late = (q) => (q.status === 'escalated' ? 0 : 1);
  return late(a) - late(b) || Date.parse(a.dueAt) - Date.parse(b.dueAt) || String(a.id).localeCompare(String(b.id));
}
