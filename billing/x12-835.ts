/**
 * Our reader of the ASC X12 005010X221A1 835 (health care claim payment/advice) into
 * Remittance documents (billing/remittance.ts). It reads the loops posting needs:
 *
 *   BPR payment (amount, method, date)   TRN trace number   N1*PR payer (REF*2U payer id)
 *   N1*PE payee (NPI)   2100 CLP claim payment with claim-level CAS
 *   2110 SVC service line: CAS adjustments, REF*6R line item control number, AMT*B6 allowed, LQ*HE remarks
 *
 * and checks what the standard requires to balance: each line's charge = paid + adjustments,
 * each claim's charge = paid + adjustments, BPR02 = the sum of the claims' payments. A document
 * that does not read or balance throws X12ParseError (never with element values in the message).
 */
import { parseSignedDollars } from './money.ts';
import { ADJUSTMENT_GROUPS, balanceProblems } from './remittance.ts';
import type {
  AdjustmentGroup,
  ClaimPaymentStatus,
  Remittance,
  RemittanceAdjustment,
  RemittanceClaimPayment,
  RemittanceServiceLine,
} from './remittance.ts';
import { X12ParseError, isoDate, readInterchange, transactionSets } from './x12-interchange.ts';
import type { X12Segment } from './x12-interchange.ts';

export { X12ParseError } from './x12-interchange.ts';

const CLAIM_STATUSES: readonly string[] = ['1', '2', '3', '4', '19', '20', '21', '22', '23'];

function amount(value: string | undefined, what: string): number {
  try {
    return parseSignedDollars(value ?? '');
  } catch {
    throw new X12ParseError(`${what} is not an amount`);
  }
}

/** CAS*group*reason*amount*quantity*reason*amount*quantity... (up to six triples). */
function readAdjustments(segment: X12Segment): RemittanceAdjustment[] {
  const group = segment.elements[1] as AdjustmentGroup;
  if (!ADJUSTMENT_GROUPS.includes(group)) throw new X12ParseError(`CAS01 at segment ${segment.position} is not an adjustment group code`);
  const adjustments: RemittanceAdjustment[] = [];
  for (let i = 2; i + 1 < segment.elements.length; i += 3) {
    const reasonCode = segment.elements[i];
    if (!reasonCode) continue;
    const adjustment: RemittanceAdjustment = {
      group,
      reasonCode,
      amountCents: amount(segment.elements[i + 1], `CAS amount at segment ${segment.position}`),
    };
    const quantity = segment.elements[i + 2];
    if (quantity) adjustment.units = Number(quantity);
    adjustments.push(adjustment);
  }
  return adjustments;
}

function readTransaction(segments: X12Segment[], componentSeparator: string): Remittance {
  const find = (id: string, qualifier?: string) =>
    segments.find((s) => s.id === id && (qualifier === undefined || s.elements[1] === qualifier));
  const bpr = find('BPR');
  const trn = find('TRN');
  if (!bpr) throw new X12ParseError('BPR (financial information) is missing');
  if (!trn?.elements[2]) throw new X12ParseError('TRN (reassociation trace number) is missing');
  const method = bpr.elements[4];
  if (method !== 'CHK' && method !== 'ACH' && method !== 'NON') throw new X12ParseError('BPR04 payment method must be CHK, ACH or NON');

  const payerIndex = segments.findIndex((s) => s.id === 'N1' && s.elements[1] === 'PR');
  const payeeIndex = segments.findIndex((s) => s.id === 'N1' && s.elements[1] === 'PE');
  if (payerIndex === -1) throw new X12ParseError('N1*PR (payer) is missing');
  if (payeeIndex === -1) throw new X12ParseError('N1*PE (payee) is missing');
  const payerRef = segments.slice(payerIndex, payeeIndex).find((s) => s.id === 'REF' && s.elements[1] === '2U');
  const payee = segments[payeeIndex]!;

  const remittance: Remittance = {
    traceNumber: trn.elements[2],
    payerId: payerRef?.elements[2] ?? trn.elements[3] ?? '',
    payerName: segments[payerIndex]!.elements[2] ?? '',
    payeeNpi: payee.elements[3] === 'XX' ? (payee.elements[4] ?? '') : '',
    paymentMethod: method,
    paymentCents: amount(bpr.elements[2], 'BPR02'),
    paymentDate: isoDate(bpr.elements[16], 'BPR16'),
    claims: [],
  };

  let claim: RemittanceClaimPayment | undefined;
  let line: RemittanceServiceLine | undefined;
  for (const segment of segments.slice(payeeIndex + 1)) {
    const e = segment.elements;
    switch (segment.id) {
      case 'CLP': {
        if (!CLAIM_STATUSES.includes(e[2] ?? ''))
          throw new X12ParseError(`CLP02 at segment ${segment.position} is not a claim status code`);
        claim = {
          claimNumber: e[1] ?? '',
          status: e[2] as ClaimPaymentStatus,
          chargeCents: amount(e[3], 'CLP03'),
          paidCents: amount(e[4], 'CLP04'),
          patientResponsibilityCents: e[5] ? amount(e[5], 'CLP05') : 0,
          payerClaimNumber: e[7] ?? '',
          adjustments: [],
          lines: [],
        };
        if (!claim.claimNumber) throw new X12ParseError(`CLP01 at segment ${segment.position} is empty`);
        remittance.claims.push(claim);
        line = undefined;
        break;
      }
      case 'SVC': {
        if (!claim) throw new X12ParseError(`SVC at segment ${segment.position} outside a claim payment`);
        const [qualifier, code, ...modifiers] = (e[1] ?? '').split(componentSeparator);
        if (qualifier !== 'HC' || !code) throw new X12ParseError(`SVC01 at segment ${segment.position} must be an HC procedure code`);
        line = {
          lineNumber: claim.lines.length + 1,
          code,
          modifiers: modifiers.filter((m) => m !== ''),
          units: e[5] ? Number(e[5]) : 1,
          chargeCents: amount(e[2], 'SVC02'),
          paidCents: amount(e[3], 'SVC03'),
          adjustments: [],
          remarkCodes: [],
        };
        claim.lines.push(line);
        break;
      }
      case 'CAS':
        if (!claim) throw new X12ParseError(`CAS at segment ${segment.position} outside a claim payment`);
        (line ? line.adjustments : claim.adjustments).push(...readAdjustments(segment));
        break;
      case 'REF':
        if (line && e[1] === '6R') {
          const lineNumber = Number(e[2]);
          if (!Number.isInteger(lineNumber) || lineNumber < 1)
            throw new X12ParseError(`REF*6R at segment ${segment.position} is not a line number`);
          line.lineNumber = lineNumber;
        }
        break;
      case 'AMT':
        if (line && e[1] === 'B6') line.allowedCents = amount(e[2], 'AMT*B6');
        break;
      case 'LQ':
        if (line && e[1] === 'HE' && e[2]) line.remarkCodes.push(e[2]);
        break;
      case 'PLB':
        throw new X12ParseError('provider-level adjustments (PLB) are not supported yet');
      default:
        break;
    }
  }

  return remittance;
}

/** What does not add up in a remittance: each claim's balance, and BPR02 against the claims' payments. */
export function remittanceBalanceProblems(remittance: Remittance): string[] {
  const problems = remittance.claims.flatMap((c, i) => balanceProblems(c).map((p) => `claim payment ${i + 1} does not balance: ${p}`));
  const paidTotal = remittance.claims.reduce((sum, c) => sum + c.paidCents, 0);
  if (paidTotal !== remittance.paymentCents) problems.push('BPR02 does not equal the sum of the claim payments');
  return problems;
}

/**
 * Every remittance (one per 835 transaction set) in an interchange, read without judging its
 * amounts (posting keeps an unbalanced remittance and sends it to review).
 */
export function readX12_835(text: string): Remittance[] {
  const interchange = readInterchange(text);
  const groups = interchange.segments.filter((s) => s.id === 'GS');
  if (groups.some((g) => g.elements[1] !== 'HP')) throw new X12ParseError('GS01 must be HP (health care claim payment/advice)');
  return transactionSets(interchange, '835').map((set) => readTransaction(set, interchange.componentSeparator));
}

/** Every remittance in an interchange; throws unless each balances. */
export function parseX12_835(text: string): Remittance[] {
  const remittances = readX12_835(text);
  for (const remittance of remittances) {
    const problems = remittanceBalanceProblems(remittance);
    if (problems.length > 0) throw new X12ParseError(problems.join('; '));
  }
  return remittances;
}
