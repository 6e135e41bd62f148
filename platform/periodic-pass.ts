/**
 * A background pass the worker repeats (the workflow reconciler, the payment reconciler): run now,
 * then again `intervalMs` after each pass ends, never two at once. A failed pass goes to `onError`
 * (the dependency is down: the next pass tries again) and does not stop the schedule.
 */
export interface RunningPasses {
  /** Resolves once a pass in progress has finished; no new pass starts. */
  stop(): Promise<void>;
}

export function repeatPass(intervalMs: number, pass: () => Promise<void>, onError: (error: unknown) => void): RunningPasses {
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const runOnce = () => {
    current = pass().catch(onError);
    return current;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void runOnce().then(schedule), intervalMs);
  };
  void runOnce().then(schedule);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
