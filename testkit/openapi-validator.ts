/**
 * The independent OpenAPI checker: PyPI `openapi-spec-validator` 0.9.0 (OpenAPI 3.1 against its
 * JSON Schema and rules), in a venv under .tools/openapi-spec-validator, installed on first use.
 */
import { execFile } from 'node:child_process';
import { ensurePythonTool } from './python-tool.ts';

export const OPENAPI_SPEC_VALIDATOR_REQUIREMENT = 'openapi-spec-validator==0.9.0';

export interface OpenApiVerdict {
  ok: boolean;
  output: string;
}

/** Validates an OpenAPI document file: ok when the validator exits 0. */
export async function validateOpenApiFile(file: string): Promise<OpenApiVerdict> {
  const validator = await ensurePythonTool({
    name: 'openapi-spec-validator',
    requirement: OPENAPI_SPEC_VALIDATOR_REQUIREMENT,
    executable: 'openapi-spec-validator',
  });
  return new Promise((resolve) => {
    execFile(validator, [file], { timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ ok: error === null, output: `${stdout}${stderr}` });
    });
  });
}
