/**
 * The payment provider's API as the product and the sandbox both read it (one zod schema each):
 * card data is exchanged for a one-time token at the provider itself (`POST /tokens`, called by
 * the patient's browser, never by us), and the product charges the token (`POST /charges`,
 * idempotent on `Idempotency-Key`). A charge whose answer never came back is looked up by that
 * key (`GET /charges?idempotencyKey=`), so a timeout never leaves us guessing.
 */
import { z } from 'zod';

export const tokenRequestSchema = z.object({
  cardNumber: z.string().regex(/^\d{12,19}$/, { error: 'must be 12 to 19 digits' }),
  expMonth: z.number().int().min(1).max(12),
  expYear: z.number().int().min(2000).max(2100),
  cvc: z.string().regex(/^\d{3,4}$/, { error: 'must be 3 or 4 digits' }),
});

export const tokenSchema = z.object({
  token: z.string().regex(/^tok_[A-Za-z0-9_-]+$/),
  last4: z.string().length(4),
  brand: z.string(),
});
export type CardToken = z.infer<typeof tokenSchema>;

export const chargeRequestSchema = z.object({
  token: z.string().regex(/^tok_[A-Za-z0-9_-]+$/, { error: 'must be a token from POST /tokens' }),
  amountCents: z.number().int().positive(),
  currency: z.literal('USD'),
  /** What the charge is for, as the merchant names it (an opaque statement id, never patient data). */
  description: z.string().max(200).optional(),
});
export type ChargeRequest = z.infer<typeof chargeRequestSchema>;

export const chargeSchema = z.object({
  id: z.string(),
  idempotencyKey: z.string(),
  status: z.enum(['succeeded', 'declined']),
  amountCents: z.number().int(),
  declineCode: z.string().optional(),
  last4: z.string().length(4),
  createdAt: z.string(),
});
export type Charge = z.infer<typeof chargeSchema>;

export const chargeListSchema = z.object({ items: z.array(chargeSchema) });
