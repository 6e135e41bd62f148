/**
 * The patient's statement as a PDF (pdfkit, its built-in Helvetica: no font files, no network),
 * with the same plain-language content as the page: services, charges, what the insurer pays,
 * each adjustment explained, and the amount due by the due date.
 */
import PDFDocument from 'pdfkit';
import type { PatientBillView } from '../billing/patient-view.ts';
import { formatDollars } from '../billing/money.ts';

const money = (cents: number) => `$${formatDollars(cents).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

export function renderStatementPdf(bill: PatientBillView): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // A fixed creation date keeps the same statement's PDF byte-identical between downloads.
    const doc = new PDFDocument({
      size: 'LETTER',
      margin: 54,
      info: { Title: `Statement ${bill.statementNumber}`, CreationDate: new Date(`${bill.issuedOn}T00:00:00Z`) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.font('Helvetica-Bold').fontSize(16).text(bill.practice.name);
    doc.font('Helvetica').fontSize(10);
    if (bill.practice.address) doc.text(bill.practice.address);
    if (bill.practice.phone) doc.text(bill.practice.phone);
    doc.moveDown();
    doc.fontSize(11).text(`Statement ${bill.statementNumber}, issued ${bill.issuedOn}`);
    doc.text(`For ${bill.patientName}: visit on ${bill.dateOfService} with ${bill.physicianName}`);
    doc.text(`Insurance: ${bill.payerName}`);
    doc.moveDown();

    doc.font('Helvetica-Bold').text('Services');
    doc.font('Helvetica');
    for (const s of bill.services)
      doc.text(`${s.date}  ${s.words} (code ${s.code}${s.units > 1 ? `, ${s.units} units` : ''}): ${money(s.chargeCents)}`);
    doc.moveDown();
    doc.text(`Charged: ${money(bill.chargedCents)}`);
    doc.text(`Your insurer pays: ${money(bill.insurerPaysCents)}`);
    doc.moveDown();

    doc.font('Helvetica-Bold').text('What changed the amount');
    for (const a of bill.adjustments) {
      doc.font('Helvetica-Bold').text(`${a.label}: ${money(a.amountCents)}${a.youPay ? ' (you pay)' : ' (taken off)'}`);
      doc.font('Helvetica').text(a.explanation);
      if (a.reason) doc.text(`Reason: ${a.reason}`);
    }
    for (const note of bill.notes) doc.moveDown(0.5).text(note);
    doc.moveDown();
    doc
      .font('Helvetica-Bold')
      .fontSize(14)
      .text(`You owe ${money(bill.amountDueCents)} by ${bill.dueDate}`);
    doc.end();
  });
}
