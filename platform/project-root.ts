// The repository's root directory, where data/, prisma/, node_modules/ and .tools/ live.
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
