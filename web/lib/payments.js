/** The biller's payments and refunds (web/screens/payment-desk.js): methods in words, amounts typed in dollars, API errors by input. */
import { dollars } from './format.js';

/** A statement's balance in words: what is owed, or how much was overpaid. */
export const balanceWords = (cents) => (cents < 0 ? `${dollars(-cents)} overpaid` : dollars(cents));

/** How a patient pays at the desk (POST /statements/:id/payments), in the order offered. */
export const DESK_PAYMENT_METHODS = [
  ['cash', 'Cash'],
  ['check', 'Check'],
  ['card_present', 'Card at the desk’s terminal'],
  ['other', 'Other'],
];

/** How a refund goes back to the patient (POST /refunds/:id/complete). */
export const REFUND_METHODS = [
  ['card', 'Back to the card paid with'],
  ['check', 'Check mailed to the patient'],
  ['cash', 'Cash at the desk'],
  ['other', 'Other'],
];

const PAYMENT_METHOD_WORDS = {
  card: 'card (provider)',
  card_present: 'card at the desk',
  cash: 'cash',
  check: 'check',
  other: 'other',
};

/** A payment's method in words. */
export const paymentMethodWords = (method) => PAYMENT_METHOD_WORDS[method] ?? method;

/** A refund's method in words. */
export const refundMethodWords = (method) => (REFUND_METHODS.find(([value]) => value === method)?.[1] ?? method ?? '').toLowerCase();

/**
 * Cents from what a person typed as dollars ("25", "25.5", "$1,025.00", "-3"), or null when it is
 * not an amount. Zero and negative amounts parse: the API says why it refuses them.
 */
export function centsFromDollars(text) {
  const cleaned = String(text ?? '').replace(/[\s,$]/g, '');
  const match = /^(-?)(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (match === null) return null;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
}

/** The desk payment form's input an API error field belongs to ('amount', 'method', 'reference'), or '' (the whole form). */
export function deskPaymentInput(field) {
  if (field === 'amountCents') return 'amount';
  if (field === 'method' || field === 'cardToken') return 'method';
  if (field === 'reference' || field === 'Idempotency-Key') return 'reference';
  return '';
}

/** The refund form's input an API error field belongs to ('method', 'reference', 'note'), or '' (the whole form). */
export function refundInput(field) {
  return ['method', 'reference', 'note'].includes(field) ? field : '';
}
