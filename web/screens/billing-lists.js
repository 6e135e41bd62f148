/**
 * The lists of the billers' work screen (web/screens/billing.js), one renderer per worklist of the
 * API. Every item links to its encounter (#/encounters/<id>); patient questions link to their
 * own screen. Tables are `table.rows`: at phone width each row becomes a card of labelled cells.
 */
import { dollars } from '../lib/format.js';
import { balanceWords } from '../lib/payments.js';
import { el, time } from '../ui/dom.js';

/** A table of `items`: one column per { label, cell(item) }; `rowClass(item)` marks a row (overdue, say). */
function rowsTable(caption, columns, items, rowClass = () => undefined) {
  return el(
    'table',
    { className: 'rows' },
    el('caption', { className: 'visually-hidden' }, caption),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        columns.map((c) => el('th', { scope: 'col' }, c.label)),
      ),
    ),
    el(
      'tbody',
      {},
      items.map((item) =>
        el(
          'tr',
          { className: rowClass(item) },
          columns.map((c) => el('td', { 'data-label': c.label }, c.cell(item))),
        ),
      ),
    ),
  );
}

const encounterLink = (item) =>
  el('a', { href: `#/encounters/${encodeURIComponent(item.encounterId)}`, 'data-encounter-id': item.encounterId }, item.clinicEncounterId);

const encounterColumn = { label: 'Encounter', cell: encounterLink };
const payerColumn = { label: 'Payer', cell: (item) => item.payerId };

/** "due in 3 d", flagged in words (not only by colour) once late. */
function deadline(iso, overdue) {
  return [time(iso), overdue ? [' ', el('strong', { className: 'late' }, 'Overdue')] : null];
}

function empty(text) {
  return el('p', { className: 'muted' }, text);
}

/** The payer's reasons for a denied line, in words (adjustment group and CARC, then RARC remarks). */
export function reasonList(reasons) {
  return reasons.length === 0
    ? el('span', { className: 'muted' }, 'No reason given')
    : el(
        'ul',
        { className: 'reasons' },
        reasons.map((r) => el('li', {}, r)),
      );
}

const DENIAL_STATUS = { open: 'Waiting for a biller', escalated: 'Deadline passed: a supervisor decides' };

export function denialsList(items) {
  if (items.length === 0) return empty('No open denials.');
  return rowsTable(
    'Denied claim lines, soonest appeal deadline first',
    [
      encounterColumn,
      { label: 'Denied line', cell: (d) => [`Line ${d.lineNumber}: `, el('code', {}, d.code), ` ${dollars(d.chargeCents)}`] },
      { label: 'Payer’s reasons', cell: (d) => reasonList(d.reasons) },
      { label: 'Appeal by', cell: (d) => deadline(d.appealDueAt, d.overdue) },
      { label: 'Status', cell: (d) => DENIAL_STATUS[d.status] ?? d.status },
      payerColumn,
    ],
    items,
    (d) => (d.overdue ? 'overdue' : undefined),
  );
}

const ELIGIBILITY_STATUS = {
  inactive: 'Coverage not active',
  not_found: 'Member not found',
  member_mismatch: 'Member does not match',
};

export function eligibilityList(items) {
  if (items.length === 0) return empty('No encounter waits for its coverage.');
  return rowsTable(
    'Encounters waiting because of their coverage, oldest first',
    [
      encounterColumn,
      payerColumn,
      { label: 'Date of service', cell: (i) => i.dateOfService },
      {
        label: 'Insurer says',
        cell: (i) =>
          i.eligibility === null
            ? el('span', { className: 'muted' }, 'Not checked yet')
            : [
                el('strong', {}, ELIGIBILITY_STATUS[i.eligibility.status] ?? i.eligibility.status),
                i.eligibility.reason ? `: ${i.eligibility.reason}` : '',
                i.eligibility.planEnd
                  ? el('div', { className: 'muted' }, `Plan ${i.eligibility.planBegin ?? '?'} to ${i.eligibility.planEnd}`)
                  : null,
              ],
      },
      { label: 'Waiting since', cell: (i) => time(i.waitingSince, { short: true }) },
    ],
    items,
  );
}

const AUTHORIZATION_STATE = { pending: 'Insurer deciding', needs_biller: 'A biller decides' };

export function authorizationsList(items) {
  if (items.length === 0) return empty('No authorization is pending or waiting for a biller.');
  return rowsTable(
    'Prior authorizations pending or waiting for a biller, oldest first',
    [
      encounterColumn,
      payerColumn,
      {
        label: 'State',
        cell: (i) => [
          el('strong', {}, AUTHORIZATION_STATE[i.state] ?? i.state),
          ` (${i.authorization.status}${i.authorization.timing === 'retro' ? ', retro-authorization' : ''})`,
          i.authorization.reason ? el('div', { className: 'muted' }, i.authorization.reason) : null,
        ],
      },
      {
        label: 'Decision due',
        cell: (i) => [
          deadline(i.authorization.decisionDueAt, i.authorization.overdue),
          i.authorization.expedited ? ' (expedited, 72 h)' : '',
        ],
      },
      {
        label: 'Service',
        cell: (i) => [
          Object.entries(i.authorization.requestedUnits)
            .map(([code, units]) => `${code} × ${units}`)
            .join(', '),
          el(
            'div',
            { className: 'muted' },
            i.daysUntilService >= 0
              ? `in ${i.daysUntilService} d (${i.dateOfService})`
              : `${-i.daysUntilService} d ago (${i.dateOfService})`,
          ),
        ],
      },
    ],
    items,
    (i) => (i.authorization.overdue ? 'overdue' : undefined),
  );
}

export function questionsList(items) {
  if (items.length === 0) return empty('No open patient questions.');
  return rowsTable(
    'Open patient questions, oldest first',
    [
      {
        label: 'Question',
        cell: (q) => [
          el('a', { href: `#/questions/${encodeURIComponent(q.id)}` }, q.categoryLabel),
          el('div', { className: 'muted' }, q.lastMessage.slice(0, 80)),
        ],
      },
      { label: 'Statement', cell: (q) => [q.statementNumber, ' ', dollars(q.amountDueCents)] },
      { label: 'Asked', cell: (q) => time(q.askedAt, { short: true }) },
      { label: 'Answer due', cell: (q) => deadline(q.dueAt, q.overdue) },
    ],
    items,
    (q) => (q.overdue ? 'overdue' : undefined),
  );
}

const NEEDS = { balance: 'Balance owed', refund: 'Refund to make', missed_installment: 'Missed installment' };

/** `openStatementId`: the statement whose payments and refunds are open below the list (its row is marked). */
export function balancesList(items, openStatementId = null) {
  if (items.length === 0) return empty('No balance, refund or missed installment waits for a biller.');
  return rowsTable(
    'Statements needing a biller, earliest due date first',
    [
      encounterColumn,
      {
        label: 'Statement',
        cell: (s) =>
          el(
            'a',
            {
              href: `#/billing/payments/${encodeURIComponent(s.statementId)}`,
              'data-statement-id': s.statementId,
              'aria-current': s.statementId === openStatementId ? 'true' : undefined,
              'aria-label': `${s.statementNumber ?? 'unnumbered'}: payments and refunds`,
            },
            s.statementNumber ?? 'unnumbered',
          ),
      },
      { label: 'Needs', cell: (s) => s.needs.map((n) => NEEDS[n] ?? n).join(', ') },
      {
        label: 'Balance',
        cell: (s) => [
          el('strong', {}, balanceWords(s.balanceCents)),
          el('div', { className: 'muted' }, `owed ${dollars(s.owedCents)}, paid ${dollars(s.paidCents)}`),
        ],
      },
      { label: 'Due', cell: (s) => [s.dueDate, s.overdue ? [' ', el('strong', { className: 'late' }, 'Overdue')] : null] },
      {
        label: 'Follow-up',
        cell: (s) => [
          s.refunds.map((r) => el('div', {}, `Refund ${dollars(r.amountCents)}`)),
          s.missedInstallments.map((i) => el('div', {}, `Installment ${i.number} of ${dollars(i.amountCents)} missed (due ${i.dueDate})`)),
          s.cycle ? el('div', { className: 'muted' }, `Reminders: ${s.cycle.remindersSent}, cycle ${s.cycle.status}`) : null,
        ],
      },
    ],
    items,
    (s) => (s.overdue ? 'overdue' : undefined),
  );
}
