/** The payment-provider sandbox over HTTP, through the product's own client. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExternalPartyRejectedError, ExternalPartyUnavailableError } from '../../integrations/errors.ts';
import { PaymentProviderClient } from '../../integrations/payment-provider-client.ts';
import { startPaymentSandbox } from '../../sandbox/payments/server.ts';
import { GENEROUS_TIMEOUT_MS, SHORT_TIMEOUT_MS, captureError, resetSandbox } from './helpers.ts';

let sandbox: Awaited<ReturnType<typeof startPaymentSandbox>>;
let provider: PaymentProviderClient;

beforeAll(async () => {
  // The timeout test card is answered after ten minutes: never while a test waits.
  sandbox = await startPaymentSandbox({ timeoutDelayMs: 600_000 });
  provider = new PaymentProviderClient(sandbox.url, { timeoutMs: GENEROUS_TIMEOUT_MS });
});
afterAll(() => sandbox.stop());
beforeEach(() => resetSandbox(sandbox.url));

async function tokenize(cardNumber: string): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(`${sandbox.url}/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:3000' },
    body: JSON.stringify({ cardNumber, expMonth: 12, expYear: 2030, cvc: '123' }),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe('payment sandbox', () => {
  it('tokenizes a card for a browser on another origin and keeps no card number', async () => {
    const preflight = await fetch(`${sandbox.url}/tokens`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:3000', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const token = await tokenize('4242424242424242');
    expect(token.status).toBe(201);
    expect(token.body).toMatchObject({ last4: '4242', brand: 'visa' });
    expect(token.body.token).toMatch(/^tok_/);
    const charge = await provider.charge({ token: token.body.token, amountCents: 1234, idempotencyKey: 'key-success-1' });
    expect(charge).toMatchObject({ status: 'succeeded', amountCents: 1234, last4: '4242', idempotencyKey: 'key-success-1' });
    const everything = JSON.stringify(await (await fetch(`${sandbox.url}/_sandbox/charges`)).json());
    expect(everything).not.toContain('4242424242424242');
  });

  it('answers the same Idempotency-Key with the same charge, charged once', async () => {
    const { body } = await tokenize('4242424242424242');
    const first = await provider.charge({ token: body.token, amountCents: 500, idempotencyKey: 'key-twice' });
    const second = await provider.charge({ token: body.token, amountCents: 500, idempotencyKey: 'key-twice' });
    expect(second).toEqual(first);
    const charges = (await (await fetch(`${sandbox.url}/_sandbox/charges`)).json()) as { items: Array<{ replays: number }> };
    expect(charges.items).toHaveLength(1);
    expect(charges.items[0]!.replays).toBe(1);
    // The same key for another amount is refused, and a used token cannot be charged again.
    expect(await captureError(provider.charge({ token: body.token, amountCents: 600, idempotencyKey: 'key-twice' }))).toMatchObject({
      status: 409,
    });
    expect(await captureError(provider.charge({ token: body.token, amountCents: 500, idempotencyKey: 'key-other' }))).toBeInstanceOf(
      ExternalPartyRejectedError,
    );
  });

  it('declines the decline test card', async () => {
    const { body } = await tokenize('4000000000000002');
    const charge = await provider.charge({ token: body.token, amountCents: 500, idempotencyKey: 'key-decline' });
    expect(charge).toMatchObject({ status: 'declined', declineCode: 'card_declined' });
  });

  it('charges the timeout test card but answers too late; the charge is found by its key', async () => {
    const { body } = await tokenize('4000000000000119');
    const hasty = new PaymentProviderClient(sandbox.url, { timeoutMs: SHORT_TIMEOUT_MS });
    const error = await captureError(hasty.charge({ token: body.token, amountCents: 700, idempotencyKey: 'key-timeout' }));
    expect(error).toBeInstanceOf(ExternalPartyUnavailableError);
    expect((error as ExternalPartyUnavailableError).kind).toBe('timeout');
    expect(await provider.findCharge('key-timeout')).toMatchObject({ status: 'succeeded', amountCents: 700 });
    expect(await provider.findCharge('key-never-used')).toBeUndefined();
  });

  it('refuses a charge without an Idempotency-Key and a token request with a bad card, naming the field', async () => {
    const noKey = await fetch(`${sandbox.url}/charges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'tok_abcdefgh', amountCents: 1, currency: 'USD' }),
    });
    expect(noKey.status).toBe(400);
    expect(JSON.stringify(await noKey.json())).toContain('Idempotency-Key');
    const bad = await tokenize('12');
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('cardNumber');
  });
});
