/**
 * Summarises V8 CPU profiles (`node --cpu-prof`, `.cpuprofile` files) into the figures the speed
 * work needs: where the process's CPU went, by component (our code by folder, each dependency by
 * package, Node internals, garbage collection, idle) and the top functions by self time, each as
 * a share of the busy (non-idle) samples.
 *
 *   npx tsx scripts/profile-summary.ts FILE_OR_DIR... [--top 25] [--skip-seconds S] [--json]
 *
 * A directory means every .cpuprofile in it (one per thread: Temporal runs workflows in worker
 * threads), summed. --skip-seconds leaves out each profile's first S seconds (start-up, bundling).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '25' },
    'skip-seconds': { type: 'string', default: '0' },
    json: { type: 'boolean', default: false },
  },
});
if (positionals.length === 0) {
  process.stderr.write('usage: npx tsx scripts/profile-summary.ts FILE_OR_DIR... [--top N] [--skip-seconds S] [--json]\n');
  process.exit(2);
}
const top = Number(values.top);
const skipMicros = Number(values['skip-seconds']) * 1e6;

const files = positionals.flatMap((p) =>
  statSync(p).isDirectory()
    ? readdirSync(p)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => join(p, f))
    : [p],
);

const root = process.cwd();

/** The component a frame belongs to: a package, a folder of this repository, or a V8/Node bucket. */
export function componentOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (functionName === '(idle)') return '(idle)';
  if (functionName === '(garbage collector)') return '(garbage collector)';
  if (functionName === '(program)') return '(program: native, not JS)';
  if (url === '') return '(native / V8 builtins)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const path = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const rel = relative(root, path);
  if (!rel.startsWith('..'))
    return `ours: ${
      rel
        .split('/')
        .slice(0, rel.includes('/') ? 1 : 0)
        .join('/') || rel
    }`;
  return path;
}

/** Buckets that are not code of their own: their time belongs to the package or folder that called them. */
const isInternal = (component: string) => component.startsWith('(native') || component.startsWith('node:');

const byComponent = new Map<string, number>();
const byOwner = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
let idle = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id);
  /** The first caller (this frame included) that is a package or our code; memoised per node. */
  const ownerCache = new Map<number, string>();
  const ownerOf = (id: number): string => {
    const cached = ownerCache.get(id);
    if (cached) return cached;
    let at: number | undefined = id;
    let owner = componentOf(nodes.get(id)!.callFrame);
    while (at !== undefined && isInternal(componentOf(nodes.get(at)!.callFrame))) at = parents.get(at);
    if (at !== undefined) owner = componentOf(nodes.get(at)!.callFrame);
    ownerCache.set(id, owner);
    return owner;
  };
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (t - profile.startTime < skipMicros) continue;
    const node = nodes.get(profile.samples[i]!);
    if (!node) continue;
    const component = componentOf(node.callFrame);
    const micros = Math.max(delta, 0);
    total += micros;
    if (component === '(idle)') {
      idle += micros;
      continue;
    }
    byComponent.set(component, (byComponent.get(component) ?? 0) + micros);
    const owner = ownerOf(node.id);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + micros);
    const where = node.callFrame.url
      ? `${relative(root, node.callFrame.url.replace(/^file:\/\//, ''))}:${node.callFrame.lineNumber + 1}`
      : '';
    const name = `${node.callFrame.functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  }
}

const busy = total - idle;
const rows = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, micros]) => ({ name, ms: Math.round(micros / 1000), share: micros / busy }));
const summary = {
  files: files.length,
  busyMs: Math.round(busy / 1000),
  idleMs: Math.round(idle / 1000),
  owners: rows(byOwner),
  components: rows(byComponent),
  functions: rows(byFunction),
};
if (values.json) {
  process.stdout.write(JSON.stringify(summary) + '\n');
} else {
  const pct = (s: number) => `${(s * 100).toFixed(1).padStart(5)}%`;
  process.stdout.write(`${files.length} profile(s): ${summary.busyMs} ms busy, ${summary.idleMs} ms idle\n`);
  process.stdout.write(`\nby owner (self time; Node internals and V8 builtins charged to the package or folder that called them)\n`);
  for (const r of summary.owners) process.stdout.write(`  ${pct(r.share)} ${String(r.ms).padStart(7)} ms  ${r.name}\n`);
  process.stdout.write(`\nby component (self time)\n`);
  for (const r of summary.components) process.stdout.write(`  ${pct(r.share)} ${String(r.ms).padStart(7)} ms  ${r.name}\n`);
  process.stdout.write(`\ntop functions by self time\n`);
  for (const r of summary.functions) process.stdout.write(`  ${pct(r.share)} ${String(r.ms).padStart(7)} ms  ${r.name}\n`);
}
