/**
 * Facts the engine derives once and keeps: per code set (or per list of statements) and per key,
 * held weakly by the outer object so a reloaded code set drops what was derived from the old one.
 */
export function derivedOnce<Outer extends object, Key, Value>(
  cache: WeakMap<Outer, Map<Key, Value>>,
  outer: Outer,
  key: Key,
  derive: () => Value,
): Value {
  let byKey = cache.get(outer);
  if (!byKey) {
    byKey = new Map();
    cache.set(outer, byKey);
  }
  if (byKey.has(key)) return byKey.get(key) as Value;
  const value = derive();
  byKey.set(key, value);
  return value;
}

/**
 * A bounded memo of a pure function of a text, keeping what was read most recently: texts are kept
 * in a recent and an older generation of at most `half` texts each; when the recent one is full it
 * becomes the older one (the older one is forgotten), and a text found in the older one moves to the
 * recent one. A text read again within `half` other texts is never read anew, so a record's own
 * phrases stay remembered while a search reads thousands of titles (a single map cleared whole when
 * full forgot them with the titles).
 */
export class RecentlyRead<Value> {
  private recent = new Map<string, Value>();
  private older = new Map<string, Value>();

  constructor(private readonly half: number) {}

  /** The value for `key`: remembered, or computed (once while it stays remembered). */
  read(key: string, compute: (key: string) => Value): Value {
    const hit = this.recent.get(key);
    if (hit !== undefined) return hit;
    const value = this.older.get(key) ?? compute(key);
    if (this.recent.size >= this.half) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(key, value);
    return value;
  }
}
