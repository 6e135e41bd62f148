// Installs pyx12 4.0.0 into .tools/pyx12 and, given files or directories, checks every .x12 in
// them with x12valid (exit 1 on any error). See testkit/pyx12.ts.
import { logTool } from '../platform/temporal-cli.ts';
import { checkX12File, ensurePyx12, x12FilesIn } from '../testkit/pyx12.ts';

const targets = process.argv.slice(2);
try {
  const x12valid = await ensurePyx12();
  if (targets.length === 0) {
    process.stdout.write(`${x12valid}\n`);
  } else {
    const files = (await Promise.all(targets.map(x12FilesIn))).flat();
    let failed = 0;
    for (const file of files) {
      const verdict = await checkX12File(file);
      if (!verdict.ok) failed++;
      process.stdout.write(`${verdict.ok ? 'ok  ' : 'FAIL'} ${file}${verdict.ok ? '' : `\n${verdict.output}`}\n`);
    }
    process.stdout.write(`pyx12: ${files.length - failed} of ${files.length} X12 files valid\n`);
    if (files.length === 0 || failed > 0) process.exitCode = 1;
  }
} catch (err) {
  logTool(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
