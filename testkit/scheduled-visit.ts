/**
 * A scheduled visit over the API, for the end-to-end tests: the submission posted before the
 * visit (planned services, no documentation yet) and the documentation intake sends after it.
 * Starts nothing: it talks to the API of a stack the test started.
 */
import { call, validSubmission, type Call } from './http.ts';
import { TOKENS } from './http.ts';

type Submission = ReturnType<typeof validSubmission>;

export interface PlannedServices {
  services: Array<{ code: string; units: number }>;
  diagnoses: string[];
}

/** The right-knee MRI most scheduled visits of the tests plan. */
export const KNEE_MRI_PLANNED: PlannedServices = { services: [{ code: '73721', units: 1 }], diagnoses: ['M23.303'] };

/** The documentation of the knee MRI visit, as intake sends it once the visit happened. */
export const KNEE_MRI_VISIT = {
  notes:
    'Right knee pain after a twisting injury, locking episodes. MRI of the right knee without contrast performed. Suspected medial meniscus tear.',
  diagnoses: [{ description: 'Derangement of medial meniscus, right knee', code: 'M23.303' }],
  procedures: [{ description: 'MRI lower extremity joint without contrast', code: '73721', units: 1 }],
  testResults: [],
};

/** A submission of `base` as a visit scheduled on `dateOfService`: planned services, no documentation yet. */
export function scheduledVisit(dateOfService: string, planned: PlannedServices = KNEE_MRI_PLANNED, base: Submission = validSubmission()) {
  return { ...base, dateOfService, documentation: undefined, plannedServices: planned };
}

/** Intake documents the visit (PUT /encounters/:id/documentation); the test checks the answer. */
export function documentVisit(apiUrl: string, id: string, documentation: unknown = KNEE_MRI_VISIT): Promise<Call> {
  return call(apiUrl, 'PUT', `/encounters/${id}/documentation`, { token: TOKENS.intake, body: documentation });
}
