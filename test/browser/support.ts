/**
 * The stack and encounters the browser checks work on: the real product (testkit/stack.ts) with
 * encounters submitted over HTTP and waited for until each stands where a role's main path
 * starts. Physician queries wait an hour here (not seconds), so they stay open while people look.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { checkScreen, launchChromium, type RolePage } from '../../testkit/browser.ts';
import { standIn } from '../../testkit/fixtures.ts';
import { TOKENS, call, validSubmission, waitForEncounterStage } from '../../testkit/http.ts';
import { FAST_TIMINGS, startTestStack, type TestStack, type TestStackOptions } from '../../testkit/stack.ts';
import type { EncounterTimings } from '../../workflows/config.ts';
import type { Stage } from '../../workflows/stages.ts';

export { TOKENS };

/** The browser checks' timings: physician queries stay open for an hour while people look. */
export const BROWSER_TIMINGS: EncounterTimings = { ...FAST_TIMINGS, clarificationDeadline: '1h', clarificationReminderInterval: '30m' };

/** Starting the stack and Chromium side by side takes minutes on a busy machine. */
const BROWSER_STACK_START_TIMEOUT_MS = 240_000;

export interface BrowserRun {
  stack: TestStack;
  browser: Browser;
  /** Runs checkScreen on the page and fails the test on anything it found; keeps the screenshot's path. */
  check(rolePage: RolePage, name: string): Promise<void>;
}

/**
 * The browser checks' shared setup: the stack (BROWSER_TIMINGS unless `options` say otherwise) and
 * Chromium, started side by side before the file's tests and closed after them; the screenshots
 * its checks took are listed at the end. A file's own `beforeAll` (registered after this call)
 * sees both started.
 */
export function useBrowserStack(options: TestStackOptions = {}): BrowserRun {
  let started: { stack: TestStack; browser: Browser } | undefined;
  const { check, report } = screenChecks();
  beforeAll(async () => {
    const [stack, browser] = await Promise.all([startTestStack({ timings: BROWSER_TIMINGS, ...options }), launchChromium()]);
    started = { stack, browser };
  }, BROWSER_STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await started?.browser.close();
    await started?.stack.stop();
    report();
  });
  return {
    stack: standIn('the browser stack', () => started?.stack),
    browser: standIn('Chromium', () => started?.browser),
    check,
  };
}

type Documentation = ReturnType<typeof validSubmission>['documentation'];

/** Encounters by what they are for; each named by its clinic encounter id in the worklist. */
export const SCENARIOS = {
  /** Diabetes without its type while the record points at type 1: the physician is asked (awaiting_clarification). */
  vagueDiabetes: {
    notes: 'Here for diabetes check. Feet intact. GAD65 antibodies positive.',
    diagnoses: [{ description: 'Diabetes' }],
    procedures: [{ description: 'Office visit, established patient', code: '99213', units: 1 }],
    testResults: [],
  },
  /** Two lumbar MRIs on one day fail the units edit: a coder confirms them (coder_review), then a supervisor decides (needs_review). */
  unitsEdit: {
    notes: 'Low back pain radiating to the left leg for eight weeks despite physical therapy.',
    diagnoses: [{ description: 'Low back pain', code: 'M54.50' }],
    procedures: [{ description: 'MRI lumbar spine without contrast', code: '72148', units: 2 }],
    testResults: [],
  },
  /** A level-5 visit: at BLUE-PLAINS with member M-DENY-LEVEL5 the insurer sandbox denies 99215 (CO-50, N115) and pays it on appeal. */
  deniedLevel5: {
    ...validSubmission().documentation,
    procedures: [{ description: 'Office visit, established patient, high complexity', code: '99215', units: 1 }],
  },
  /** A moderate visit billed without modifier 25: for member M-MOD25 the insurer denies it (CO-4, N519); a corrected claim with 25 pays. */
  missingModifier25: {
    ...validSubmission().documentation,
    procedures: [{ description: 'Office visit, established patient, moderate complexity', code: '99214', units: 1 }],
  },
  /** A routine visit that goes straight to billed with a patient statement. */
  routine: {
    notes: 'Sore throat and nasal congestion for three days. Denies fever. Pharynx erythematous.',
    diagnoses: [{ description: 'Acute upper respiratory infection' }],
    procedures: [{ description: 'Office visit, established patient, low complexity', code: '99213', units: 1 }],
    testResults: [],
  },
} satisfies Record<string, Documentation>;

export interface Submitted {
  id: string;
  clinicEncounterId: string;
}

/** Submits an encounter (intake token) with this documentation; `memberId` (and `payerId`) pick an insurer scenario. */
export async function submit(
  stack: TestStack,
  label: string,
  documentation: Documentation,
  memberId?: string,
  payerId?: string,
): Promise<Submitted> {
  const base = validSubmission({ clinicEncounterId: `UI-${label}-${Date.now()}` });
  const body = { ...base, ...(payerId ? { payerId } : {}), documentation, patient: { ...base.patient, ...(memberId ? { memberId } : {}) } };
  const response = await call(stack.apiUrl, 'POST', '/encounters', { token: TOKENS.intake, body });
  expect(response.status).toBe(201);
  return { id: response.body.id as string, clinicEncounterId: base.clinicEncounterId };
}

/**
 * Waits until the encounter's workflow answers that it is in `stage`; returns that status (a
 * stored one, given while the status query times out on a busy machine, lacks the fields read
 * after the wait: testkit/http.ts's waitForEncounterStage never takes it).
 */
export function waitForStage(stack: TestStack, id: string, stage: Stage, timeoutMs = 60_000): Promise<any> {
  return waitForEncounterStage(stack.apiUrl, id, stage, timeoutMs);
}

/** One file's screen checks: `check` runs checkScreen and fails the test on anything it found; `report` lists the screenshots taken. */
export function screenChecks(): { check(rolePage: RolePage, name: string): Promise<void>; report(): void } {
  const screenshots: string[] = [];
  return {
    async check(rolePage, name) {
      const { screenshot, failures } = await checkScreen(rolePage, name);
      screenshots.push(screenshot);
      expect(failures, `${name} at ${rolePage.viewport} width`).toEqual([]);
    },
    report() {
      if (screenshots.length > 0) console.log(`screenshots:\n  ${screenshots.join('\n  ')}`);
    },
  };
}
