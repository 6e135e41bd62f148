/**
 * The worklist screen (coders, billers, supervisors): encounters by stage with a count on each
 * stage filter, a payer filter, pages of 50 oldest first, and the encounter view beside it
 * (#/encounters/<id> opens one).
 */
import { countByStage } from '../lib/api-client.js';
import { ATTENTION_STAGES, STAGES, stageLabel } from '../lib/stages.js';
import { $, el, time } from '../ui/dom.js';
import { api, refreshNow } from '../ui/session.js';
import { closeEncounter, loadDetail, openEncounter, resetEncounterView, wireEncounterView } from './encounter.js';
import { selection } from './selection.js';

const PAGE_SIZE = 50;

const worklist = {
  stage: '', // '' = all stages
  payer: '',
  /** Cursors of the pages before the current one; the current page's own cursor. */
  previousCursors: [],
  cursor: undefined,
  nextCursor: null,
};

function resetPaging() {
  worklist.previousCursors = [];
  worklist.cursor = undefined;
}

function renderStageFilters(counts) {
  const group = $('stage-filters');
  const focusedStage = document.activeElement?.dataset?.stage;
  const button = (stage, label, count) =>
    el(
      'button',
      {
        type: 'button',
        className: ATTENTION_STAGES.includes(stage) && count > 0 ? 'filter attention' : 'filter',
        'aria-pressed': String(worklist.stage === stage),
        'data-stage': stage,
        onclick: () => {
          worklist.stage = stage;
          resetPaging();
          void refreshNow();
        },
      },
      label,
      ' ',
      el('span', { className: 'count' }, count === undefined ? '…' : String(count)),
    );
  const total = counts === null ? undefined : `${counts.total}${counts.complete ? '' : '+'}`;
  group.replaceChildren(button('', 'All', total), ...STAGES.map((stage) => button(stage, stageLabel(stage), counts?.counts[stage])));
  if (focusedStage !== undefined) group.querySelector(`[data-stage="${CSS.escape(focusedStage)}"]`)?.focus();
}

function renderRows(items) {
  const body = $('rows');
  const focusedId = document.activeElement?.dataset?.encounterId;
  body.replaceChildren(
    ...items.map((item) =>
      el(
        'tr',
        { 'aria-current': item.id === selection.id ? 'true' : undefined },
        el(
          'td',
          { 'data-label': 'Encounter' },
          el(
            'button',
            { type: 'button', className: 'link', 'data-encounter-id': item.id, onclick: () => select(item.id) },
            item.clinicEncounterId,
          ),
        ),
        el('td', { 'data-label': 'Stage' }, el('span', { className: `stage stage-${item.stage}` }, stageLabel(item.stage))),
        el('td', { 'data-label': 'Payer' }, item.payerId),
        el('td', { 'data-label': 'Date of service' }, item.dateOfService),
        el('td', { 'data-label': 'Updated' }, time(item.updatedAt, { short: true })),
      ),
    ),
  );
  $('empty').hidden = items.length > 0;
  if (focusedId !== undefined) body.querySelector(`[data-encounter-id="${CSS.escape(focusedId)}"]`)?.focus();
  $('prev-page').disabled = worklist.previousCursors.length === 0;
  $('next-page').disabled = worklist.nextCursor === null;
}

/** Opens an encounter and marks its row. */
function select(id) {
  openEncounter(id);
  for (const row of $('rows').querySelectorAll('tr')) {
    const current = row.querySelector('[data-encounter-id]')?.dataset.encounterId === id;
    if (current) row.setAttribute('aria-current', 'true');
    else row.removeAttribute('aria-current');
  }
}

async function loadWorklist() {
  const [page, counts] = await Promise.all([
    api.listEncounters({ stage: worklist.stage, payer: worklist.payer, cursor: worklist.cursor, limit: PAGE_SIZE }),
    countByStage(api, { payer: worklist.payer }),
  ]);
  worklist.nextCursor = page.nextCursor;
  renderStageFilters(counts);
  renderRows(page.items);
  $('rows-caption').textContent = `Encounters${worklist.stage ? ` in stage ${stageLabel(worklist.stage)}` : ''}, oldest first`;
}

const screen = {
  name: 'encounters',
  label: 'Encounters',
  roles: ['coder', 'biller', 'supervisor'],
  mount() {
    wireEncounterView();
    renderStageFilters(null);
    $('payer').addEventListener('change', () => {
      worklist.payer = $('payer').value.trim();
      resetPaging();
      void refreshNow();
    });
    $('prev-page').addEventListener('click', () => {
      worklist.cursor = worklist.previousCursors.pop();
      void refreshNow();
    });
    $('next-page').addEventListener('click', () => {
      if (worklist.nextCursor === null) return;
      worklist.previousCursors.push(worklist.cursor);
      worklist.cursor = worklist.nextCursor;
      void refreshNow();
    });
  },
  /** `rest` is an encounter id (#/encounters/<id>) or ''. */
  show(rest) {
    const id = rest === '' ? null : decodeURIComponent(rest);
    if (id === null) closeEncounter();
    else if (id !== selection.id) select(id);
  },
  refresh: () => Promise.all([loadWorklist(), loadDetail()]),
  /** The token changed or was forgotten. */
  reset() {
    resetPaging();
    $('rows').replaceChildren();
    resetEncounterView();
    renderStageFilters(null);
  },
};

export default screen;
