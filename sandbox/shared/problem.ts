/** RFC 9457 problem details (application/problem+json), the error body of both sandboxes. */
import type { Express, NextFunction, Request, Response } from 'express';
import type { z } from 'zod';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
}

export function sendProblem(res: Response, problem: ProblemDetails, headers: Record<string, string> = {}): void {
  res.status(problem.status).set(headers).type('application/problem+json').send(JSON.stringify(problem));
}

/** Field-level problems from a zod error; messages name the field, never echo the value. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

export function validationProblem(error: z.ZodError): ProblemDetails {
  const errors = fieldProblems(error);
  return {
    type: 'https://encounterflow.example/problems/validation',
    title: 'Request validation failed',
    status: 422,
    detail: `Invalid field(s): ${errors.map((e) => e.field).join(', ')}`,
    errors,
  };
}

/**
 * The last handlers of a sandbox app: unknown routes answer 404, malformed JSON 400 and anything
 * unexpected 500, all as problem details under the sandbox's problem-type base URL.
 */
export function installProblemFallbacks(app: Express, problemBase: string): void {
  app.use((_req: Request, res: Response) => {
    sendProblem(res, { type: `${problemBase}/not-found`, title: 'Not found', status: 404 });
  });
  // Express error handler (4 arguments): malformed JSON and anything unexpected.
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' ? err.status : 500;
    sendProblem(res, {
      type: `${problemBase}/${status < 500 ? 'bad-request' : 'internal'}`,
      title: status < 500 ? 'Malformed request body' : 'Internal sandbox error',
      status,
    });
  });
}
