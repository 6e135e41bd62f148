/**
 * The screens of the staff UI, in the order of the nav; a viewer lands on the first one its role
 * uses. Adding a screen: write its module in this folder (the contract is in app.js's header) and
 * add it here.
 */
import inbox from './inbox.js';
import worklist from './worklist.js';
import patientQuestions from './patient-questions.js';
import billing from './billing.js';
import overview from './overview.js';
import coderWorklist from './coder-worklist.js';

export const SCREENS = [worklist, billing, inbox, patientQuestions, overview, coderWorklist];
