/**
 * Looks at the staff web UI (/ui/) in a real headless browser and saves screenshots for a person
 * to check. Not part of `npm test`: it needs Chromium (Debian: `apt-get install -y chromium`) and
 * a running API with some encounters (`npm start`, then `npm run demo`).
 *
 *   npx tsx scripts/ui-screenshot.ts [API_URL] [TOKEN]
 *
 * API_URL defaults to http://127.0.0.1:3000 and TOKEN to supervisor-demo. CHROMIUM_PATH picks the
 * browser (default /usr/bin/chromium); OUT_DIR the folder (default /tmp). It enters the token,
 * waits for the worklist, opens an encounter that needs a person (or else the first one), and
 * saves ui-worklist.png and ui-encounter.png. Exits 1 when the page logged errors (a script
 * error, a refused Content-Security-Policy, a failed request).
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const apiUrl = (process.argv[2] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const token = process.argv[3] ?? 'supervisor-demo';
const outDir = process.env.OUT_DIR ?? '/tmp';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems: string[] = [];
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });

  await page.goto(`${apiUrl}/ui/`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Use token' }).click();
  await page.locator('#rows tr').first().waitFor({ timeout: 15_000 });
  const worklist = join(outDir, 'ui-worklist.png');
  await page.screenshot({ path: worklist, fullPage: true });
  console.log(`saved ${worklist}`);

  // Prefer an encounter where a person must decide.
  const attention = page.locator('#rows tr', { has: page.locator('.stage-escalated, .stage-denied, .stage-needs_review') });
  const row = (await attention.count()) > 0 ? attention.first() : page.locator('#rows tr').first();
  await row.getByRole('button').click();
  await page.locator('#detail:not([hidden]) #detail-body dl').first().waitFor({ timeout: 15_000 });
  const detail = join(outDir, 'ui-encounter.png');
  await page.screenshot({ path: detail, fullPage: true });
  console.log(`saved ${detail}`);
} finally {
  await browser.close();
}

if (problems.length > 0) {
  console.error(`the page reported ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('no errors in the page');
