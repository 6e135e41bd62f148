/** The encounter's audit trail (supervisors): runs of the same person viewing are folded into one row. */
import { ApiError } from '../lib/api-client.js';
import { auditActionLabel, auditDetailSummary, foldAuditRows } from '../lib/audit.js';
import { offersAudit } from '../lib/roles.js';
import { $, el, fill, table, time } from '../ui/dom.js';
import { api, viewerRole } from '../ui/session.js';

/** Set when GET /audit answered 403 for this token: the panel stays hidden. */
let auditForbidden = false;

/** A new token: ask again. */
export function resetAudit() {
  auditForbidden = false;
}

/** The audit trail for the panel: { items }, { error }, or null when this viewer does not get one. */
export async function loadAudit(id) {
  if (!offersAudit(viewerRole()) || auditForbidden) return null;
  try {
    return { items: (await api.audit(id)).items };
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      auditForbidden = true; // not a supervisor: no panel, no error
      return null;
    }
    if (error instanceof ApiError && error.status === 401) return null; // the encounter's own request reports it
    return { error };
  }
}

export function renderAudit(id, audit) {
  const panel = $('audit');
  if (audit === null) {
    panel.hidden = true;
    $('audit-body').replaceChildren();
    return;
  }
  panel.hidden = false;
  if (audit.error !== undefined) {
    const problem = audit.error instanceof ApiError ? audit.error.problem : { title: 'The audit trail could not be read', detail: String(audit.error) };
    $('audit-body').replaceChildren(el('p', { className: 'field-error' }, `${problem.title}: ${problem.detail}`));
    return;
  }
  const rows = foldAuditRows(audit.items);
  fill(
    $('audit-body'),
    rows.length === 0
      ? el('p', { className: 'muted' }, 'Nothing recorded yet.')
      : table(
          `Audit trail of encounter ${id}, newest first`,
          ['When', 'Who', 'Role', 'Action', 'Detail'],
          rows.map((row) => [
            row.count > 1 ? [time(row.at), el('div', { className: 'muted' }, `${row.count} times, the first `, time(row.firstAt, { short: true }))] : time(row.at),
            row.actor,
            row.role,
            auditActionLabel(row.action),
            auditDetailSummary(row.detail).join('; '),
          ]),
        ),
    audit.items.length >= 500 ? el('p', { className: 'hint' }, 'Showing the newest 500 entries (the most the API returns).') : null,
  );
}
