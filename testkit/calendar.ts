/**
 * Days relative to the real clock (UTC), for tests whose outcome depends on how a date relates to
 * today: a date of service the intake accepts (not in the future, at most two years old), a due
 * date not yet passed, a payer's follow-up or filing limit counted from the date of service.
 * A fixed date in such a test ages and breaks it some day; a date that is only data (an X12
 * document parsed, a row read back) stays fixed.
 *
 * Evaluated when called: a module-level constant is fixed when the test file loads.
 */
const DAY_MS = 86_400_000;

/** The day `n` days before today, YYYY-MM-DD (UTC). */
export function daysAgo(n: number): string {
  return daysFromNow(-n);
}

/** The day `n` days after today, YYYY-MM-DD (UTC). */
export function daysFromNow(n: number): string {
  return new Date(Date.now() + n * DAY_MS).toISOString().slice(0, 10);
}

/** YYYY-MM-DD moved by `n` days (negative: earlier). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD day as the Date of its midnight UTC (what a Prisma `@db.Date` column takes). */
export function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
