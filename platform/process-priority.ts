/**
 * The worker's CPU priority below the API's. On a machine where the worker, the API, the
 * Temporal server and PostgreSQL share the cores (`npm start` on two cores), the worker is
 * throughput work (coding and billing whenever it gets to it) while the API answers clinics: an
 * intake that waits behind the worker's workflow and activity tasks for the CPU is a slow answer.
 * With the worker at a higher nice value, the kernel runs the API (and the database and Temporal
 * server the API waits for) first whenever both want a core; when the API is idle, the worker
 * still has every core to itself. WORKER_NICE (platform/config.ts) sets it; 0, the default, leaves
 * it as is: measured on the shared two-core machine, 10 took 10–35 % off the API's wait for a core
 * but the worker then waits behind the Temporal server too and billed less (README).
 *
 * On Linux a nice value belongs to a thread, not to a process, and a thread inherits its
 * creator's at creation. So every thread the process already has (V8's, libuv's) is lowered,
 * and the threads it starts later (the Temporal SDK's core runtime, the workflow threads) inherit
 * it from the main thread. Raising one's own nice value needs no privilege; lowering it again does.
 */
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The thread ids of this process (Linux: /proc/self/task); elsewhere none, the process alone is lowered. */
function ownThreads(): number[] {
  try {
    return readdirSync('/proc/self/task').map(Number);
  } catch {
    return [];
  }
}

/**
 * Raises this process's nice value (every thread's) to `nice` (0..19); never lowers it. Answers
 * the nice value the process runs at.
 */
export function lowerOwnPriority(nice: number): number {
  const current = getPriority(0);
  if (nice <= current) return current;
  const threads = ownThreads();
  for (const tid of threads.length > 0 ? threads : [0]) {
    try {
      setPriority(tid, nice);
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return getPriority(0);
}
