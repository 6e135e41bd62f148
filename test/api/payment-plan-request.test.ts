// A payment plan's first installment is due today or later, and not far ahead: a plan starting in
// the past would have its first installment missed the moment its schedule starts.
import { describe, expect, it } from 'vitest';
import { MAX_FIRST_DUE_AHEAD_DAYS, planRequestSchema } from '../../api/payment-plans.ts';
import { daysAgo, daysFromNow } from '../../testkit/calendar.ts';

const request = (firstDueDate: string) => planRequestSchema.safeParse({ installments: 3, firstDueDate, intervalDays: 30 });
const fields = (r: ReturnType<typeof request>) => (r.success ? [] : r.error.issues.map((i) => i.path.join('.')));

describe('the first due date of a payment plan', () => {
  it('today, or within the horizon, is accepted', () => {
    expect(request(daysFromNow(0)).success).toBe(true);
    expect(request(daysFromNow(MAX_FIRST_DUE_AHEAD_DAYS)).success).toBe(true);
  });

  it('in the past, or past the horizon, is refused naming the field', () => {
    expect(fields(request(daysAgo(5)))).toEqual(['firstDueDate']);
    expect(fields(request(daysFromNow(MAX_FIRST_DUE_AHEAD_DAYS + 2)))).toEqual(['firstDueDate']);
  });
});
