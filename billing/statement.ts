/**
 * The patient statement: what was billed per line, what insurance is expected to pay, what the
 * patient owes and by when. The statement is addressed to the patient, so it carries the name;
 * nothing in this module logs.
 */
import type { Cents, PatientResponsibility } from '../domain/billing.ts';
import type { PatientInfo } from '../domain/encounter.ts';
import type { ClaimDocument } from './types.ts';
import { formatDollars } from './money.ts';

/** A statement built from the claim that was (or would have been) sent to the insurer. */
export interface StatementFromClaimInput {
  statementNumber: string;
  /** The claim the statement explains (for self-pay: the claim that was not sent to the insurer). */
  claim: ClaimDocument;
  patient: Pick<PatientInfo, 'firstName' | 'lastName' | 'externalId'>;
  responsibility: PatientResponsibility;
  /** ISO date the statement is issued, YYYY-MM-DD. */
  issuedOn: string;
  /** Days from issuedOn until payment is due; default 30. */
  dueInDays?: number;
  /** Extra lines printed on the statement (e.g. why insurance pays nothing). */
  notes?: string[];
  /** Plain-language names of the services by code (shown next to the code). */
  lineDescriptions?: Record<string, string>;
  practicePhone?: string;
}

export interface StatementLineInput {
  code: string;
  modifiers?: string[];
  description?: string;
  units: number;
  chargeCents: Cents;
  allowedCents: Cents;
}

/** A statement built from explicit lines (no claim document at hand). */
export interface StatementFromLinesInput {
  statementNumber: string;
  /** ISO date the statement is issued, YYYY-MM-DD. */
  statementDate: string;
  dueInDays?: number;
  patient: { fullName: string; accountNumber: string; address?: string; phone?: string };
  practice: { name: string; phone?: string; address?: string };
  dateOfService: string;
  payerName: string;
  claimNumber?: string;
  lines: StatementLineInput[];
  responsibility: PatientResponsibility;
  notes?: string[];
}

export type BuildStatementInput = StatementFromClaimInput | StatementFromLinesInput;

export interface PatientStatementLine {
  dateOfService: string;
  code: string;
  modifiers: string[];
  description: string;
  units: number;
  chargeCents: Cents;
}

export interface PatientStatementDocument {
  statementNumber: string;
  issuedOn: string;
  dueDate: string;
  patient: { fullName: string; accountNumber: string; address?: string; phone?: string };
  /** Where to send payment and whom to call (the practice's remit-to). */
  practice: { name: string; address?: string; phone?: string };
  payerName: string;
  claimNumber?: string;
  dateOfService: string;
  lines: PatientStatementLine[];
  totals: {
    chargeCents: Cents;
    /** Charges above the payer's allowed amount, written off by the practice. */
    adjustmentCents: Cents;
    allowedCents: Cents;
    insuranceExpectedCents: Cents;
    copayCents: Cents;
    deductibleCents: Cents;
    coinsuranceCents: Cents;
    amountDueCents: Cents;
  };
  notes: string[];
}

export const DEFAULT_STATEMENT_DUE_DAYS = 30;

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || Number.isNaN(date.getTime())) throw new RangeError('the issue date must be YYYY-MM-DD');
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function fromClaim(input: StatementFromClaimInput): Omit<PatientStatementDocument, 'dueDate' | 'totals'> {
  const { claim } = input;
  const address = claim.billingProvider.address;
  const practice: PatientStatementDocument['practice'] = {
    name: claim.billingProvider.name,
    address: `${address.line1}, ${address.city}, ${address.state} ${address.postalCode}`,
  };
  if (input.practicePhone !== undefined) practice.phone = input.practicePhone;
  return {
    statementNumber: input.statementNumber,
    issuedOn: input.issuedOn,
    patient: { fullName: `${input.patient.firstName} ${input.patient.lastName}`, accountNumber: input.patient.externalId },
    practice,
    payerName: claim.payerName,
    claimNumber: claim.claimNumber,
    dateOfService: claim.serviceDateFrom,
    lines: claim.lines.map((line) => ({
      dateOfService: line.dateOfService,
      code: line.code,
      modifiers: [...line.modifiers],
      description: input.lineDescriptions?.[line.code] ?? '',
      units: line.units,
      chargeCents: line.chargeCents,
    })),
    notes: [...(input.notes ?? [])],
  };
}

function fromLines(input: StatementFromLinesInput): Omit<PatientStatementDocument, 'dueDate' | 'totals'> {
  const allowedTotal = input.lines.reduce((sum, l) => sum + l.allowedCents, 0);
  const r = input.responsibility;
  if (r.patientOwesCents + r.insuranceExpectedCents !== allowedTotal) {
    throw new RangeError('patient and insurance shares must add up to the allowed total of the lines');
  }
  const document: Omit<PatientStatementDocument, 'dueDate' | 'totals'> = {
    statementNumber: input.statementNumber,
    issuedOn: input.statementDate,
    patient: { ...input.patient },
    practice: { ...input.practice },
    payerName: input.payerName,
    dateOfService: input.dateOfService,
    lines: input.lines.map((line) => ({
      dateOfService: input.dateOfService,
      code: line.code,
      modifiers: [...(line.modifiers ?? [])],
      description: line.description ?? '',
      units: line.units,
      chargeCents: line.chargeCents,
    })),
    notes: [...(input.notes ?? [])],
  };
  if (input.claimNumber !== undefined) document.claimNumber = input.claimNumber;
  return document;
}

/**
 * The statement document: from the claim (what the billing activity has) or from explicit lines.
 * The allowed total is what the patient and insurance share; the rest of the charge is adjusted off.
 */
export function buildPatientStatement(input: BuildStatementInput): PatientStatementDocument {
  const dueInDays = input.dueInDays ?? DEFAULT_STATEMENT_DUE_DAYS;
  if (!Number.isInteger(dueInDays) || dueInDays < 0) throw new RangeError('dueInDays must be a non-negative integer');
  const base = 'claim' in input ? fromClaim(input) : fromLines(input);
  const r = input.responsibility;
  const chargeCents = base.lines.reduce((sum, l) => sum + l.chargeCents, 0);
  const allowedCents = r.patientOwesCents + r.insuranceExpectedCents;
  return {
    ...base,
    dueDate: addDays(base.issuedOn, dueInDays),
    totals: {
      chargeCents,
      adjustmentCents: Math.max(0, chargeCents - allowedCents),
      allowedCents,
      insuranceExpectedCents: r.insuranceExpectedCents,
      copayCents: r.copayCents,
      deductibleCents: r.deductibleAppliedCents,
      coinsuranceCents: r.coinsuranceCents,
      amountDueCents: r.patientOwesCents,
    },
  };
}

export function escapeHtml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

const money = (cents: Cents) => `$${formatDollars(cents).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

/** A printable, self-contained HTML page (every value escaped). */
export function renderStatementHtml(doc: PatientStatementDocument): string {
  const e = escapeHtml;
  const t = doc.totals;
  const rows = doc.lines
    .map(
      (l) =>
        `<tr><td>${e(l.dateOfService)}</td><td>${e([l.code, ...l.modifiers].join('-'))}</td><td>${e(l.description)}</td>` +
        `<td class="num">${l.units}</td><td class="num">${money(l.chargeCents)}</td></tr>`,
    )
    .join('\n');
  const summary: Array<[string, Cents]> = [
    ['Total charges', t.chargeCents],
    ['Contractual adjustment', t.adjustmentCents],
    [`Expected from ${doc.payerName}`, t.insuranceExpectedCents],
    ['Copay', t.copayCents],
    ['Applied to deductible', t.deductibleCents],
    ['Coinsurance', t.coinsuranceCents],
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Statement ${e(doc.statementNumber)}</title>
<style>
  body { font-family: Georgia, serif; margin: 2rem; color: #111; }
  h1 { font-size: 1.4rem; margin-bottom: 0; }
  table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
  th, td { border-bottom: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; }
  td.num, th.num { text-align: right; }
  .due { font-size: 1.2rem; font-weight: bold; border: 2px solid #111; padding: 0.6rem; display: inline-block; }
  @media print {
    @page { size: letter; margin: 1.5cm; }
    body { margin: 0; }
    .no-print { display: none; }
    tr { page-break-inside: avoid; }
  }
</style>
</head>
<body>
<header>
  <h1>${e(doc.practice.name)}</h1>
  ${doc.practice.address ? `<div>${e(doc.practice.address)}</div>` : ''}
  ${doc.practice.phone ? `<div>${e(doc.practice.phone)}</div>` : ''}
</header>
<section>
  <p><strong>Statement</strong> ${e(doc.statementNumber)} &middot; issued ${e(doc.issuedOn)}</p>
  <p><strong>Patient</strong> ${e(doc.patient.fullName)} &middot; account ${e(doc.patient.accountNumber)}</p>
  ${doc.patient.address ? `<p>${e(doc.patient.address)}${doc.patient.phone ? ` &middot; ${e(doc.patient.phone)}` : ''}</p>` : ''}
  <p><strong>Insurance</strong> ${e(doc.payerName)}${doc.claimNumber ? ` &middot; claim ${e(doc.claimNumber)}` : ''}</p>
</section>
<table>
<thead><tr><th>Date</th><th>Code</th><th>Service</th><th class="num">Units</th><th class="num">Charge</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<table class="summary">
<tbody>
${summary.map(([label, cents]) => `<tr><td>${e(label)}</td><td class="num">${money(cents)}</td></tr>`).join('\n')}
</tbody>
</table>
${doc.notes.map((note) => `<p class="note">${e(note)}</p>`).join('\n')}
<p class="due">Amount due: ${money(t.amountDueCents)} by ${e(doc.dueDate)}</p>
<p class="remit">Please send payment to ${e(doc.practice.name)}${doc.practice.address ? `, ${e(doc.practice.address)}` : ''}${doc.practice.phone ? `; questions: ${e(doc.practice.phone)}` : ''}</p>
<p class="no-print"><button onclick="window.print()">Print</button></p>
</body>
</html>
`;
}
