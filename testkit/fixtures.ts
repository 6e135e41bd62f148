/**
 * Per-file test fixtures: each `use…` call registers a `beforeAll` that starts something and an
 * `afterAll` that stops it, and returns a stand-in that reads like the started thing itself
 * (`stack.apiUrl`, `db.prisma`) once the `beforeAll` has run. Read it inside hooks and tests,
 * never at import time (it throws there, naming what was not started yet).
 *
 * Hooks run in the order they are registered and the `afterAll`s in reverse (Vitest's default
 * `sequence.hooks: 'stack'`): a file's own `beforeAll` after a `use…` call sees it started, and
 * its own `afterAll` runs before it is stopped.
 *
 * Imports vitest: for test files only (scripts call startTestStack / createTestDatabase directly).
 */
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, serverDatabaseUrl, type TestDatabase } from './database.ts';
import { startTestStack, type TestStack, type TestStackOptions } from './stack.ts';

/** Starting the whole stack (database, Temporal dev server, bundle, sandboxes) takes minutes on a busy machine. */
const STACK_START_TIMEOUT_MS = 240_000;
/** Creating and migrating a database. */
const DATABASE_START_TIMEOUT_MS = 120_000;

/**
 * A stand-in for a value that exists only once a hook has run: property reads (and method calls,
 * bound to the value) go to `current()`; before that they throw an error naming `what`.
 */
export function standIn<T extends object>(what: string, current: () => T | undefined): T {
  const started = (): T => {
    const value = current();
    if (value === undefined) throw new Error(`${what} is not started yet: read it inside a hook or a test`);
    return value;
  };
  return new Proxy({} as T, {
    get(_, key) {
      // Not a promise: `await` on the stand-in (or vitest inspecting it) must not start anything.
      if (key === 'then' && current() === undefined) return undefined;
      const value = started();
      const property: unknown = Reflect.get(value, key, value);
      // Methods (inherited) are bound to the value; a function held as an own property is returned
      // as it is, since it may be an object in its own right (an Express app, whose `bind` is a route).
      if (typeof property !== 'function' || Object.prototype.hasOwnProperty.call(value, key)) return property;
      return Function.prototype.bind.call(property, value);
    },
    has: (_, key) => Reflect.has(started(), key),
  });
}

/** Starts a value in a `beforeAll` (with `timeoutMs`) and stops it in the matching `afterAll`; returns its stand-in. */
export function startedForFile<T extends object>(
  what: string,
  start: () => Promise<T>,
  stop: (value: T) => Promise<void>,
  timeoutMs: number,
): T {
  let value: T | undefined;
  beforeAll(async () => {
    value = await start();
  }, timeoutMs);
  afterAll(async () => {
    if (value !== undefined) await stop(value);
  });
  return standIn(what, () => value);
}

/**
 * The whole product for the file's end-to-end tests (testkit/stack.ts: database, Temporal dev
 * server, worker, API, sandboxes), started before its tests and stopped after them. Options that
 * depend on something another `beforeAll` starts (a webhook receiver's URL) go in as a function,
 * called when the stack starts.
 */
export function useTestStack(options: TestStackOptions | (() => TestStackOptions) = {}): TestStack {
  serverDatabaseUrl(); // a malformed TEST_DATABASE_URL fails the file now, before any hook runs
  return startedForFile(
    'the test stack',
    () => startTestStack(typeof options === 'function' ? options() : options),
    (stack) => stack.stop(),
    STACK_START_TIMEOUT_MS,
  );
}

/** A fresh, migrated database for the file's tests (testkit/database.ts), dropped after them. */
export function useTestDatabase(): TestDatabase {
  serverDatabaseUrl(); // a malformed TEST_DATABASE_URL fails the file now, before any hook runs
  return startedForFile('the test database', createTestDatabase, (db) => db.drop(), DATABASE_START_TIMEOUT_MS);
}
