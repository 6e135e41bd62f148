/**
 * Replays the committed workflow histories (test/workflows/histories/*.json, recorded by
 * scripts/record-workflow-histories.ts) against the current workflow code. A change that would
 * make a running encounter take a different path on replay (a reordered, added or removed
 * activity call or timer without `patched()`) fails here before it can break workflows in
 * production. See histories/README.md for when re-recording is allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import proto from '@temporalio/proto';
import { DefaultLogger, Worker, type ReplayResult, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundleEncounterWorkflows } from '../../worker/workflow-bundle.ts';
import { quietTemporalRuntimeLogs } from '../../testkit/temporal.ts';

const HISTORIES_DIR = fileURLToPath(new URL('./histories/', import.meta.url));
/** The paths scripts/record-workflow-histories.ts records; a lost file must not pass silently. */
const MIN_HISTORIES = 8;

const files = readdirSync(HISTORIES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

let bundle: WorkflowBundleWithSourceMap;

/**
 * Decodes a recorded file (protobufjs JSON of the History message) with the same protobufjs
 * that wrote it. Handing the raw JSON to the SDK would go through its historyFromJSON, which fails
 * in this install ("type must be a Type": @temporalio/common's nested protobufjs 8 does not
 * recognise the types of @temporalio/proto).
 */
function readHistory(path: string): proto.temporal.api.history.v1.History {
  return proto.temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>);
}

beforeAll(async () => {
  quietTemporalRuntimeLogs();
  bundle = await bundleEncounterWorkflows({ logger: new DefaultLogger('WARN') });
}, 120_000);

describe('replaying recorded encounter histories', () => {
  it(`finds at least ${MIN_HISTORIES} recorded histories`, () => {
    expect(files.length).toBeGreaterThanOrEqual(MIN_HISTORIES);
  });

  it('replays them with the workflow modules preloaded: evaluated once per workflow thread, shared by its workflows', () => {
    // worker/workflow-bundle.ts WORKFLOW_PRELOAD_MODULES; the replays below run on this bundle.
    const preload = /exports\.preloadModules = function preloadModules\(\) \{([^}]*)\}/.exec(bundle.code)?.[1] ?? '';
    expect(preload).toContain('workflows/index.ts');
    expect(preload).toContain('workflows/message-authentication.ts');
  });

  it('replays every recorded history on the current workflow code without a nondeterminism error', async () => {
    const histories = files.map((file) => ({
      workflowId: file.replace(/\.json$/, ''),
      history: readHistory(HISTORIES_DIR + file),
    }));
    const results: ReplayResult[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: bundle, replayName: 'encounter-replay' }, histories)) {
      results.push(result);
    }
    const failures = results.filter((r) => r.error !== undefined).map((r) => `${r.workflowId}: ${String(r.error)}`);
    expect(failures).toEqual([]);
    expect(results.map((r) => r.workflowId).sort()).toEqual(histories.map((h) => h.workflowId).sort());
    expect(results.length).toBeGreaterThanOrEqual(MIN_HISTORIES);
  });
});
