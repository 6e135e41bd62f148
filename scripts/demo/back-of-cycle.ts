/**
 * The back of the biller's cycle, as the demo shows and plays it: the claim's story after it left
 * (the payer's 277CA, claim status inquiries and their 277s, each 835 with its adjustments in
 * words), the biller who appeals a denied line with a letter of medical necessity, and the checks
 * of what the remittance says at the end (paid, the patient's share from PR adjustments, paid on
 * appeal, a status inquiry sent).
 */
import PDFDocument from 'pdfkit';
import type { ClaimStatusEntry, EncounterStatus, RemittanceView } from '../../workflows/messages.ts';
import { ApiError, RawBody } from './api.ts';
import { dollars } from './format.ts';
import type { PersonContext, PersonVerdict } from './front-of-cycle.ts';
import type { Expectation } from './samples.ts';

/** One line for a posted 835 claim payment: paid, the patient's share by reason, denied lines. */
export function remittanceLine(r: RemittanceView): string {
  const patient = r.lines
    .flatMap((l) => l.adjustments)
    .filter((a) => a.group === 'PR')
    .map((a) => `${a.words} ${dollars(a.amountCents)}`);
  const denied = r.lines.filter((l) => l.denied).map((l) => `line ${l.lineNumber} ${l.code} denied`);
  return (
    `835 ${r.traceNumber} (${r.statusWords}): charged ${dollars(r.chargeCents)}, paid ${dollars(r.paidCents)}, ` +
    `patient responsibility ${dollars(r.patientResponsibilityCents)}` +
    (patient.length > 0 ? ` (${patient.join(', ')})` : '') +
    (denied.length > 0 ? `; ${denied.join(', ')}` : '') +
    (r.reconciled ? '' : `; NOT reconciled: ${r.reconciliationNote ?? ''}`)
  );
}

/** Prints the claim status entries and remittances not printed yet; returns how many entries are printed now. */
export function reportClaimStory(status: Partial<EncounterStatus>, printed: number, say: (text: string) => void): number {
  const adjudication = status.adjudication;
  if (adjudication === undefined) return printed;
  const entries: ClaimStatusEntry[] = adjudication.claimStatusHistory;
  entries.forEach((entry, index) => {
    if (index < printed) return;
    if (entry.source === 'remittance') {
      // The workflow notes each posted claim payment as it adds it: the n-th remittance entry is the n-th payment.
      const n = entries.slice(0, index).filter((e) => e.source === 'remittance').length;
      const remittance = adjudication.remittances[n];
      say(`  ${remittance !== undefined ? remittanceLine(remittance) : entry.words}`);
    } else if (entry.source === 'status-inquiry') {
      say(`  the payer is silent: claim status inquiry (276) #${adjudication.statusInquiries}; ${entry.words}`);
    } else {
      say(`  claim status: ${entry.words}`);
    }
  });
  return entries.length;
}

/** A one-page letter of medical necessity (a real PDF, as a biller would upload). */
function letterOfMedicalNecessity(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 72 });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(14).text('Letter of medical necessity', { underline: true });
    doc.moveDown().fontSize(11).text(text);
    doc.end();
  });
}

/** Biller: reads the denial on the encounter's claims, uploads the letter and appeals (once). */
export async function billerAppeals(ctx: PersonContext): Promise<PersonVerdict> {
  const appeal = ctx.sample.appeal;
  if (appeal === undefined)
    return { outcome: 'unexpected', message: `the payer denied a line, which the path ${ctx.sample.scenario} does not expect` };
  if (ctx.acted.has('appeal')) return undefined;
  const { denials } = await ctx.api.claims(ctx.encounterId);
  const open = denials.filter((d) => d.status === 'open');
  if (open.length === 0) return undefined; // not stored yet: next poll
  ctx.acted.add('appeal');
  for (const d of open) {
    ctx.say(`  denial work item: line ${d.lineNumber} ${d.code}: ${d.reasons.join('; ')}; appeal by ${d.appealDueAt ?? '(no deadline)'}`);
  }
  const pdf = await letterOfMedicalNecessity(appeal.reason);
  const document = await ctx.api.uploadAttachment(
    ctx.encounterId,
    new RawBody(pdf, 'application/pdf'),
    appeal.document,
    `demo-letter-${ctx.encounterId}`,
  );
  try {
    await ctx.api.denialAction(
      ctx.encounterId,
      { action: 'appeal', reason: appeal.reason, attachmentIds: [document.id] },
      `demo-appeal-${ctx.encounterId}`,
    );
  } catch (error) {
    // 503: the workflow did not take the update in time; the same key again is the same action.
    if (error instanceof ApiError && error.status === 503) {
      ctx.acted.delete('appeal');
      return undefined;
    }
    throw error;
  }
  ctx.notes.set('denial_review', `a biller appealed with ${appeal.document} (${pdf.length} bytes, attachment ${document.id.slice(0, 8)}…)`);
  return undefined;
}

/** A silent payer is followed up after days of the payer directory: too long for the demo unless they are short. */
export function silentPayerVerdict(status: Partial<EncounterStatus>, deadlineAt: number): PersonVerdict {
  const next = status.adjudication?.nextFollowUpAt;
  if (next === undefined || (status.adjudication?.statusInquiries ?? 0) > 0) return undefined;
  if (Date.parse(next) < deadlineAt - 20_000) return undefined;
  return {
    outcome: 'waiting',
    message:
      `the payer is silent; the claim status inquiry (276) goes out at ${next}: ` +
      'one payer-directory day is PAYER_DAY (24h in practice; `npm run start:demo` uses 1m)',
  };
}

/** What the remittance must show at the end of the path (`expect` of the sample). */
export function remittanceProblems(status: Partial<EncounterStatus>, expect: Expectation): string[] {
  const problems: string[] = [];
  const remittances = status.adjudication?.remittances ?? [];
  const final = remittances.filter((r) => r.status !== '22').at(-1);
  if (expect.paidWithPatientResponsibility === true) {
    if (final === undefined || final.paidCents <= 0) problems.push('no paid remittance was posted');
    else if ((status.patientResponsibilityCents ?? 0) <= 0)
      problems.push('the patient owes nothing from the remittance (no PR adjustments)');
    else if (status.patientResponsibilityCents !== final.patientResponsibilityCents && remittances.length === 1) {
      problems.push(`the patient owes ${status.patientResponsibilityCents} cents but the 835 says ${final.patientResponsibilityCents}`);
    }
  }
  if (expect.paidOnAppeal === true) {
    const appealed = (status.denials ?? []).some((d) => d.status === 'appealed' && d.appealReference !== undefined);
    const reversed = remittances.some((r) => r.status === '22');
    if (!appealed) problems.push('no denial was appealed');
    if (!reversed || final === undefined || final.lines.some((l) => l.denied)) problems.push('the appeal did not end in a paid line');
  }
  if (expect.statusInquiry === true && (status.adjudication?.statusInquiries ?? 0) === 0) {
    problems.push('no claim status inquiry (276) was sent');
  }
  return problems;
}
