/**
 * The encounter view: the open encounter's facts, flags, open physician query, prior
 * authorization, claims, codes and stage history, with the "Step in" panel (step-in.js, with the
 * coder's override form) and the audit trail (audit-panel.js). Opened at #/encounters/<id>.
 */
import { ApiError } from '../lib/api-client.js';
import { dollars } from '../lib/format.js';
import { flagKind } from '../lib/override-body.js';
import { stageLabel } from '../lib/stages.js';
import { $, el, facts, section, table, time } from '../ui/dom.js';
import { api, handleError, viewerRole } from '../ui/session.js';
import { renderCoderReview, renderRationale } from '../coder-review.js';
import { loadAudit, renderAudit, resetAudit, wireAudit } from './audit-panel.js';
import { denialFormInUse, loadClaims, renderClaimsPanel, resetClaimsPanel } from './claims-panel.js';
import { flagsBeforeOverride, resetOverride, wireOverride } from './code-override.js';
import { selection } from './selection.js';
import { renderActions, resetStepIn, wireStepIn } from './step-in.js';

/** Wires the panels' forms (once). */
export function wireEncounterView() {
  wireStepIn();
  wireOverride();
  wireAudit();
}

/** The token changed or was forgotten: no encounter open, and ask again what this token may see. */
export function resetEncounterView() {
  closeEncounter();
  resetAudit();
  resetClaimsPanel();
  resetOverride();
}

/** Opens encounter `id` (from the worklist, or another screen's link): panels reset, view loaded, focus on its title. */
export function openEncounter(id) {
  selection.id = id;
  history.replaceState(null, '', `#/encounters/${encodeURIComponent(id)}`);
  resetStepIn();
  resetOverride();
  void loadDetail()
    .then(() => $('detail-title').focus())
    .catch((error) => handleError(error, 'refresh'));
}

/** No encounter open. */
export function closeEncounter() {
  selection.id = null;
  selection.view = null;
  $('detail').hidden = true;
}

function renderOpenQuery(query) {
  return section(
    'Open query to the physician',
    el('p', { className: 'question' }, query.question),
    query.clinicalIndicators.length > 0
      ? [
          el('h4', {}, 'Clinical indicators'),
          el(
            'ul',
            {},
            query.clinicalIndicators.map((i) => el('li', {}, i)),
          ),
        ]
      : null,
    query.options.length > 0
      ? [
          el('h4', {}, 'Options'),
          el(
            'ul',
            {},
            query.options.map((o) => el('li', {}, o)),
          ),
        ]
      : null,
    facts([
      ['Physician NPI', query.physicianNpi],
      ['Asked', time(query.askedAt)],
      ['Due', time(query.dueAt)],
      ['Reminders sent', String(query.remindersSent)],
    ]),
  );
}

function renderAuthorization(auth) {
  const units = auth.authorizedUnits
    ? Object.entries(auth.authorizedUnits)
        .map(([code, n]) => `${code} × ${n}`)
        .join(', ')
    : '';
  return section(
    'Prior authorization',
    facts([
      ['Outcome', auth.outcome],
      ['Attempt', String(auth.attempt)],
      ['Authorization number', auth.authNumber],
      ['Payer reference', auth.payerReference],
      ['Valid', auth.validFrom ? `${auth.validFrom} – ${auth.validTo ?? ''}` : ''],
      ['Authorized units', units],
      ['Reason', auth.reason],
    ]),
  );
}

function renderCodes(codes) {
  if (codes === null) return section('Codes', el('p', { className: 'muted' }, 'Not coded yet.'));
  const confidence = (c) => (typeof c.confidence === 'number' ? `${Math.round(c.confidence * 100)} %` : '');
  return section(
    `Codes (revision ${codes.revision})`,
    table(
      'Diagnoses',
      ['Diagnosis', 'Description', 'Confidence', 'Source'],
      codes.diagnoses.map((d) => [el('code', {}, d.code), d.description, confidence(d), d.source]),
    ),
    codes.procedures.length > 0
      ? table(
          'Procedures',
          ['Procedure', 'Description', 'Units', 'Modifiers', 'Diagnosis pointers', 'Source'],
          codes.procedures.map((p) => [
            el('code', {}, p.code),
            p.description,
            String(p.units),
            p.modifiers.join(', '),
            p.diagnosisPointers.join(', '),
            p.source,
          ]),
        )
      : null,
  );
}

function renderHistory(transitions) {
  return section(
    'History',
    transitions.length === 0
      ? el('p', { className: 'muted' }, 'No transitions yet.')
      : table(
          'Stage transitions, oldest first',
          ['When', 'From', 'To', 'Reason', 'By'],
          transitions.map((t) => [time(t.at), stageLabel(t.from), stageLabel(t.to), t.reason ?? '', t.actor ?? '']),
        ),
  );
}

/** The workflow's flags; those added since this page sent a code override are marked new. */
function renderFlags(view) {
  const since = flagsBeforeOverride(view.id);
  return section(
    'Flags',
    el(
      'ul',
      { className: 'flags' },
      view.status.flags.map((flag, i) =>
        el(
          'li',
          { className: i >= since ? `new ${flagKind(flag)}` : undefined },
          i >= since ? [el('span', { className: 'badge' }, 'new'), ' '] : null,
          flag,
        ),
      ),
    ),
  );
}

/** coder_review: why the encounter waits, and the coder's accept / physician query (web/coder-review.js). */
function renderCoderPanel(view) {
  const review = view.status.coderReview;
  const result = $('action-result');
  // A 202 is followed until the workflow applied (or refused) it; meanwhile the page says it is pending.
  const onPending = () => {
    result.textContent = 'Sent: pending. The workflow accepted it and is still applying it…';
  };
  const send = (body) =>
    api
      .coderReview(view.id, { ...body, reviewId: review.id }, { onPending })
      .then(() => {
        result.textContent = 'Done. The workflow applied it.';
        return loadDetail();
      })
      .catch((error) => {
        result.textContent = '';
        handleError(error, 'action');
      });
  return renderCoderReview({ el, section }, review, {
    canAct: viewerRole() === 'coder' || viewerRole() === null,
    actions: { accept: () => void send({ action: 'accept' }), query: (question) => void send({ action: 'query', question }) },
  });
}

/** `claims`: GET /encounters/:id/claims for billers and supervisors (null for other roles). */
export function renderDetail(view, audit = null, claims = null) {
  selection.view = view;
  const status = view.status;
  const patientName = view.patient.firstName !== undefined ? `${view.patient.firstName} ${view.patient.lastName}` : '';
  $('detail-title').textContent = `Encounter ${view.clinicEncounterId}`;
  const parts = [
    facts([
      ['Stage', el('span', { className: `stage stage-${view.stage}` }, stageLabel(view.stage))],
      ['Payer', view.payerId],
      ['Date of service', view.dateOfService],
      ['Place of service', view.placeOfService],
      ['Provider', `${view.provider.name} (NPI ${view.provider.npi})`],
      ['Patient', patientName],
      ['Received', time(view.createdAt)],
      ['Status from', view.statusSource === 'workflow' ? 'the running workflow (live)' : 'the database (the workflow did not answer)'],
    ]),
    status.flags?.length > 0 ? renderFlags(view) : null,
    status.openQuery ? renderOpenQuery(status.openQuery) : null,
    status.authorization ? renderAuthorization(status.authorization) : null,
    // Billers and supervisors see each claim's history, remittances and denials below instead.
    view.claims?.length > 0 && claims === null
      ? section(
          'Claims',
          table(
            'Claims',
            ['Claim number', 'Status', 'Charge', 'Acknowledgement', 'Submitted'],
            view.claims.map((c) => [c.claimNumber, c.status, dollars(c.totalChargeCents), c.ackStatus ?? '', time(c.submittedAt)]),
          ),
        )
      : null,
    ...renderClaimsPanel(view, claims),
    status.coderReview ? renderCoderPanel(view) : null,
    renderCodes(view.codes),
    renderRationale({ el, section }, view),
    renderHistory(status.history ?? []),
  ];
  $('detail-body').replaceChildren(...parts.filter((part) => part !== null));
  renderAudit(view.id, audit);
  renderActions(view);
  $('detail').hidden = false;
}

export async function loadDetail() {
  if (selection.id === null || denialFormInUse()) return;
  const id = selection.id;
  try {
    const [view, audit, claims] = await Promise.all([api.getEncounter(id), loadAudit(id), loadClaims(id)]);
    if (id !== selection.id) return; // the person chose another encounter meanwhile
    renderDetail(view, audit, claims);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      closeEncounter();
      history.replaceState(null, '', '#/encounters');
    }
    throw error;
  }
}
