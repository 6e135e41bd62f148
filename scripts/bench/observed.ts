/**
 * What the rest of the machine does while the benchmark measures a phase, so that "the product
 * uses N cores" can be read against where the time went instead:
 *
 * - CPU of the other processes in the work: the Temporal server (when the benchmark started it),
 *   the database's backends serving the product's connections (when the database runs on this
 *   machine) and the benchmark's own process (its clients and the sandboxes), per billed
 *   encounter; and how many of the machine's cores were busy in all (/proc/stat);
 * - the waits the Temporal SDK measures in the workers (their Prometheus metrics,
 *   WORKER_METRICS_ADDRESS): workflow and activity tasks' schedule-to-start latency (waiting for
 *   a worker slot or poller), workflow task execution and the server's answer to its completion,
 *   activity execution by activity type; means over the phase.
 */
import os from 'node:os';
import { machineTicks, processCpuSeconds, round } from './stats.ts';

export interface ObservedProcesses {
  name: string;
  /** The processes' ids now (a database's backends come and go). */
  pids(): Promise<number[]>;
}

export interface WorkerWaits {
  workflowTasks: number;
  workflowTaskScheduleToStartMs: number | null;
  workflowTaskExecutionMs: number | null;
  /** The server's answer to RespondWorkflowTaskCompleted (persisting the task's commands). */
  workflowTaskCompletionAnswerMs: number | null;
  activityTasks: number;
  activityScheduleToStartMs: number | null;
  activityCompletionAnswerMs: number | null;
  /** Mean execution time by activity type, slowest first. */
  activityExecutionMs: Array<{ activity: string; count: number; meanMs: number }>;
}

export interface Observed {
  /** CPU seconds of each observed group over the phase. */
  cpuSeconds: Record<string, number>;
  machineCoresBusy: number | null;
  waits: WorkerWaits | null;
}

interface Sample {
  at: number;
  cpu: Map<string, Map<number, number>>;
  selfCpu: number;
  ticks: ReturnType<typeof machineTicks>;
  metrics: string[];
}

const BENCH_PROCESS = 'benchmark process (clients, sandboxes)';

async function sample(groups: readonly ObservedProcesses[], metricsUrls: readonly string[]): Promise<Sample> {
  const cpu = new Map<string, Map<number, number>>();
  for (const group of groups) cpu.set(group.name, processCpuSeconds(await group.pids().catch(() => [])));
  const metrics = await Promise.all(
    metricsUrls.map((url) =>
      fetch(url, { signal: AbortSignal.timeout(5_000) })
        .then((r) => (r.ok ? r.text() : ''))
        .catch(() => ''),
    ),
  );
  const usage = process.cpuUsage();
  return { at: Date.now(), cpu, selfCpu: (usage.user + usage.system) / 1e6, ticks: machineTicks(), metrics };
}

/** Sum of a Prometheus metric's series whose labels contain every `label="value"` given. */
export function metricSum(texts: readonly string[], name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const text of texts) {
    for (const line of text.split('\n')) {
      if (!line.startsWith(name)) continue;
      const rest = line.slice(name.length);
      if (rest[0] !== '{' && rest[0] !== ' ') continue;
      const labelText = rest[0] === '{' ? rest.slice(1, rest.indexOf('}')) : '';
      if (!wanted.every((w) => labelText.split(',').includes(w))) continue;
      const value = Number(line.slice(line.lastIndexOf(' ') + 1));
      if (Number.isFinite(value)) sum += value;
    }
  }
  return sum;
}

/** The label values a metric's series carry for `label` (e.g. every activity_type seen). */
function labelValues(texts: readonly string[], name: string, label: string): string[] {
  const values = new Set<string>();
  const pattern = new RegExp(`^${name}\\{[^}]*\\b${label}="([^"]*)"`);
  for (const text of texts) for (const line of text.split('\n')) values.add(pattern.exec(line)?.[1] ?? '');
  values.delete('');
  return [...values];
}

function waitsBetween(before: string[], after: string[]): WorkerWaits | null {
  if (after.every((t) => t === '')) return null;
  const delta = (name: string, labels?: Record<string, string>) => metricSum(after, name, labels) - metricSum(before, name, labels);
  const mean = (name: string, labels?: Record<string, string>) => {
    const count = delta(`${name}_count`, labels);
    return count > 0 ? round(delta(`${name}_sum`, labels) / count, 1) : null;
  };
  const activityExecutionMs = labelValues(after, 'temporal_activity_execution_latency_count', 'activity_type')
    .map((activity) => ({
      activity,
      count: delta('temporal_activity_execution_latency_count', { activity_type: activity }),
      meanMs: mean('temporal_activity_execution_latency', { activity_type: activity }) ?? 0,
    }))
    .filter((a) => a.count > 0)
    .sort((a, b) => b.meanMs - a.meanMs);
  return {
    workflowTasks: delta('temporal_workflow_task_execution_latency_count'),
    workflowTaskScheduleToStartMs: mean('temporal_workflow_task_schedule_to_start_latency'),
    workflowTaskExecutionMs: mean('temporal_workflow_task_execution_latency'),
    workflowTaskCompletionAnswerMs: mean('temporal_request_latency', { operation: 'RespondWorkflowTaskCompleted' }),
    activityTasks: delta('temporal_activity_execution_latency_count'),
    activityScheduleToStartMs: mean('temporal_activity_schedule_to_start_latency'),
    activityCompletionAnswerMs: mean('temporal_request_latency', { operation: 'RespondActivityTaskCompleted' }),
    activityExecutionMs,
  };
}

/** Starts observing; the returned function ends the observation and gives the figures. */
export async function observe(groups: readonly ObservedProcesses[], metricsUrls: readonly string[]): Promise<() => Promise<Observed>> {
  const before = await sample(groups, metricsUrls);
  return async () => {
    const after = await sample(groups, metricsUrls);
    const cpuSeconds: Record<string, number> = {};
    for (const group of groups) {
      const start = before.cpu.get(group.name)!;
      let seconds = 0;
      // A process that started during the phase counts from zero; one that ended is lost (small).
      for (const [pid, cpu] of after.cpu.get(group.name)!) seconds += cpu - (start.get(pid) ?? 0);
      cpuSeconds[group.name] = seconds;
    }
    cpuSeconds[BENCH_PROCESS] = after.selfCpu - before.selfCpu;
    const ticks =
      before.ticks && after.ticks ? { busy: after.ticks.busy - before.ticks.busy, total: after.ticks.total - before.ticks.total } : null;
    return {
      cpuSeconds,
      machineCoresBusy: ticks && ticks.total > 0 ? round((ticks.busy / ticks.total) * os.cpus().length, 2) : null,
      waits: waitsBetween(before.metrics, after.metrics),
    };
  };
}

/** One line: each group's CPU per unit of work, and the machine's busy cores. */
export function otherCpuLine(observed: Observed, units: number, unit: string): string {
  const parts = Object.entries(observed.cpuSeconds).map(([name, s]) => `${name} ${units > 0 ? round((s * 1000) / units, 1) : '-'} ms`);
  return `${parts.join(', ')} per ${unit}; machine ${observed.machineCoresBusy ?? '-'} of ${os.cpus().length} cores busy`;
}

/** Lines on the workers' waits (SDK metrics), or none when no worker served metrics. */
export function waitLines(waits: WorkerWaits | null, units: number, unit: string): Array<[string, string]> {
  if (waits === null) return [];
  const ms = (v: number | null) => (v === null ? '-' : `${v} ms`);
  const per = (n: number) => (units > 0 ? round(n / units, 1) : '-');
  return [
    [
      'workflow tasks (SDK, mean)',
      `${per(waits.workflowTasks)} per ${unit}; schedule-to-start ${ms(waits.workflowTaskScheduleToStartMs)}, execution ${ms(waits.workflowTaskExecutionMs)} (server's answer to the completion ${ms(waits.workflowTaskCompletionAnswerMs)})`,
    ],
    [
      'activity tasks (SDK, mean)',
      `${per(waits.activityTasks)} per ${unit}; schedule-to-start ${ms(waits.activityScheduleToStartMs)}, server's answer to the completion ${ms(waits.activityCompletionAnswerMs)}`,
    ],
    [
      'activity execution (mean)',
      waits.activityExecutionMs
        .slice(0, 6)
        .map((a) => `${a.activity} ${a.meanMs} ms`)
        .join(', ') || '-',
    ],
  ];
}
