/**
 * Records the patient-question workflow's history along its paths for the replay test
 * (test/workflows/replay.test.ts, which replays every file of test/workflows/histories/):
 * `npx tsx scripts/record-patient-question-histories.ts [name...]`. Same rules as the encounter
 * histories (test/workflows/histories/README.md): never re-record to make a failing replay pass.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import proto from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { runPatientQuestion, type QuestionHandle } from '../testkit/patient-question-drive.ts';
import { createTimeSkippingTestEnv } from '../testkit/temporal.ts';
import { bundleEncounterWorkflows } from '../worker/workflow-bundle.ts';
import { patientQuestionAnsweredSignal } from '../workflows/patient-question-messages.ts';

const HISTORIES_DIR = fileURLToPath(new URL('../test/workflows/histories/', import.meta.url));
const HOUR = 3_600_000;

type Timing = Parameters<typeof runPatientQuestion>[1];
const TIMING: Timing = { answerWithin: 48 * HOUR, reminderInterval: '24h' };

const PATHS: Record<string, { timing?: Timing; drive: (env: TestWorkflowEnvironment) => (handle: QuestionHandle) => Promise<void> }> = {
  // Reminded, escalated when late, reminded again, then answered.
  'patient-question-late-escalated-answered': {
    drive: (env) => async (handle) => {
      await env.sleep('50h');
      await handle.signal(patientQuestionAnsweredSignal, { answeredBy: 'biller-1' });
    },
  },
  // Open for days with reminders every 6 h: the first run continues as new (its history is written
  // as -run1), the last resumes the reminders and escalation and ends with the answer.
  'patient-question-continued-as-new-v2': {
    timing: { answerWithin: 48 * HOUR, reminderInterval: '6h', continueAfterEvents: 40 },
    drive: (env) => async (handle) => {
      await env.sleep('121h');
      await handle.signal(patientQuestionAnsweredSignal, { answeredBy: 'biller-1' });
    },
  },
};

function write(name: string, history: proto.temporal.api.history.v1.IHistory): void {
  writeFileSync(
    `${HISTORIES_DIR}${name}.json`,
    JSON.stringify(proto.temporal.api.history.v1.History.fromObject(history).toJSON(), null, 2) + '\n',
  );
  console.log(`recorded ${name}: ${history.events?.length ?? 0} events`);
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const [env, bundle] = await Promise.all([createTimeSkippingTestEnv(), bundleEncounterWorkflows({ logger: new DefaultLogger('WARN') })]);
  try {
    for (const [name, path] of Object.entries(PATHS)) {
      if (wanted.length > 0 && !wanted.includes(name)) continue;
      const { handle } = await runPatientQuestion({ env, bundle }, path.timing ?? TIMING, path.drive(env));
      const first = env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
      if ((await first.describe()).status.name === 'CONTINUED_AS_NEW') write(`${name}-run1`, await first.fetchHistory());
      write(name, await handle.fetchHistory());
    }
  } finally {
    await env.teardown();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
