/**
 * The screens of the staff UI, in the order of the nav, and the screen each role lands on (an empty
 * or unknown hash): its own work first; a role not in LANDING lands on the first screen it uses.
 * Adding a screen: write its module in this folder (the contract is in app.js's header) and add it
 * here.
 */
import inbox from './inbox.js';
import worklist from './worklist.js';
import patientQuestions from './patient-questions.js';
import billing from './billing.js';
import overview from './overview.js';
import coderWorklist from './coder-worklist.js';

export const SCREENS = [worklist, billing, inbox, patientQuestions, overview, coderWorklist];

/** Role -> the name of the screen it lands on. */
export const LANDING = { coder: 'coder-review', biller: 'billing', physician: 'inbox', supervisor: 'overview' };
