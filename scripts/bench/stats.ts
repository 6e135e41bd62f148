/** Small measurement helpers of the benchmarks: percentiles, rounding, CPU time of process trees from /proc. */
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export interface Summary {
  n: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export function summary(values: readonly number[]): Summary {
  return {
    n: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    max: values.length ? round(Math.max(...values)) : null,
  };
}

export const round = (value: number | undefined | null, digits = 0): number | null =>
  value === undefined || value === null || !Number.isFinite(value) ? null : Number(value.toFixed(digits));

export const ms = (v: number | null) => (v === null ? '-' : `${v} ms`);
export const latencies = (s: Summary) => `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}  (n=${s.n})`;

interface ProcStat {
  ppid: number;
  comm: string;
  cpuSeconds: number;
  rssMiB: number;
}

function readStats(): Map<number, ProcStat> {
  const stats = new Map<number, ProcStat>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return stats;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      // after the command: state(0) ppid(1) ... utime(11) stime(12) ... rss pages(21)
      stats.set(Number(entry), {
        ppid: Number(fields[1]),
        comm: stat.slice(stat.indexOf('(') + 1, close),
        cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100,
        rssMiB: (Number(fields[21]) * 4096) / 1024 / 1024,
      });
    } catch {
      // the process ended meanwhile
    }
  }
  return stats;
}

/** CPU seconds (user+system) and RSS of each given process together with its descendants. */
export function treeUsage(pids: readonly number[]): { cpuSeconds: number; rssMiB: number } {
  const stats = readStats();
  let cpuSeconds = 0;
  let rssMiB = 0;
  const frontier = [...pids];
  const seen = new Set<number>();
  while (frontier.length > 0) {
    const pid = frontier.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const s = stats.get(pid);
    if (s) {
      cpuSeconds += s.cpuSeconds;
      rssMiB += s.rssMiB;
    }
    for (const [child, c] of stats) if (c.ppid === pid) frontier.push(child);
  }
  return { cpuSeconds, rssMiB };
}

/** The 1-minute load average and the whole `uptime` line: every figure is printed with it. */
export function machineLoad(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ')}`;
  }
}

/** CPU seconds (user+system, all threads) of single processes by pid; a process that has ended is absent. */
export function processCpuSeconds(pids: readonly number[]): Map<number, number> {
  const stats = readStats();
  const cpu = new Map<number, number>();
  for (const pid of pids) {
    const s = stats.get(pid);
    if (s) cpu.set(pid, s.cpuSeconds);
  }
  return cpu;
}

/** Clock ticks of the whole machine since boot (/proc/stat): busy (all but idle and iowait) and total. */
export function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    return { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), total };
  } catch {
    return undefined;
  }
}
