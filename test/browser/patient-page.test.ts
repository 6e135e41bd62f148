/**
 * The patient page and the billers' question worklist in a real browser (Debian's Chromium via
 * playwright-core) over the real stack: the patient opens the link at phone width, confirms the
 * date of birth and statement number, reads the bill, asks a question; a biller finds it on the
 * "Patient questions" screen and answers; the patient's page shows the answer. Every step is
 * checked (screenshot into .test-results/screenshots/, axe-core with no serious or critical
 * violation, no sideways scrolling, no error in the page, the page's strict CSP unchanged). The
 * question screen offers a payment plan and sending the claim back with the answer. The patient
 * then pays on the page with the payment sandbox's test cards: a declined card says so clearly
 * and charges nothing; an accepted one lowers the balance shown at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openCheckedPage, signIn } from '../../testkit/browser.ts';
import { call, validSubmission } from '../../testkit/http.ts';
import { SCENARIOS, TOKENS, submit, useBrowserStack, waitForStage } from './support.ts';

const { stack, browser, check } = useBrowserStack();
let linkUrl: string;
let statementNumber: string;
const dateOfBirth = validSubmission().patient.dateOfBirth;
const QUESTION = 'Why do I owe money when my insurance covers visits?';
const ANSWER = 'Your plan asks a $25 copay for each office visit; your insurer paid the rest.';

beforeAll(async () => {
  const encounter = await submit(stack, 'patient', SCENARIOS.routine);
  const billed = await waitForStage(stack, encounter.id, 'billed');
  const link = await call(stack.apiUrl, 'POST', `/statements/${billed.statementId}/access-links`, { token: TOKENS.biller });
  expect(link.status).toBe(201);
  linkUrl = link.body.url as string;
  const statement = await stack.db.prisma.patientStatement.findUniqueOrThrow({ where: { id: billed.statementId as string } });
  statementNumber = (statement.breakdown as { statementNumber: string }).statementNumber;
}, 300_000);

describe('the patient page and the billers’ question worklist', () => {
  it('patient opens the link, asks; the biller answers; the patient reads the answer', async () => {
    const patient = await openCheckedPage(browser, 'phone');
    // Before the date of birth is confirmed the page's first request is refused on purpose; a wrong answer is too.
    patient.expectedStatuses.add(401);
    const { page } = patient;
    await page.goto(linkUrl);
    await page.getByRole('heading', { name: 'Open your bill' }).waitFor();
    expect(new URL(page.url()).hash).toBe(''); // the token leaves the address bar at once
    await check(patient, 'patient-verify');

    await page.getByLabel('Your date of birth').fill('1999-12-31');
    await page.getByLabel('Statement number').fill(statementNumber);
    await page.getByRole('button', { name: 'Open my bill' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/does not match; 4 attempt\(s\) left/);

    await page.getByLabel('Your date of birth').fill(dateOfBirth);
    await page.getByRole('button', { name: 'Open my bill' }).click();
    await page.locator('.owed-amount').waitFor();
    await expect.poll(() => page.locator('#services').textContent()).toMatch(/Visit with your doctor/);
    await expect.poll(() => page.locator('#adjustments').textContent()).toMatch(/Your copay/);
    await check(patient, 'patient-bill');

    await page.getByLabel('What is it about?').selectOption({ label: 'I don’t understand a charge' });
    await page.getByLabel('Your question').fill(QUESTION);
    await page.getByRole('button', { name: 'Send my question' }).click();
    await expect.poll(() => page.locator('#questions').textContent()).toContain(QUESTION);
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/We received your question/);
    await check(patient, 'patient-question-asked');

    // The biller's worklist (desktop), the question opened, answered. The nav link, not the Billing
    // work tab of the same name (billers now land on Billing work).
    const biller = await signIn(browser, stack.apiUrl, TOKENS.biller, 'desktop');
    await biller.page.getByRole('link', { name: 'Patient questions', exact: true }).click();
    const row = biller.page.getByRole('link', { name: 'I don’t understand a charge' }).first();
    await row.waitFor();
    await check(biller, 'biller-patient-questions');
    await row.click();
    // Besides the answer: a payment plan and the claim sent back, each with the words the patient reads.
    await biller.page.getByRole('button', { name: 'Set up the plan' }).waitFor();
    await biller.page.getByRole('button', { name: 'Resubmit a corrected claim' }).waitFor();
    await biller.page.locator('#answer-text').fill(ANSWER);
    await biller.page.getByLabel('Attach the itemized bill').check();
    await check(biller, 'biller-patient-question-open');
    await biller.page.locator('#plan-form').scrollIntoViewIfNeeded();
    await check(biller, 'biller-patient-question-actions');
    await biller.page.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => stack.db.prisma.patientQuestion.count({ where: { status: 'answered' } })).toBe(1);
    await biller.close();

    // The patient's page shows the answer (the session cookie carries over a reload).
    await page.reload();
    await expect.poll(() => page.locator('#questions').textContent(), { timeout: 20_000 }).toContain(ANSWER);
    await expect.poll(() => page.locator('#questions').textContent()).toContain('Your itemized bill');
    await check(patient, 'patient-answer');
    await patient.close();

    // Desktop width of the same page.
    const wide = await openCheckedPage(browser, 'desktop');
    wide.expectedStatuses.add(401);
    await wide.page.goto(linkUrl);
    await wide.page.getByLabel('Your date of birth').fill(dateOfBirth);
    await wide.page.getByLabel('Statement number').fill(statementNumber);
    await wide.page.getByRole('button', { name: 'Open my bill' }).click();
    await expect.poll(() => wide.page.locator('#questions').textContent()).toContain(ANSWER);
    await check(wide, 'patient-answer');
    await wide.close();
  });

  it('patient pays by card: a declined card is a clear error and charges nothing; an accepted one lowers the balance at once', async () => {
    const statement = await stack.db.prisma.patientStatement.findFirstOrThrow({
      where: { breakdown: { path: ['statementNumber'], equals: statementNumber } },
    });
    const owed = statement.patientOwesCents;
    expect(owed).toBeGreaterThan(100);
    const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
    const patient = await openCheckedPage(browser, 'phone');
    patient.expectedStatuses.add(401); // the first request before the date of birth is confirmed
    patient.expectedStatuses.add(402); // the declined card, on purpose
    const { page } = patient;
    await page.goto(linkUrl);
    await page.getByLabel('Your date of birth').fill(dateOfBirth);
    await page.getByLabel('Statement number').fill(statementNumber);
    await page.getByRole('button', { name: 'Open my bill' }).click();
    await expect.poll(() => page.locator('#pay-balance').textContent()).toBe(`You owe ${dollars(owed)}.`);
    await check(patient, 'patient-pay');

    const payWith = async (card: string) => {
      await page.getByLabel('Amount to pay (dollars)').fill('1.00');
      await page.getByLabel('Card number').fill(card);
      await page.getByLabel('Expiry (MM/YY)').fill('12/30');
      await page.getByLabel('Security code').fill('123');
      await page.getByRole('button', { name: 'Pay now' }).click();
    };
    await payWith('4000 0000 0000 0002');
    const declined = page.getByRole('alert').filter({ hasText: 'declined' });
    await expect.poll(() => declined.textContent()).toBe('Your card was declined. Nothing was charged. You can try another card.');
    expect(await page.getByLabel('Card number').inputValue()).toBe(''); // nothing of the card stays on the page
    await check(patient, 'patient-pay-declined');
    expect(await stack.db.prisma.payment.count({ where: { statementId: statement.id, status: 'confirmed' } })).toBe(0);

    await payWith('4242 4242 4242 4242');
    await expect
      .poll(() => page.locator('#pay-result').textContent())
      .toBe(`Thank you: $1.00 was paid. You now owe ${dollars(owed - 100)}.`);
    await expect.poll(() => page.locator('#pay-balance').textContent()).toBe(`You owe ${dollars(owed - 100)}.`);
    await check(patient, 'patient-paid');
    expect(await stack.db.prisma.payment.count({ where: { statementId: statement.id, status: 'confirmed' } })).toBe(1);
    await patient.close();
  });
});
