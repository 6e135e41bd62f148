/** HTTP client of the payment provider (sandbox/payments in development): charge a token, look a charge up. */
import { callJson } from './http-json.ts';
import { chargeListSchema, chargeSchema, type Charge } from './payment-provider-contract.ts';

const PARTY = 'payment provider';

export class PaymentProviderClient {
  constructor(
    /** Base URL the product calls (server to server). */
    readonly baseUrl: string,
    private readonly options: { timeoutMs: number },
  ) {}

  /**
   * Charges a one-time token. Throws ExternalPartyUnavailableError when the answer did not come
   * (timeout, reset, 5xx): the charge may or may not have happened, ask `findCharge` later.
   */
  charge(request: { token: string; amountCents: number; idempotencyKey: string; description?: string }): Promise<Charge> {
    return callJson({
      party: PARTY,
      operation: 'POST /charges',
      url: `${this.baseUrl}/charges`,
      method: 'POST',
      headers: { 'idempotency-key': request.idempotencyKey },
      body: {
        token: request.token,
        amountCents: request.amountCents,
        currency: 'USD',
        ...(request.description ? { description: request.description } : {}),
      },
      timeoutMs: this.options.timeoutMs,
      schema: chargeSchema,
    });
  }

  /** The charge made with this idempotency key, or undefined when the provider never made one. */
  async findCharge(idempotencyKey: string): Promise<Charge | undefined> {
    const list = await callJson({
      party: PARTY,
      operation: 'GET /charges',
      url: `${this.baseUrl}/charges?idempotencyKey=${encodeURIComponent(idempotencyKey)}`,
      method: 'GET',
      timeoutMs: this.options.timeoutMs,
      schema: chargeListSchema,
    });
    return list.items[0];
  }
}
