/**
 * The staff web UI's entry point: the token, the nav of the screens the viewer's role uses, a hash
 * router (#/<screen>[/<rest>]) and the 5-second refresh of the screen on show. Everything comes
 * from the API with the token typed into the page.
 *
 * A screen (web/screens/, listed in web/screens/index.js) is a module whose default export is
 *   { name, label, roles, mount(root), show(rest), refresh(), hide?(), reset?() }
 *   name     its route, #/<name>; `rest` is what follows #/<name>/ ('' when nothing)
 *   roles    the roles it is for: the nav offers a screen to these roles only (the role comes
 *            from GET /whoami); a token the API does not know, or a role with no screen, gets a
 *            message instead of any data screen
 *   mount    once, before it is first shown; `root` is its <section id="screen-<name>">, from
 *            index.html when the markup is there, else created empty for the screen to fill
 *   refresh  on show, every 5 s while shown (when auto-refresh is on), on "Refresh now"
 *   reset    the token changed or was forgotten: drop what the previous token could see
 */
import { loadStages } from './lib/stages.js';
import { $, el } from './ui/dom.js';
import { api, handleError, loadRole, onRefreshRequest, session, setToken, showProblem, viewerRole } from './ui/session.js';
import { LANDING, SCREENS } from './screens/index.js';

const REFRESH_MS = 5_000;

const router = {
  /** The screen on show, and the names of those mounted. */
  current: null,
  mounted: new Set(),
  busy: false,
};

/** The screens for this viewer: those of its role; none while the role is unknown. */
function screensForViewer() {
  const role = viewerRole();
  return role === null ? [] : SCREENS.filter((screen) => screen.roles.includes(role));
}

/** Why no screen is shown (no token, a token the API does not know, a role without screens), or nothing. */
function renderAccess(screens) {
  const box = $('access');
  let message = '';
  if (session.token === '') message = 'Enter your API token to see the screens of your role.';
  else if (session.roleProblem === 'unknown-token')
    message = 'The API does not know this token, so no screen is shown. Check the token and enter it again.';
  else if (session.roleProblem === 'unchecked')
    message = 'The API did not say which role this token has, so no screen is shown yet. Use "Refresh now" to ask again.';
  else if (screens.length === 0) message = `The role "${viewerRole()}" has no screen in this page; it works through the API only.`;
  box.textContent = message;
  box.hidden = message === '';
}

function renderNav() {
  const nav = $('screen-nav');
  const screens = screensForViewer();
  nav.hidden = session.token === '' || screens.length < 2;
  nav.replaceChildren(
    el(
      'ul',
      {},
      screens.map((screen) =>
        el('li', {}, el('a', { href: `#/${screen.name}`, 'aria-current': router.current === screen ? 'page' : undefined }, screen.label)),
      ),
    ),
  );
}

function rootOf(screen) {
  let root = document.getElementById(`screen-${screen.name}`);
  if (root === null) {
    root = el('section', { id: `screen-${screen.name}`, className: 'screen', 'aria-label': screen.label, hidden: true });
    $('screens').append(root);
  }
  return root;
}

/** The screen the viewer lands on: its role's own (LANDING), else the first it uses. */
function landingScreen(screens) {
  return screens.find((s) => s.name === LANDING[viewerRole()]) ?? screens[0] ?? null;
}

/** Shows the screen the hash names (or the viewer's landing screen) and refreshes it. */
function route() {
  const [, name = '', ...rest] = location.hash.replace(/^#/, '').split('/');
  const screens = screensForViewer();
  const named = screens.find((s) => s.name === name);
  const screen = named ?? landingScreen(screens);
  renderAccess(screens);
  if (router.current !== screen || screen === null) {
    router.current?.hide?.();
    for (const other of SCREENS) rootOf(other).hidden = other !== screen;
    router.current = screen;
  }
  if (screen === null) {
    renderNav();
    return;
  }
  if (!router.mounted.has(screen.name)) {
    router.mounted.add(screen.name);
    screen.mount(rootOf(screen));
  }
  renderNav();
  if (session.token === '') return; // shown once a token is given
  // A landing (no screen named) shows the screen's start, whatever the hash's rest said.
  screen.show(named !== undefined ? rest.join('/') : '');
  void refresh();
}

async function refresh() {
  const screen = router.current;
  if (session.token === '' || router.busy || screen === null) return;
  router.busy = true;
  try {
    await screen.refresh();
    $('updated').textContent = `Updated ${new Date().toLocaleTimeString()}`;
    if (session.problemSource === 'refresh') showProblem(null);
  } catch (error) {
    handleError(error, 'refresh');
  } finally {
    router.busy = false;
  }
}

onRefreshRequest(refresh);

function renderTokenState() {
  $('token').value = session.token;
  $('forget-token').disabled = session.token === '';
}

function resetScreens() {
  for (const screen of SCREENS) if (router.mounted.has(screen.name)) screen.reset?.();
}

$('token-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  setToken($('token').value.trim());
  showProblem(null);
  resetScreens();
  renderTokenState();
  await loadRole();
  route();
});

$('forget-token').addEventListener('click', () => {
  setToken('');
  renderTokenState();
  resetScreens();
  route();
  $('token').focus();
});

$('refresh').addEventListener('click', async () => {
  session.needsToken = false;
  if (session.token !== '' && viewerRole() === null) {
    await loadRole();
    route();
    return;
  }
  void refresh();
});

window.addEventListener('hashchange', route);

setInterval(() => {
  if ($('auto-refresh').checked && !document.hidden && !session.needsToken) void refresh();
}, REFRESH_MS);

renderTokenState();
// The stage list comes from the API (GET /stages, no token needed) before anything is drawn by stage.
await Promise.all([loadStages(api).catch((error) => handleError(error, 'refresh')), loadRole()]);
route();
if (session.token === '') $('token').focus();
