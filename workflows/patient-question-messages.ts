/**
 * What the API says to a patient-question workflow. Signed like every message (the client's
 * interceptor adds the proof; workflows/message-authentication.ts checks it). No patient data.
 */
import { defineSignal } from '@temporalio/workflow';

/** A biller answered (the answer itself is already stored; the workflow stops its timers and tells the patient). */
export const patientQuestionAnsweredSignal = defineSignal<[{ answeredBy: string }]>('patientQuestionAnswered');
