/**
 * The billers' work screen (billers, supervisors): one tab per worklist, each item opening its
 * encounter: denials with their appeal deadlines (the default), eligibility problems,
 * authorizations pending with their decision deadlines, patient questions with their answer
 * deadlines (opened on the Patient questions screen), and payments and balances (balances owed,
 * refunds to make, missed installments). #/billing/<tab> opens a tab. Every list is refreshed
 * together so each tab shows how many items wait in it.
 */
import { el, fill } from '../ui/dom.js';
import { api, handleError } from '../ui/session.js';
import { authorizationsList, balancesList, denialsList, eligibilityList, questionsList } from './billing-lists.js';
import { paymentDesk } from './payment-desk.js';

const LIMIT = 100;

/** The tabs in order: what each lists and how to draw it. `load` answers { items, more }. */
const TABS = [
  { name: 'denials', label: 'Denials', load: () => api.denialWorklist({ limit: LIMIT }), render: denialsList },
  { name: 'eligibility', label: 'Eligibility', load: () => api.eligibilityWorklist({ limit: LIMIT }), render: eligibilityList },
  { name: 'authorizations', label: 'Authorizations', load: () => api.authorizationWorklist({ limit: LIMIT }), render: authorizationsList },
  {
    name: 'questions',
    label: 'Patient questions',
    load: () => api.patientQuestions('open'),
    render: questionsList,
    footer: () => el('p', {}, el('a', { href: '#/questions' }, 'Open the Patient questions screen to answer them')),
  },
  {
    name: 'payments',
    label: 'Payments and balances',
    load: () => api.balanceWorklist({ limit: LIMIT }),
    render: (items) => balancesList(items, state.statementId),
  },
];

/** The tab on show, each tab's list, and the statement opened on the Payments tab (or null). */
const state = { root: null, tab: TABS[0], lists: new Map(), statementId: null };

/** The balance worklist's item of the open statement, when it is listed. */
const listedStatement = () => state.lists.get('payments')?.items.find((item) => item.statementId === state.statementId);

function countText(list) {
  if (list === undefined) return '…';
  return `${list.items.length}${list.nextCursor ? '+' : ''}`;
}

function renderTabs() {
  fill(
    state.root.querySelector('#billing-tabs'),
    el(
      'ul',
      {},
      TABS.map((tab) =>
        el(
          'li',
          {},
          el(
            'a',
            {
              href: `#/billing/${tab.name}`,
              className: 'filter',
              'aria-current': tab === state.tab ? 'page' : undefined,
              'data-tab': tab.name,
            },
            tab.label,
            ' ',
            el('span', { className: 'count' }, countText(state.lists.get(tab.name))),
          ),
        ),
      ),
    ),
  );
}

function renderPanel() {
  const panel = state.root.querySelector('#billing-panel');
  const list = state.lists.get(state.tab.name);
  state.root.querySelector('#billing-panel-title').textContent = state.tab.label;
  fill(
    panel.querySelector('#billing-panel-body'),
    list === undefined ? el('p', { className: 'muted' }, 'Loading…') : state.tab.render(list.items),
    list?.nextCursor ? el('p', { className: 'muted' }, `Showing the first ${list.items.length}.`) : null,
    state.tab.footer?.() ?? null,
  );
}

async function load() {
  // The open statement's money, side by side with the lists (its failure reported like theirs).
  const desk = paymentDesk.refresh().then(
    () => null,
    (error) => error,
  );
  const results = await Promise.allSettled(TABS.map((tab) => tab.load()));
  let failure = null;
  results.forEach((result, i) => {
    if (result.status === 'fulfilled')
      state.lists.set(TABS[i].name, { items: result.value.items, nextCursor: result.value.nextCursor ?? null });
    else failure ??= result.reason;
  });
  // Redrawn every few seconds: the keyboard's place (a tab, an item's link) is kept.
  const focused = document.activeElement;
  const selector = focused?.dataset?.tab
    ? `[data-tab="${CSS.escape(focused.dataset.tab)}"]`
    : focused?.dataset?.encounterId
      ? `[data-encounter-id="${CSS.escape(focused.dataset.encounterId)}"]`
      : focused?.dataset?.statementId
        ? `[data-statement-id="${CSS.escape(focused.dataset.statementId)}"]`
        : null;
  const inPanel = state.root.querySelector('#billing-panel').contains(focused);
  renderTabs();
  renderPanel();
  paymentDesk.select(state.statementId, listedStatement());
  if (selector !== null && (inPanel || state.root.querySelector('#billing-tabs').contains(focused)))
    state.root.querySelector(selector)?.focus();
  failure ??= await desk;
  if (failure !== null) throw failure;
}

const screen = {
  name: 'billing',
  label: 'Billing work',
  roles: ['biller', 'supervisor'],
  mount(root) {
    state.root = root;
    fill(
      root,
      el('h2', {}, 'Billing work'),
      el('nav', { id: 'billing-tabs', className: 'billing-tabs', 'aria-label': 'Billing worklists' }),
      el(
        'section',
        { id: 'billing-panel', 'aria-labelledby': 'billing-panel-title' },
        el('h3', { id: 'billing-panel-title' }),
        el('div', { id: 'billing-panel-body' }),
      ),
      el('div', { id: 'billing-desk' }),
    );
    paymentDesk.mount(root.querySelector('#billing-desk'));
    renderTabs();
    renderPanel();
  },
  /** `rest`: a tab's name, or payments/<statementId> (that statement's payments and refunds). */
  show(rest) {
    const [name, ...statement] = rest.split('/');
    state.tab = TABS.find((tab) => tab.name === name) ?? TABS[0];
    state.statementId = state.tab.name === 'payments' && statement.length > 0 ? decodeURIComponent(statement.join('/')) : null;
    paymentDesk.select(state.statementId, listedStatement());
    renderTabs();
    renderPanel();
  },
  refresh: () => load().catch((error) => handleError(error, 'refresh')),
  reset() {
    state.lists.clear();
    state.statementId = null;
    paymentDesk.reset();
    if (state.root) {
      renderTabs();
      renderPanel();
    }
  },
};

export default screen;
