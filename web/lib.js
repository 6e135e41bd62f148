/**
 * The parts of the staff UI that need no browser, re-exported from web/lib/ by topic: the API
 * client, stages and labels, roles, formatting, the code override's body and errors, the audit
 * trail. The screens (web/screens/) import from here or from the topic module; the tests import
 * this module in Node. Keep web/lib/ free of `document` and `window`.
 */
export * from './lib/api-client.js';
export * from './lib/audit.js';
export * from './lib/clarifications.js';
export * from './lib/format.js';
export * from './lib/override-body.js';
export * from './lib/payments.js';
export * from './lib/roles.js';
export * from './lib/stages.js';
