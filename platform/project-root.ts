// The repository's root directory (where package.json, node_modules/, prisma/ and .tools/ live):
// the nearest directory above this module that holds a package.json, so the same answer comes
// from the TypeScript sources (platform/) and from the compiled build (dist/platform/).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
