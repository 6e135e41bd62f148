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
 * saves ui-worklist.png and ui-encounter.png (with a supervisor's token, also ui-audit.png: the
 * audit trail panel).
 *
 * With UI_OVERRIDE=1 it then acts as a coder (coder-demo) on the first encounter in a stage that
 * takes a code override: saves ui-override-form.png (the prefilled form), sends an invalid code
 * and saves ui-override-errors.png (the API's 400 shown at the field), then sends the current
 * codes plus a note and saves ui-override-outcome.png once the workflow flagged the outcome. This
 * changes that encounter: use it on a demo stack.
 *
 * Every input on the page must have a label. Exits 1 when the page logged errors (a script error,
 * a refused Content-Security-Policy, a failed request other than the 400 it provokes) or an input
 * has no label.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';

const { positionals } = parseArgs({ allowPositionals: true });
const apiUrl = (positionals[0] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const token = positionals[1] ?? 'supervisor-demo';
const outDir = process.env.OUT_DIR ?? '/tmp';

/** Inputs without a label (a <label for>, a wrapping label or aria-label) are problems. */
async function checkLabels(page: Page): Promise<void> {
  // No DOM types in this project's TypeScript: the inputs are typed loosely.
  const unlabelled = await page.$$eval('input, textarea, select', (inputs: any[]) =>
    inputs
      .filter((input) => input.type !== 'hidden')
      .filter((input) => (input.labels?.length ?? 0) === 0 && !input.getAttribute('aria-label'))
      .map((input) => String(input.id || input.outerHTML.slice(0, 80))),
  );
  for (const id of unlabelled) problems.push(`input without a label: ${id}`);
}

/** The coder's override: the prefilled form, a field error from the API, the workflow's outcome. */
async function overrideAsCoder(page: Page): Promise<void> {
  await page.getByLabel('API token').fill('coder-demo');
  await page.getByRole('button', { name: 'Use token' }).click();
  let opened = false;
  for (const stage of ['awaiting_clarification', 'escalated', 'needs_review', 'coding']) {
    await page.locator(`#stage-filters [data-stage="${stage}"]`).click();
    // A function, not a string: the page's Content-Security-Policy refuses eval. No DOM types here.
    await page.waitForFunction(
      (s: string) =>
        [...(globalThis as any).document.querySelectorAll('#rows .stage')].every((n: any) => n.classList.contains(`stage-${s}`)),
      stage,
    );
    await page.waitForTimeout(500);
    if ((await page.locator('#rows tr').count()) === 0) continue;
    await page.locator('#rows tr').first().getByRole('button').click();
    opened = true;
    break;
  }
  if (!opened) {
    problems.push('no encounter in a stage that takes a code override');
    return;
  }
  const form = page.locator('#override-form:not([hidden])');
  await form.waitFor({ timeout: 15_000 });
  await checkLabels(page);
  const formShot = join(outDir, 'ui-override-form.png');
  await page.screenshot({ path: formShot, fullPage: true });
  console.log(`saved ${formShot}`);

  const firstCode = page.getByLabel('Diagnosis 1 code (ICD-10-CM)');
  const original = await firstCode.inputValue();
  await firstCode.fill('NOT-A-CODE');
  expect400 = true;
  await page.getByRole('button', { name: 'Send these codes' }).click();
  await page.locator('#ovr-diagnoses-0-code-error').waitFor({ timeout: 15_000 });
  expect400 = false;
  const errorsShot = join(outDir, 'ui-override-errors.png');
  await page.locator('#actions').screenshot({ path: errorsShot });
  console.log(`saved ${errorsShot}`);

  await page.getByLabel('Diagnosis 1 code (ICD-10-CM)').fill(original);
  await page.getByLabel('Note on the code change (optional)').fill('Checked against the notes (ui-screenshot)');
  await page.getByRole('button', { name: 'Send these codes' }).click();
  await page.locator('#override-outcome.applied, #override-outcome.rejected').waitFor({ timeout: 30_000 });
  const outcomeShot = join(outDir, 'ui-override-outcome.png');
  await page.screenshot({ path: outcomeShot, fullPage: true });
  console.log(`saved ${outcomeShot}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems: string[] = [];
/** A 400 the script provokes on purpose (the invalid override) is not a problem. */
let expect400 = false;
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('console', (message) => {
    if (message.type() === 'error' && !(expect400 && /status of 400/.test(message.text()))) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !(expect400 && response.status() === 400))
      problems.push(`HTTP ${response.status()} for ${response.url()}`);
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
  await checkLabels(page);

  if (token.startsWith('supervisor')) {
    await page.locator('#audit:not([hidden]) table').waitFor({ timeout: 15_000 });
    await page.locator('#audit').scrollIntoViewIfNeeded();
    const audit = join(outDir, 'ui-audit.png');
    await page.locator('#audit').screenshot({ path: audit });
    console.log(`saved ${audit}`);
  }

  if (process.env.UI_OVERRIDE === '1') await overrideAsCoder(page);
} finally {
  await browser.close();
}

if (problems.length > 0) {
  console.error(`the page reported ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('no errors in the page');
