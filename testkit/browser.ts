/**
 * The staff UI in a real browser, for the browser checks (test/browser/, `npm run test:browser`):
 * Debian's Chromium driven by playwright-core, a page per role signed in with its token, the
 * problems the page reports (script errors, refused Content-Security-Policy, failed requests),
 * screenshots at desktop and phone width into .test-results/screenshots/, and axe-core's
 * accessibility check.
 *
 * There is no skipping: without Chromium `launchChromium` throws, so the checks fail where the
 * browser is missing (CI installs it: `apt-get install -y chromium`).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const VIEWPORTS = {
  desktop: { width: 1440, height: 1000 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export const SCREENSHOT_DIR = fileURLToPath(new URL('../.test-results/screenshots/', import.meta.url));

/** Debian's Chromium (CHROMIUM_PATH to use another); throws when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is not installed at ${executablePath}: the browser checks need it (Debian: apt-get install -y chromium; or set CHROMIUM_PATH)`,
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page signed in as one role, with what went wrong in it. */
export interface RolePage {
  page: Page;
  viewport: ViewportName;
  /** Script errors, console errors, refused CSP, HTTP answers >= 400 not expected by the check. */
  problems: string[];
  /** Statuses the check provokes on purpose (e.g. 400 for an invalid form): not problems. */
  expectedStatuses: Set<number>;
  close(): Promise<void>;
}

/** A fresh page at `viewport` that records what goes wrong in it (script errors, CSP refusals, HTTP >= 400). */
export async function openCheckedPage(browser: Browser, viewport: ViewportName): Promise<RolePage> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport] });
  const page = await context.newPage();
  const problems: string[] = [];
  const expectedStatuses = new Set<number>();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs every failed request as a console error too; the response handler judges those.
    if (/Failed to load resource: the server responded with a status of (\d+)/.test(message.text())) return;
    problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !expectedStatuses.has(response.status()))
      problems.push(`HTTP ${response.status()} for ${new URL(response.url()).pathname}`);
  });
  return { page, viewport, problems, expectedStatuses, close: () => context.close() };
}

/** Opens /ui/ at `viewport`, enters `token` and waits until the page has drawn a screen. */
export async function signIn(browser: Browser, apiUrl: string, token: string, viewport: ViewportName): Promise<RolePage> {
  const rolePage = await openCheckedPage(browser, viewport);
  const { page } = rolePage;
  await page.goto(`${apiUrl}/ui/`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Use token' }).click();
  await page.locator('#screen-nav').waitFor({ state: 'attached' });
  return rolePage;
}

/** Saves a full-page screenshot as .test-results/screenshots/<name>-<viewport>.png and returns its path. */
export async function saveScreenshot(rolePage: RolePage, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name}-${rolePage.viewport}.png`;
  await rolePage.page.screenshot({ path, fullPage: true });
  return path;
}

let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending elements (the first few). */
  targets: string[];
}

/**
 * axe-core's violations on the page as it stands, serious and critical only (WCAG 2.x A and AA
 * rules). The script is evaluated through the DevTools protocol, which the page's CSP does not
 * govern, so the page keeps its strict policy.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof (globalThis as any).axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  const violations: AxeViolation[] = await page.evaluate(async () => {
    const result = await (globalThis as any).axe.run((globalThis as any).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: String(v.impact),
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n: any) => String(n.target)),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * The checks every screen gets at each width: a screenshot, axe with no serious or critical
 * violation, nothing wider than the viewport (no sideways scrolling at phone width) and no
 * problem reported by the page. Returns the screenshot's path and what failed (empty: passed).
 */
export async function checkScreen(rolePage: RolePage, name: string): Promise<{ screenshot: string; failures: string[] }> {
  const { page } = rolePage;
  const screenshot = await saveScreenshot(rolePage, name);
  const failures: string[] = [];
  for (const v of await seriousAxeViolations(page)) failures.push(`axe ${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
  const overflow = await page.evaluate(() => {
    const doc = (globalThis as any).document.documentElement;
    const width = doc.clientWidth;
    // The outermost elements that stick out, to say what to fix.
    const culprits = [...doc.querySelectorAll('body *')]
      .filter(
        (node: any) => node.getBoundingClientRect().right > width + 1 && !(node.parentElement?.getBoundingClientRect().right > width + 1),
      )
      .filter((node: any) => !node.parentElement?.closest('.table-wrap'))
      .slice(0, 5)
      .map(
        (node: any) =>
          `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.className && typeof node.className === 'string' ? `.${node.className.split(' ').join('.')}` : ''}`,
      );
    return { by: doc.scrollWidth - width, culprits };
  });
  if (overflow.by > 1)
    failures.push(
      `the page is ${overflow.by}px wider than the ${rolePage.viewport} viewport (sideways scrolling) at ${overflow.culprits.join(', ')}`,
    );
  failures.push(...rolePage.problems);
  return { screenshot, failures };
}
