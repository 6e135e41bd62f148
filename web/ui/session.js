/**
 * The signed-in session: the token typed into the page (kept for this tab only), the viewer's
 * role when the token says it, the API client every screen uses, and the error box at the top.
 */
import { ApiError, createApiClient } from '../lib/api-client.js';
import { demoRole } from '../lib/roles.js';
import { $, el } from './dom.js';

const TOKEN_KEY = 'encounterflow.token';

export const session = {
  token: sessionStorage.getItem(TOKEN_KEY) ?? '',
  /** Who raised the error on show: 'refresh', 'action' or null. */
  problemSource: null,
  /** Set after a 401: auto-refresh waits for a new token. */
  needsToken: false,
};

export const api = createApiClient({ getToken: () => session.token });

/** The viewer's role when the token is a demo token; null (unknown) otherwise. */
export const viewerRole = () => demoRole(session.token);

/** Keeps (or, for '', forgets) the token for this tab. */
export function setToken(token) {
  session.token = token;
  if (token === '') sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, token);
  session.needsToken = false;
}

/**
 * Shows an error at the top of the page (or hides it, for null). `source` says who raised it: a
 * refresh that later succeeds clears its own error, but never the error of something a person did.
 */
export function showProblem(error, source = 'action') {
  const box = $('problem');
  box.replaceChildren();
  session.problemSource = error === null ? null : source;
  if (error === null) {
    box.hidden = true;
    return;
  }
  const problem =
    error instanceof ApiError
      ? error.problem
      : { title: 'Something went wrong in the page', status: 0, detail: String(error?.message ?? error), errors: [] };
  box.append(el('strong', {}, problem.status ? `${problem.title} (${problem.status})` : problem.title), ' ', problem.detail);
  if (problem.errors.length > 0) {
    box.append(
      el(
        'ul',
        {},
        problem.errors.map((e) => el('li', {}, el('code', {}, e.field), ': ', e.message)),
      ),
    );
  }
  if (problem.status === 401) box.append(' ', el('span', {}, 'Enter a valid token above.'));
  box.append(' ', el('button', { type: 'button', className: 'dismiss', onclick: () => showProblem(null) }, 'Dismiss'));
  box.hidden = false;
}

export function handleError(error, source = 'action') {
  if (error instanceof ApiError && error.status === 401) {
    session.needsToken = true;
    $('token').focus();
  }
  showProblem(error, source);
}

let refreshHandler = async () => {};

/** app.js registers how to refresh the screen on show. */
export function onRefreshRequest(handler) {
  refreshHandler = handler;
}

/** Refreshes the screen on show now (after an action, say). */
export function refreshNow() {
  return refreshHandler();
}
