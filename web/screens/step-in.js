/**
 * "Step in": the decision a supervisor is asked for on the open encounter (one button per allowed
 * decision), cancelling the encounter, and opening the patient statement.
 */
import { ApiError } from '../lib/api-client.js';
import { isDuration } from '../lib/format.js';
import { decisionLabel, FINAL_STAGES, pendingLabel } from '../lib/stages.js';
import { $, el } from '../ui/dom.js';
import { api, handleError, refreshNow, showProblem } from '../ui/session.js';
import { renderOverride } from './code-override.js';
import { selection } from './selection.js';

const stepIn = {
  /** Key of the decision buttons shown, so a refresh does not rebuild them under the user's hand. */
  decisionKey: '',
  statementId: null,
};

/** Another encounter was opened: forget what the panel showed (until its own view arrives, no question). */
export function resetStepIn() {
  stepIn.decisionKey = '';
  $('decision-panel').hidden = true;
  $('decision-buttons').replaceChildren();
  $('action-result').textContent = '';
  $('statement-link').hidden = true;
}

export function renderActions(view) {
  const pending = view.status.pendingDecision;
  const final = FINAL_STAGES.includes(view.stage);
  const panel = $('decision-panel');
  // The key names the encounter too: the panel never keeps another encounter's question.
  const key = pending ? `${view.id}:${pending.id ?? ''}:${pending.kind}:${pending.since}:${pending.allowed.join(',')}` : `${view.id}:none`;
  if (key !== stepIn.decisionKey) {
    stepIn.decisionKey = key;
    panel.hidden = pending === undefined;
    $('decision-buttons').replaceChildren();
    $('extend-field').hidden = true;
    if (pending !== undefined) {
      $('decision-reason').replaceChildren(
        el('strong', {}, pendingLabel(pending.kind)),
        ` since ${new Date(pending.since).toLocaleString()}: `,
        pending.reason,
      );
      $('extend-field').hidden = !pending.allowed.includes('extend');
      $('decision-buttons').append(
        ...pending.allowed.map((decision) =>
          el(
            'button',
            { type: 'button', className: decision === 'cancel' ? 'danger' : 'primary', onclick: () => decide(view.id, decision, pending) },
            decisionLabel(decision, pending.kind),
          ),
        ),
      );
    }
  }
  renderOverride(view);
  $('cancel-form').hidden = final;
  stepIn.statementId = view.statementId ?? view.status.statementId ?? null;
  $('open-statement').hidden = stepIn.statementId === null;
  $('actions').hidden = final && pending === undefined && stepIn.statementId === null;
}

/**
 * Runs `action(onPending)` and says how it went: a decision is done once the workflow applied it
 * (`action` resolves true; while the API's status link says it is still being applied, "pending");
 * a cancel is a signal the workflow acts on shortly. A refusal shows as the API's problem.
 */
async function act(description, action) {
  const result = $('action-result');
  result.textContent = `${description}…`;
  const onPending = () => {
    result.textContent = `${description}: pending. The workflow accepted it and is still applying it…`;
  };
  try {
    const applied = await action(onPending);
    result.textContent = applied
      ? `${description}: accepted and applied by the workflow.`
      : `${description}: accepted. The workflow acts on it shortly.`;
    showProblem(null);
    stepIn.decisionKey = '';
    await refreshNow();
  } catch (error) {
    result.textContent = `${description}: not done (see the message at the top).`;
    handleError(error);
  }
}

/** The body names the question being answered (`pending.id`), so a stale click cannot answer a later one. */
function decide(id, decision, pending) {
  const body = { decision };
  if (pending.id) body.decisionId = pending.id;
  const note = $('decision-note').value.trim();
  if (note !== '') body.note = note;
  if (decision === 'extend') {
    const extendBy = $('extend-by').value.trim();
    if (!isDuration(extendBy)) {
      showProblem(
        new ApiError(0, {
          title: 'Check the form',
          status: 0,
          detail: 'The extension is not a duration.',
          errors: [{ field: 'extendBy', message: 'A duration such as 24h or 2d' }],
        }),
      );
      $('extend-by').focus();
      return;
    }
    body.extendBy = extendBy;
  }
  if (decision === 'cancel' && !confirm('Cancel this encounter? It will not be billed.')) return;
  void act(decisionLabel(decision, pending.kind), async (onPending) => {
    await api.decide(id, body, { onPending });
    $('decision-note').value = '';
    return true;
  });
}

async function openStatement() {
  if (stepIn.statementId === null) return;
  try {
    const html = await api.statementHtml(stepIn.statementId);
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    const link = $('statement-link');
    link.href = url;
    // The opened document inherits this page's Content-Security-Policy: scripts in it do not run.
    if (window.open(url, '_blank', 'noopener') === null) {
      link.hidden = false; // a popup blocker said no: let the user click
      link.focus();
    }
    showProblem(null);
  } catch (error) {
    handleError(error);
  }
}

/** Wires the cancel form and the statement button (once, when the encounter screen is mounted). */
export function wireStepIn() {
  $('cancel-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const id = selection.id;
    if (id === null) return;
    const reason = $('cancel-reason').value.trim();
    if (!confirm('Cancel this encounter? It will not be billed.')) return;
    void act('Cancel', async () => {
      await api.cancel(id, reason);
      $('cancel-reason').value = '';
    });
  });
  $('open-statement').addEventListener('click', () => void openStatement());
}
