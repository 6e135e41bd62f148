/** Integer-cent helpers shared by the billing modules. */
import type { Cents } from '../domain/billing.ts';

export function assertCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative integer number of cents`);
  }
}

/** 12345 -> "123.45" (no floating point involved). */
export function formatDollars(cents: Cents): string {
  assertCents(cents, 'amount');
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return `${whole}.${String(rest).padStart(2, '0')}`;
}

/** "123.45" or "123" -> 12345; throws on anything else. */
export function parseDollars(text: string): Cents {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new RangeError('not a dollar amount');
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(fraction);
}

/** amount x basisPoints / 10000, rounded half up to the cent. */
export function applyBasisPoints(amount: Cents, basisPoints: number): Cents {
  return Math.floor((amount * basisPoints + 5000) / 10000);
}

/** Signed amounts (an 835 reversal is negative): -12345 -> "-123.45". */
export function formatSignedDollars(cents: Cents): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError('amount must be an integer number of cents');
  return cents < 0 ? `-${formatDollars(-cents)}` : formatDollars(cents);
}

/** "-123.45", "123.4", "0" -> cents; throws on anything else. */
export function parseSignedDollars(text: string): Cents {
  const negative = text.startsWith('-');
  const cents = parseDollars(negative ? text.slice(1) : text);
  return negative ? -cents : cents;
}
