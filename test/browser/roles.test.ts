/**
 * Each role's main path in a real browser (Debian's Chromium through playwright-core) over the
 * real stack: sign in with the role's token, see the worklist, open an item, act, see the
 * result; each role lands on its own screen, and deep links still open what they name. Every
 * screen on the way is checked at desktop and phone width (screenshot into
 * .test-results/screenshots/, axe-core with no serious or critical violation, no sideways
 * scrolling, no error in the page). Run with `npm run test:browser`; see /work/coord/screens.md
 * or testkit/browser.ts to add a check.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn, type ViewportName } from '../../testkit/browser.ts';
import { call } from '../../testkit/http.ts';
import { SCENARIOS, TOKENS, submit, useBrowserStack, waitForStage, type Submitted } from './support.ts';

const encounters: Record<'askedPhysician' | 'forCoder' | 'forSupervisor' | 'billed', Submitted> = {} as never;
const { stack, browser, check } = useBrowserStack();

beforeAll(async () => {
  encounters.askedPhysician = await submit(stack, 'physician', SCENARIOS.vagueDiabetes);
  encounters.forCoder = await submit(stack, 'coder', SCENARIOS.vagueDiabetes);
  encounters.forSupervisor = await submit(stack, 'supervisor', SCENARIOS.unitsEdit);
  encounters.billed = await submit(stack, 'biller', SCENARIOS.routine);
  await Promise.all([
    waitForStage(stack, encounters.askedPhysician.id, 'awaiting_clarification'),
    waitForStage(stack, encounters.forCoder.id, 'awaiting_clarification'),
    // The units edit waits for a coder first: a coder confirms both studies are documented, then the supervisor signs off.
    waitForStage(stack, encounters.forSupervisor.id, 'coder_review')
      .then(() =>
        call(stack.apiUrl, 'POST', `/encounters/${encounters.forSupervisor.id}/coder-review`, {
          token: TOKENS.coder,
          body: { action: 'accept', note: 'both studies documented' },
        }),
      )
      .then((accepted) => expect(accepted.status).toBe(200))
      .then(() => waitForStage(stack, encounters.forSupervisor.id, 'needs_review')),
    waitForStage(stack, encounters.billed.id, 'billed'),
  ]);
}, 300_000);

/** Each role's own screen, where it lands after giving its token (web/screens/index.js LANDING). */
const LANDINGS = [
  { token: TOKENS.coder, role: 'coder', screen: '#screen-coder-review' },
  { token: TOKENS.biller, role: 'biller', screen: '#screen-billing' },
  { token: TOKENS.physicianA, role: 'physician', screen: '#screen-inbox' },
  { token: TOKENS.supervisor, role: 'supervisor', screen: '#screen-overview' },
] as const;

/** Roles land on their own screen: the encounter worklist is one click away in the nav. */
async function openEncounters(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Encounters', exact: true }).click();
  await expect.poll(() => page.locator('#screen-encounters').isVisible()).toBe(true);
}

/** Opens an encounter from the worklist and waits for its view. */
async function openFromWorklist(page: Page, encounter: Submitted): Promise<void> {
  await page.getByRole('button', { name: encounter.clinicEncounterId }).click();
  await expect.poll(() => page.locator('#detail-title').textContent()).toBe(`Encounter ${encounter.clinicEncounterId}`);
  await page.locator('#detail-body dl').first().waitFor();
}

/** The stage the encounter view shows (its label). */
const shownStage = (page: Page) => page.locator('#detail-body dl .stage').first().textContent();

async function atPhoneWidth(token: string, role: string, encounter: Submitted): Promise<void> {
  const rolePage = await signIn(browser, stack.apiUrl, token, 'phone' satisfies ViewportName);
  try {
    await openEncounters(rolePage.page);
    await rolePage.page.getByRole('button', { name: encounter.clinicEncounterId }).waitFor();
    await check(rolePage, `${role}-worklist`);
    await openFromWorklist(rolePage.page, encounter);
    await check(rolePage, `${role}-encounter`);
  } finally {
    await rolePage.close();
  }
}

describe('each role’s main path in Chromium', () => {
  it('each role lands on its own screen at both widths; a deep link still opens what it names', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      for (const { token, role, screen } of LANDINGS) {
        const rolePage = await signIn(browser, stack.apiUrl, token, viewport);
        try {
          await expect.poll(() => rolePage.page.locator(screen).isVisible(), { message: role }).toBe(true);
          expect(await rolePage.page.locator('#screen-encounters').isVisible(), role).toBe(false);
          await check(rolePage, `${role}-landing`);
        } finally {
          await rolePage.close();
        }
      }
    }
    // A link to an encounter (or to a billing tab) opens it, after a reload too, not the landing screen.
    const rolePage = await signIn(browser, stack.apiUrl, TOKENS.supervisor, 'desktop');
    const { page } = rolePage;
    try {
      await page.goto(`${stack.apiUrl}/ui/#/encounters/${encounters.billed.id}`);
      await page.reload();
      await expect.poll(() => page.locator('#detail-title').textContent()).toBe(`Encounter ${encounters.billed.clinicEncounterId}`);
      expect(await page.locator('#screen-overview').isVisible()).toBe(false);
      await page.goto(`${stack.apiUrl}/ui/#/billing/payments`);
      await expect
        .poll(() => page.getByRole('navigation', { name: 'Billing worklists' }).locator('[aria-current="page"]').textContent())
        .toMatch(/^Payments and balances/);
    } finally {
      await rolePage.close();
    }
  });

  it('supervisor: opens the encounter that needs a decision, decides, and sees it billed', async () => {
    const rolePage = await signIn(browser, stack.apiUrl, TOKENS.supervisor, 'desktop');
    const { page } = rolePage;
    try {
      await openEncounters(page);
      await page.getByRole('button', { name: encounters.forSupervisor.clinicEncounterId }).waitFor();
      await check(rolePage, 'supervisor-worklist');
      await openFromWorklist(page, encounters.forSupervisor);
      const decide = page.getByRole('button', { name: 'Bill as coded despite the failed edits' });
      await decide.waitFor();
      await page.locator('#audit table').waitFor();
      await check(rolePage, 'supervisor-encounter');
      // The audit trail filtered to views: only "Viewed the encounter" rows remain.
      await page.getByRole('combobox', { name: 'Show' }).selectOption('encounter.viewed');
      await expect
        .poll(async () => [...new Set(await page.locator('#audit tbody td:nth-child(4)').allTextContents())])
        .toEqual(['Viewed the encounter']);
      await page.getByRole('combobox', { name: 'Show' }).selectOption('');
      await decide.click();
      await expect.poll(() => page.locator('#action-result').textContent()).toMatch(/accepted/);
      await expect.poll(() => shownStage(page), { timeout: 60_000 }).toBe('Billed');
      await expect.poll(() => page.locator('#decision-panel').isHidden()).toBe(true);
    } finally {
      await rolePage.close();
    }
    await atPhoneWidth(TOKENS.supervisor, 'supervisor', encounters.forSupervisor);
  });

  it('coder: opens an encounter waiting for the physician, changes the codes, and sees them applied', async () => {
    const rolePage = await signIn(browser, stack.apiUrl, TOKENS.coder, 'desktop');
    const { page } = rolePage;
    try {
      await openEncounters(page);
      await page.getByRole('button', { name: encounters.forCoder.clinicEncounterId }).waitFor();
      await check(rolePage, 'coder-worklist');
      await openFromWorklist(page, encounters.forCoder);
      const firstCode = page.getByLabel('Diagnosis 1 code (ICD-10-CM)');
      await firstCode.waitFor();
      await check(rolePage, 'coder-encounter');
      // An invalid code first: the API's 400 is shown at the field.
      rolePage.expectedStatuses.add(400);
      await firstCode.fill('NOT-A-CODE');
      await page.getByRole('button', { name: 'Send these codes' }).click();
      await page.locator('#ovr-diagnoses-0-code-error').waitFor();
      await page.getByLabel('Diagnosis 1 code (ICD-10-CM)').fill('E11.9');
      await page.getByLabel('Note on the code change (optional)').fill('Type 2 documented in the problem list');
      await page.getByRole('button', { name: 'Send these codes' }).click();
      await page.locator('#override-outcome.applied').waitFor({ timeout: 60_000 });
      await expect.poll(() => page.locator('#detail-body').textContent()).toContain('E11.9');
    } finally {
      await rolePage.close();
    }
    await atPhoneWidth(TOKENS.coder, 'coder', encounters.askedPhysician);
  });

  it('physician: sees the query in the inbox, answers in two clicks, and sees it answered', async () => {
    const rolePage = await signIn(browser, stack.apiUrl, TOKENS.physicianA, 'desktop');
    const { page } = rolePage;
    const card = page.locator('article.query', { hasText: encounters.askedPhysician.clinicEncounterId });
    try {
      await card.waitFor();
      await check(rolePage, 'physician-inbox');
      // "Other" needs the answer written out: said next to the field, nothing sent.
      await card.getByLabel('Other (please specify)').check();
      await card.getByRole('button', { name: 'Send answer' }).click();
      await expect.poll(() => card.locator('.field-error').textContent()).toMatch(/write the answer/);
      // Two clicks: the option, then Send.
      await card.getByLabel('Type 2 diabetes mellitus').check();
      await card.getByRole('button', { name: 'Send answer' }).click();
      await expect
        .poll(() => page.locator('#inbox-history').textContent(), { timeout: 60_000 })
        .toContain(encounters.askedPhysician.clinicEncounterId);
      await expect
        .poll(() => page.locator('#inbox-open article.query', { hasText: encounters.askedPhysician.clinicEncounterId }).count())
        .toBe(0);
    } finally {
      await rolePage.close();
    }
    const phone = await signIn(browser, stack.apiUrl, TOKENS.physicianA, 'phone');
    try {
      await phone.page.locator('#inbox-history table').waitFor();
      await check(phone, 'physician-inbox');
    } finally {
      await phone.close();
    }
  });

  it('biller: opens a billed encounter and its patient statement', async () => {
    const rolePage = await signIn(browser, stack.apiUrl, TOKENS.biller, 'desktop');
    const { page } = rolePage;
    try {
      await openEncounters(page);
      await page.getByRole('button', { name: encounters.billed.clinicEncounterId }).waitFor();
      await check(rolePage, 'biller-worklist');
      await openFromWorklist(page, encounters.billed);
      const open = page.getByRole('button', { name: 'Open patient statement' });
      await open.waitFor();
      await check(rolePage, 'biller-encounter');
      const [statement] = await Promise.all([page.context().waitForEvent('page'), open.click()]);
      await statement.waitForLoadState();
      await expect.poll(() => statement.locator('body').textContent()).toContain('99213');
    } finally {
      await rolePage.close();
    }
    await atPhoneWidth(TOKENS.biller, 'biller', encounters.billed);
  });
});
