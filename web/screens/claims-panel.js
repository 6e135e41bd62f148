/**
 * The encounter view's billing part, for billers and supervisors: eligibility and benefits and
 * whether the authorization covers the date of service; each claim with its status history, a
 * download of its 837P and the payer's remittances line by line, adjustments in words (group +
 * CARC, RARC remarks); the denial work items with their appeal deadlines and the biller's actions
 * (denial-actions.js). Data from GET /encounters/:id and GET /encounters/:id/claims.
 */
import { ApiError } from '../lib/api-client.js';
import { dollars } from '../lib/format.js';
import { el, facts, section, table, time } from '../ui/dom.js';
import { api, handleError, viewerRole } from '../ui/session.js';
import { reasonList } from './billing-lists.js';
import { denialActionOutcome, denialActionsForm } from './denial-actions.js';

export { denialFormInUse } from './denial-actions.js';

const BILLING_ROLES = ['biller', 'supervisor'];
/** Set after a 403 for a token of unknown role: stop asking. */
let refused = false;

/** The encounter's claims (billers, supervisors; an unknown role asks once), or null. */
export async function loadClaims(id) {
  const role = viewerRole();
  if (refused || (role !== null && !BILLING_ROLES.includes(role))) return null;
  try {
    return await api.encounterClaims(id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      refused = true;
      return null;
    }
    throw error;
  }
}

/** The token changed: ask again what it may see. */
export function resetClaimsPanel() {
  refused = false;
}

const percent = (bps) => (typeof bps === 'number' ? `${bps / 100} %` : undefined);

const ELIGIBILITY_WORDS = {
  active: 'Active',
  inactive: 'Not active',
  not_found: 'Member not found',
  member_mismatch: 'Member does not match',
};

function renderEligibility(e) {
  return section(
    'Eligibility and benefits',
    facts([
      ['Coverage', el('strong', {}, ELIGIBILITY_WORDS[e.status] ?? e.status)],
      ['Why', e.reason],
      ['Plan', e.planName],
      ['Plan dates', e.planBegin ? `${e.planBegin} to ${e.planEnd ?? 'open'}` : undefined],
      ['Copay', dollars(e.copayCents)],
      ['Coinsurance', percent(e.coinsuranceBps)],
      [
        'Deductible',
        e.deductibleCents !== undefined
          ? `${dollars(e.deductibleCents)} (met ${dollars(e.deductibleMetCents)}, remaining ${dollars(e.deductibleRemainingCents)})`
          : undefined,
      ],
      [
        'Out of pocket',
        e.outOfPocketMaxCents !== undefined
          ? `${dollars(e.outOfPocketMaxCents)} (met ${dollars(e.outOfPocketMetCents)}, remaining ${dollars(e.outOfPocketRemainingCents)})`
          : undefined,
      ],
      ['Checked', [time(e.checkedAt), e.purpose === 'before_claim' ? ' (again before the claim)' : ' (at the start)']],
    ]),
  );
}

/** Whether the authorization covers the date of service, in words. */
function authorizationValidity(auth, dateOfService) {
  if (auth === undefined) return null;
  if (auth.outcome === 'not_required') return 'Not required for these services';
  if (!auth.validFrom) return `No valid authorization (${auth.outcome})`;
  const covers = auth.validFrom <= dateOfService && (auth.validTo === undefined || dateOfService <= auth.validTo);
  const span = `${auth.validFrom} to ${auth.validTo ?? 'open'}`;
  return covers ? `Valid on the date of service (${span})` : `NOT valid on the date of service ${dateOfService} (${span})`;
}

const SOURCE_WORDS = {
  clearinghouse: 'Clearinghouse',
  'payer-acknowledgement': 'Payer acknowledgement',
  'status-inquiry': 'Status inquiry',
  remittance: 'Remittance',
};

function adjustmentsInWords(line) {
  const items = [
    ...line.adjustments.map((a) => el('li', {}, el('strong', {}, dollars(a.amountCents)), ' ', a.words)),
    ...line.remarks.map((r) => el('li', {}, el('code', {}, r.code), ' ', r.words)),
  ];
  return items.length === 0 ? el('span', { className: 'muted' }, 'None') : el('ul', { className: 'reasons' }, items);
}

function renderRemittance(r) {
  return el(
    'div',
    { className: 'remittance' },
    el('h4', {}, `Remittance ${r.traceNumber} of ${r.paymentDate}: ${r.statusWords}`),
    facts([
      ['Paid', dollars(r.paidCents)],
      ['Patient responsibility', dollars(r.patientResponsibilityCents)],
      ['Charge', dollars(r.chargeCents)],
      ['Reconciled', r.reconciled ? 'Yes: charge = paid + adjustments' : `No: ${r.reconciliationNote ?? 'see the review'}`],
    ]),
    table(
      `Remittance ${r.traceNumber}, line by line`,
      ['Line', 'Code', 'Charge', 'Paid', 'Adjustments and remarks'],
      r.lines.map((line) => [
        String(line.lineNumber),
        [el('code', {}, line.code), line.denied ? [' ', el('strong', { className: 'late' }, 'Denied')] : null],
        dollars(line.chargeCents),
        dollars(line.paidCents),
        adjustmentsInWords(line),
      ]),
    ),
  );
}

/** Fetches the 837P with the token (a plain link would carry none) and saves it as a file. */
async function download837p(claim) {
  try {
    const text = await api.claim837p(claim.id);
    const url = URL.createObjectURL(new Blob([text], { type: 'application/edi-x12' }));
    const link = el('a', { href: url, download: `837P-${claim.claimNumber}.x12`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    handleError(error);
  }
}

function renderClaim(claim) {
  const ack = claim.acknowledgement ?? {};
  return el(
    'div',
    { className: 'claim', 'data-claim-id': claim.id },
    el('h4', {}, `Claim ${claim.claimNumber}${claim.frequencyCode === '7' ? ' (corrected replacement)' : ''}`),
    facts([
      ['Status', claim.status],
      ['Charge', dollars(claim.totalChargeCents)],
      ['Payer’s claim number', claim.payerClaimNumber],
      ['Acknowledgement', ack.status ? [ack.status, ack.reasons?.length ? `: ${ack.reasons.join('; ')}` : ''] : undefined],
    ]),
    el(
      'p',
      {},
      el(
        'button',
        { type: 'button', onclick: () => void download837p(claim), 'aria-label': `Download the 837P of claim ${claim.claimNumber}` },
        'Download the 837P',
      ),
    ),
    claim.statusHistory.length === 0
      ? el('p', { className: 'muted' }, 'No status from the clearinghouse or the payer yet.')
      : table(
          `Status history of claim ${claim.claimNumber}, oldest first`,
          ['When', 'From', 'Status'],
          claim.statusHistory.map((e) => [time(e.at), SOURCE_WORDS[e.source] ?? e.source, [el('code', {}, e.category), ' ', e.words]]),
        ),
    claim.remittances.map(renderRemittance),
  );
}

const DENIAL_STATUS = {
  open: 'Open: waiting for a biller',
  appealed: 'Appealed',
  resubmitted: 'Resubmitted as a corrected claim',
  written_off: 'Written off',
  escalated: 'Deadline passed: a supervisor decides',
  resolved: 'Resolved by a later remittance',
};

function renderDenials(view, claims) {
  const now = Date.now();
  const rows = claims.denials.map((d) => {
    const overdue = d.status === 'open' && d.appealDueAt !== null && Date.parse(d.appealDueAt) <= now;
    return [
      `${d.lineNumber}`,
      el('code', {}, d.code),
      dollars(d.chargeCents),
      reasonList(d.reasons),
      el('span', { 'data-denial-status': d.status }, DENIAL_STATUS[d.status] ?? d.status),
      d.appealDueAt ? [time(d.appealDueAt), overdue ? [' ', el('strong', { className: 'late' }, 'Overdue')] : null] : '—',
      d.appealReference ?? '',
    ];
  });
  const open = claims.denials.filter((d) => d.status === 'open');
  return section(
    'Denials',
    table('Denied lines', ['Line', 'Code', 'Charge', 'Payer’s reasons', 'Status', 'Appeal by', 'Appeal reference'], rows),
    denialActionOutcome(view.id),
    open.length > 0 ? denialActionsForm(view, open) : null,
  );
}

/** The billing sections of the encounter view (empty when the viewer may not see claims). */
export function renderClaimsPanel(view, claims) {
  const status = view.status;
  const validity = authorizationValidity(status.authorization, view.dateOfService);
  return [
    status.eligibility ? renderEligibility(status.eligibility) : null,
    validity ? section('Authorization for the date of service', el('p', {}, validity)) : null,
    claims && claims.claims.length > 0 ? section('Claims, status and remittances', claims.claims.map(renderClaim)) : null,
    claims && claims.denials.length > 0 ? renderDenials(view, claims) : null,
  ].filter((part) => part !== null);
}
