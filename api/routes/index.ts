/**
 * Every route of the API, in the order they are mounted. A new route is declared with `route()`
 * (api/route.ts) in a file of this folder and added here; the OpenAPI document follows.
 */
import { buildOpenApiDocument } from '../openapi.ts';
import { openApiDocumentSchema } from '../responses.ts';
import { route, type Route } from '../route.ts';
import { actionRoutes } from './actions.ts';
import { auditRoutes } from './audit.ts';
import { clarificationRoutes } from './clarifications.ts';
import { codecRoutes } from './codec.ts';
import { coderReviewRoutes } from './coder-review.ts';
import { correctionRoutes } from './corrections.ts';
import { encounterRoutes } from './encounters.ts';
import { estimateRoutes } from './estimates.ts';
import { healthRoutes } from './health.ts';
import { paymentRoutes } from './payments.ts';
import { refundRoutes } from './refunds.ts';
import { patientPaymentRoutes } from './patient-payments.ts';
import { stageRoutes } from './stages.ts';
import { whoamiRoutes } from './whoami.ts';
import { patientRoutes } from './patient.ts';
import { patientQuestionActionRoutes } from './patient-question-actions.ts';
import { patientAccessLinkRoutes } from './patient-access-links.ts';
import { patientQuestionRoutes } from './patient-questions.ts';
import { statementAdjustmentRoutes } from './statement-adjustments.ts';
import { statementCycleRoutes } from './statement-cycles.ts';
import { statementRoutes } from './statements.ts';
import { worklistRoutes } from './worklists.ts';
import { revenueWorklistRoutes } from './revenue-worklists.ts';
import { worklistOverviewRoutes } from './worklist-overview.ts';
import { revenueCycleRoutes } from './revenue-cycle.ts';
import { updateRoutes } from './updates.ts';

let document: Record<string, unknown> | undefined;

const openApiRoute = route(
  {
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    roles: [],
    usesDependencies: false,
    responses: { 200: { description: 'OpenAPI 3.1 document', body: openApiDocumentSchema } },
  },
  ({ res }) => {
    document ??= buildOpenApiDocument(API_ROUTES);
    res.json(document);
  },
);

export const API_ROUTES: readonly Route[] = [
  ...healthRoutes,
  openApiRoute,
  ...stageRoutes,
  ...whoamiRoutes,
  ...encounterRoutes,
  ...actionRoutes,
  ...updateRoutes,
  ...correctionRoutes,
  ...estimateRoutes,
  ...worklistRoutes,
  ...revenueWorklistRoutes,
  ...worklistOverviewRoutes,
  ...coderReviewRoutes,
  ...clarificationRoutes,
  ...statementRoutes,
  ...patientAccessLinkRoutes,
  ...patientQuestionRoutes,
  ...statementAdjustmentRoutes,
  ...patientQuestionActionRoutes,
  ...patientRoutes,
  ...paymentRoutes,
  ...refundRoutes,
  ...patientPaymentRoutes,
  ...statementCycleRoutes,
  ...revenueCycleRoutes,
  ...auditRoutes,
  ...codecRoutes,
];
