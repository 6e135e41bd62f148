/**
 * Payments recorded by billers (at the desk: cash, check, the desk's card terminal; or a card
 * read out on the phone and tokenized at the provider's virtual terminal) and a statement's
 * balance. The refund work items overpayments open are in api/routes/refunds.ts; the patient
 * page's own payment route is in api/routes/patient-payments.ts.
 */
import { z } from 'zod';
import { principalOf } from '../auth.ts';
import {
  answerPayment,
  balanceJson,
  balanceSchema,
  PAYMENT_PROBLEMS,
  PAYMENT_RESPONSES,
  paymentJson,
  paymentReference,
  paymentSchema,
} from '../payments.ts';
import { statementBalance } from '../../payments/balance.ts';
import { PAYMENT_METHODS } from '../../payments/record-payment.ts';
import { notFound } from '../../platform/problem.ts';
import { route } from '../route.ts';
import { safeString, statementIdParams, uuid } from '../schemas.ts';

const MAX_PAYMENT_CENTS = 10_000_000;

const deskPaymentSchema = z
  .object({
    amountCents: z
      .number()
      .int({ message: 'Must be whole cents' })
      .positive({ message: 'Must be more than $0.00' })
      .max(MAX_PAYMENT_CENTS, { message: 'Must be at most $100,000.00' })
      .meta({ description: 'Amount paid, in cents' }),
    method: z.enum(PAYMENT_METHODS).meta({
      description: 'card (with cardToken: charged through the provider), card_present (the desk’s own card terminal), cash, check, other',
    }),
    reference: safeString()
      .optional()
      .meta({ description: 'The desk’s receipt or check number; the idempotency key when there is no Idempotency-Key header' }),
    cardToken: z
      .string()
      .regex(/^tok_[A-Za-z0-9_-]{8,100}$/, { message: 'A one-time token from the payment provider (tok_...)' })
      .optional()
      .meta({ description: 'One-time token from the payment provider; never a card number' }),
  })
  .refine((body) => (body.method === 'card') === (body.cardToken !== undefined), {
    message: 'A card payment carries the provider’s cardToken, and only a card payment does',
    path: ['cardToken'],
  });

export const paymentRoutes = [
  route(
    {
      method: 'post',
      path: '/statements/:id/payments',
      summary:
        'Record a patient payment taken by a biller (desk or phone); idempotent on the Idempotency-Key header or the receipt reference',
      roles: ['biller', 'supervisor'],
      params: statementIdParams,
      body: deskPaymentSchema,
      responses: PAYMENT_RESPONSES,
      problems: PAYMENT_PROBLEMS,
    },
    async ({ deps, params, body, req, res }) => {
      if (!uuid.safeParse(params.id).success) throw notFound('No statement has this id');
      const reference = body.reference !== undefined ? `desk:${paymentReference(req, body.reference)}` : paymentReference(req);
      await answerPayment(deps, res, {
        statementId: params.id,
        amountCents: body.amountCents,
        method: body.method,
        reference,
        source: 'desk',
        recordedBy: principalOf(res).subject,
        ...(body.cardToken !== undefined ? { cardToken: body.cardToken } : {}),
      });
    },
  ),

  route(
    {
      method: 'get',
      path: '/statements/:id/balance',
      summary: 'What the patient still owes on a statement, with its payments',
      roles: ['biller', 'supervisor'],
      params: statementIdParams,
      responses: {
        200: {
          description: 'The balance and every payment, newest first',
          body: balanceSchema.extend({ payments: z.array(paymentSchema) }),
        },
      },
      problems: { 404: 'No such statement' },
    },
    async ({ deps, params, res }) => {
      const balance = uuid.safeParse(params.id).success ? await statementBalance(deps.prisma, params.id) : undefined;
      if (balance === undefined) throw notFound('No statement has this id');
      const payments = await deps.prisma.payment.findMany({
        where: { statementId: params.id },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      });
      res.json({ ...balanceJson(balance), payments: payments.map(paymentJson) });
    },
  ),
];
