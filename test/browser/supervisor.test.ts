/**
 * The supervisor's overview in Chromium over the real stack: a physician query left unanswered
 * past its (short) deadline escalates its encounter, and the overview lists it first, flagged
 * escalated and overdue; the supervisor filters, opens it and lands on the encounter. Also: a
 * token the API does not know, and a role without screens (intake), see a message and no data
 * screen. Checked at desktop and phone width (screenshots, axe, no sideways scrolling).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openCheckedPage, signIn, type RolePage, type ViewportName } from '../../testkit/browser.ts';
import { call, validSubmission } from '../../testkit/http.ts';
import { FAST_TIMINGS } from '../../testkit/stack.ts';
import { SCENARIOS, TOKENS, submit, waitForStage, type Submitted, useBrowserStack } from './support.ts';

let escalated: Submitted;
let waiting: Submitted;
/** Escalated too, later, for another physician: the physician filter shows it alone. */
let otherPhysician: Submitted;
const OTHER_NPI = '1245319599';
// FAST_TIMINGS: a physician query is due after 6 s, then the encounter is escalated.
const { stack, browser, check } = useBrowserStack({ timings: FAST_TIMINGS });

beforeAll(async () => {
  escalated = await submit(stack, 'escalated', SCENARIOS.vagueDiabetes);
  waiting = await submit(stack, 'coder-wait', SCENARIOS.unitsEdit);
  await waitForStage(stack, escalated.id, 'awaiting_clarification');
  const base = validSubmission({ clinicEncounterId: `UI-other-physician-${Date.now()}` });
  const other = await call(stack.apiUrl, 'POST', '/encounters', {
    token: TOKENS.intake,
    body: { ...base, documentation: SCENARIOS.vagueDiabetes, provider: { npi: OTHER_NPI, name: 'Dr. Demo Two', taxonomy: '207Q00000X' } },
  });
  expect(other.status).toBe(201);
  otherPhysician = { id: other.body.id as string, clinicEncounterId: base.clinicEncounterId };
  await Promise.all([
    waitForStage(stack, escalated.id, 'escalated'),
    waitForStage(stack, otherPhysician.id, 'escalated'),
    waitForStage(stack, waiting.id, 'coder_review'),
  ]);
}, 300_000);

/** Signs in as the supervisor and opens the overview from the nav. */
async function openOverview(viewport: ViewportName): Promise<RolePage> {
  const rolePage = await signIn(browser, stack.apiUrl, TOKENS.supervisor, viewport);
  await rolePage.page.getByRole('link', { name: 'Overview', exact: true }).click();
  await rolePage.page.locator('#overview-attention table').waitFor();
  return rolePage;
}

const firstAttentionRow = (rolePage: RolePage) => rolePage.page.locator('#overview-attention tbody tr').first();

describe('the supervisor’s overview in Chromium', () => {
  it('lists the escalated, overdue query first; filters by payer and physician; opens it', async () => {
    const rolePage = await openOverview('desktop');
    const { page } = rolePage;
    try {
      const first = firstAttentionRow(rolePage);
      await expect.poll(() => first.locator('a').textContent(), { timeout: 20_000 }).toBe(escalated.clinicEncounterId);
      expect(await first.locator('.flag').allTextContents()).toEqual(['Escalated', 'Overdue']);
      await expect
        .poll(() => page.locator('#overview-totals').textContent())
        .toMatch(/\d+ waiting · [1-9]\d* overdue · [1-9]\d* escalated/);
      // The coder's queue counts the encounter waiting for a coder.
      const coderRow = page.locator('#overview-queues tbody tr', { hasText: 'Encounters waiting for a coder' });
      expect(await coderRow.locator('td').nth(2).textContent()).toBe('1');
      await check(rolePage, 'supervisor-overview');

      // One physician: only that physician's work; "Show all" brings the rest back.
      const links = () => page.locator('#overview-attention tbody a').allTextContents();
      expect(await links()).toContain(otherPhysician.clinicEncounterId);
      await page.getByRole('combobox', { name: 'Physician' }).selectOption(OTHER_NPI);
      await expect.poll(() => first.locator('a').textContent(), { timeout: 20_000 }).toBe(otherPhysician.clinicEncounterId);
      expect(await links()).not.toContain(escalated.clinicEncounterId);
      await page.getByRole('combobox', { name: 'Payer' }).selectOption('ACME-HEALTH');
      await expect.poll(() => page.locator('#overview-by-physician tbody tr').count(), { timeout: 20_000 }).toBe(1);
      await page.getByRole('button', { name: 'Show all' }).click();
      await expect.poll(() => first.locator('a').textContent(), { timeout: 20_000 }).toBe(escalated.clinicEncounterId);
      expect(await page.getByRole('combobox', { name: 'Payer' }).inputValue()).toBe('');

      await first.locator('a').click();
      await expect
        .poll(() => page.locator('#detail-title').textContent(), { timeout: 20_000 })
        .toBe(`Encounter ${escalated.clinicEncounterId}`);
      await expect.poll(() => page.locator('#detail-body dl .stage').first().textContent(), { timeout: 20_000 }).toBe('Escalated');
      expect(new URL(page.url()).hash).toBe(`#/encounters/${escalated.id}`);
    } finally {
      await rolePage.close();
    }
    const phone = await openOverview('phone');
    try {
      await expect.poll(() => firstAttentionRow(phone).locator('a').textContent(), { timeout: 20_000 }).toBe(escalated.clinicEncounterId);
      await check(phone, 'supervisor-overview');
    } finally {
      await phone.close();
    }
  });

  it('shows a token the API does not know, and a role without screens, no data screen', async () => {
    for (const [token, name, message] of [
      ['not-a-known-token', 'unknown-role', /does not know this token/],
      [TOKENS.intake, 'intake-role', /role "intake" has no screen/],
    ] as const) {
      const rolePage = await openCheckedPage(browser, 'desktop');
      rolePage.expectedStatuses.add(401); // the unknown token's GET /whoami
      const { page } = rolePage;
      try {
        await page.goto(`${stack.apiUrl}/ui/`);
        await page.getByLabel('API token').fill(token);
        await page.getByRole('button', { name: 'Use token' }).click();
        await expect.poll(() => page.locator('#access').textContent(), { timeout: 20_000 }).toMatch(message);
        expect(await page.locator('#screens > section:not([hidden])').count()).toBe(0);
        expect(await page.locator('#screen-nav').isHidden()).toBe(true);
        await check(rolePage, name);
      } finally {
        await rolePage.close();
      }
    }
  });
});
