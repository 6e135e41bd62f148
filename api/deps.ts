/** What the HTTP API needs from the rest of the process (wired in api/main.ts and in tests). */
import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { EncounterTimings } from '../workflows/config.ts';
import type { TokenDirectory } from './auth.ts';

export interface ApiDeps {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  /** Passed into each new workflow's input. */
  timings: EncounterTimings;
  tokens: TokenDirectory;
  /** The codec of `temporal`'s data converter, also served to the Temporal Web UI and CLI at /codec. */
  payloadCodec: PayloadCodec;
  /** Origins of the Temporal Web UI allowed to call /codec from a browser (CORS); none by default. */
  temporalUiOrigins?: readonly string[];
  /** e.g. `{ temporal: true, database: true }`; /readyz is 200 only when all are true. */
  readiness: () => Promise<Record<string, boolean>>;
  /** How long a status query may take before the stored state is shown instead (default 3000 ms). */
  statusQueryTimeoutMs?: number;
  /** How long answering a clarification may wait for the workflow (default 20000 ms). */
  updateTimeoutMs?: number;
}
