/**
 * The biller's Payments tab in a real browser (Debian's Chromium via playwright-core) over the real
 * stack: a routine encounter is billed with a patient statement; the biller lands on Billing work,
 * opens the statement from the Payments tab, is told next to the field that an amount of zero is
 * refused, takes a cash payment at the desk and sees the balance drop at once, overpays by check
 * and completes the refund that opens (method and reference, audited); a second, larger overpayment
 * is left to a supervisor. Each screen is checked at desktop and phone width (screenshot, axe-core,
 * no sideways scrolling, no error in the page).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../testkit/browser.ts';
import { call } from '../../testkit/http.ts';
import { until } from '../../testkit/poll.ts';
import { SCENARIOS, TOKENS, submit, useBrowserStack, waitForStage, type Submitted } from './support.ts';

const { stack, browser, check } = useBrowserStack();
let routine: Submitted;
let statementId: string;
let owedCents: number;

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

beforeAll(async () => {
  routine = await submit(stack, 'desk', SCENARIOS.routine);
  await waitForStage(stack, routine.id, 'billed', 120_000);
  statementId = await until('the billed encounter’s statement', async () => {
    const response = await call(stack.apiUrl, 'GET', `/encounters/${routine.id}`, { token: TOKENS.biller });
    return response.status === 200 && (response.body.statementId as string | undefined);
  });
  const balance = await call(stack.apiUrl, 'GET', `/statements/${statementId}/balance`, { token: TOKENS.biller });
  owedCents = balance.body.balanceCents;
  expect(owedCents).toBeGreaterThan(500);
}, 300_000);

/** From the landing screen (Billing work): the Payments tab, then the statement's payments and refunds. */
async function openStatement(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Billing worklists' })
    .getByRole('link', { name: /^Payments and balances/ })
    .click();
  const row = page.locator('#billing-panel tr', { has: page.getByRole('link', { name: routine.clinicEncounterId, exact: true }) });
  await row.getByRole('link', { name: /: payments and refunds$/ }).click();
  await page.locator('#desk-balance-amount').waitFor();
}

const shownBalance = (page: Page) => page.locator('#desk-balance-amount').textContent();

describe('the biller’s Payments tab in Chromium', () => {
  it('desktop: a zero amount is refused at the field; a desk payment lowers the balance; an overpayment’s refund is completed', async () => {
    const rolePage = await signIn(browser, stack.apiUrl, TOKENS.biller, 'desktop');
    const { page } = rolePage;
    try {
      await openStatement(page);
      await expect.poll(() => shownBalance(page)).toBe(dollars(owedCents));
      await check(rolePage, 'biller-payment-desk');

      // The API refuses an amount of zero: said next to the amount, nothing posted.
      rolePage.expectedStatuses.add(400);
      await page.getByLabel('Amount in dollars').fill('0');
      await page.getByRole('button', { name: 'Record the payment' }).click();
      await expect.poll(() => page.locator('#desk-amount-error').textContent()).toBe('Must be more than $0.00');
      expect(await page.getByLabel('Amount in dollars').getAttribute('aria-invalid')).toBe('true');
      await check(rolePage, 'biller-payment-invalid');

      // Cash at the desk: the balance drops at once.
      await page.getByLabel('Amount in dollars').fill('5.00');
      await page.getByLabel('Paid by').selectOption('cash');
      await page.getByLabel('Receipt number').fill(`RCPT-${Date.now()}`);
      await page.getByRole('button', { name: 'Record the payment' }).click();
      await expect.poll(() => shownBalance(page)).toBe(dollars(owedCents - 500));
      expect(await page.locator('#desk-amount-error').isHidden()).toBe(true);
      await expect
        .poll(() => page.locator('#desk-payment-outcome').textContent())
        .toBe(`Recorded $5.00 (cash). Balance now ${dollars(owedCents - 500)}.`);

      // A check for $15.00 more than is left: overpaid, and a refund to make appears.
      await page.getByLabel('Amount in dollars').fill(((owedCents - 500 + 1_500) / 100).toFixed(2));
      await page.getByLabel('Paid by').selectOption('check');
      await page.getByLabel('Receipt number').fill(`CHK-${Date.now()}`);
      await page.getByRole('button', { name: 'Record the payment' }).click();
      await expect.poll(() => shownBalance(page)).toBe('$15.00 overpaid');
      const refund = page.locator('form.refund');
      await refund.waitFor();
      await refund.getByLabel('How the money goes back').selectOption('check');
      await refund.getByLabel('Check number or refund receipt').fill('CHK-REFUND-77');
      await refund.getByRole('button', { name: 'Complete the refund of $15.00' }).click();
      await expect
        .poll(() => page.locator('#desk-refund-outcome').textContent())
        .toBe('Refund of $15.00 completed (check mailed to the patient, CHK-REFUND-77).');
      await expect.poll(() => shownBalance(page)).toBe('$0.00');
      await expect
        .poll(() => page.locator('#desk-refunds').textContent())
        .toMatch(/Refunded \$15\.00 \(check mailed to the patient, CHK-REFUND-77\) by biller-demo/);
      await check(rolePage, 'biller-refund-completed');
    } finally {
      await rolePage.close();
    }
    const refunds = await call(stack.apiUrl, 'GET', `/refunds?statement=${statementId}&status=refunded`, { token: TOKENS.biller });
    expect(refunds.body.items).toEqual([
      expect.objectContaining({ amountCents: 1_500, method: 'check', reference: 'CHK-REFUND-77', resolvedBy: 'biller-demo' }),
    ]);
  });

  it('phone width: the statement’s money fits; a refund above the approval amount is left to a supervisor', async () => {
    // A second overpayment, of $150.00 (above the $100.00 approval amount).
    const over = await call(stack.apiUrl, 'POST', `/statements/${statementId}/payments`, {
      token: TOKENS.biller,
      body: { amountCents: 15_000, method: 'card_present', reference: `TERM-${Date.now()}` },
    });
    expect(over.status, over.text).toBe(201);
    const rolePage = await signIn(browser, stack.apiUrl, TOKENS.biller, 'phone');
    const { page } = rolePage;
    try {
      await openStatement(page);
      await expect.poll(() => shownBalance(page)).toBe('$150.00 overpaid');
      await expect.poll(() => page.locator('#desk-refunds').textContent()).toMatch(/Above \$100\.00: a supervisor completes this refund\./);
      expect(await page.getByRole('button', { name: 'Complete the refund of $150.00' }).count()).toBe(0);
      await check(rolePage, 'biller-payment-desk');
    } finally {
      await rolePage.close();
    }
  });
});
