/**
 * How a record says a treatment did not work: one list of phrases for every rule that reads it. The
 * intractability query (specificity.ts) looks for them beside a headache, an attack or a seizure;
 * the review signal for a code asserting its family's default (fragile-choices.ts) looks for them,
 * with the tabular's own words for resistance, in any statement. Each builds its own pattern, with
 * its own scope, on this list.
 */

/** A treatment did not work ("despite", "failed", "no relief"): an alternation for a RegExp source, no groups captured by name. */
export const TREATMENT_DID_NOT_WORK = String.raw`despite|failed|failure of|(?:has )?not improved|no (?:improvement|relief|response)|did not (?:help|respond|work)|not respond\w*|unresponsive|inadequate (?:response|relief|control)`;
