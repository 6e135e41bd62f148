/**
 * Documents produced by the billing library: the professional claim (the JSON the clearinghouse
 * receives next to its X12 837P rendering), the clearinghouse's acknowledgement, and the patient
 * statement. Money is integer cents (see domain/billing.ts).
 */
import type { Cents } from '../domain/billing.ts';
import type { Sex } from '../domain/encounter.ts';

export interface PostalAddress {
  line1: string;
  city: string;
  /** Two-letter state code. */
  state: string;
  postalCode: string;
}

export interface BillingProvider {
  /** Group (type 2) NPI, 10 digits. */
  npi: string;
  /** NUCC taxonomy code. */
  taxonomy: string;
  name: string;
  /** Employer identification number, 9 digits. */
  taxId: string;
  address: PostalAddress;
}

export interface RenderingProvider {
  npi: string;
  name: string;
  taxonomy: string;
}

export interface ClaimSubscriber {
  memberId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: Sex;
  /** The subscriber's address (837P 2010BA N3/N4, required when the patient is the subscriber). */
  address?: PostalAddress;
}

export interface ClaimLine {
  /** 1-based line number (X12 LX01). */
  lineNumber: number;
  /** CPT/HCPCS code. */
  code: string;
  modifiers: string[];
  units: number;
  chargeCents: Cents;
  /** 1-based pointers into `diagnosisCodes`, 1 to 4 of them (A-L in X12). */
  diagnosisPointers: number[];
  dateOfService: string;
}

export interface ClaimDocument {
  /** The clinic's claim id (patient control number, X12 CLM01); the duplicate-detection key. */
  claimNumber: string;
  payerId: string;
  payerName: string;
  billingProvider: BillingProvider;
  renderingProvider: RenderingProvider;
  subscriber: ClaimSubscriber;
  /** CMS place-of-service code. */
  placeOfService: string;
  serviceDateFrom: string;
  serviceDateTo: string;
  /** ICD-10-CM codes, principal first, 1 to 12 of them. */
  diagnosisCodes: string[];
  lines: ClaimLine[];
  /** True when the payer demanded a prior authorization for a service on this claim. */
  priorAuthorizationRequired: boolean;
  priorAuthorizationNumber?: string;
  totalChargeCents: Cents;
  /** CLM05-3 claim frequency: 1 original, 7 replacement of a prior claim, 8 void. Absent = 1. */
  frequencyCode?: '1' | '7' | '8';
  /** With 7 or 8: the payer's claim control number of the claim replaced (REF*F8). */
  originalReference?: string;
}

export interface ClaimRejectionReason {
  /** Stable code, e.g. MISSING_NPI, INVALID_DIAGNOSIS_POINTER, MISSING_PRIOR_AUTH, X12_STRUCTURE. */
  code: string;
  /** Path of the offending field in the claim document (or "x12"). */
  field: string;
  message: string;
}

export interface ClaimAcknowledgement {
  claimNumber: string;
  status: 'accepted' | 'rejected';
  /** 999 implementation acknowledgement: A accepted, R rejected. */
  functionalAck: 'A' | 'R';
  /** 277CA claim status category: A2 accepted into adjudication, A3 returned as unprocessable. */
  claimStatusCategory: 'A2' | 'A3';
  /** Present when accepted. */
  clearinghouseClaimId?: string;
  rejections: ClaimRejectionReason[];
  receivedAt: string;
  /** True when this answers a resubmission of a claim already received. */
  duplicate: boolean;
}
