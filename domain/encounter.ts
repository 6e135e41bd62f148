/**
 * The encounter as the clinic documents it. Plain data, shared by the API, the workflow and the
 * activities; nothing here does I/O. Patient fields are PHI: never log them or put them in
 * workflow ids, search attributes or error messages.
 */

export type Sex = 'F' | 'M' | 'U';

export interface PatientInfo {
  /** The clinic's own patient id (opaque). */
  externalId: string;
  firstName: string;
  lastName: string;
  /** ISO date, YYYY-MM-DD. */
  dateOfBirth: string;
  sex: Sex;
  /** The insurer's member id. */
  memberId: string;
  /** Postal address (the claim's subscriber loop, the statement). */
  address?: PostalAddress;
  /** Ten digits. */
  phone?: string;
}

export interface PostalAddress {
  line1: string;
  line2?: string;
  city: string;
  /** Two-letter state code. */
  state: string;
  /** 5 or 9 digits. */
  postalCode: string;
}

export interface ProviderInfo {
  /** National Provider Identifier, 10 digits. */
  npi: string;
  name: string;
  /** NUCC health-care provider taxonomy code, e.g. 207Q00000X (family medicine). */
  taxonomy: string;
}

export interface TestResult {
  name: string;
  value: string;
  unit?: string;
  /** Reference flag as the lab reports it: H, L, A (abnormal), N (normal). */
  flag?: string;
}

export interface DocumentedProcedure {
  /** Free-text description as documented. */
  description: string;
  /** A code the physician wrote down, if any (CPT/HCPCS). */
  code?: string;
  units?: number;
  modifiers?: string[];
}

export interface EncounterDocumentation {
  /** The physician's note (HPI, exam, assessment and plan), free text. */
  notes: string;
  /** Diagnoses as documented (free text, optionally with the physician's own code). */
  diagnoses: Array<{ description: string; code?: string }>;
  procedures: DocumentedProcedure[];
  testResults: TestResult[];
}

export interface EncounterSubmission {
  /** The clinic's own encounter id, unique per clinic: the idempotency key of intake. */
  clinicEncounterId: string;
  patient: PatientInfo;
  provider: ProviderInfo;
  payerId: string;
  /** A secondary payer on file (coordination of benefits). */
  secondaryCoverage?: { payerId: string; memberId: string };
  /** ISO date of service, YYYY-MM-DD. */
  dateOfService: string;
  /** CMS place-of-service code, two digits (11 office, 22 outpatient hospital, ...). */
  placeOfService: string;
  /** Absent for a scheduled visit until it happened (then `plannedServices`). */
  documentation?: EncounterDocumentation;
  /** A scheduled visit: the planned services and their diagnoses, authorized before the date of service. */
  plannedServices?: { services: Array<{ code: string; units?: number; modifiers?: string[]; description?: string }>; diagnoses: string[] };
}
