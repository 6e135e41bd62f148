/**
 * The fee schedule: per payer and procedure code (optionally per modifier), the clinic's charge
 * and the payer's allowed amount, both per unit in cents. Loaded from a small CSV file
 * (data/fee-schedule.csv): header `payerId,code,modifier,chargeCents,allowedCents`, `#` comments.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Cents } from '../domain/billing.ts';

/** The payer id of the clinic's self-pay (cash) price list in the fee schedule. */
export const SELF_PAY_PRICE_LIST = 'SELF-PAY';

export const DEFAULT_FEE_SCHEDULE_PATH = fileURLToPath(new URL('../data/fee-schedule.csv', import.meta.url));

export interface FeeScheduleRow {
  payerId: string;
  code: string;
  /** Empty string for the global (unmodified) rate. */
  modifier: string;
  chargeCents: Cents;
  allowedCents: Cents;
}

export interface LinePrice {
  /** The clinic's charge for one unit. */
  unitPriceCents: Cents;
  /** unitPriceCents x units. */
  chargeCents: Cents;
  /** The payer's allowed amount for all units. */
  allowedCents: Cents;
}

export class UnpricedProcedureError extends Error {
  constructor(
    readonly payerId: string,
    readonly code: string,
  ) {
    super(`No fee schedule entry for procedure ${code} under payer ${payerId}`);
    this.name = 'UnpricedProcedureError';
  }
}

const EXPECTED_HEADER = ['payerId', 'code', 'modifier', 'chargeCents', 'allowedCents'];

function parseCentsCell(cell: string, lineNumber: number, column: string): Cents {
  if (!/^\d+$/.test(cell)) throw new Error(`fee schedule line ${lineNumber}: ${column} must be whole cents`);
  return Number(cell);
}

export function parseFeeSchedule(csv: string): FeeSchedule {
  const rows: FeeScheduleRow[] = [];
  let headerSeen = false;
  csv.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split(',').map((cell) => cell.trim());
    if (!headerSeen) {
      if (cells.join(',') !== EXPECTED_HEADER.join(',')) {
        throw new Error(`fee schedule header must be ${EXPECTED_HEADER.join(',')}`);
      }
      headerSeen = true;
      return;
    }
    const lineNumber = index + 1;
    if (cells.length !== EXPECTED_HEADER.length) {
      throw new Error(`fee schedule line ${lineNumber}: expected ${EXPECTED_HEADER.length} columns`);
    }
    const [payerId = '', code = '', modifier = '', charge = '', allowed = ''] = cells;
    if (payerId === '' || code === '') throw new Error(`fee schedule line ${lineNumber}: payerId and code are required`);
    rows.push({
      payerId,
      code,
      modifier,
      chargeCents: parseCentsCell(charge, lineNumber, 'chargeCents'),
      allowedCents: parseCentsCell(allowed, lineNumber, 'allowedCents'),
    });
  });
  if (!headerSeen) throw new Error('fee schedule is empty');
  return new FeeSchedule(rows);
}

export function loadFeeSchedule(path: string = DEFAULT_FEE_SCHEDULE_PATH): FeeSchedule {
  return parseFeeSchedule(readFileSync(path, 'utf8'));
}

export class FeeSchedule {
  private readonly byKey = new Map<string, FeeScheduleRow>();

  constructor(readonly rows: readonly FeeScheduleRow[]) {
    for (const row of rows) {
      const key = FeeSchedule.key(row.payerId, row.code, row.modifier);
      if (this.byKey.has(key)) throw new Error(`fee schedule has two rows for ${row.payerId} ${row.code} ${row.modifier}`);
      this.byKey.set(key, row);
    }
  }

  private static key(payerId: string, code: string, modifier: string): string {
    return `${payerId}|${code.toUpperCase()}|${modifier.toUpperCase()}`;
  }

  /** The row for the first modifier that has its own rate, else the global rate, else undefined. */
  findRate(payerId: string, code: string, modifiers: readonly string[] = []): FeeScheduleRow | undefined {
    for (const modifier of modifiers) {
      const row = this.byKey.get(FeeSchedule.key(payerId, code, modifier));
      if (row) return row;
    }
    return this.byKey.get(FeeSchedule.key(payerId, code, ''));
  }

  priceLine(payerId: string, code: string, modifiers: readonly string[], units: number): LinePrice {
    if (!Number.isInteger(units) || units < 1) throw new RangeError('units must be a positive integer');
    const row = this.findRate(payerId, code, modifiers);
    if (!row) throw new UnpricedProcedureError(payerId, code);
    return {
      unitPriceCents: row.chargeCents,
      chargeCents: row.chargeCents * units,
      allowedCents: row.allowedCents * units,
    };
  }
}
