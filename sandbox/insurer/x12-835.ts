/**
 * The insurer sandbox's rendering of a remittance as ASC X12 005010X221A1 (835) text, the way a
 * payer sends it through the clearinghouse: envelope, BPR/TRN, payer (N1*PR with address,
 * REF*2U, PER*BL) and payee (N1*PE with NPI), then per claim a CLP with the patient (NM1*QC),
 * and per service line SVC, DTM*472, CAS by group, REF*6R, AMT*B6 and LQ*HE. Checked against
 * pyx12's 835 map in test/sandbox/remittance-x12.test.ts.
 */
import { formatSignedDollars } from '../../billing/money.ts';
import type { AdjustmentGroup, Remittance, RemittanceAdjustment, RemittanceClaimPayment } from '../../billing/remittance.ts';

export interface RemittanceClaimToRender extends RemittanceClaimPayment {
  patient: { lastName: string; firstName: string; memberId: string };
  dateOfService: string;
  /** CMS place of service (CLP08). */
  placeOfService: string;
}

export interface RemittanceToRender extends Omit<Remittance, 'claims'> {
  claims: RemittanceClaimToRender[];
  payer: { taxId: string; address: { line1: string; city: string; state: string; postalCode: string }; phone: string };
  payeeName: string;
}

export interface Envelope835 {
  senderId: string;
  receiverId: string;
  controlNumber: number;
  date: Date;
}

const text = (value: string) =>
  value
    .replace(/[*~:^\r\n]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
const ymd = (iso: string) => iso.replaceAll('-', '');

function seg(...elements: string[]): string {
  let last = elements.length;
  while (last > 1 && elements[last - 1] === '') last--;
  return elements.slice(0, last).join('*');
}

/** One CAS segment per group, up to six reason/amount/quantity triples each. */
function casSegments(adjustments: readonly RemittanceAdjustment[]): string[] {
  const byGroup = new Map<AdjustmentGroup, RemittanceAdjustment[]>();
  for (const a of adjustments) byGroup.set(a.group, [...(byGroup.get(a.group) ?? []), a]);
  const out: string[] = [];
  for (const [group, list] of byGroup) {
    for (let i = 0; i < list.length; i += 6) {
      const triples = list
        .slice(i, i + 6)
        .flatMap((a) => [a.reasonCode, formatSignedDollars(a.amountCents), a.units !== undefined ? String(a.units) : '']);
      out.push(seg('CAS', group, ...triples));
    }
  }
  return out;
}

export function renderX12_835(remittance: RemittanceToRender, envelope: Envelope835): string {
  const iso = envelope.date.toISOString();
  const control = String(envelope.controlNumber).padStart(9, '0');
  const hhmm = iso.slice(11, 16).replace(':', '');
  const header = [
    seg(
      'ISA',
      '00',
      ''.padEnd(10),
      '00',
      ''.padEnd(10),
      'ZZ',
      text(envelope.senderId).padEnd(15).slice(0, 15),
      'ZZ',
      text(envelope.receiverId).padEnd(15).slice(0, 15),
      iso.slice(2, 10).replaceAll('-', ''),
      hhmm,
      '^',
      '00501',
      control,
      '0',
      'T',
      ':',
    ),
    seg(
      'GS',
      'HP',
      text(envelope.senderId),
      text(envelope.receiverId),
      ymd(iso.slice(0, 10)),
      hhmm,
      String(envelope.controlNumber),
      'X',
      '005010X221A1',
    ),
  ];
  const body: string[] = [seg('ST', '835', '0001')];
  const paid = remittance.paymentCents;
  body.push(
    remittance.paymentMethod === 'NON'
      ? seg('BPR', 'H', formatSignedDollars(paid), 'C', 'NON', '', '', '', '', '', '', '', '', '', '', '', ymd(remittance.paymentDate))
      : seg(
          'BPR',
          'I',
          formatSignedDollars(paid),
          'C',
          remittance.paymentMethod,
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          ymd(remittance.paymentDate),
        ),
  );
  body.push(seg('TRN', '1', text(remittance.traceNumber), `1${remittance.payer.taxId}`));
  body.push(seg('DTM', '405', ymd(remittance.paymentDate)));
  body.push(seg('N1', 'PR', text(remittance.payerName)));
  body.push(seg('N3', text(remittance.payer.address.line1)));
  body.push(
    seg('N4', text(remittance.payer.address.city), text(remittance.payer.address.state), text(remittance.payer.address.postalCode)),
  );
  body.push(seg('REF', '2U', text(remittance.payerId)));
  body.push(seg('PER', 'BL', 'PROVIDER SERVICES', 'TE', remittance.payer.phone));
  body.push(seg('N1', 'PE', text(remittance.payeeName), 'XX', remittance.payeeNpi));
  body.push(seg('LX', '1'));
  for (const claim of remittance.claims) {
    body.push(
      seg(
        'CLP',
        text(claim.claimNumber),
        claim.status,
        formatSignedDollars(claim.chargeCents),
        formatSignedDollars(claim.paidCents),
        formatSignedDollars(claim.patientResponsibilityCents),
        '12',
        text(claim.payerClaimNumber),
        claim.placeOfService,
        '1',
      ),
    );
    body.push(...casSegments(claim.adjustments));
    body.push(
      seg('NM1', 'QC', '1', text(claim.patient.lastName), text(claim.patient.firstName), '', '', '', 'MI', text(claim.patient.memberId)),
    );
    body.push(seg('DTM', '232', ymd(claim.dateOfService)));
    for (const line of claim.lines) {
      body.push(
        seg(
          'SVC',
          ['HC', line.code, ...line.modifiers].join(':'),
          formatSignedDollars(line.chargeCents),
          formatSignedDollars(line.paidCents),
          '',
          String(line.units),
        ),
      );
      body.push(seg('DTM', '472', ymd(claim.dateOfService)));
      body.push(...casSegments(line.adjustments));
      body.push(seg('REF', '6R', String(line.lineNumber)));
      if (line.allowedCents !== undefined) body.push(seg('AMT', 'B6', formatSignedDollars(line.allowedCents)));
      for (const remark of line.remarkCodes) body.push(seg('LQ', 'HE', remark));
    }
  }
  body.push(seg('SE', String(body.length + 1), '0001'));
  const trailer = [seg('GE', '1', String(envelope.controlNumber)), seg('IEA', '1', control)];
  return [...header, ...body, ...trailer].map((s) => `${s}~`).join('\n') + '\n';
}
