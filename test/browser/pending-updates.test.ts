/**
 * A coder's answer the workflow accepted but had not finished when the API answered (202 with a
 * status link), in Chromium over the real stack with the API told not to wait for results at all
 * (updateResultWaitMs 0: a coder's edit, whose codes the workflow looks up, is always still
 * running when the API answers). The page says "pending" while the link says in progress, then
 * shows the outcome: a code refused after the 202 is marked at its field exactly as a 422 at once
 * is (test/browser/coder.test.ts); accepted codes are shown as applied. The status link is held
 * back by the test until "pending" has been seen, so the check does not depend on timing.
 */
import type { Page, Route } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../testkit/browser.ts';
import { FAST_TIMINGS } from '../../testkit/stack.ts';
import { SCENARIOS, TOKENS, submit, waitForStage, type Submitted, useBrowserStack } from './support.ts';

let encounter: Submitted;
const { stack, browser, check } = useBrowserStack({ timings: FAST_TIMINGS, straightThrough: 'product-default', updateResultWaitMs: 0 });

beforeAll(async () => {
  encounter = await submit(stack, 'pending', SCENARIOS.routine);
  await waitForStage(stack, encounter.id, 'coder_review');
}, 300_000);

/** Holds the status link's answers until `release()`; counts the requests the page made to it. */
async function holdStatusLink(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const asked: string[] = [];
  await page.route('**/encounters/*/updates/*', async (route: Route) => {
    asked.push(route.request().url());
    await released;
    await route.continue();
  });
  return { asked, release };
}

describe('an update still being applied, in the coder’s screen', () => {
  it('shows pending while the status link says so, then a refused code at its field like a 422; accepted codes as applied', async () => {
    const rolePage = await signIn(browser, stack.apiUrl, TOKENS.coder, 'desktop');
    const { page } = rolePage;
    const posted: number[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'POST' && response.url().endsWith('/coder-review')) posted.push(response.status());
    });
    try {
      await page.getByRole('link', { name: 'Coder review', exact: true }).click();
      await page.getByRole('link', { name: encounter.clinicEncounterId }).click();
      await page.locator('#cr-form').waitFor();

      // A well-formed code the code sets do not have, refused by the workflow after the API answered 202.
      const link = await holdStatusLink(page);
      const firstCode = page.getByLabel('Diagnosis 1 code');
      const suggested = await firstCode.inputValue();
      await firstCode.fill('Z99.999');
      await page.getByRole('button', { name: 'Send my codes' }).click();
      await expect.poll(() => page.locator('#cr-outcome .outcome.pending').textContent()).toContain('Pending');
      expect(posted).toEqual([202]);
      await expect.poll(() => link.asked.length).toBeGreaterThan(0);
      await check(rolePage, 'coder-review-pending');
      link.release();

      const error = page.locator('#cr-diagnoses-0-code-error');
      await expect.poll(() => error.textContent(), { timeout: 30_000 }).toContain('Z99.999');
      expect(await firstCode.getAttribute('aria-invalid')).toBe('true');
      expect(await firstCode.inputValue()).toBe('Z99.999');
      expect(await page.locator('#cr-outcome .outcome.rejected').textContent()).toContain('The codes were refused: Z99.999');
      await check(rolePage, 'coder-review-refused-after-pending');

      // The suggested codes back, and accepted: done once the workflow applied them, and the encounter moves on.
      await page.unroute('**/encounters/*/updates/*');
      await page.getByRole('button', { name: 'Undo my changes' }).click();
      expect(await firstCode.inputValue()).toBe(suggested);
      await page.getByRole('button', { name: 'Accept the suggested codes' }).click();
      await expect.poll(() => page.locator('#cr-outcome .outcome.applied').textContent(), { timeout: 30_000 }).toContain('Codes accepted');
      expect(posted).toHaveLength(2);
      await waitForStage(stack, encounter.id, 'billed', 120_000);
    } finally {
      await rolePage.close();
    }
  });
});
