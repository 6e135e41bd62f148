/**
 * The encounter's audit trail (supervisors): pages of 50 newest first ("Show older entries" adds
 * the next), filtered by action and by who; runs of the same person viewing are folded into one
 * row. The 5-second refresh re-reads as many entries as are shown.
 */
import { ApiError } from '../lib/api-client.js';
import { auditActionLabel, auditDetailSummary, foldAuditRows } from '../lib/audit.js';
import { offersAudit } from '../lib/roles.js';
import { $, el, fill, table, time } from '../ui/dom.js';
import { api, handleError, viewerRole } from '../ui/session.js';
import { selection } from './selection.js';

const PAGE = 50;
/** The most the API gives in one answer. */
const MAX_LIMIT = 500;

const audit = {
  /** Set when GET /audit answered 403 for this token: the panel stays hidden. */
  forbidden: false,
  /** `encounterId|action|actor` the rows below belong to. */
  key: '',
  items: [],
  nextCursor: null,
};

const filters = () => ({ action: $('audit-action').value, actor: $('audit-actor').value.trim() });
const keyOf = (id) => `${id}|${filters().action}|${filters().actor}`;

/** A new token: ask again. */
export function resetAudit() {
  audit.forbidden = false;
  audit.key = '';
}

/** Re-reads the trail of encounter `id` (as many entries as are shown, at least a page): { items, nextCursor }, { error }, or null. */
export async function loadAudit(id) {
  if (!offersAudit(viewerRole()) || audit.forbidden) return null;
  const key = keyOf(id);
  const limit = key === audit.key ? Math.min(MAX_LIMIT, Math.max(PAGE, audit.items.length)) : PAGE;
  try {
    const page = await api.audit({ encounterId: id, ...filters(), limit });
    return { key, items: page.items, nextCursor: page.nextCursor };
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      audit.forbidden = true; // not a supervisor: no panel, no error
      return null;
    }
    if (error instanceof ApiError && error.status === 401) return null; // the encounter's own request reports it
    return { error };
  }
}

export function renderAudit(id, loaded) {
  const panel = $('audit');
  if (loaded === null) {
    panel.hidden = true;
    $('audit-body').replaceChildren();
    return;
  }
  panel.hidden = false;
  if (loaded.error !== undefined) {
    const problem =
      loaded.error instanceof ApiError
        ? loaded.error.problem
        : { title: 'The audit trail could not be read', detail: String(loaded.error) };
    $('audit-body').replaceChildren(el('p', { className: 'field-error' }, `${problem.title}: ${problem.detail}`));
    $('audit-more').hidden = true;
    return;
  }
  if (loaded.key !== keyOf(id)) return; // the filters changed meanwhile: their own load draws
  Object.assign(audit, { key: loaded.key, items: loaded.items, nextCursor: loaded.nextCursor });
  drawRows(id);
}

function drawRows(id) {
  const rows = foldAuditRows(audit.items);
  fill(
    $('audit-body'),
    rows.length === 0
      ? el('p', { className: 'muted' }, filters().action || filters().actor ? 'Nothing matches these filters.' : 'Nothing recorded yet.')
      : table(
          `Audit trail of encounter ${id}, newest first`,
          ['When', 'Who', 'Role', 'Action', 'Detail'],
          rows.map((row) => [
            row.count > 1
              ? [time(row.at), el('div', { className: 'muted' }, `${row.count} times, the first `, time(row.firstAt, { short: true }))]
              : time(row.at),
            row.actor,
            row.role,
            auditActionLabel(row.action),
            auditDetailSummary(row.detail).join('; '),
          ]),
        ),
  );
  $('audit-more').hidden = audit.nextCursor === null;
}

async function reload() {
  const id = selection.id;
  if (id === null) return;
  try {
    renderAudit(id, await loadAudit(id));
  } catch (error) {
    handleError(error);
  }
}

async function showOlder() {
  const id = selection.id;
  if (id === null || audit.nextCursor === null) return;
  const button = $('audit-more');
  button.disabled = true;
  try {
    const page = await api.audit({ encounterId: id, ...filters(), cursor: audit.nextCursor, limit: PAGE });
    if (keyOf(id) !== audit.key) return;
    audit.items = [...audit.items, ...page.items];
    audit.nextCursor = page.nextCursor;
    drawRows(id);
  } catch (error) {
    handleError(error);
  } finally {
    button.disabled = false;
  }
}

/** Wires the filters and "Show older entries" (once). */
export function wireAudit() {
  $('audit-action').addEventListener('change', () => void reload());
  $('audit-actor').addEventListener('change', () => void reload());
  $('audit-more').addEventListener('click', () => void showOlder());
}
