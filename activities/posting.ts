/**
 * Posting a remittance (835): stored as received (raw X12 and our reading), then every claim
 * payment, service line and adjustment written in ONE statement per remittance (postingStatement),
 * so a process or session killed mid-posting leaves nothing half-posted. Posting is idempotent: the same
 * remittance delivered again (same text, or same payer and trace number) only counts the
 * delivery. Each claim payment is reconciled: charge = paid + adjustments, and the charge is our
 * claim's; otherwise it is posted with a note and the workflow sends it to review.
 *
 * Over 300 lines because the posting statement's rows and the read of what was posted
 * (postedPayments, which the workflow and the statement use) describe the same four tables.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { adjustmentWords, remarkWords } from '../billing/adjustment-reasons.ts';
import { CLAIM_STATUS_WORDS, balanceProblems, isDeniedLine } from '../billing/remittance.ts';
import type { ClaimPaymentStatus, Remittance } from '../billing/remittance.ts';
import { readX12_835, remittanceBalanceProblems } from '../billing/x12-835.ts';
import { isUniqueViolation, sqlOf } from '../platform/sql.ts';
import { insertFromJson, type Row } from './raw-insert.ts';

export interface PostingOutcome {
  remittanceId: string;
  traceNumber: string;
  /** True when this delivery repeated a remittance already posted. */
  duplicate: boolean;
  status: 'posted' | 'unreadable';
}

export interface PostingHooks {
  /** The mailbox's id of this delivery: reading the same delivery again is not counted as another one. */
  deliveryId?: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A remittance already stored: a new delivery of it is counted (a duplicate); a re-read of a delivery already seen is not. */
async function countDelivery(
  prisma: PrismaClient,
  where: Prisma.RemittanceWhereUniqueInput,
  deliveryId: string | undefined,
): Promise<PostingOutcome> {
  const known = await prisma.remittance.findUniqueOrThrow({ where });
  const reread = deliveryId !== undefined && known.deliveryIds.includes(deliveryId);
  const existing = reread
    ? known
    : await prisma.remittance.update({
        where,
        data: { deliveries: { increment: 1 }, ...(deliveryId !== undefined ? { deliveryIds: { push: deliveryId } } : {}) },
      });
  return {
    remittanceId: existing.id,
    traceNumber: existing.traceNumber,
    duplicate: !reread,
    status: existing.status as PostingOutcome['status'],
  };
}

/** Posts every remittance in one delivered 835 file. */
export async function postRemittanceFile(prisma: PrismaClient, raw: string, hooks: PostingHooks = {}): Promise<PostingOutcome[]> {
  const fileHash = sha256(raw);
  let remittances: Remittance[];
  try {
    remittances = readX12_835(raw);
  } catch (err) {
    // Kept for a person to read; nothing is posted from a file we cannot read.
    const known = await prisma.remittance.findUnique({ where: { rawSha256: fileHash } });
    if (known) return [await countDelivery(prisma, { rawSha256: fileHash }, hooks.deliveryId)];
    const stored = await prisma.remittance.create({
      data: {
        payerId: '',
        traceNumber: fileHash,
        rawSha256: fileHash,
        raw,
        status: 'unreadable',
        problem: (err as Error).message,
        deliveryIds: hooks.deliveryId !== undefined ? [hooks.deliveryId] : [],
      },
    });
    return [{ remittanceId: stored.id, traceNumber: stored.traceNumber, duplicate: false, status: 'unreadable' }];
  }
  const outcomes: PostingOutcome[] = [];
  for (const [index, remittance] of remittances.entries()) {
    const rawSha256 = remittances.length === 1 ? fileHash : sha256(`${fileHash}:${index}`);
    outcomes.push(await postOne(prisma, raw, rawSha256, remittance, hooks));
  }
  return outcomes;
}

async function postOne(
  prisma: PrismaClient,
  raw: string,
  rawSha256: string,
  remittance: Remittance,
  hooks: PostingHooks,
): Promise<PostingOutcome> {
  const identity = { payerId_traceNumber: { payerId: remittance.payerId, traceNumber: remittance.traceNumber } };
  const sql = sqlOf(prisma);
  const [known] = await sql.query<{ id: string }>(
    Prisma.sql`SELECT "id" FROM "Remittance" WHERE "payerId" = ${remittance.payerId} AND "traceNumber" = ${remittance.traceNumber}`,
  );
  if (known) return countDelivery(prisma, identity, hooks.deliveryId);
  const claims = await sql.query<{
    id: string;
    claimNumber: string;
    encounterId: string;
    totalChargeCents: number;
    payerClaimNumber: string | null;
  }>(
    Prisma.sql`SELECT "id", "claimNumber", "encounterId", "totalChargeCents", "payerClaimNumber" FROM "Claim"
               WHERE "claimNumber" = ANY(${remittance.claims.map((c) => c.claimNumber)}::text[])`,
  );
  const ours = new Map(claims.map((c) => [c.claimNumber, c]));
  const fileProblems = remittanceBalanceProblems(remittance).filter((p) => p.startsWith('BPR02'));
  // Under ids of ours, every row of the remittance in ONE statement (postingStatement).
  const remittanceId = randomUUID();
  const payments: Row[] = [];
  const lines: Row[] = [];
  const adjustments: Row[] = [];
  const events: Row[] = [];
  const payerClaimNumbers = new Map<string, string>();
  for (const [sequence, payment] of remittance.claims.entries()) {
    const claim = ours.get(payment.claimNumber);
    const problems = balanceProblems(payment);
    if (!claim) problems.push('no claim of ours has this claim number');
    else if (payment.status !== '22' && payment.chargeCents !== claim.totalChargeCents) {
      problems.push(`the payer's charge ${payment.chargeCents} is not our claim's charge ${claim.totalChargeCents}`);
    }
    const claimPaymentId = randomUUID();
    payments.push({
      id: claimPaymentId,
      remittanceId,
      sequence: sequence + 1,
      claimId: claim?.id ?? null,
      encounterId: claim?.encounterId ?? null,
      claimNumber: payment.claimNumber,
      status: payment.status,
      payerClaimNumber: payment.payerClaimNumber,
      chargeCents: payment.chargeCents,
      paidCents: payment.paidCents,
      patientResponsibilityCents: payment.patientResponsibilityCents,
      reconciled: problems.length === 0,
      reconciliationNote: problems.length > 0 ? problems.join('; ') : null,
    });
    for (const line of payment.lines) {
      lines.push({
        id: randomUUID(),
        claimPaymentId,
        lineNumber: line.lineNumber,
        code: line.code,
        modifiers: line.modifiers,
        units: Math.round(line.units),
        chargeCents: line.chargeCents,
        paidCents: line.paidCents,
        allowedCents: line.allowedCents ?? null,
        remarkCodes: line.remarkCodes,
      });
    }
    let adjustmentSequence = 0;
    for (const a of [
      ...payment.adjustments.map((a) => ({ ...a, lineNumber: null as number | null })),
      ...payment.lines.flatMap((line) => line.adjustments.map((a) => ({ ...a, lineNumber: line.lineNumber as number | null }))),
    ]) {
      adjustments.push({
        id: randomUUID(),
        claimPaymentId,
        sequence: ++adjustmentSequence,
        lineNumber: a.lineNumber,
        group: a.group,
        reasonCode: a.reasonCode,
        amountCents: a.amountCents,
      });
    }
    if (claim) {
      events.push({
        id: randomUUID(),
        claimId: claim.id,
        source: 'remittance',
        category: payment.status,
        words: `835 ${remittance.traceNumber}: ${CLAIM_STATUS_WORDS[payment.status]}, paid ${payment.paidCents} cents`,
        at: new Date(),
        key: `remittance:${remittanceId}:${sequence + 1}`,
      });
      if (payment.status !== '22' && !claim.payerClaimNumber) payerClaimNumbers.set(claim.id, payment.payerClaimNumber);
    }
  }
  const stored: Row = {
    id: remittanceId,
    payerId: remittance.payerId,
    traceNumber: remittance.traceNumber,
    rawSha256,
    raw,
    parsed: remittance,
    paymentMethod: remittance.paymentMethod,
    paymentCents: remittance.paymentCents,
    paymentDate: `${remittance.paymentDate}`,
    status: 'posted',
    problem: fileProblems.length > 0 ? fileProblems.join('; ') : null,
    deliveryIds: hooks.deliveryId !== undefined ? [hooks.deliveryId] : [],
  };
  try {
    await sql.execute(postingStatement(stored, payments, lines, adjustments, events, payerClaimNumbers));
    return { remittanceId, traceNumber: remittance.traceNumber, duplicate: false, status: 'posted' };
  } catch (err) {
    // Another delivery of the same remittance won the race: this one only counts.
    if (isUniqueViolation(err)) return countDelivery(prisma, identity, hooks.deliveryId);
    throw err;
  }
}

/**
 * The whole remittance as ONE statement (one statement is one transaction: a process or session
 * that dies while it runs leaves nothing of it): the remittance, its claim payments, their lines
 * and adjustments, one status event per claim payment of ours (keyed), and the payer's claim
 * number on our claims that have none yet, written last. Each table's rows are one parameter
 * (insertFromJson), so a remittance of any size is one statement. Before, an interactive
 * transaction of Prisma's: BEGIN, five INSERTs per claim payment, COMMIT.
 */
function postingStatement(
  remittance: Row,
  payments: Row[],
  lines: Row[],
  adjustments: Row[],
  events: Row[],
  payerClaimNumbers: Map<string, string>,
): Prisma.Sql {
  const writes = [
    insertFromJson('Remittance', [remittance]),
    insertFromJson('ClaimPayment', payments),
    insertFromJson('ServiceLinePayment', lines),
    insertFromJson('PaymentAdjustment', adjustments),
    insertFromJson('ClaimStatusEvent', events, { onConflictDoNothing: true }),
    payerClaimNumbers.size > 0
      ? Prisma.sql`UPDATE "Claim" AS c SET "payerClaimNumber" = u."payerClaimNumber", "updatedAt" = now()
          FROM jsonb_to_recordset(${JSON.stringify([...payerClaimNumbers].map(([id, payerClaimNumber]) => ({ id, payerClaimNumber })))}::jsonb)
            AS u("id" text, "payerClaimNumber" text)
          WHERE c."id" = u."id"`
      : undefined,
  ].filter((write) => write !== undefined);
  return Prisma.sql`WITH ${Prisma.join(
    writes.map((write, i) => Prisma.sql`${Prisma.raw(`write${i}`)} AS (${write})`),
    ', ',
  )} SELECT 1`;
}

export interface PostedLine {
  lineNumber: number;
  code: string;
  chargeCents: number;
  paidCents: number;
  allowedCents?: number;
  denied: boolean;
  adjustments: Array<{ group: string; reasonCode: string; amountCents: number; words: string }>;
  remarks: Array<{ code: string; words: string }>;
}

/** One claim's answer in a posted remittance, in words, as the workflow status and the API show it. */
export interface PostedClaimPayment {
  claimPaymentId: string;
  remittanceId: string;
  traceNumber: string;
  paymentDate: string;
  claimNumber: string;
  status: ClaimPaymentStatus;
  statusWords: string;
  payerClaimNumber: string;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number;
  reconciled: boolean;
  reconciliationNote?: string;
  lines: PostedLine[];
}

/** A posted claim payment as postedPayments reads it: the payment's columns, its remittance's, its lines and adjustments. */
export interface PostedPaymentRow {
  id: string;
  remittanceId: string;
  claimNumber: string;
  status: string;
  payerClaimNumber: string;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number;
  reconciled: boolean;
  reconciliationNote: string | null;
  traceNumber: string;
  /** YYYY-MM-DD */
  paymentDate: string | null;
  lines: Array<{
    lineNumber: number;
    code: string;
    modifiers: string[];
    units: number;
    chargeCents: number;
    paidCents: number;
    allowedCents: number | null;
    remarkCodes: string[];
  }>;
  adjustments: Array<{ lineNumber: number | null; group: string; reasonCode: string; amountCents: number }>;
}

/**
 * The posted payments for these claim numbers as rows (PostedPaymentRow, with their order's
 * columns "receivedAt" and "sequence"), the lines and adjustments aggregated as JSON: read on its
 * own (postedPayments) or as one column of a larger read (postedPaymentsJson).
 */
function postedPaymentRows(claimNumbers: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT cp."id", cp."remittanceId", cp."claimNumber", cp."status", cp."payerClaimNumber", cp."chargeCents", cp."paidCents",
           cp."patientResponsibilityCents", cp."reconciled", cp."reconciliationNote", r."traceNumber",
           to_char(r."paymentDate", 'YYYY-MM-DD') AS "paymentDate", r."receivedAt", cp."sequence",
           COALESCE((SELECT json_agg(json_build_object('lineNumber', l."lineNumber", 'code', l."code", 'modifiers', l."modifiers",
                       'units', l."units", 'chargeCents', l."chargeCents", 'paidCents', l."paidCents", 'allowedCents', l."allowedCents",
                       'remarkCodes', l."remarkCodes") ORDER BY l."lineNumber")
                     FROM "ServiceLinePayment" l WHERE l."claimPaymentId" = cp."id"), '[]') AS "lines",
           COALESCE((SELECT json_agg(json_build_object('lineNumber', a."lineNumber", 'group', a."group", 'reasonCode', a."reasonCode",
                       'amountCents', a."amountCents") ORDER BY a."sequence")
                     FROM "PaymentAdjustment" a WHERE a."claimPaymentId" = cp."id"), '[]') AS "adjustments"
    FROM "ClaimPayment" cp JOIN "Remittance" r ON r."id" = cp."remittanceId"
    WHERE cp."claimNumber" = ANY(${claimNumbers}::text[])`;
}

/** A column expression: every posted payment for these claim numbers, oldest first, as one JSON array (read it with postedPaymentsOf). */
export function postedPaymentsJson(claimNumbers: readonly string[]): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT json_agg(p ORDER BY p."receivedAt", p."sequence") FROM (${postedPaymentRows(claimNumbers)}) p), '[]')`;
}

/**
 * Every posted payment for these claim numbers, oldest first: one raw statement (platform/sql.ts),
 * the lines and adjustments aggregated as JSON (collectRemittances; the statement reads them with
 * its encounter, postedPaymentsJson).
 */
export async function postedPayments(prisma: PrismaClient, claimNumbers: string[]): Promise<PostedClaimPayment[]> {
  const rows = await sqlOf(prisma).query<PostedPaymentRow>(
    Prisma.sql`SELECT * FROM (${postedPaymentRows(claimNumbers)}) p ORDER BY p."receivedAt", p."sequence"`,
  );
  return postedPaymentsOf(rows);
}

/** The rows of postedPaymentRows (or postedPaymentsJson's array) as the workflow and the statement read them. */
export function postedPaymentsOf(rows: readonly PostedPaymentRow[]): PostedClaimPayment[] {
  return rows.map((row) => {
    const payment: PostedClaimPayment = {
      claimPaymentId: row.id,
      remittanceId: row.remittanceId,
      traceNumber: row.traceNumber,
      paymentDate: row.paymentDate ?? '',
      claimNumber: row.claimNumber,
      status: row.status as ClaimPaymentStatus,
      statusWords: CLAIM_STATUS_WORDS[row.status as ClaimPaymentStatus] ?? row.status,
      payerClaimNumber: row.payerClaimNumber,
      chargeCents: row.chargeCents,
      paidCents: row.paidCents,
      patientResponsibilityCents: row.patientResponsibilityCents,
      reconciled: row.reconciled,
      lines: row.lines.map((line) => {
        const adjustments = row.adjustments
          .filter((a) => a.lineNumber === line.lineNumber)
          .map((a) => ({
            group: a.group,
            reasonCode: a.reasonCode,
            amountCents: a.amountCents,
            words: adjustmentWords({ group: a.group as 'CO', reasonCode: a.reasonCode }),
          }));
        const posted: PostedLine = {
          lineNumber: line.lineNumber,
          code: line.code,
          chargeCents: line.chargeCents,
          paidCents: line.paidCents,
          denied:
            row.status !== '22' &&
            isDeniedLine({
              ...line,
              modifiers: line.modifiers,
              units: line.units,
              allowedCents: line.allowedCents ?? undefined,
              adjustments: adjustments.map((a) => ({ ...a, group: a.group as 'CO' })),
              remarkCodes: line.remarkCodes,
            }),
          adjustments,
          remarks: line.remarkCodes.map((code) => ({ code, words: remarkWords(code) })),
        };
        if (line.allowedCents !== null) posted.allowedCents = line.allowedCents;
        return posted;
      }),
    };
    if (row.reconciliationNote) payment.reconciliationNote = row.reconciliationNote;
    return payment;
  });
}
