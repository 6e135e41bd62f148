import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFeeSchedule, parseFeeSchedule, SELF_PAY_PRICE_LIST, UnpricedProcedureError } from '../../billing/fee-schedule.ts';
import { loadPayerDirectory } from '../../payers/directory.ts';

/**
 * Every code the procedure catalog knows (what the engine and a coder may bill) and every payer in
 * the directory: a code the catalog has but the fee schedule lacks makes a valid claim unbuildable
 * (it stopped a coder's 99396 in needs_review).
 */
const DEMO_CODES = readFileSync(fileURLToPath(new URL('../../data/procedures/demo-catalog.csv', import.meta.url)), 'utf8')
  .split(/\r?\n/)
  .slice(1)
  .map((line) => line.split(',')[0]!.trim())
  .filter((code) => code !== '');
const PAYERS = [...loadPayerDirectory().payers.map((p) => p.id), SELF_PAY_PRICE_LIST];

describe('fee schedule', () => {
  const schedule = loadFeeSchedule();

  it('prices every catalog procedure for every payer in the directory and on the self-pay list, allowed never above the charge', () => {
    expect(DEMO_CODES.length).toBeGreaterThan(40);
    expect(PAYERS.length).toBeGreaterThanOrEqual(3);
    for (const payer of PAYERS) {
      for (const code of DEMO_CODES) {
        const price = schedule.priceLine(payer, code, [], 1);
        expect(price.chargeCents, `${payer} ${code}`).toBeGreaterThan(0);
        expect(price.allowedCents).toBeGreaterThan(0);
        expect(price.allowedCents).toBeLessThanOrEqual(price.chargeCents);
      }
    }
  });

  it('multiplies by units and uses a modifier-specific rate when one exists', () => {
    const global = schedule.priceLine('ACME-HEALTH', '71046', [], 1);
    const professional = schedule.priceLine('ACME-HEALTH', '71046', ['26'], 1);
    expect(professional.chargeCents).toBeLessThan(global.chargeCents);
    const twice = schedule.priceLine('ACME-HEALTH', '96372', ['59'], 2);
    const once = schedule.priceLine('ACME-HEALTH', '96372', [], 1);
    expect(twice).toEqual({ unitPriceCents: once.unitPriceCents, chargeCents: 2 * once.chargeCents, allowedCents: 2 * once.allowedCents });
  });

  it('fails clearly for an unpriced code or payer', () => {
    expect(() => schedule.priceLine('ACME-HEALTH', '99999', [], 1)).toThrow(UnpricedProcedureError);
    expect(() => schedule.priceLine('NOBODY', '99213', [], 1)).toThrow(/No fee schedule entry for procedure 99213 under payer NOBODY/);
    expect(() => schedule.priceLine('ACME-HEALTH', '99213', [], 0)).toThrow(/units/);
  });

  it('rejects malformed CSV', () => {
    expect(() => parseFeeSchedule('payerId,code\nA,B')).toThrow(/header/);
    expect(() => parseFeeSchedule('payerId,code,modifier,chargeCents,allowedCents\nA,99213,,12.50,100')).toThrow(/line 2: chargeCents/);
    expect(() => parseFeeSchedule('payerId,code,modifier,chargeCents,allowedCents\nA,1,,1,1\nA,1,,2,2')).toThrow(/two rows/);
  });
});
