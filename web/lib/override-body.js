/**
 * The coder's code override form without the DOM: the rows from the current codes, the request
 * body from what was typed (with the mistakes the page can see), which input an API error names,
 * the Idempotency-Key, and what the workflow's flags say about the outcome.
 */

/** A list typed as "25, 59" or "25 59" as its items. */
function splitList(text) {
  return String(text ?? '')
    .split(/[\s,;]+/)
    .filter((item) => item !== '');
}

/** The form's rows (all strings) for the current codes; one empty diagnosis row when there are none. */
export function overrideRowsFromCodes(codes) {
  const diagnoses = (codes?.diagnoses ?? []).map((d) => ({ code: String(d.code ?? '') }));
  const procedures = (codes?.procedures ?? []).map((p) => ({
    code: String(p.code ?? ''),
    units: p.units === undefined || p.units === null ? '' : String(p.units),
    modifiers: (p.modifiers ?? []).join(', '),
    diagnosisPointers: (p.diagnosisPointers ?? []).join(', '),
  }));
  return { diagnoses: diagnoses.length > 0 ? diagnoses : [{ code: '' }], procedures };
}

/**
 * The body of PUT /encounters/:id/codes from the form's values (strings), and the mistakes the
 * page can see before sending, in the API's own field names (`procedures.0.units`). Codes are
 * trimmed and upper-cased; an empty units or pointers field is left out (the API's defaults:
 * 1 unit, pointing at the first diagnoses). Whether a code is valid is the API's to say.
 */
export function buildOverrideBody({ diagnoses = [], procedures = [], note = '' }) {
  const errors = [];
  const body = {
    diagnoses: diagnoses.map((d, i) => {
      const code = String(d.code ?? '')
        .trim()
        .toUpperCase();
      if (code === '') errors.push({ field: `diagnoses.${i}.code`, message: 'Enter a code, or remove the row' });
      return { code };
    }),
    procedures: procedures.map((p, i) => {
      const procedure = {
        code: String(p.code ?? '')
          .trim()
          .toUpperCase(),
      };
      if (procedure.code === '') errors.push({ field: `procedures.${i}.code`, message: 'Enter a code, or remove the row' });
      const units = String(p.units ?? '').trim();
      if (units !== '') {
        if (/^\d{1,3}$/.test(units)) procedure.units = Number(units);
        else errors.push({ field: `procedures.${i}.units`, message: 'A whole number of units, e.g. 1' });
      }
      procedure.modifiers = splitList(p.modifiers).map((m) => m.toUpperCase());
      const pointers = splitList(p.diagnosisPointers);
      if (pointers.length > 0) {
        if (pointers.every((n) => /^\d{1,2}$/.test(n))) procedure.diagnosisPointers = pointers.map(Number);
        else errors.push({ field: `procedures.${i}.diagnosisPointers`, message: 'Diagnosis numbers such as 1, 2' });
      }
      return procedure;
    }),
  };
  if (body.diagnoses.length === 0) errors.push({ field: 'diagnoses', message: 'At least one diagnosis is needed' });
  const trimmed = String(note ?? '').trim();
  if (trimmed !== '') body.note = trimmed;
  return { body, errors };
}

/**
 * Which input of the override form an error of the API names, as { key, list, index, name }:
 * `diagnoses.1.code` is the key `diagnoses.1.code`; `procedures.0.diagnosisPointers.2` the key
 * `procedures.0.diagnosisPointers` (one input holds the whole list); `diagnoses.1` the row's code;
 * `note` the note; `diagnoses` the whole list (name null); anything else (`(body)`, a header)
 * has the key null.
 */
export function overrideErrorTarget(field) {
  const parts = String(field ?? '').split('.');
  const [list, index, name] = parts;
  if ((list === 'diagnoses' || list === 'procedures') && parts.length >= 3 && /^\d+$/.test(index) && name !== '') {
    return { key: `${list}.${index}.${name}`, list, index: Number(index), name };
  }
  if ((list === 'diagnoses' || list === 'procedures') && parts.length === 2 && /^\d+$/.test(index)) {
    return { key: `${list}.${index}.code`, list, index: Number(index), name: 'code' };
  }
  if (field === 'note') return { key: 'note', list: null, index: null, name: 'note' };
  if ((list === 'diagnoses' || list === 'procedures') && parts.length === 1) return { key: list, list, index: null, name: null };
  return { key: null, list: null, index: null, name: null };
}

/** A person's name for the input an error names: "Diagnosis 2 code", "Procedure 1 units". */
export function overrideFieldLabel(field) {
  const target = overrideErrorTarget(field);
  const names = { code: 'code', units: 'units', modifiers: 'modifiers', diagnosisPointers: 'diagnosis pointers' };
  if (target.key === 'note') return 'Note';
  if (target.list !== null && target.name === null) return target.list === 'diagnoses' ? 'Diagnoses' : 'Procedures';
  if (target.list !== null)
    return `${target.list === 'diagnoses' ? 'Diagnosis' : 'Procedure'} ${target.index + 1} ${names[target.name] ?? target.name}`;
  return String(field);
}

/** Errors grouped by the form input they belong to (`key`); those that fit no input under ''. */
export function overrideErrorsByInput(errors) {
  const grouped = new Map();
  for (const error of errors ?? []) {
    const key = overrideErrorTarget(error.field).key ?? '';
    if (!grouped.has(key)) grouped.set(key, []);
    grouped.get(key).push(error.message);
  }
  return grouped;
}

/** A random Idempotency-Key (letters, digits and -), from the Web Crypto API. */
export function newIdempotencyKey(cryptoImpl = globalThis.crypto) {
  if (typeof cryptoImpl?.randomUUID === 'function') return cryptoImpl.randomUUID();
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the workflow said about overrides, among flags: 'applied', 'rejected' or 'other'. */
export function flagKind(flag) {
  if (/^codes overridden by coder /.test(flag)) return 'applied';
  if (/^a coder's override was rejected/.test(flag)) return 'rejected';
  return 'other';
}
