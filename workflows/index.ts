// The worker's workflowsPath: every workflow type the worker runs.
export { encounterWorkflow } from './encounter.ts';
export { patientQuestionWorkflow } from './patient-question.ts';
