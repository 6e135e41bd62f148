/**
 * Paying from the patient page: the balance and where to tokenize the card, and the payment
 * itself. The browser sends card data to the payment provider's own endpoint and gets a one-time
 * token; only that token reaches this API (api/payments.ts records and charges it). The session
 * (cookie from the access link) names the statement: a patient pays only their own statement.
 */
import { z } from 'zod';
import { PATIENT_API_PREFIX, patientSessionFrom, recordPatientAudit } from '../patient-access.ts';
import { answerPayment, balanceJson, balanceSchema, PAYMENT_PROBLEMS, PAYMENT_RESPONSES, paymentReference } from '../payments.ts';
import { statementBalance } from '../../payments/balance.ts';
import { notFound, unavailable } from '../../platform/problem.ts';
import { route } from '../route.ts';

const SESSION_PROBLEMS = { 401: 'No live patient session (open the link again)', 429: 'Too many requests from this address' };

const patientPaymentSchema = z.object({
  amountCents: z.number().int().positive().max(10_000_000).meta({ description: 'Amount to pay, in cents' }),
  cardToken: z
    .string()
    .regex(/^tok_[A-Za-z0-9_-]{8,100}$/, { message: 'A one-time token from the payment provider (tok_...)' })
    .meta({ description: 'One-time token from the payment provider’s /tokens endpoint; never a card number' }),
});

export const patientPaymentRoutes = [
  route(
    {
      method: 'get',
      path: `${PATIENT_API_PREFIX}/balance`,
      summary: 'The patient’s balance on their statement, and where the page tokenizes a card',
      roles: [],
      responses: {
        200: {
          description: 'Balance and the payment provider’s tokenization URL',
          body: balanceSchema.extend({ tokenizeUrl: z.string() }),
        },
      },
      problems: { ...SESSION_PROBLEMS, 404: 'The statement is no longer available' },
    },
    async ({ deps, req, res }) => {
      const session = await patientSessionFrom(deps.prisma, req);
      if (deps.payments === undefined) throw unavailable('Payments are not configured on this API');
      const balance = await statementBalance(deps.prisma, session.statementId);
      if (balance === undefined) throw notFound('This statement is no longer available');
      res.json({ ...balanceJson(balance), tokenizeUrl: `${deps.payments.publicUrl.replace(/\/+$/, '')}/tokens` });
    },
  ),

  route(
    {
      method: 'post',
      path: `${PATIENT_API_PREFIX}/payments`,
      summary: 'The patient pays by card (a one-time token from the provider); idempotent on the Idempotency-Key header',
      roles: [],
      body: patientPaymentSchema,
      responses: PAYMENT_RESPONSES,
      problems: { ...SESSION_PROBLEMS, ...PAYMENT_PROBLEMS },
    },
    async ({ deps, body, req, res }) => {
      const session = await patientSessionFrom(deps.prisma, req);
      const reference = paymentReference(req);
      const statement = await deps.prisma.patientStatement.findUnique({
        where: { id: session.statementId },
        select: { encounterId: true },
      });
      if (statement === null) throw notFound('This statement is no longer available');
      await recordPatientAudit(deps.prisma, {
        linkId: session.linkId,
        encounterId: statement.encounterId,
        action: 'patient.payment_submitted',
        detail: { statementId: session.statementId, amountCents: body.amountCents },
      });
      await answerPayment(deps, res, {
        statementId: session.statementId,
        amountCents: body.amountCents,
        method: 'card',
        reference: `patient:${session.linkId}:${reference}`,
        source: 'patient_page',
        recordedBy: `patient-link:${session.linkId}`,
        cardToken: body.cardToken,
      });
    },
  ),
];
