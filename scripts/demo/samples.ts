/**
 * The demo's sample encounters (data/demo/encounters.json): each is a POST /encounters body plus
 * the scenario it demonstrates, what the people in that scenario do, and where it should end.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EncounterDocumentation, EncounterSubmission } from '../../domain/encounter.ts';
import type { AuthorizationState } from '../../workflows/messages.ts';
import type { Stage } from '../../workflows/stages.ts';
import type { SupervisorDecisionKind } from './api.ts';

export const SCENARIOS = [
  'straight_through', // confident coding, no prior auth → billed
  'clarification_option', // physician query answered with an option → re-coded → billed
  'clarification_free_text', // physician query answered with free text → re-coded → billed
  'coder_override', // a coder replaces the codes while the query is open → billed
  'auth_certified', // prior authorization certified → billed
  'auth_partial', // prior authorization for fewer units → billed with a flag
  'auth_denied', // denied → supervisor resubmits → denied again → supervisor bills the patient
  'cancelled', // a biller cancels while the encounter waits on the physician
  'auth_pended', // the insurer pends the request, decides after follow-ups
  'escalation_extend', // the physician misses the deadline → supervisor extends → physician answers
  'escalation_accept', // the physician misses the deadline → supervisor accepts the codes
  'scheduled_preservice', // posted before the visit: eligible → authorized before the service → estimate → visit documented → billed
  'inactive_self_pay', // inactive coverage → the biller switches to self-pay → billed from the self-pay price list
  'denial_appeal', // the payer denies a line → the biller appeals with a letter → the payer pays it on appeal → billed
  'silent_payer', // the payer does not answer → a claim status inquiry (276/277) at the follow-up interval → paid → billed
  'claim_correction', // billed without modifier 25 → the patient owes it all → a biller sends a corrected claim → the statement reissued (scripts/demo/claim-correction.ts)
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface Expectation {
  stage: Stage;
  /** true: a physician query must have been asked; false: it must not. */
  clarification?: boolean;
  /** ICD-10-CM codes the final codes must include. */
  diagnoses?: string[];
  /** The final prior-authorization outcome (checked when the workflow answers). */
  authorization?: AuthorizationState['outcome'];
  /** A text one of the workflow's flags must contain. */
  flag?: string;
  /** How many times the encounter must have entered the `denied` stage. */
  denials?: number;
  /** The encounter's financial class at the end (checked when the workflow answers). */
  financialClass?: 'insurance' | 'self_pay';
  /** The kind of patient estimate the biller must have been given before the visit. */
  estimate?: 'estimate' | 'good_faith_estimate';
  /** The payer paid (835) and the patient's share is the remittance's PR adjustments, more than zero. */
  paidWithPatientResponsibility?: boolean;
  /** A denied line was appealed and paid on appeal (a reversal, then a paid claim in a later 835). */
  paidOnAppeal?: boolean;
  /** At least one claim status inquiry (276) was sent because the payer was silent. */
  statusInquiry?: boolean;
}

export interface DemoSample {
  scenario: Scenario;
  title: string;
  /** The physician's answer to the clarification query. */
  answer?: { option?: string; freeText?: string };
  /** The coder's override (PUT /encounters/:id/codes body). */
  override?: { diagnoses: Array<{ code: string }>; procedures: Array<{ code: string; units?: number }>; note?: string };
  /** The supervisor's decision on an escalation. */
  decision?: { decision: SupervisorDecisionKind; note?: string; extendBy?: string };
  /** The biller's cancellation. */
  cancel?: { reason: string };
  /** A scheduled visit: its date of service is this many days after the day the demo runs. */
  scheduledInDays?: number;
  /** A scheduled visit: the documentation the clinic sends once it happened (PUT /encounters/:id/documentation). */
  visit?: EncounterDocumentation;
  /** The biller's switch to self-pay when the coverage is not active. */
  selfPay?: { reason: string };
  /** A visit that happened this many days before the day the demo runs (payer clocks count from the date of service). */
  serviceDaysAgo?: number;
  /** The biller's appeal of a denied line: the reason and the document's file name (a letter of medical necessity). */
  appeal?: { reason: string; document: string };
  expect: Expectation;
  submission: EncounterSubmission;
}

/** data/demo/encounters.json, or the file named by DEMO_ENCOUNTERS (to try other samples). */
export const DEFAULT_SAMPLES_PATH =
  process.env.DEMO_ENCOUNTERS ?? fileURLToPath(new URL('../../data/demo/encounters.json', import.meta.url));

/** Reads the samples and checks that each scenario has what it needs (a clear error if not). */
export function loadSamples(path = DEFAULT_SAMPLES_PATH): DemoSample[] {
  const file = JSON.parse(readFileSync(path, 'utf8')) as { encounters?: DemoSample[] };
  const samples = file.encounters ?? [];
  const seen = new Set<string>();
  for (const sample of samples) {
    const id = sample.submission?.clinicEncounterId ?? '(no clinicEncounterId)';
    const problem = (text: string) => new Error(`${path}: ${id}: ${text}`);
    if (!(SCENARIOS as readonly string[]).includes(sample.scenario)) throw problem(`unknown scenario "${sample.scenario}"`);
    if (seen.has(id)) throw problem('clinicEncounterId used twice');
    seen.add(id);
    if (sample.expect?.stage === undefined) throw problem('"expect.stage" is missing');
    const needs: Partial<Record<Scenario, keyof DemoSample>> = {
      clarification_option: 'answer',
      clarification_free_text: 'answer',
      escalation_extend: 'decision',
      escalation_accept: 'decision',
      coder_override: 'override',
      cancelled: 'cancel',
      scheduled_preservice: 'visit',
      inactive_self_pay: 'selfPay',
      denial_appeal: 'appeal',
    };
    const field = needs[sample.scenario];
    if (field !== undefined && sample[field] === undefined) throw problem(`scenario ${sample.scenario} needs "${field}"`);
    if ((sample.scheduledInDays !== undefined) !== (sample.scenario === 'scheduled_preservice')) {
      throw problem('"scheduledInDays" is given for, and only for, the scenario scheduled_preservice');
    }
    if (sample.scheduledInDays !== undefined && sample.serviceDaysAgo !== undefined) {
      throw problem('"scheduledInDays" and "serviceDaysAgo" exclude each other');
    }
    if (sample.scenario === 'escalation_extend' && sample.answer === undefined) {
      throw problem('scenario escalation_extend needs "answer" (the physician answers after the extension)');
    }
  }
  return samples;
}
