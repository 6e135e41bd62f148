/**
 * The encounter as the clinic documents it. Plain data, shared by the API, the workflow and the
 * activities; nothing here does I/O. Patient fields are PHI: never log them or put them in
 * workflow ids, search attributes or error messages.
 *
 * The shape is declared once, as the zod schema intake validates with (api/schemas.ts); these
 * types are read from it (a type-only import: no zod and no API code reach workflow code).
 */
import type { z } from 'zod';
import type { encounterSubmissionSchema } from '../api/schemas.ts';

/** An encounter as intake accepted it (the schema's output: trimmed, checked). */
export type EncounterSubmission = z.output<typeof encounterSubmissionSchema>;

export type PatientInfo = EncounterSubmission['patient'];
export type Sex = PatientInfo['sex'];
export type PostalAddress = NonNullable<PatientInfo['address']>;
export type ProviderInfo = EncounterSubmission['provider'];
/** The visit's documentation (absent at intake for a scheduled visit, sent after it happened). */
export type EncounterDocumentation = NonNullable<EncounterSubmission['documentation']>;
/** A scheduled visit: the planned services and their diagnoses, authorized before the date of service. */
export type PlannedServicesSubmission = NonNullable<EncounterSubmission['plannedServices']>;
export type DocumentedProcedure = EncounterDocumentation['procedures'][number];
export type TestResult = EncounterDocumentation['testResults'][number];
