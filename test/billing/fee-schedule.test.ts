import { describe, expect, it } from 'vitest';
import { loadFeeSchedule, parseFeeSchedule, UnpricedProcedureError } from '../../billing/fee-schedule.ts';

const DEMO_CODES = [
  '99202', '99203', '99204', '99205', '99211', '99212', '99213', '99214', '99215', '36415', '93000', '71046', '80053',
  '85025', '70551', '70552', '70553', '72148', '73721', '20610', '11042', '12001', '29125', '95810', '90471', '90686',
  '96372', 'J1100', 'G0439',
];
const PAYERS = ['ACME-HEALTH', 'BLUE-PLAINS', 'MEDICARE-DEMO'];

describe('fee schedule', () => {
  const schedule = loadFeeSchedule();

  it('prices every demo procedure for every demo payer, allowed never above the charge', () => {
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
