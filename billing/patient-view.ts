/**
 * The bill as the patient page shows it: each service in plain words with its date, the
 * physician, what was charged, what the insurer pays, each adjustment explained, and what the
 * patient owes and by when. Built from the stored statement document (billing/statement.ts) and
 * the adjustments billers made afterwards; nothing here reads the database.
 *
 * A statement built from the insurer's remittance may carry per-line adjustments (X12 group +
 * reason code); when it does they are explained one by one, otherwise the statement's totals
 * (contractual discount, deductible, coinsurance, copay) are.
 */
import type { Cents } from '../domain/billing.ts';
import { ADJUSTMENT_WORDS, adjustmentKindOf, plainReason, plainServiceName, type AdjustmentKind } from './plain-language.ts';
import type { PatientStatementDocument } from './statement.ts';

export interface PatientBillService {
  lineNumber: number;
  date: string;
  code: string;
  words: string;
  units: number;
  chargeCents: Cents;
}

export interface PatientBillAdjustment {
  kind: AdjustmentKind | 'clinic_adjustment' | 'write_off';
  label: string;
  explanation: string;
  /** The payer's or the biller's reason, in plain words. */
  reason?: string;
  amountCents: Cents;
  /** Whether the patient pays this amount (deductible, coinsurance, copay, not covered) or it is taken off. */
  youPay: boolean;
  lineNumber?: number;
}

export interface PatientBillView {
  statementNumber: string;
  issuedOn: string;
  dueDate: string;
  patientName: string;
  practice: { name: string; address?: string; phone?: string };
  payerName: string;
  physicianName: string;
  dateOfService: string;
  services: PatientBillService[];
  chargedCents: Cents;
  insurerPaysCents: Cents;
  adjustments: PatientBillAdjustment[];
  /** What the patient owes now (after the clinic's adjustments). */
  amountDueCents: Cents;
  notes: string[];
}

/** A clinic adjustment or write-off a biller applied (StatementAdjustment, status applied). */
export interface AppliedClinicAdjustment {
  kind: 'adjustment' | 'write_off';
  amountCents: Cents;
  reason: string;
}

interface RemitLineAdjustment {
  group: string;
  reason: string;
  amountCents: number;
}

/** Per-line remittance adjustments, when the statement document carries them (loosely read). */
function lineAdjustments(line: unknown): RemitLineAdjustment[] {
  const raw = (line as { adjustments?: unknown }).adjustments;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((a: unknown) => {
    const { group, groupCode, reason, reasonCode, amountCents } = a as Record<string, unknown>;
    const g = typeof group === 'string' ? group : typeof groupCode === 'string' ? groupCode : undefined;
    const r = typeof reason === 'string' ? reason : typeof reasonCode === 'string' ? reasonCode : undefined;
    return g !== undefined && r !== undefined && typeof amountCents === 'number' ? [{ group: g, reason: r, amountCents }] : [];
  });
}

function explained(kind: AdjustmentKind, amountCents: Cents, extra: Partial<PatientBillAdjustment> = {}): PatientBillAdjustment {
  const words = ADJUSTMENT_WORDS[kind];
  return {
    kind,
    label: words.label,
    explanation: words.explanation,
    amountCents,
    youPay: kind !== 'contractual' && kind !== 'other',
    ...extra,
  };
}

export function patientBillView(
  doc: PatientStatementDocument,
  context: { physicianName: string; clinicAdjustments?: readonly AppliedClinicAdjustment[] },
): PatientBillView {
  const services = doc.lines.map((line, index) => ({
    lineNumber: index + 1,
    date: line.dateOfService,
    code: [line.code, ...line.modifiers].join('-'),
    words: plainServiceName(line.code, line.description),
    units: line.units,
    chargeCents: line.chargeCents,
  }));
  const t = doc.totals;
  const perLine = doc.lines.flatMap((line, index) => lineAdjustments(line).map((a) => ({ ...a, lineNumber: index + 1 })));
  const adjustments: PatientBillAdjustment[] = [];
  if (perLine.length > 0) {
    for (const a of perLine) {
      const kind = adjustmentKindOf(a.group, a.reason);
      const reason = kind === 'deductible' || kind === 'coinsurance' || kind === 'copay' ? undefined : plainReason(a.reason);
      adjustments.push(
        explained(kind, a.amountCents, { lineNumber: a.lineNumber, youPay: a.group === 'PR', ...(reason ? { reason } : {}) }),
      );
    }
  } else {
    if (t.adjustmentCents > 0) adjustments.push(explained('contractual', t.adjustmentCents));
    if (t.deductibleCents > 0) adjustments.push(explained('deductible', t.deductibleCents));
    if (t.coinsuranceCents > 0) adjustments.push(explained('coinsurance', t.coinsuranceCents));
    if (t.copayCents > 0) adjustments.push(explained('copay', t.copayCents));
    // What the patient owes beyond their plan's shares is what the insurer does not cover (no
    // authorization, self-pay): explained with the statement's note, the payer's reason.
    const uncovered = t.amountDueCents - t.deductibleCents - t.coinsuranceCents - t.copayCents;
    if (uncovered > 0) adjustments.push(explained('not_covered', uncovered, doc.notes[0] ? { reason: doc.notes[0] } : {}));
  }
  let clinicTotal = 0;
  for (const c of context.clinicAdjustments ?? []) {
    clinicTotal += c.amountCents;
    adjustments.push({
      kind: c.kind === 'write_off' ? 'write_off' : 'clinic_adjustment',
      label: c.kind === 'write_off' ? 'Written off by the clinic' : 'Adjusted by the clinic',
      explanation: 'The clinic took this amount off your bill.',
      reason: c.reason,
      amountCents: c.amountCents,
      youPay: false,
    });
  }
  const view: PatientBillView = {
    statementNumber: doc.statementNumber,
    issuedOn: doc.issuedOn,
    dueDate: doc.dueDate,
    patientName: doc.patient.fullName,
    practice: { ...doc.practice },
    payerName: doc.payerName,
    physicianName: context.physicianName,
    dateOfService: doc.dateOfService,
    services,
    chargedCents: t.chargeCents,
    insurerPaysCents: t.insuranceExpectedCents,
    adjustments,
    amountDueCents: Math.max(0, t.amountDueCents - clinicTotal),
    notes: [...doc.notes],
  };
  return view;
}
