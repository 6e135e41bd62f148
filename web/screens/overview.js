/**
 * The supervisor's overview (#/overview): what waits for a person in every queue (GET
 * /worklists/overview), escalated and overdue items first, then each queue's counts by age
 * bucket and its most urgent items, and the counts by payer and by physician. Filters by payer
 * and physician; every item links to where it is worked (its encounter, or the patient question).
 */
import { relativeTime } from '../lib/format.js';
import { $, el, fill, table, time } from '../ui/dom.js';
import { api, refreshNow } from '../ui/session.js';

const state = {
  root: null,
  payer: '',
  physician: '',
  /** Payers and physicians seen in any answer, for the filter lists: id → label. */
  payers: new Map(),
  physicians: new Map(),
};

/** Where the item is worked in this page. */
function itemHref(item) {
  if (item.queue === 'patient_questions') return `#/questions/${encodeURIComponent(item.itemId)}`;
  return `#/encounters/${encodeURIComponent(item.encounterId)}`;
}

function flags(item) {
  return [
    item.escalated ? el('span', { className: 'flag escalated' }, 'Escalated') : null,
    item.overdue ? el('span', { className: 'flag overdue' }, 'Overdue') : null,
  ];
}

/** How long it has waited: days from a day on, else "12 min". */
const waited = (item) => (item.ageDays >= 1 ? `${item.ageDays} days` : relativeTime(item.since).replace(/ ago$/, '').replace(/^in /, ''));

function itemsTable(caption, items, labels, { withQueue }) {
  return table(
    caption,
    [...(withQueue ? ['Queue'] : []), 'Encounter', 'Payer', 'Physician', 'Waiting', 'Due', 'Flags'],
    items.map((item) => [
      ...(withQueue ? [labels.get(item.queue) ?? item.queue] : []),
      el(
        'a',
        {
          href: itemHref(item),
          'data-item': item.itemId,
          'aria-label': `${item.clinicEncounterId}: ${labels.get(item.queue) ?? item.queue}`,
        },
        item.clinicEncounterId,
      ),
      item.payerId,
      state.physicians.get(item.physicianNpi) ?? item.physicianNpi,
      waited(item),
      item.dueAt === null ? '—' : time(item.dueAt, { short: true }),
      flags(item),
    ]),
    { stacked: true },
  );
}

function countCell(n, className) {
  return n > 0 && className ? el('strong', { className }, String(n)) : String(n);
}

function queuesTable(overview) {
  return table(
    'Every queue: items waiting, overdue, escalated, by age',
    ['Queue', 'Worked by', 'Waiting', 'Overdue', 'Escalated', ...overview.ageBuckets.map((b) => b.label), 'Oldest since'],
    overview.queues.map((q) => [
      q.label,
      q.role,
      String(q.count),
      countCell(q.overdue, 'late'),
      countCell(q.escalated, 'late'),
      ...overview.ageBuckets.map((b) => String(q.byAge[b.bucket] ?? 0)),
      q.oldestSince === null ? '—' : time(q.oldestSince, { short: true }),
    ]),
  );
}

function filterButton(label, apply) {
  return el(
    'button',
    {
      type: 'button',
      className: 'link',
      onclick: () => {
        apply();
        syncFilters();
        void refreshNow();
      },
    },
    label,
  );
}

function byPayerTable(overview) {
  return table(
    'Waiting work by payer',
    ['Payer', 'Waiting', 'Overdue', 'Escalated'],
    overview.byPayer.map((p) => [
      filterButton(p.payerId, () => (state.payer = p.payerId)),
      String(p.count),
      countCell(p.overdue, 'late'),
      countCell(p.escalated, 'late'),
    ]),
  );
}

function byPhysicianTable(overview) {
  return table(
    'Waiting work by physician',
    ['Physician', 'NPI', 'Waiting', 'Overdue', 'Escalated'],
    overview.byPhysician.map((p) => [
      filterButton(p.name || p.npi, () => (state.physician = p.npi)),
      p.npi,
      String(p.count),
      countCell(p.overdue, 'late'),
      countCell(p.escalated, 'late'),
    ]),
  );
}

/** Refills a filter list when the known values changed (not on every refresh: it would lose the focus). */
function fillSelect(select, known, current, anyLabel) {
  const entries = [...known].sort(([a], [b]) => a.localeCompare(b));
  const signature = entries.map(([id]) => id).join('|');
  if (select.dataset.signature !== signature) {
    select.dataset.signature = signature;
    select.replaceChildren(el('option', { value: '' }, anyLabel), ...entries.map(([id, label]) => el('option', { value: id }, label)));
  }
  select.value = current;
}

function syncFilters() {
  if (state.payer !== '' && !state.payers.has(state.payer)) state.payers.set(state.payer, state.payer);
  if (state.physician !== '' && !state.physicians.has(state.physician)) state.physicians.set(state.physician, state.physician);
  fillSelect($('overview-payer'), state.payers, state.payer, 'All payers');
  fillSelect($('overview-physician'), state.physicians, state.physician, 'All physicians');
  $('overview-clear').hidden = state.payer === '' && state.physician === '';
}

function render(overview) {
  for (const p of overview.byPayer) state.payers.set(p.payerId, p.payerId);
  for (const p of overview.byPhysician) state.physicians.set(p.npi, p.name ? `${p.name} (${p.npi})` : p.npi);
  syncFilters();
  const labels = new Map(overview.queues.map((q) => [q.queue, q.label]));
  const { count, overdue, escalated } = overview.totals;
  fill(
    $('overview-totals'),
    el('strong', {}, `${count} waiting`),
    ' · ',
    el('strong', { className: overdue > 0 ? 'late' : undefined }, `${overdue} overdue`),
    ' · ',
    el('strong', { className: escalated > 0 ? 'late' : undefined }, `${escalated} escalated`),
    ` · as of ${new Date(overview.asOf).toLocaleTimeString()}`,
  );
  fill(
    $('overview-attention'),
    overview.attention.length === 0
      ? el('p', { className: 'muted' }, 'Nothing is overdue or escalated.')
      : itemsTable('Escalated and overdue items, escalated first', overview.attention, labels, { withQueue: true }),
  );
  fill($('overview-queues'), queuesTable(overview));
  fill(
    $('overview-oldest'),
    overview.queues
      .filter((q) => q.items.length > 0)
      .map((q) =>
        el(
          'details',
          { className: 'queue-items', open: q.overdue + q.escalated > 0 ? true : undefined },
          el('summary', {}, `${q.label} (${q.count})`),
          itemsTable(`${q.label}: the most urgent, then the longest waiting`, q.items, labels, { withQueue: false }),
        ),
      ),
  );
  fill($('overview-by-payer'), byPayerTable(overview));
  fill($('overview-by-physician'), byPhysicianTable(overview));
}

function filterSelect(id, label, onchange) {
  return [el('label', { for: id }, label), el('select', { id, onchange })];
}

const screen = {
  name: 'overview',
  label: 'Overview',
  roles: ['supervisor'],
  mount(root) {
    state.root = root;
    const changed = () => {
      state.payer = $('overview-payer').value;
      state.physician = $('overview-physician').value;
      syncFilters();
      void refreshNow();
    };
    fill(
      root,
      el('h2', {}, 'Overdue and aging work in every queue'),
      el(
        'div',
        { className: 'controls', role: 'group', 'aria-label': 'Filter the overview' },
        filterSelect('overview-payer', 'Payer', changed),
        filterSelect('overview-physician', 'Physician', changed),
        el(
          'button',
          {
            type: 'button',
            id: 'overview-clear',
            hidden: true,
            onclick: () => {
              state.payer = '';
              state.physician = '';
              syncFilters();
              void refreshNow();
            },
          },
          'Show all',
        ),
      ),
      el('p', { id: 'overview-totals', className: 'totals' }),
      el(
        'section',
        { 'aria-labelledby': 'overview-attention-title' },
        el('h3', { id: 'overview-attention-title' }, 'Needs attention now'),
        el('div', { id: 'overview-attention' }),
      ),
      el(
        'section',
        { 'aria-labelledby': 'overview-queues-title' },
        el('h3', { id: 'overview-queues-title' }, 'Every queue by age'),
        el('div', { id: 'overview-queues' }),
        el('div', { id: 'overview-oldest' }),
      ),
      el(
        'section',
        { className: 'overview-split', 'aria-label': 'By payer and by physician' },
        el('div', {}, el('h3', {}, 'By payer'), el('div', { id: 'overview-by-payer' })),
        el('div', {}, el('h3', {}, 'By physician'), el('div', { id: 'overview-by-physician' })),
      ),
    );
    syncFilters();
  },
  show() {},
  refresh: async () => render(await api.worklistOverview({ payer: state.payer, physician: state.physician })),
  reset() {
    Object.assign(state, { payer: '', physician: '', payers: new Map(), physicians: new Map() });
    if (state.root !== null)
      for (const id of [
        'overview-totals',
        'overview-attention',
        'overview-queues',
        'overview-oldest',
        'overview-by-payer',
        'overview-by-physician',
      ])
        fill($(id));
  },
};

export default screen;
