/** Errors shown next to a form's field: an empty message node under the input, filled (and the input marked invalid) when there is something to say. */
import { el } from './dom.js';

/** The (hidden) error message node of a field; point the input's aria-describedby at `id`. */
export function fieldError(id) {
  return el('p', { id, className: 'field-error', hidden: true });
}

/** Shows (or, for '', clears) the error under an input and marks the input invalid. */
export function setError(input, errorNode, message) {
  errorNode.textContent = message;
  errorNode.hidden = message === '';
  if (message === '') input.removeAttribute('aria-invalid');
  else input.setAttribute('aria-invalid', 'true');
}
