/** Billing contracts shared by the billing activities, the sandboxes' clients and the API. Money is integer cents. */

export type Cents = number;

export interface Benefits {
  copayCents: Cents;
  /** Coinsurance as basis points of the allowed amount after deductible (2000 = 20 %). */
  coinsuranceBps: number;
  deductibleCents: Cents;
  deductibleMetCents: Cents;
}

export interface PricedLine {
  code: string;
  modifiers: string[];
  units: number;
  diagnosisPointers: number[];
  unitPriceCents: Cents;
  chargeCents: Cents;
}

export interface PatientResponsibility {
  chargeCents: Cents;
  copayCents: Cents;
  deductibleAppliedCents: Cents;
  coinsuranceCents: Cents;
  patientOwesCents: Cents;
  insuranceExpectedCents: Cents;
}

export type AuthorizationOutcome =
  | 'certified' // X12 278 A1
  | 'partial' // A2: fewer units than requested
  | 'denied' // A3: not certified
  | 'pended' // A4: decided later
  | 'modified'; // A6

export interface AuthorizationDecision {
  outcome: AuthorizationOutcome;
  /** The insurer's reference for the request (for status polling). */
  payerReference: string;
  authNumber?: string;
  validFrom?: string;
  validTo?: string;
  /** Units authorized per procedure code, when the outcome limits them. */
  authorizedUnits?: Record<string, number>;
  reason?: string;
}
