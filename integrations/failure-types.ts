/**
 * The `type` of each ApplicationFailure an activity can end with. Kept apart from
 * activity-failures.ts (which builds the failures) because the workflow's retry policies name
 * them too, and workflow code may import nothing that reaches Node or the billing modules.
 */

/** The party is down, overloaded or timed out: retried, after its Retry-After when it gave one. */
export const EXTERNAL_PARTY_UNAVAILABLE = 'ExternalPartyUnavailable';
/** The party refused the request (4xx): the same request would be refused again. */
export const EXTERNAL_PARTY_REJECTED = 'ExternalPartyRejected';
/** The party answered something we cannot read: retried, it may be mid-deploy. */
export const EXTERNAL_PARTY_PROTOCOL = 'ExternalPartyProtocol';
export const CLAIM_INVALID = 'ClaimInvalid';
export const UNPRICED_PROCEDURE = 'UnpricedProcedure';
/** The encounter, or a code a coder typed, is not in our records or code sets. */
export const INVALID_ENCOUNTER = 'InvalidEncounter';
/** A signal or update without a valid proof that the API authorized it (workflows/message-authentication.ts). */
export const MESSAGE_NOT_AUTHORIZED = 'MessageNotAuthorized';
