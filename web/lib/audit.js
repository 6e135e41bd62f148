/** The audit trail as people read it: action labels, PHI-free detail summaries, folded repeat views. */
import { decisionLabel, pendingLabel, stageLabel } from './stages.js';

const AUDIT_ACTION_LABELS = {
  'clarification.answered': 'Answered the physician query',
  'supervisor.decided': 'Decision sent',
  'codes.overridden': 'Codes overridden',
  'encounter.cancel_requested': 'Cancellation requested',
  'encounter.viewed': 'Viewed the encounter',
  'statement.viewed': 'Viewed the patient statement',
  'clarification:notified': 'Physician notified of a query',
  'clarification:reminded': 'Physician reminded of a query',
};

export function auditActionLabel(action) {
  const text = String(action);
  if (AUDIT_ACTION_LABELS[text] !== undefined) return AUDIT_ACTION_LABELS[text];
  if (text.startsWith('decision:')) return `Decision applied: ${decisionLabel(text.slice('decision:'.length))}`;
  if (text.startsWith('escalation:')) return `Escalated: ${pendingLabel(text.slice('escalation:'.length))}`;
  return text;
}

/** Free text people typed (it may name the patient): shown as present, never quoted. */
const AUDIT_FREE_TEXT = { note: 'with a note', reason: 'with a reason', freeText: 'with a free-text answer' };

/**
 * The non-PHI parts of an audit row's detail as short "name: value" texts: stages, decisions,
 * codes, the answer's status. Free text (notes, reasons) is only said to be there; ids of
 * patients and questions, and anything not known here, are left out.
 */
export function auditDetailSummary(detail) {
  if (detail === null || typeof detail !== 'object') return [];
  const parts = [];
  const text = (value) => String(value);
  if (typeof detail.stage === 'string') parts.push(`stage: ${stageLabel(detail.stage)}`);
  if (typeof detail.pending === 'string') parts.push(`question: ${pendingLabel(detail.pending)}`);
  if (typeof detail.kind === 'string') parts.push(`question: ${pendingLabel(detail.kind)}`);
  if (typeof detail.decision === 'string') parts.push(`decision: ${decisionLabel(detail.decision)}`);
  if (typeof detail.extendBy === 'string') parts.push(`extend by: ${detail.extendBy}`);
  if (Array.isArray(detail.diagnoses)) parts.push(`diagnoses: ${detail.diagnoses.map(text).join(', ')}`);
  if (Array.isArray(detail.procedures)) {
    const procedure = (p) =>
      p !== null && typeof p === 'object'
        ? `${p.code}${Number(p.units) > 1 ? ` × ${p.units}` : ''}${Array.isArray(p.modifiers) && p.modifiers.length > 0 ? `-${p.modifiers.join('-')}` : ''}`
        : text(p);
    parts.push(`procedures: ${detail.procedures.length > 0 ? detail.procedures.map(procedure).join(', ') : 'none'}`);
  }
  if (typeof detail.reminderNumber === 'number' && detail.reminderNumber > 0) parts.push(`reminder ${detail.reminderNumber}`);
  for (const [key, label] of Object.entries(AUDIT_FREE_TEXT)) {
    if ((typeof detail[key] === 'string' && detail[key] !== '') || detail[key] === true) parts.push(label);
  }
  if (detail.response !== null && typeof detail.response === 'object' && typeof detail.response.status === 'number') {
    parts.push(`answered ${detail.response.status}`);
  }
  return parts;
}

/**
 * Audit rows (newest first) with runs of the same person viewing the encounter folded into one
 * entry: { ...row, count, firstAt } (the page refreshes, and each read of patient data is audited).
 */
export function foldAuditRows(items) {
  const folded = [];
  for (const row of items ?? []) {
    const last = folded[folded.length - 1];
    if (
      last !== undefined &&
      String(row.action).endsWith('.viewed') &&
      last.action === row.action &&
      last.actor === row.actor &&
      last.role === row.role
    ) {
      last.count += 1;
      last.firstAt = row.at;
    } else {
      folded.push({ ...row, count: 1, firstAt: row.at });
    }
  }
  return folded;
}
