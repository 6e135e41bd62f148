/**
 * Building the page. Rendering rule: text from the API only ever reaches the page through
 * `textContent` (via `el` and `fill`), never through innerHTML, so nothing the API returns can
 * become markup.
 */
import { relativeTime } from '../lib/format.js';

/** The element with this id; a missing one is a mistake in index.html or in a screen's mount. */
export const $ = (id) => {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`#${id} is missing from the page`);
  return node;
};

/** A new element: `el('td', { className: 'x' }, 'text', child)`. Strings become text nodes. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className' || key === 'textContent' || key === 'hidden' || key === 'disabled' || key === 'type') node[key] = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces a node's children, like el() builds them: strings become text, null and false are left out. */
export function fill(node, ...children) {
  node.replaceChildren(
    ...children
      .flat(Infinity)
      .filter((c) => c !== undefined && c !== null && c !== false)
      .map((c) => (c instanceof Node ? c : document.createTextNode(String(c)))),
  );
  return node;
}

/** A <time> element: local date and time with the distance from now; `short` shows the distance only. */
export function time(iso, { short = false } = {}) {
  if (typeof iso !== 'string' || iso === '') return el('span', { className: 'muted' }, '—');
  const local = new Date(iso).toLocaleString();
  return el('time', { datetime: iso, title: local }, short ? relativeTime(iso) : `${local} (${relativeTime(iso)})`);
}

/** A definition list from [label, value] pairs; pairs with an empty value are left out. */
export function facts(pairs) {
  return el(
    'dl',
    { className: 'facts' },
    pairs
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([label, value]) => [el('dt', {}, label), el('dd', {}, value)]),
  );
}

/** A card with a heading. */
export function section(title, ...content) {
  return el('section', { className: 'card' }, el('h3', {}, title), ...content);
}

/**
 * A table with a (visually hidden) caption, column headers and rows of cells, in a region that
 * scrolls sideways when the table is wider than the screen (focusable, so keyboards scroll it too).
 * `stacked`: instead, at phone width each row becomes a card of labelled cells (table.rows).
 */
export function table(caption, headers, rows, { stacked = false } = {}) {
  const built = el(
    'table',
    { className: stacked ? 'rows' : undefined },
    el('caption', { className: 'visually-hidden' }, caption),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        headers.map((h) => el('th', { scope: 'col' }, h)),
      ),
    ),
    el(
      'tbody',
      {},
      rows.map((cells) =>
        el(
          'tr',
          {},
          cells.map((c, i) => el('td', { 'data-label': stacked ? headers[i] : undefined }, c)),
        ),
      ),
    ),
  );
  return stacked ? built : el('div', { className: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: '0' }, built);
}
