/**
 * Calendar days (dates of service, dates of birth) travel as YYYY-MM-DD and are stored as a Date
 * at 00:00 UTC, which is how @db.Date columns and the DateOfService search attribute hold them.
 */

/** YYYY-MM-DD → Date at 00:00 UTC. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Date → YYYY-MM-DD (its UTC calendar day). */
export function dateToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
