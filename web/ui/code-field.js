/**
 * One text input of a code form (a code, its units, modifiers or diagnosis pointers), shared by
 * the coder's review form (web/screens/coder-code-form.js) and the code override
 * (web/screens/code-override.js): its label, the input, and the error the page or the API gave
 * for it, which the input points at.
 */
import { el } from './dom.js';

/**
 * [label, input, error] of the field `key` (e.g. procedures.0.units) with the element id `id`;
 * `messages` are its errors (none: no error node). Further input attributes (placeholder,
 * oninput, autocapitalize) go in `attributes`.
 */
export function codeField(id, key, label, value, messages, { size = 9, numeric = false, hiddenLabel = false, ...attributes } = {}) {
  const input = el('input', {
    id,
    type: 'text',
    size,
    spellcheck: 'false',
    autocomplete: 'off',
    inputmode: numeric ? 'numeric' : undefined,
    'data-field': key,
    'aria-invalid': messages.length > 0 ? 'true' : undefined,
    'aria-describedby': messages.length > 0 ? `${id}-error` : undefined,
    ...attributes,
  });
  input.value = value;
  return [
    el('label', { for: id, className: hiddenLabel ? 'visually-hidden' : undefined }, label),
    input,
    messages.length > 0 ? el('p', { id: `${id}-error`, className: 'field-error' }, messages.join(' ')) : null,
  ];
}
