// The worker's workflowsPath: every workflow type the worker runs.
export { encounterWorkflow } from './encounter.ts';
export { patientQuestionWorkflow } from './patient-question.ts';
export { statementCycleWorkflow } from './statement-cycle.ts';
export { paymentPlanWorkflow } from './payment-plan.ts';
export { claimCorrectionWorkflow } from './claim-correction.ts';
