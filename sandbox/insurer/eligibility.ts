/**
 * The insurer sandbox's eligibility and benefits answer (X12 270 → 271 shaped), from the
 * scenario's scripted benefits: coverage on the date of service within the plan's dates, the
 * plan's copay, coinsurance, deductible and out-of-pocket figures, and an AAA rejection when the
 * inquiry names a subscriber who does not match the enrolment.
 */
import { ELIGIBILITY_REJECTIONS, eligibilityRequestSchema, type EligibilityResponse } from '../../integrations/insurer-contract.ts';
import type { z } from 'zod';
import { lookupBenefits, type InsurerScenario } from './scenarios.ts';

type ParsedEligibilityQuery = z.output<typeof eligibilityRequestSchema>;

/** undefined: no such member (the server answers 404, as a 271 with AAA 75 would). */
export function answerEligibility(scenario: InsurerScenario, query: ParsedEligibilityQuery): EligibilityResponse | undefined {
  const { payerId, memberId, dateOfService } = query;
  const benefits = lookupBenefits(scenario, payerId, memberId);
  if (!benefits) return undefined;
  const year = dateOfService.slice(0, 4);
  const plan = { name: benefits.planName, begin: benefits.planBegin ?? `${year}-01-01`, end: benefits.planEnd ?? `${year}-12-31` };
  const inPlanDates = plan.begin <= dateOfService && dateOfService <= plan.end;
  const response: EligibilityResponse = {
    payerId,
    dateOfService,
    active: benefits.active && inPlanDates,
    plan,
    benefits: {
      copayCents: benefits.copayCents,
      coinsuranceBps: benefits.coinsuranceBps,
      deductibleCents: benefits.deductibleCents,
      deductibleMetCents: benefits.deductibleMetCents,
      deductibleRemainingCents: Math.max(0, benefits.deductibleCents - benefits.deductibleMetCents),
      outOfPocketMaxCents: benefits.outOfPocketMaxCents,
      outOfPocketMetCents: benefits.outOfPocketMetCents,
      outOfPocketRemainingCents: Math.max(0, benefits.outOfPocketMaxCents - benefits.outOfPocketMetCents),
    },
  };
  const enrolled = benefits.subscriber;
  const asked = query.subscriber;
  if (enrolled && asked) {
    if (enrolled.dateOfBirth !== undefined && enrolled.dateOfBirth !== asked.dateOfBirth) {
      return { ...response, active: false, rejection: { ...ELIGIBILITY_REJECTIONS.birthDateMismatch } };
    }
    if (enrolled.lastName !== undefined && enrolled.lastName.toUpperCase() !== asked.lastName.toUpperCase()) {
      return { ...response, active: false, rejection: { ...ELIGIBILITY_REJECTIONS.nameMismatch } };
    }
  }
  return response;
}
