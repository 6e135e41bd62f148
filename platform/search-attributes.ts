/**
 * Custom search attributes of encounterflow's workflows.
 *
 * They let operators find encounters by stage, payer and date of service in the Temporal UI
 * and visibility queries. They hold no patient data: never add names, DOB or member ids here.
 *
 * This module imports only `@temporalio/common`, so workflow code may import the keys
 * (e.g. `upsertSearchAttributes` / `typedSearchAttributes` in a workflow).
 */
import { SearchAttributeType, defineSearchAttributeKey } from '@temporalio/common';

/** A search attribute key of any type (the SDK's SearchAttributeKey, which `@temporalio/common` does not re-export). */
export type AnySearchAttributeKey = ReturnType<typeof defineSearchAttributeKey<SearchAttributeType>>;

/** Where the encounter is in the coding/billing pipeline (e.g. "coding", "claim-submitted"). */
export const ENCOUNTER_STAGE = defineSearchAttributeKey('EncounterStage', SearchAttributeType.KEYWORD);

/** The payer (insurer) identifier the claim goes to. An organisation, not a patient. */
export const PAYER_ID = defineSearchAttributeKey('PayerId', SearchAttributeType.KEYWORD);

/**
 * The month the service was rendered: its first day, 00:00 UTC. Coarsened on purpose (a full date
 * of service is a HIPAA date element); workflows started before the change published the day.
 */
export const DATE_OF_SERVICE = defineSearchAttributeKey('DateOfService', SearchAttributeType.DATETIME);

/** `2026-11-20` (or a Date) → 2026-11-01T00:00:00Z, the value of DateOfService. */
export function monthOfService(day: string | Date): Date {
  const text = typeof day === 'string' ? day : day.toISOString();
  return new Date(`${text.slice(0, 7)}-01T00:00:00Z`);
}

/**
 * All custom search attributes the server must have registered.
 * Pass as `TestWorkflowEnvironment.createLocal({ server: { searchAttributes: encounterSearchAttributes } })`.
 */
export const encounterSearchAttributes: AnySearchAttributeKey[] = [ENCOUNTER_STAGE, PAYER_ID, DATE_OF_SERVICE];

/** The type names the Temporal CLI accepts in `--search-attribute Name=Type`. */
const cliTypeNames: Record<SearchAttributeType, string> = {
  TEXT: 'Text',
  KEYWORD: 'Keyword',
  INT: 'Int',
  DOUBLE: 'Double',
  BOOL: 'Bool',
  DATETIME: 'Datetime',
  KEYWORD_LIST: 'KeywordList',
};

/** `Name=Type` strings, e.g. `EncounterStage=Keyword`. */
export function searchAttributeSpecs(keys: readonly AnySearchAttributeKey[] = encounterSearchAttributes): string[] {
  return keys.map((key) => `${key.name}=${cliTypeNames[key.type]}`);
}

/** Arguments for `temporal server start-dev`: `--search-attribute Name=Type` for each attribute. */
export function searchAttributeCliArgs(keys: readonly AnySearchAttributeKey[] = encounterSearchAttributes): string[] {
  return searchAttributeSpecs(keys).flatMap((spec) => ['--search-attribute', spec]);
}
