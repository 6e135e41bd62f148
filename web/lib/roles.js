/** What the page offers to whom. The API decides (403); the page only avoids offering what would be refused. */
import { CODE_OVERRIDE_STAGES } from './stages.js';

const DEMO_TOKENS = /^(intake|coder|biller|supervisor)-demo$|^(physician)-\d{10}-demo$/;

/**
 * The role of one of the demo tokens (see api/auth.ts), or null for any other token: the page
 * cannot know a real token's role, so it shows what might apply and lets the API say 403.
 */
export function demoRole(token) {
  const match = DEMO_TOKENS.exec(String(token ?? '').trim());
  return match === null ? null : (match[1] ?? match[2]);
}

/** Roles PUT /encounters/:id/codes accepts (api/routes/actions.ts: requireRole('coder')). */
export const CODE_OVERRIDE_ROLES = ['coder'];

/** Whether to offer the code override form: the stage fits and the role may (or is unknown: null). */
export function offersCodeOverride(role, stage) {
  return CODE_OVERRIDE_STAGES.includes(stage) && (role === null || CODE_OVERRIDE_ROLES.includes(role));
}

/** Whether to ask for the audit trail (supervisors; an unknown role tries once and hides on 403). */
export function offersAudit(role) {
  return role === null || role === 'supervisor';
}
