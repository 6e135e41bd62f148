/**
 * The biller's work in a real browser (Debian's Chromium via playwright-core) over the real
 * stack: an encounter is driven to a denial (the insurer sandbox denies 99215 for member
 * M-DENY-LEVEL5 at BLUE-PLAINS) and a routine one to a statement with a balance; the biller signs
 * in, finds the denial on the "Billing work" screen (denials first, soonest deadline first), opens
 * the encounter (claim status history, remittance lines with adjustments in words, the denial with
 * its deadline), downloads the 837P, is told next to the field what an action lacks, appeals
 * with a PDF and sees the appeal filed. Each screen is checked at desktop and phone width
 * (screenshot into .test-results/screenshots/, axe-core with no serious or critical violation,
 * no sideways scrolling, no error in the page).
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, type RolePage } from '../../testkit/browser.ts';
import { SCENARIOS, TOKENS, BROWSER_TIMINGS, submit, useBrowserStack, waitForStage, type Submitted } from './support.ts';

let denied: Submitted;
let routine: Submitted;
let modifier: Submitted;
let inactive: Submitted;
// A payer-directory day of an hour: BLUE-PLAINS's 60-day appeal limit stays ahead of the check.
const { stack, browser, check } = useBrowserStack({ timings: { ...BROWSER_TIMINGS, payerDay: '1h' } });

beforeAll(async () => {
  [denied, routine, modifier, inactive] = await Promise.all([
    submit(stack, 'denied', SCENARIOS.deniedLevel5, 'M-DENY-LEVEL5', 'BLUE-PLAINS'),
    submit(stack, 'balance', SCENARIOS.routine),
    submit(stack, 'modifier', SCENARIOS.missingModifier25, 'M-MOD25'),
    submit(stack, 'inactive', SCENARIOS.routine, 'M-INACTIVE'),
  ]);
  await Promise.all([
    waitForStage(stack, denied.id, 'denial_review', 120_000),
    waitForStage(stack, routine.id, 'billed', 120_000),
    waitForStage(stack, modifier.id, 'denial_review', 120_000),
    waitForStage(stack, inactive.id, 'awaiting_coverage', 120_000),
  ]);
}, 300_000);

/** Opens the Billing work screen from the nav, on one of its tabs. */
async function openBillingTab(page: Page, tab: RegExp): Promise<void> {
  await page.getByRole('link', { name: 'Billing work' }).click();
  await page.getByRole('navigation', { name: 'Billing worklists' }).getByRole('link', { name: tab }).click();
}

/** The denials tab lists the denied encounter with the payer's reason in words; it opens the encounter view. */
async function findAndOpenDenial(rolePage: RolePage): Promise<void> {
  const { page } = rolePage;
  await openBillingTab(page, /^Denials/);
  const link = page.locator('#billing-panel').getByRole('link', { name: denied.clinicEncounterId });
  await link.waitFor();
  await expect.poll(() => page.locator('#billing-panel').textContent()).toMatch(/does not consider the service medically necessary/);
  await check(rolePage, 'biller-denials');
  await link.click();
  await expect.poll(() => page.locator('#detail-title').textContent()).toBe(`Encounter ${denied.clinicEncounterId}`);
  await page.getByRole('heading', { name: 'Act on the open denials' }).waitFor();
}

describe('the biller’s denials, claims and balances in Chromium', () => {
  it('phone width: the worklists and the denied encounter fit the screen', async () => {
    const rolePage = await signIn(browser, stack.apiUrl, TOKENS.biller, 'phone');
    try {
      await findAndOpenDenial(rolePage);
      await check(rolePage, 'biller-denial-encounter');
      await openBillingTab(rolePage.page, /^Eligibility/);
      await rolePage.page.locator('#billing-panel').getByRole('link', { name: inactive.clinicEncounterId }).waitFor();
      await check(rolePage, 'biller-eligibility');
      await openBillingTab(rolePage.page, /^Payments and balances/);
      await rolePage.page.locator('#billing-panel').getByRole('link', { name: routine.clinicEncounterId }).waitFor();
      await check(rolePage, 'biller-payments');
    } finally {
      await rolePage.close();
    }
  });

  it('desktop: sees the denial, reads the claim and remittance in words, downloads the 837P, appeals with a PDF', async () => {
    const rolePage = await signIn(browser, stack.apiUrl, TOKENS.biller, 'desktop');
    const { page } = rolePage;
    try {
      await openBillingTab(page, /^Payments and balances/);
      const balanceRow = page.locator('#billing-panel tr', { has: page.getByRole('link', { name: routine.clinicEncounterId }) });
      await expect.poll(() => balanceRow.textContent()).toMatch(/Balance owed/);
      await check(rolePage, 'biller-payments');

      await findAndOpenDenial(rolePage);
      const body = page.locator('#detail-body');
      // Claim status history, the remittance line with its adjustment explained, the denial's deadline.
      await expect.poll(() => body.textContent()).toMatch(/Payer acknowledgement/);
      await expect
        .poll(() => body.textContent())
        .toMatch(/CO-50: the payer does not consider the service medically necessary \(contractual/);
      await expect.poll(() => body.textContent()).toMatch(/N115/);
      await expect.poll(() => page.locator('[data-denial-status]').first().textContent()).toBe('Open: waiting for a biller');
      await check(rolePage, 'biller-denial-encounter');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page
          .getByRole('button', { name: /^Download the 837P of claim/ })
          .first()
          .click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^837P-.+\.x12$/);
      const x12 = await readFile(await download.path(), 'utf8');
      expect(x12).toMatch(/^ISA\*/);
      expect(x12).toContain('SV1*HC:99215');

      // What an action lacks is said next to its field.
      await page.getByLabel('Write off').check();
      await page.getByRole('button', { name: 'Write off the denied lines' }).click();
      await expect.poll(() => page.locator('#denial-reason-error').textContent()).toBe('Say why it is written off.');
      expect(await page.getByLabel('Reason for the write-off').getAttribute('aria-invalid')).toBe('true');

      await page.getByLabel('Appeal with a document').check();
      await page
        .getByLabel('Why the payer should pay (sent with the appeal)')
        .fill('The level of service is documented in the visit note.');
      await page.getByRole('button', { name: 'File the appeal' }).click();
      await expect.poll(() => page.locator('#denial-document-error').textContent()).toBe('Choose the document to send with the appeal.');
      await check(rolePage, 'biller-denial-errors');

      await page.getByLabel('Appeal document').setInputFiles({
        name: 'necessity-letter.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n% letter of medical necessity\n'),
      });
      await page.getByRole('button', { name: 'File the appeal' }).click();
      await expect.poll(() => page.locator('#denial-action-outcome').textContent()).toBe('Appeal filed with the payer.');
      await expect.poll(() => page.locator('[data-denial-status]').first().textContent(), { timeout: 30_000 }).toBe('Appealed');
      await check(rolePage, 'biller-denial-appealed');
    } finally {
      await rolePage.close();
    }
    // The appeal reached the workflow: the payer overturns the denial and the encounter is billed.
    const billed = await waitForStage(stack, denied.id, 'billed', 120_000);
    expect(billed.denials[0].status).toBe('appealed');
  });

  it('desktop: sees the coverage problem, and resubmits a corrected claim with the missing modifier', async () => {
    const rolePage = await signIn(browser, stack.apiUrl, TOKENS.biller, 'desktop');
    const { page } = rolePage;
    try {
      await openBillingTab(page, /^Eligibility/);
      const eligibilityRow = page.locator('#billing-panel tr', { has: page.getByRole('link', { name: inactive.clinicEncounterId }) });
      await expect.poll(() => eligibilityRow.textContent()).toMatch(/Coverage not active/);
      await check(rolePage, 'biller-eligibility');

      await openBillingTab(page, /^Denials/);
      await page.locator('#billing-panel').getByRole('link', { name: modifier.clinicEncounterId }).click();
      await expect.poll(() => page.locator('#detail-title').textContent()).toBe(`Encounter ${modifier.clinicEncounterId}`);
      await expect.poll(() => page.locator('#detail-body').textContent()).toMatch(/CO-4: the procedure code does not fit the modifier/);
      await page.getByLabel('Resubmit a corrected claim').check();
      const modifiers = page.getByLabel('Modifiers for 99214 on the corrected claim');
      await modifiers.fill('2');
      await page.getByRole('button', { name: 'Resubmit the corrected claim' }).click();
      await expect.poll(() => page.locator('#denial-corrections-error').textContent()).toMatch(/^99214: Up to four modifiers/);
      expect(await modifiers.getAttribute('aria-invalid')).toBe('true');
      await modifiers.fill('25');
      await page.getByRole('button', { name: 'Resubmit the corrected claim' }).click();
      await expect.poll(() => page.locator('#denial-action-outcome').textContent()).toBe('Corrected claim sent for resubmission.');
      await expect
        .poll(() => page.locator('[data-denial-status]').first().textContent(), { timeout: 30_000 })
        .toBe('Resubmitted as a corrected claim');
      // The replacement claim (frequency 7) appears beside the original, and the payer pays it.
      await page.getByRole('heading', { name: /\(corrected replacement\)$/ }).waitFor({ timeout: 60_000 });
      await check(rolePage, 'biller-denial-resubmitted');
    } finally {
      await rolePage.close();
    }
    await waitForStage(stack, modifier.id, 'billed', 120_000);
  });
});
