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
