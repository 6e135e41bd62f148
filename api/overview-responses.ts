/** Response schema of the supervisor's overview of every queue (api/routes/worklist-overview.ts): ids, counts and times, no patient data. */
import { z } from 'zod';
import { AGE_BUCKETS, OVERVIEW_QUEUES } from './worklist-overview.ts';
import { isoTime, links } from './responses.ts';

const queueName = z.enum(OVERVIEW_QUEUES.map((q) => q.queue) as [string, ...string[]]);
const ageBucket = z.enum(AGE_BUCKETS.map((b) => b.bucket) as [string, ...string[]]);

const counts = {
  count: z.number().int().min(0).meta({ description: 'Items waiting' }),
  overdue: z.number().int().min(0).meta({ description: 'Of those, past their due time' }),
  escalated: z.number().int().min(0).meta({ description: 'Of those, escalated' }),
};

const overviewItem = z.object({
  queue: queueName,
  itemId: z.string().meta({ description: 'The work item (the encounter for stage queues; the query, denial, question... otherwise)' }),
  encounterId: z.uuid(),
  clinicEncounterId: z.string(),
  payerId: z.string(),
  physicianNpi: z.string(),
  since: isoTime.meta({ description: 'When it started waiting' }),
  ageDays: z.number().min(0).meta({ description: 'Days waited so far (one decimal)' }),
  ageBucket,
  dueAt: isoTime.nullable().meta({ description: 'Its due time, when its queue has one' }),
  overdue: z.boolean(),
  escalated: z.boolean(),
  links,
});

export const worklistOverviewSchema = z
  .object({
    asOf: isoTime,
    filters: z.object({ payer: z.string().nullable(), physician: z.string().nullable() }),
    ageBuckets: z.array(
      z.object({
        bucket: ageBucket,
        label: z.string(),
        fromDays: z.number().int(),
        toDays: z.number().int().nullable().meta({ description: 'Exclusive; null: no upper end' }),
      }),
    ),
    totals: z.object(counts),
    queues: z.array(
      z.object({
        queue: queueName,
        label: z.string(),
        role: z.string().meta({ description: 'Who works this queue' }),
        ...counts,
        byAge: z.record(ageBucket, z.number().int().min(0)),
        oldestSince: isoTime.nullable(),
        items: z.array(overviewItem).meta({ description: 'The most urgent items: escalated, then overdue, then the longest waiting' }),
      }),
    ),
    byPayer: z.array(z.object({ payerId: z.string(), ...counts })),
    byPhysician: z.array(z.object({ npi: z.string(), name: z.string(), ...counts })),
    attention: z
      .array(overviewItem)
      .meta({ description: 'Escalated and overdue items across all queues, escalated first, then overdue, the longest waiting first' }),
  })
  .meta({ id: 'WorklistOverview', description: 'What waits for a person in every queue, by queue, age, payer and physician' });
