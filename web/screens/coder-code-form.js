/**
 * The codes of an encounter under coder review as a form (web/screens/coder-worklist.js): one
 * labelled input per code, units, modifiers and diagnosis pointers, each with the error the page
 * or the API gave for it next to it, and the values read back as strings for buildOverrideBody.
 */
import { codeField } from '../ui/code-field.js';
import { el } from '../ui/dom.js';

export const inputId = (key) => `cr-${key.replaceAll('.', '-')}`;

/** One input of the code form with its label and, when the API or the page refused it, the error next to it. */
function codeInput(key, label, value, errors, onInput, { size = 9, numeric = false } = {}) {
  return el(
    'div',
    { className: 'code-field' },
    codeField(inputId(key), key, label, value, errors.get(key) ?? [], { size, numeric, oninput: onInput }),
  );
}

/** The diagnosis and procedure rows, each code with its description; `errors` maps field keys (diagnoses.0.code) to messages. */
export function codeRows(rows, codes, errors, onInput) {
  const described = (list, i) => codes?.[list]?.[i]?.description ?? '';
  return [
    el(
      'fieldset',
      { className: 'code-rows' },
      el('legend', {}, 'Diagnoses (ICD-10-CM), in order'),
      rows.diagnoses.map((d, i) =>
        el(
          'div',
          { className: 'code-row' },
          codeInput(`diagnoses.${i}.code`, `Diagnosis ${i + 1} code`, d.code, errors, onInput),
          el('span', { className: 'muted' }, described('diagnoses', i)),
        ),
      ),
    ),
    rows.procedures.length === 0
      ? null
      : el(
          'fieldset',
          { className: 'code-rows' },
          el('legend', {}, 'Procedures (CPT or HCPCS)'),
          rows.procedures.map((p, i) =>
            el(
              'div',
              { className: 'code-row' },
              codeInput(`procedures.${i}.code`, `Procedure ${i + 1} code`, p.code, errors, onInput, { size: 7 }),
              codeInput(`procedures.${i}.units`, `Procedure ${i + 1} units`, p.units, errors, onInput, { size: 3, numeric: true }),
              codeInput(`procedures.${i}.modifiers`, `Procedure ${i + 1} modifiers`, p.modifiers, errors, onInput, { size: 8 }),
              codeInput(
                `procedures.${i}.diagnosisPointers`,
                `Procedure ${i + 1} diagnosis pointers`,
                p.diagnosisPointers,
                errors,
                onInput,
                { size: 6, numeric: true },
              ),
              el('span', { className: 'muted' }, described('procedures', i)),
            ),
          ),
        ),
  ];
}

/** The form's values (strings), as buildOverrideBody takes them. */
export function readForm(rows) {
  const value = (key) => document.getElementById(inputId(key))?.value ?? '';
  return {
    diagnoses: rows.diagnoses.map((_, i) => ({ code: value(`diagnoses.${i}.code`) })),
    procedures: rows.procedures.map((_, i) => ({
      code: value(`procedures.${i}.code`),
      units: value(`procedures.${i}.units`),
      modifiers: value(`procedures.${i}.modifiers`),
      diagnosisPointers: value(`procedures.${i}.diagnosisPointers`),
    })),
    note: document.getElementById('cr-note')?.value ?? '',
  };
}
