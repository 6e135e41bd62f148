// The OpenAPI document written from the route declarations: complete, honest about every status,
// and valid OpenAPI 3.1 by an independent validator (PyPI openapi-spec-validator).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../api/openapi.ts';
import { API_ROUTES } from '../../api/routes/index.ts';
import { validateOpenApiFile } from '../../testkit/openapi-validator.ts';

interface JsonSchema {
  $ref?: string;
  type?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: unknown;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

interface Operation {
  deprecated?: boolean;
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }>; headers?: Record<string, unknown> }>;
}

const document = buildOpenApiDocument(API_ROUTES) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ name: `${method} ${path}`, op })),
);

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 (openapi-spec-validator 0.9.0)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const verdict = await validateOpenApiFile(file);
    expect(verdict.ok, verdict.output).toBe(true);
  }, 300_000);

  it('describes every JSON answer with a real schema, never a bare object', () => {
    for (const { name, op } of operations) {
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      expect(success.length, name).toBeGreaterThan(0);
      for (const [status, response] of Object.entries(op.responses)) {
        for (const [type, media] of Object.entries(response.content ?? {})) {
          const schema = media.schema;
          expect(Object.keys(schema).length > 1 || schema.type !== 'object', `${name} ${status} ${type}`).toBe(true);
          // /readyz answers 503 with its own JSON (the failing checks), for load balancers.
          if (status >= '400' && name !== 'get /readyz') {
            expect(type, `${name} ${status}`).toBe('application/problem+json');
            expect(schema.$ref, `${name} ${status}`).toBe('#/components/schemas/Problem');
          }
        }
      }
    }
  });

  it('lists 503 with Retry-After wherever a dependency can be down, and 500 everywhere', () => {
    for (const { name, op } of operations) {
      expect(op.responses['500'], name).toBeDefined();
      if (op.responses['503']?.content?.['application/problem+json'] !== undefined) {
        expect(op.responses['503']?.headers?.['Retry-After'], name).toBeDefined();
      }
    }
    expect(document.paths['/encounters']?.post?.responses['503']).toBeDefined();
    expect(document.paths['/healthz']?.get?.responses['503']).toBeUndefined();
  });

  it('documents the clarification paths, with the first "queries" paths as deprecated aliases', () => {
    expect(document.paths['/clarifications/{id}/answer']?.post?.deprecated).toBeUndefined();
    expect(document.paths['/queries/{id}/answer']?.post?.deprecated).toBe(true);
    expect(document.paths['/physicians/{npi}/clarifications']?.get?.deprecated).toBeUndefined();
    expect(document.paths['/physicians/{npi}/queries']?.get?.deprecated).toBe(true);
  });

  it('describes the claim after submission in full: claims, remittances, adjustments, denials and the status parts, no loose objects', () => {
    const schemas = document.components.schemas as Record<string, JsonSchema>;
    const resolve = (node: JsonSchema): JsonSchema => (node.$ref !== undefined ? schemas[node.$ref.split('/').pop()!]! : node);
    // Every object under these schemas names its properties and allows no others (the answer check refuses extra fields).
    const looseObjects = (name: string): string[] => {
      const loose: string[] = [];
      const seen = new Set<JsonSchema>();
      const walk = (raw: JsonSchema, path: string): void => {
        const node = resolve(raw);
        if (seen.has(node)) return;
        seen.add(node);
        if (node.type === 'object' && (node.properties === undefined || node.additionalProperties !== false)) loose.push(path);
        for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, `${path}.${key}`);
        if (node.items !== undefined) walk(node.items, `${path}[]`);
        for (const child of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) walk(child, path);
      };
      walk({ $ref: `#/components/schemas/${name}` }, name);
      return loose;
    };
    expect(document.paths['/encounters/{id}/claims']?.get?.responses['200']?.content?.['application/json']?.schema.$ref).toBe(
      '#/components/schemas/EncounterClaims',
    );
    for (const name of ['EncounterClaims', 'AdjudicationState', 'DenialWorkItem']) expect(looseObjects(name), name).toEqual([]);

    const property = (schema: JsonSchema, ...path: string[]): JsonSchema =>
      path.reduce<JsonSchema>((node, key) => {
        const resolved = resolve(node);
        const next = key === '[]' ? resolved.items : resolved.properties?.[key];
        expect(next, `${path.join('.')} at ${key}`).toBeDefined();
        return next!;
      }, schema);
    const claims = schemas.EncounterClaims!;
    const adjustment = resolve(property(claims, 'claims', '[]', 'remittances', '[]', 'lines', '[]', 'adjustments', '[]'));
    expect(Object.keys(adjustment.properties ?? {}).sort()).toEqual(['amountCents', 'group', 'reasonCode', 'words']);
    expect(adjustment.required?.sort()).toEqual(['amountCents', 'group', 'reasonCode', 'words']);
    expect(resolve(property(claims, 'claims', '[]', 'statusHistory', '[]')).required).toEqual(['at', 'source', 'category', 'words']);
    expect(resolve(property(claims, 'denials', '[]')).required).toEqual(
      expect.arrayContaining(['reasons', 'status', 'appealDueAt', 'appealReference']),
    );
    // The live status documents its revenue-cycle parts with the same shapes.
    const status = JSON.stringify(document.components.schemas);
    expect(status).toContain('"adjudication":{"$ref":"#/components/schemas/AdjudicationState"}');
    expect(resolve(property(schemas.AdjudicationState!, 'remittances', '[]', 'lines', '[]', 'remarks', '[]')).required).toEqual([
      'code',
      'words',
    ]);
  });
});
