/**
 * The signed-in session: the token typed into the page (kept for this tab only), the viewer's
 * role as the API says it (GET /whoami), the API client every screen uses, and the error box at
 * the top.
 */
import { ApiError, createApiClient } from '../lib/api-client.js';
import { $, el } from './dom.js';

const TOKEN_KEY = 'encounterflow.token';

export const session = {
  token: sessionStorage.getItem(TOKEN_KEY) ?? '',
  /** The token's role as the API answered it; null until it did (or for a token it does not know). */
  role: null,
  /** Why the role is unknown: 'unknown-token' (the API said 401), 'unchecked' (it did not answer), or null. */
  roleProblem: null,
  /** Who raised the error on show: 'refresh', 'action' or null. */
  problemSource: null,
  /** Set after a 401: auto-refresh waits for a new token. */
  needsToken: false,
};

export const api = createApiClient({ getToken: () => session.token });

/** The viewer's role as the API said it, or null (unknown: the page then shows no data screen). */
export const viewerRole = () => session.role;

/** Asks the API whose the token is (GET /whoami) and keeps its role; a 401 or no answer leaves it null. */
export async function loadRole() {
  session.role = null;
  session.roleProblem = null;
  if (session.token === '') return;
  try {
    session.role = (await api.whoami()).role;
  } catch (error) {
    session.roleProblem = error instanceof ApiError && error.status === 401 ? 'unknown-token' : 'unchecked';
    if (session.roleProblem === 'unchecked') showProblem(error, 'refresh');
  }
}

/** Keeps (or, for '', forgets) the token for this tab; its role is asked again (loadRole). */
export function setToken(token) {
  session.token = token;
  session.role = null;
  session.roleProblem = null;
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
