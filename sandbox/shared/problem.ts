/** RFC 9457 problem details (application/problem+json), the error body of both sandboxes. */
import type { Response } from 'express';
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
