/** Response schemas of the biller's worklists (api/routes/worklists.ts): ids and billing facts, no patient data. */
import { z } from 'zod';
import { day, isoTime, links } from './responses.ts';
import { STAGES } from '../workflows/stages.ts';

const nextCursor = z.string().nullable().meta({ description: 'Pass as ?cursor= for the next page; null on the last page' });

/** What every worklist item says about its encounter. */
const workItem = {
  encounterId: z.uuid(),
  clinicEncounterId: z.string(),
  payerId: z.string(),
  dateOfService: day,
  scheduled: z.boolean().meta({ description: 'Posted before the visit' }),
};

export const eligibilityWorklistSchema = z
  .object({
    items: z.array(
      z.object({
        ...workItem,
        coverageVersion: z
          .number()
          .int()
          .meta({ description: 'Name it as expectedVersion when correcting the coverage or switching to self-pay' }),
        waitingSince: isoTime.nullable().meta({ description: 'When the encounter stopped for the biller' }),
        eligibility: z
          .object({
            status: z.string().meta({ description: 'inactive | not_found | member_mismatch' }),
            reason: z.string().nullable().meta({ description: 'The insurer’s reason in words' }),
            checkedAt: isoTime,
            planBegin: day.nullable(),
            planEnd: day.nullable(),
          })
          .nullable(),
        links,
      }),
    ),
    nextCursor,
  })
  .meta({ id: 'EligibilityWorklist', description: 'Encounters waiting for a biller because of their coverage, oldest first' });

export const authorizationWorklistSchema = z
  .object({
    items: z.array(
      z.object({
        ...workItem,
        stage: z.enum(STAGES),
        state: z.enum(['pending', 'needs_biller']).meta({
          description:
            'pending: the insurer has not decided yet (followed by the workflow); needs_biller: denied or not decided in time, a biller decides',
        }),
        daysUntilService: z.number().int().meta({ description: 'Negative once the date of service has passed' }),
        authorization: z.object({
          status: z.string().meta({ description: 'requested | pended | denied | certified | partial | modified' }),
          timing: z.enum(['pre_service', 'retro']),
          requestedAt: isoTime,
          expedited: z.boolean(),
          decisionDueAt: isoTime.meta({
            description: 'The regulatory decision deadline (CMS-0057-F: 72 h expedited, 7 days standard, as configured)',
          }),
          overdue: z.boolean().meta({ description: 'The decision deadline has passed' }),
          payerReference: z.string().nullable(),
          reason: z.string().nullable(),
          requestedUnits: z.record(z.string(), z.number().int()).meta({ description: 'Units per procedure code' }),
        }),
        links,
      }),
    ),
    nextCursor,
  })
  .meta({ id: 'AuthorizationWorklist', description: 'Encounters whose prior authorization is pending or needs a biller, oldest first' });
