/**
 * The patient statement: what was billed per line, what insurance is expected to pay, what the
 * patient owes and by when. The statement is addressed to the patient, so it carries the name;
 * nothing in this module logs.
 */
import type { Cents, PatientResponsibility } from '../domain/billing.ts';
import { formatDollars } from './money.ts';

export interface StatementLineInput {
  code: string;
  description?: string;
  units: number;
  chargeCents: Cents;
  allowedCents: Cents;
}

export interface BuildStatementInput {
  statementNumber: string;
  /** ISO date the statement is issued, YYYY-MM-DD. */
  statementDate: string;
  /** Days from statementDate until payment is due; default 30. */
  dueInDays?: number;
  patient: { fullName: string; accountNumber: string };
  practice: { name: string; phone?: string; address?: string };
  dateOfService: string;
  payerName: string;
  claimNumber?: string;
  lines: StatementLineInput[];
  responsibility: PatientResponsibility;
}

export interface PatientStatementLine {
  code: string;
  description: string;
  units: number;
  chargeCents: Cents;
  /** Charge minus the payer's allowed amount (the contractual write-off). */
  adjustmentCents: Cents;
}

export interface PatientStatementDocument {
  statementNumber: string;
  statementDate: string;
  dueDate: string;
  patient: { fullName: string; accountNumber: string };
  practice: { name: string; phone?: string; address?: string };
  dateOfService: string;
  payerName: string;
  claimNumber?: string;
  lines: PatientStatementLine[];
  totals: {
    chargeCents: Cents;
    adjustmentCents: Cents;
    allowedCents: Cents;
    insuranceExpectedCents: Cents;
    copayCents: Cents;
    deductibleCents: Cents;
    coinsuranceCents: Cents;
    amountDueCents: Cents;
  };
}

export const DEFAULT_STATEMENT_DUE_DAYS = 30;

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError('statementDate must be YYYY-MM-DD');
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function buildPatientStatement(input: BuildStatementInput): PatientStatementDocument {
  const dueInDays = input.dueInDays ?? DEFAULT_STATEMENT_DUE_DAYS;
  if (!Number.isInteger(dueInDays) || dueInDays < 0) throw new RangeError('dueInDays must be a non-negative integer');
  const lines = input.lines.map((line) => ({
    code: line.code,
    description: line.description ?? '',
    units: line.units,
    chargeCents: line.chargeCents,
    adjustmentCents: Math.max(0, line.chargeCents - line.allowedCents),
  }));
  const chargeCents = lines.reduce((sum, l) => sum + l.chargeCents, 0);
  const allowedCents = input.lines.reduce((sum, l) => sum + l.allowedCents, 0);
  const r = input.responsibility;
  if (r.patientOwesCents + r.insuranceExpectedCents !== allowedCents) {
    throw new RangeError('patient and insurance shares must add up to the allowed total of the lines');
  }
  const document: PatientStatementDocument = {
    statementNumber: input.statementNumber,
    statementDate: input.statementDate,
    dueDate: addDays(input.statementDate, dueInDays),
    patient: { ...input.patient },
    practice: { ...input.practice },
    dateOfService: input.dateOfService,
    payerName: input.payerName,
    lines,
    totals: {
      chargeCents,
      adjustmentCents: lines.reduce((sum, l) => sum + l.adjustmentCents, 0),
      allowedCents,
      insuranceExpectedCents: r.insuranceExpectedCents,
      copayCents: r.copayCents,
      deductibleCents: r.deductibleAppliedCents,
      coinsuranceCents: r.coinsuranceCents,
      amountDueCents: r.patientOwesCents,
    },
  };
  if (input.claimNumber !== undefined) document.claimNumber = input.claimNumber;
  return document;
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const money = (cents: Cents) => `$${formatDollars(cents).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

/** A printable, self-contained HTML page (every value escaped). */
export function renderStatementHtml(doc: PatientStatementDocument): string {
  const e = escapeHtml;
  const t = doc.totals;
  const rows = doc.lines
    .map(
      (l) =>
        `<tr><td>${e(doc.dateOfService)}</td><td>${e(l.code)}</td><td>${e(l.description)}</td><td class="num">${l.units}</td>` +
        `<td class="num">${money(l.chargeCents)}</td><td class="num">-${money(l.adjustmentCents)}</td></tr>`,
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
  <p><strong>Statement</strong> ${e(doc.statementNumber)} &middot; issued ${e(doc.statementDate)}</p>
  <p><strong>Patient</strong> ${e(doc.patient.fullName)} &middot; account ${e(doc.patient.accountNumber)}</p>
  <p><strong>Insurance</strong> ${e(doc.payerName)}${doc.claimNumber ? ` &middot; claim ${e(doc.claimNumber)}` : ''}</p>
</section>
<table>
<thead><tr><th>Date</th><th>Code</th><th>Service</th><th class="num">Units</th><th class="num">Charge</th><th class="num">Adjustment</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<table class="summary">
<tbody>
${summary.map(([label, cents]) => `<tr><td>${e(label)}</td><td class="num">${money(cents)}</td></tr>`).join('\n')}
</tbody>
</table>
<p class="due">Amount due: ${money(t.amountDueCents)} by ${e(doc.dueDate)}</p>
<p class="no-print"><button onclick="window.print()">Print</button></p>
</body>
</html>
`;
}
