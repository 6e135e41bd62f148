/**
 * `ms` 3.0.0-canary.1 ships its types, but its package.json "exports" does not name them, so
 * NodeNext resolution cannot find them. The one signature domain/durations.ts uses.
 */
declare module 'ms' {
  /** Milliseconds in a duration such as '72h' or '7d'; NaN when the text is not one. */
  export default function ms(value: string): number;
}
