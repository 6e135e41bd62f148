/**
 * Durations written the way configuration and supervisors write them ('72h', '7d', '30s'), in
 * milliseconds. Parsed by `ms`, the library the Temporal SDK itself parses durations with (the
 * same version), so '72h' means here exactly what it means in a workflow timer. Pure: safe in
 * workflow code.
 */
import ms from 'ms';

/** Milliseconds in a duration; a number is taken as milliseconds already. Throws on text it cannot read. */
export function durationMs(value: string | number): number {
  if (typeof value === 'number') return value;
  const millis = ms(value);
  if (millis == null || Number.isNaN(millis)) throw new TypeError(`Invalid duration string: '${value}'`);
  return millis;
}
