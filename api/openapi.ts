/**
 * The OpenAPI 3.1 document of the API. Operations are listed once here; request bodies and
 * query parameters are generated from the zod schemas the routes validate with, so the document
 * cannot drift from the validation. A test checks every route of the app is listed.
 */
import { z } from 'zod';
import type { Role } from './auth.ts';
import {
  answerQuerySchema,
  auditQuerySchema,
  cancelSchema,
  codecPayloadsSchema,
  codeOverrideSchema,
  decisionSchema,
  encounterSubmissionSchema,
  listEncountersQuerySchema, coverageCorrectionSchema, demographicsCorrectionSchema, documentationSchema, selfPaySchema } from './schemas.ts';

type Method = 'get' | 'post' | 'put';

interface Operation {
  method: Method;
  /** OpenAPI path template, e.g. /encounters/{id}. */
  path: string;
  summary: string;
  /** Empty: no authentication. */
  roles: Role[];
  body?: z.ZodType;
  query?: z.ZodObject;
  /** Status → description of the success responses. */
  success: Record<number, string>;
  /** Problem statuses besides 401/403 (implied by roles) and 500. */
  problems?: number[];
  html?: boolean;
}

export const OPERATIONS: Operation[] = [
  { method: 'get', path: '/healthz', summary: 'Liveness', roles: [], success: { 200: 'The process serves requests' } },
  { method: 'get', path: '/readyz', summary: 'Readiness of Temporal and the database', roles: [], success: { 200: 'Ready', 503: 'Not ready: the failing checks' } },
  { method: 'get', path: '/openapi.json', summary: 'This document', roles: [], success: { 200: 'OpenAPI 3.1 document' } },
  {
    method: 'post',
    path: '/encounters',
    summary: 'Submit an encounter (idempotent on clinicEncounterId)',
    roles: ['intake'],
    body: encounterSubmissionSchema,
    success: { 201: 'Stored; its workflow started', 200: 'Already known (header Idempotent-Replay: true); the stored encounter' },
    problems: [400],
  },
  {
    method: 'get',
    path: '/encounters',
    summary: 'List encounters (cursor pages, oldest first)',
    roles: ['coder', 'biller', 'supervisor'],
    query: listEncountersQuerySchema,
    success: { 200: '{ items, nextCursor }' },
    problems: [400],
  },
  {
    method: 'get',
    path: '/encounters/{id}',
    summary: 'An encounter with its live workflow status (stored state when the workflow cannot answer)',
    roles: ['intake', 'physician', 'coder', 'biller', 'supervisor'],
    success: { 200: 'The encounter, with the fields the caller’s role may see' },
    problems: [404],
  },
  {
    method: 'post',
    path: '/encounters/{id}/cancel',
    summary: 'Cancel an encounter',
    roles: ['coder', 'biller', 'supervisor'],
    body: cancelSchema,
    success: { 202: 'Signalled' },
    problems: [400, 404, 409],
  },
  {
    method: 'post',
    path: '/encounters/{id}/decision',
    summary: 'A decision on the pending question (a biller decides authorization, coverage and claim questions; a supervisor any)',
    roles: ['supervisor', 'biller'],
    body: decisionSchema,
    success: { 200: 'Taken by the workflow (409 when refused: stale decisionId or not allowed)' },
    problems: [400, 404, 409, 503],
  },
  {
    method: 'post',
    path: '/encounters/{id}/coverage',
    summary: 'Correct the coverage (payer, member id) as a new version; the encounter checks eligibility again',
    roles: ['biller', 'supervisor'],
    body: coverageCorrectionSchema,
    success: { 200: '{ version, kind, payerId }' },
    problems: [400, 404, 409, 503],
  },
  {
    method: 'post',
    path: '/encounters/{id}/self-pay',
    summary: 'Switch the encounter to self-pay (a new coverage version; no claim, the self-pay price list)',
    roles: ['biller', 'supervisor'],
    body: selfPaySchema,
    success: { 200: '{ version, kind }' },
    problems: [400, 404, 409, 503],
  },
  {
    method: 'post',
    path: '/encounters/{id}/demographics',
    summary: "Correct the patient's demographics as a new version (409 when expectedVersion is not current)",
    roles: ['biller', 'supervisor'],
    body: demographicsCorrectionSchema,
    success: { 200: '{ version, fields, eligibilityCheckedAgain }' },
    problems: [400, 404, 409, 503],
  },
  {
    method: 'get',
    path: '/encounters/{id}/coverage',
    summary: 'Coverage and demographics versions and every eligibility answer (plan dates, copay, coinsurance, deductible, out-of-pocket)',
    roles: ['biller', 'supervisor'],
    success: { 200: '{ financialClass, coverage, coverageVersions, eligibilityChecks, demographics, demographicsVersions }' },
    problems: [404],
  },
  {
    method: 'put',
    path: '/encounters/{id}/documentation',
    summary: 'The documentation of a scheduled visit, after it happened (the same documentation again is a replay)',
    roles: ['intake'],
    body: documentationSchema,
    success: { 200: '{ id, documented: true } (header Idempotent-Replay: true on a repeat)' },
    problems: [400, 404, 409, 503],
  },
  {
    method: 'put',
    path: '/encounters/{id}/codes',
    summary: 'Replace the codes (coder override)',
    roles: ['coder'],
    body: codeOverrideSchema,
    success: { 202: 'Signalled' },
    problems: [400, 404, 409],
  },
  {
    method: 'get',
    path: '/physicians/{npi}/queries',
    summary: 'Open clarification queries addressed to a physician',
    roles: ['physician', 'supervisor'],
    success: { 200: '{ items }' },
    problems: [404],
  },
  {
    method: 'post',
    path: '/queries/{id}/answer',
    summary: 'Answer a clarification query',
    roles: ['physician'],
    body: answerQuerySchema,
    success: { 200: '{ accepted: true }' },
    problems: [400, 404, 409, 422, 503],
  },
  {
    method: 'get',
    path: '/patients/{id}/statements',
    summary: 'A patient’s statements (amounts billed, expected from insurance, owed, due date)',
    roles: ['biller', 'supervisor'],
    success: { 200: '{ patientId, items }' },
    problems: [404],
  },
  {
    method: 'get',
    path: '/statements/{id}',
    summary: 'One statement: JSON, or HTML with Accept: text/html or ?format=html',
    roles: ['biller', 'supervisor'],
    success: { 200: 'The statement' },
    problems: [404],
    html: true,
  },
  {
    method: 'get',
    path: '/audit',
    summary: 'Audit events (who answered, decided, overrode or cancelled)',
    roles: ['supervisor'],
    query: auditQuerySchema,
    success: { 200: '{ items }' },
    problems: [400],
  },
  ...(['decode', 'encode'] as const).map(
    (direction): Operation => ({
      method: 'post',
      path: `/codec/${direction}`,
      summary: `Temporal codec server (Web UI, CLI --codec-endpoint): ${direction} payloads with the payload codec; loopback clients only${direction === 'decode' ? ', audited' : ''}`,
      roles: ['supervisor'],
      body: codecPayloadsSchema,
      success: { 200: '{ payloads } in protobuf JSON' },
      problems: [400],
    }),
  ),
];

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete generated.$schema;
  return generated;
}

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string', examples: ['patient.dateOfBirth'] }, message: { type: 'string' } },
      },
    },
  },
};

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (each field named in errors)',
  401: 'Missing or unknown bearer token',
  403: 'The caller’s role (or identity) may not do this',
  404: 'Unknown id',
  409: 'The encounter is in a state where this is not possible',
  422: 'The workflow rejected the request',
  500: 'Unexpected error',
  503: 'The workflow did not answer in time',
};

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

function queryParameters(query: z.ZodObject) {
  return Object.entries(query.shape).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema: jsonSchema(schema as z.ZodType),
  }));
}

function operationObject(op: Operation) {
  const responses: Record<string, unknown> = {};
  for (const [status, description] of Object.entries(op.success)) {
    const content: Record<string, unknown> = { 'application/json': { schema: { type: 'object' } } };
    if (op.html) content['text/html'] = { schema: { type: 'string' } };
    responses[status] = { description, content };
  }
  const problems = new Set([...(op.problems ?? []), ...(op.roles.length > 0 ? [401, 403] : []), 500]);
  for (const status of [...problems].sort()) {
    responses[String(status)] = {
      description: PROBLEM_DESCRIPTIONS[status] ?? 'Problem',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  return {
    summary: op.summary,
    operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/[/.](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    ...(op.roles.length > 0
      ? { security: [{ bearer: [] }], description: `Roles: ${op.roles.join(', ')}` }
      : { security: [] }),
    parameters: [...pathParameters(op.path), ...(op.query !== undefined ? queryParameters(op.query) : [])],
    ...(op.body !== undefined
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument(serverUrl?: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operationObject(op);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'encounterflow',
      version: '0.1.0',
      description: 'Medical coding and billing of patient encounters, each run as a durable Temporal workflow.',
    },
    ...(serverUrl !== undefined ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'token=role:subject (see api/auth.ts)' } },
      schemas: { Problem: PROBLEM_SCHEMA },
    },
  };
}
