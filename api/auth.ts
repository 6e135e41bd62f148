/**
 * Bearer-token authentication. A token directory maps each token to a principal (role and
 * subject). `authenticate` resolves the token on every request; `requireRole` guards a route:
 * 401 without a known token, 403 when the role does not fit.
 *
 * Demo tokens (local use only; `API_TOKENS` replaces them):
 *
 *   intake-demo                   intake      subject "intake-demo"
 *   coder-demo                    coder       subject "coder-demo"
 *   biller-demo                   biller      subject "biller-demo"
 *   supervisor-demo               supervisor  subject "supervisor-demo"
 *   physician-1234567893-demo     physician   subject (NPI) 1234567893
 *   physician-1245319599-demo     physician   subject (NPI) 1245319599
 */
import type { RequestHandler, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { forbidden, HttpProblem } from '../platform/problem.ts';

export const ROLES = ['intake', 'physician', 'coder', 'biller', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  role: Role;
  /** Who acts: a staff user name, or the NPI for physicians. Goes into audit rows. */
  subject: string;
}

/** Token → principal. */
export type TokenDirectory = ReadonlyMap<string, Principal>;

export const DEMO_PHYSICIAN_NPIS = ['1234567893', '1245319599'] as const;

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Parses "token=role:subject,token2=role:subject". Throws on a malformed entry, naming its
 * position only (the spec holds secrets).
 */
export function parseTokenDirectory(spec: string): TokenDirectory {
  const directory = new Map<string, Principal>();
  const entries = spec
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  entries.forEach((entry, index) => {
    const match = /^([^=\s]+)=([a-z]+):(\S+)$/.exec(entry);
    const role = match?.[2];
    if (match === null || role === undefined || !isRole(role)) {
      throw new Error(`API token entry #${index + 1} is not "token=role:subject" with a role among ${ROLES.join(', ')}`);
    }
    const subject = match[3] as string;
    if (role === 'physician' && !/^\d{10}$/.test(subject)) {
      throw new Error(`API token entry #${index + 1}: a physician's subject must be a 10-digit NPI`);
    }
    directory.set(match[1] as string, { role, subject });
  });
  if (directory.size === 0) throw new Error('API token list is empty');
  return directory;
}

/** Fixed, well-known tokens for local runs and tests (listed at the top of this file). */
export function demoTokenDirectory(): TokenDirectory {
  const directory = new Map<string, Principal>();
  for (const role of ['intake', 'coder', 'biller', 'supervisor'] as const) {
    directory.set(`${role}-demo`, { role, subject: `${role}-demo` });
  }
  for (const npi of DEMO_PHYSICIAN_NPIS) directory.set(`physician-${npi}-demo`, { role: 'physician', subject: npi });
  return directory;
}

function lookup(tokens: TokenDirectory, presented: string): Principal | undefined {
  // Compare against every token in constant time per comparison, so timing reveals little.
  const given = Buffer.from(presented);
  let found: Principal | undefined;
  for (const [token, principal] of tokens) {
    const known = Buffer.from(token);
    if (known.length === given.length && timingSafeEqual(known, given)) found = principal;
  }
  return found;
}

/** Resolves the bearer token (if any) into `res.locals.principal`; never rejects by itself. */
export function authenticate(tokens: TokenDirectory): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization');
    const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
    const principal = match?.[1] === undefined ? undefined : lookup(tokens, match[1]);
    if (principal !== undefined) res.locals.principal = principal;
    next();
  };
}

/** Lets the request through only for the given roles (after `authenticate`). */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const principal = res.locals.principal as Principal | undefined;
    if (principal === undefined) {
      return next(
        new HttpProblem(401, 'A valid bearer token is required', undefined, { 'WWW-Authenticate': 'Bearer realm="encounterflow"' }),
      );
    }
    if (!roles.includes(principal.role)) return next(forbidden(`This operation needs one of the roles: ${roles.join(', ')}`));
    next();
  };
}

/** The authenticated principal of a request guarded by `requireRole`. */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (principal === undefined) throw new Error('principalOf called on a route without requireRole');
  return principal;
}
