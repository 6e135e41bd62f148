/**
 * The lifecycle benchmark's closing table: every phase on one line (throughput, intake latency,
 * CPU per encounter with the API's share, the load it ran under), then the ratio product/baseline
 * and the intake p99 at the sustained rates against the target: one block a report can quote.
 */
import type { LifecycleResult } from './lifecycle.ts';
import type { ProductFigures } from './phases.ts';

const dash = (value: number | null | undefined) => (value === null || value === undefined ? '-' : String(value));
const load1 = (uptime: string) =>
  uptime
    .replace(/.*load average: /, '')
    .split(',')[0]
    ?.trim() ?? '-';

function productCells(f: ProductFigures): string[] {
  return [
    `${f.accepted}/${f.posted}`,
    dash(f.billedPerMinute),
    `${dash(f.intakeMs.p50)} / ${dash(f.intakeMs.p99)}`,
    `${dash(f.cpuMsPerBilled)} (${dash(f.apiCpuMsPerBilled)})`,
  ];
}

/** Markdown table rows, then the two closing lines. */
export function summaryLines(result: LifecycleResult): string[] {
  const header = ['phase', 'accepted/posted', 'billed/min', 'intake p50 / p99 ms', 'CPU ms per encounter (API)', 'load (1 min)'];
  const rows: string[][] = [];
  const base = result.baseline;
  if (base) {
    rows.push([
      `no-op baseline, ${result.options.concurrency} clients`,
      `${base.completed}/${base.workflows}`,
      dash(base.completedPerMinute),
      '-',
      `${dash(base.cpuMsPerWorkflow)} (no API)`,
      load1(result.machine.loadAtStart),
    ]);
  }
  rows.push([
    `closed loop, ${result.options.concurrency} clients`,
    ...productCells(result.closedLoop),
    load1(result.machine.loadAtClosedLoop),
  ]);
  for (const o of result.openLoop) {
    rows.push([`open loop ${o.rate}/s${o.sustained ? ' (sustained)' : ''}`, ...productCells(o.figures), load1(o.load)]);
  }
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const sustained = result.openLoop.filter((o) => o.sustained);
  return [
    line(header),
    line(header.map(() => '---')),
    ...rows.map(line),
    `ratio product / baseline: ${dash(result.ratioProductToBaseline)} (throughput), ${dash(result.cpuRatioProductToBaseline)} (CPU per encounter / per no-op workflow)`,
    `INTAKE p99 at sustained rates: ${
      sustained.length === 0
        ? '- (no --sustained-rates)'
        : sustained
            .map((o) => `${dash(o.figures.intakeMs.p99)} ms at ${o.rate}/s (${o.figures.accepted}/${o.figures.posted} accepted)`)
            .join('; ')
    } (target < 50 ms)`,
  ];
}
