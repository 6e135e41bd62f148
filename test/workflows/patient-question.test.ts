/**
 * The patient-question workflow on Temporal's time-skipping test server with fake activities:
 * acknowledged at once, reminders while open, escalation when the answer is late (once), the
 * answer ends it and tells the patient; a long-open question continues as new and picks up where
 * it left off; an unsigned message is refused like an encounter's.
 */
import { describe, expect, it } from 'vitest';
import { Client } from '@temporalio/client';
import { useWorkflowTestEnv } from '../../testkit/workflow-test-env.ts';
import { runPatientQuestion } from '../../testkit/patient-question-drive.ts';
import { patientQuestionAnsweredSignal } from '../../workflows/patient-question-messages.ts';

const wf = useWorkflowTestEnv();

const HOUR = 3_600_000;
const events = (calls: Array<{ args: unknown }>) => calls.map((c) => (c.args as { event: string }).event);

describe('patient question workflow', () => {
  it('acknowledges at once and, answered in time, neither reminds nor escalates', async () => {
    const { outcome, fake } = await runPatientQuestion(wf, { answerWithin: 48 * HOUR, reminderInterval: '24h' }, async (handle) => {
      await wf.env.sleep('3h');
      await handle.signal(patientQuestionAnsweredSignal, { answeredBy: 'biller-1' });
    });
    expect(outcome).toBe('answered');
    expect(fake.callsOf('acknowledgePatientQuestion')).toHaveLength(1);
    expect(fake.callsOf('recordPatientQuestionReminder')).toHaveLength(0);
    expect(fake.callsOf('escalatePatientQuestion')).toHaveLength(0);
    expect(events(fake.callsOf('sendPatientQuestionNotice'))).toEqual(['question.received', 'question.answered']);
  });

  it('reminds the billers every interval, escalates once when late, keeps reminding, and ends with the answer', async () => {
    const { outcome, fake } = await runPatientQuestion(wf, { answerWithin: 48 * HOUR, reminderInterval: '24h' }, async (handle) => {
      await wf.env.sleep('73h');
      await handle.signal(patientQuestionAnsweredSignal, { answeredBy: 'supervisor-1' });
    });
    expect(outcome).toBe('answered');
    expect(fake.callsOf('escalatePatientQuestion')).toHaveLength(1);
    expect(fake.callsOf('recordPatientQuestionReminder').map((c) => (c.args as { reminderNumber: number }).reminderNumber)).toEqual([
      1, 2, 3,
    ]);
    expect(events(fake.callsOf('sendPatientQuestionNotice'))).toEqual([
      'question.received',
      'question.reminder',
      'question.escalated',
      'question.reminder',
      'question.reminder',
      'question.answered',
    ]);
  });

  it('continues as new when its history is long, resuming the reminders and the escalation without a second acknowledgement', async () => {
    const { outcome, fake, handle } = await runPatientQuestion(
      wf,
      { answerWithin: 48 * HOUR, reminderInterval: '6h', continueAfterEvents: 40 },
      async (running) => {
        await wf.env.sleep('121h');
        await running.signal(patientQuestionAnsweredSignal, { answeredBy: 'biller-1' });
      },
    );
    expect(outcome).toBe('answered');
    const first = await wf.env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).describe();
    expect(first.status.name).toBe('CONTINUED_AS_NEW');
    expect(fake.callsOf('acknowledgePatientQuestion')).toHaveLength(1);
    expect(fake.callsOf('escalatePatientQuestion')).toHaveLength(1);
    // Reminders counted on across runs: 1..20, each once.
    expect(fake.callsOf('recordPatientQuestionReminder').map((c) => (c.args as { reminderNumber: number }).reminderNumber)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const sent = events(fake.callsOf('sendPatientQuestionNotice'));
    expect(sent.filter((e) => e === 'question.received')).toHaveLength(1);
    expect(sent.at(-1)).toBe('question.answered');
  });

  it('refuses an answer signal without the API’s proof (audited without an encounter id)', async () => {
    const { outcome, fake } = await runPatientQuestion(
      wf,
      { answerWithin: 48 * HOUR, reminderInterval: '24h' },
      async (handle, running) => {
        const unsigned = new Client({ connection: wf.env.connection, namespace: wf.env.namespace ?? 'default' });
        await unsigned.workflow.getHandle(handle.workflowId).signal(patientQuestionAnsweredSignal, { answeredBy: 'forger' });
        await wf.env.sleep('1h');
        expect(events(running.callsOf('sendPatientQuestionNotice'))).not.toContain('question.answered');
        await handle.signal(patientQuestionAnsweredSignal, { answeredBy: 'biller-1' });
      },
    );
    expect(outcome).toBe('answered');
    const refusals = fake.callsOf('recordAudit').map((c) => c.args as { action: string; encounterId: string | null });
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ action: 'message.refused', encounterId: null });
  });
});
