/**
 * The people at the front of the biller's cycle, as the demo plays them: the biller who finds an
 * encounter on the eligibility worklist and switches it to self-pay, the biller who gives the
 * patient a labelled estimate before a scheduled visit, and the clinic that documents the visit
 * once it happened. Each acts at most once per encounter (the keys in `acted`).
 */
import type { Stage } from '../../workflows/stages.ts';
import { ApiError, type DemoApi } from './api.ts';
import { dollars } from './format.ts';
import type { DemoSample } from './samples.ts';

/** What a person needs from the run that follows the encounter. */
export interface PersonContext {
  api: DemoApi;
  encounterId: string;
  sample: DemoSample;
  acted: Set<string>;
  notes: Map<Stage, string>;
  say(text: string): void;
}

/** A reaction's end of the run: undefined to keep going. */
export type PersonVerdict = { outcome: 'waiting' | 'unexpected'; message: string } | undefined;

/** Biller: finds the encounter on the eligibility worklist and switches it to self-pay, naming the version seen. */
export async function billerSwitchesToSelfPay(ctx: PersonContext): Promise<PersonVerdict> {
  const selfPay = ctx.sample.selfPay;
  if (selfPay === undefined)
    return { outcome: 'unexpected', message: `the coverage is not active, which the path ${ctx.sample.scenario} does not expect` };
  if (ctx.acted.has('self-pay')) return undefined;
  const item = (await ctx.api.eligibilityWorklist()).find((i) => i.encounterId === ctx.encounterId);
  if (item === undefined) return undefined; // not listed yet: next poll
  ctx.acted.add('self-pay');
  ctx.say(
    `  on the biller's eligibility worklist: ${item.eligibility?.status ?? 'no answer'}${item.eligibility?.reason ? ` (${item.eligibility.reason})` : ''}`,
  );
  await ctx.api.switchToSelfPay(ctx.encounterId, selfPay.reason, item.coverageVersion);
  ctx.notes.set(
    'awaiting_coverage',
    `biller switched to self-pay (coverage version ${item.coverageVersion} → ${item.coverageVersion + 1})`,
  );
  return undefined;
}

/** Biller, then clinic: an estimate for the patient before the visit, then the visit's documentation. */
export async function estimateThenDocumentVisit(ctx: PersonContext): Promise<PersonVerdict> {
  const visit = ctx.sample.visit;
  if (visit === undefined) return { outcome: 'unexpected', message: 'waiting for a visit that this path does not schedule' };
  if (!ctx.acted.has('estimate')) {
    ctx.acted.add('estimate');
    const estimate = await ctx.api.estimate(ctx.encounterId);
    ctx.say(
      `  ${estimate.label}: the patient may owe ${dollars(estimate.patientEstimateCents)} of ${dollars(estimate.chargeCents)} ` +
        `(copay ${dollars(estimate.copayCents)}, deductible ${dollars(estimate.deductibleCents)}, coinsurance ${dollars(estimate.coinsuranceCents)}; ` +
        `insurance ${dollars(estimate.insuranceEstimateCents)})`,
    );
  }
  if (ctx.acted.has('visit')) return undefined;
  ctx.acted.add('visit');
  try {
    await ctx.api.documentVisit(ctx.encounterId, visit);
  } catch (error) {
    // 503: the workflow did not take the update in time; the same documentation again is a replay.
    if (error instanceof ApiError && error.status === 503) {
      ctx.acted.delete('visit');
      return undefined;
    }
    throw error;
  }
  ctx.notes.set('awaiting_visit', 'the clinic documented the visit (PUT /encounters/:id/documentation)');
  return undefined;
}
