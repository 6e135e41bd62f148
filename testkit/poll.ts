/**
 * Waiting for a fact in tests. The limit is only there so a stuck test fails instead of hanging:
 * generous, never an assertion about speed.
 */

/**
 * Calls `probe` every `intervalMs` until it gives a value (anything but undefined, null or false)
 * and returns it; after `timeoutMs` throws "timed out waiting for <what>" (`what` may be a function,
 * read at that moment, to say where things stood).
 */
export async function until<T>(
  what: string | (() => string),
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 60_000,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
