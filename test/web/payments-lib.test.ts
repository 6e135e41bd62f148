/**
 * The pure helpers of the biller's payments and refunds (web/lib/payments.js), in Node: dollars
 * typed by a person to cents, the API's error fields to the form's inputs, methods in words. The
 * screen itself is checked in Chromium (test/browser/biller-payments.test.ts).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAYMENT_METHODS } from '../../payments/record-payment.ts';
import { REFUND_METHODS } from '../../api/routes/refunds.ts';

let lib: any;

beforeAll(async () => {
  lib = await import(pathToFileURL(fileURLToPath(new URL('../../web/lib/payments.js', import.meta.url))).href);
});

describe('web/lib/payments.js', () => {
  it('reads dollars as people type them, and nothing else', () => {
    expect(['25', '25.5', '25.05', '$1,025.00', ' 7 ', '0', '-3'].map((t) => lib.centsFromDollars(t))).toEqual([
      2_500, 2_550, 2_505, 102_500, 700, 0, -300,
    ]);
    for (const text of ['', 'abc', '1.234', '1e3', '12.', '.5', '--1', null]) expect(lib.centsFromDollars(text), String(text)).toBeNull();
  });

  it('puts each API error field next to its input', () => {
    expect(['amountCents', 'method', 'cardToken', 'reference', 'Idempotency-Key', 'other'].map(lib.deskPaymentInput)).toEqual([
      'amount',
      'method',
      'method',
      'reference',
      'reference',
      '',
    ]);
    expect(['method', 'reference', 'note', 'Idempotency-Key'].map(lib.refundInput)).toEqual(['method', 'reference', 'note', '']);
  });

  it('offers only methods the API takes, each in words', () => {
    for (const [value] of lib.DESK_PAYMENT_METHODS) expect(PAYMENT_METHODS).toContain(value);
    expect(lib.REFUND_METHODS.map(([value]: [string]) => value)).toEqual([...REFUND_METHODS]);
    expect(lib.paymentMethodWords('card_present')).toBe('card at the desk');
    expect(lib.refundMethodWords('check')).toBe('check mailed to the patient');
    expect([lib.balanceWords(1_050), lib.balanceWords(0), lib.balanceWords(-1_500)]).toEqual(['$10.50', '$0.00', '$15.00 overpaid']);
  });
});
