/**
 * The coder's worklist in Chromium over the real stack, with the product's default of a coder
 * confirming every encounter (straight-through billing off): the coder opens the worklist, opens
 * an encounter waiting for review (suggested codes, rationale, evidence highlighted in the note),
 * sends a code the code sets do not have and sees the API's 422 next to the field, undoes it,
 * accepts the suggested codes and sees where the encounter went. Checked at desktop and phone
 * width (screenshots, axe, no sideways scrolling, no error in the page).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, type RolePage, type ViewportName } from '../../testkit/browser.ts';
import { FAST_TIMINGS } from '../../testkit/stack.ts';
import { SCENARIOS, TOKENS, submit, waitForStage, type Submitted, useBrowserStack } from './support.ts';

let accepted: Submitted;
let stillWaiting: Submitted;
const { stack, browser, check } = useBrowserStack({ timings: FAST_TIMINGS, straightThrough: 'product-default' });

beforeAll(async () => {
  accepted = await submit(stack, 'coder-accepts', SCENARIOS.routine);
  stillWaiting = await submit(stack, 'coder-later', SCENARIOS.routine);
  await Promise.all([waitForStage(stack, accepted.id, 'coder_review'), waitForStage(stack, stillWaiting.id, 'coder_review')]);
}, 300_000);

/** Signs in as a coder and opens the coder worklist from the nav. */
async function openWorklist(viewport: ViewportName): Promise<RolePage> {
  const rolePage = await signIn(browser, stack.apiUrl, TOKENS.coder, viewport);
  await rolePage.page.getByRole('link', { name: 'Coder review', exact: true }).click();
  await rolePage.page.locator('#cr-list table').waitFor();
  return rolePage;
}

async function openEncounter(page: Page, encounter: Submitted): Promise<void> {
  await page.getByRole('link', { name: encounter.clinicEncounterId }).click();
  await expect.poll(() => page.locator('#cr-title').textContent()).toBe(`Encounter ${encounter.clinicEncounterId}`);
  await page.locator('#cr-form').waitFor();
}

describe('the coder’s worklist in Chromium', () => {
  it('opens an encounter waiting for review, is told at the field that a code does not exist, accepts, sees the result', async () => {
    const rolePage = await openWorklist('desktop');
    const { page } = rolePage;
    try {
      await page.getByRole('link', { name: accepted.clinicEncounterId }).waitFor();
      await check(rolePage, 'coder-review-worklist');
      await openEncounter(page, accepted);
      // Why it waits, the suggestions with their rationale, and the evidence marked in the note.
      await expect.poll(() => page.locator('#cr-detail').textContent()).toContain('not confident enough to bill');
      expect(await page.locator('#cr-detail .rationale li').count()).toBeGreaterThan(0);
      expect(await page.locator('#cr-detail mark').count()).toBeGreaterThan(0);
      await check(rolePage, 'coder-review-encounter');

      // A well-formed code the code sets do not have: the API's 422 names it, shown at its field.
      rolePage.expectedStatuses.add(422);
      const firstCode = page.getByLabel('Diagnosis 1 code');
      const suggested = await firstCode.inputValue();
      await firstCode.fill('Z99.999');
      await page.getByRole('button', { name: 'Send my codes' }).click();
      const error = page.locator('#cr-diagnoses-0-code-error');
      await expect.poll(() => error.textContent()).toContain('Z99.999');
      expect(await page.getByLabel('Diagnosis 1 code').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByLabel('Diagnosis 1 code').inputValue()).toBe('Z99.999');
      await check(rolePage, 'coder-review-invalid-code');

      await page.getByRole('button', { name: 'Undo my changes' }).click();
      expect(await page.getByLabel('Diagnosis 1 code').inputValue()).toBe(suggested);
      await page.getByRole('button', { name: 'Accept the suggested codes' }).click();
      await expect.poll(() => page.locator('#cr-outcome .outcome.applied').textContent(), { timeout: 30_000 }).toContain('Codes accepted');
      await expect.poll(() => page.locator('#cr-list').textContent(), { timeout: 30_000 }).not.toContain(accepted.clinicEncounterId);
      expect(await page.locator('#cr-list').textContent()).toContain(stillWaiting.clinicEncounterId);
      // The workflow took it: the encounter left coder review.
      await expect
        .poll(async () => (await waitForStage(stack, accepted.id, 'billed', 120_000).catch(() => null))?.stage, { timeout: 130_000 })
        .toBe('billed');
    } finally {
      await rolePage.close();
    }
  });

  it('at phone width: the worklist and the open encounter, nothing cut off', async () => {
    const rolePage = await openWorklist('phone');
    try {
      await rolePage.page.getByRole('link', { name: stillWaiting.clinicEncounterId }).waitFor();
      await check(rolePage, 'coder-review-worklist');
      await openEncounter(rolePage.page, stillWaiting);
      await check(rolePage, 'coder-review-encounter');
    } finally {
      await rolePage.close();
    }
  });
});
