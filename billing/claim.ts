/**
 * Builds the professional claim (the CMS-1500 / 837P content) from the encounter, its coded and
 * priced lines, and the prior authorization when there is one. Checks the rules a clearinghouse
 * would reject on, so a bad claim fails here with the field named (never with patient data).
 */
import type { PricedLine } from '../domain/billing.ts';
import type { PatientInfo, ProviderInfo } from '../domain/encounter.ts';
import type { BillingProvider, ClaimDocument, ClaimLine } from './types.ts';
import { assertCents } from './money.ts';

export const MAX_DIAGNOSIS_CODES = 12;
export const MAX_POINTERS_PER_LINE = 4;

export interface BuildClaimInput {
  claimNumber: string;
  payerId: string;
  /** Shown in the 837P payer loop; defaults to the payer id. */
  payerName?: string;
  billingProvider: BillingProvider;
  renderingProvider: ProviderInfo;
  patient: PatientInfo;
  placeOfService: string;
  dateOfService: string;
  /** ICD-10-CM codes, principal first. */
  diagnosisCodes: string[];
  lines: PricedLine[];
  priorAuthorizationRequired?: boolean;
  priorAuthorizationNumber?: string;
}

export class ClaimValidationError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`Claim field ${field}: ${problem}`);
    this.name = 'ClaimValidationError';
  }
}

/** NPI check digit: Luhn over "80840" + the first nine digits. */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`.split('').map(Number);
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let digit = digits[i] ?? 0;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const ICD10CM_PATTERN = /^[A-TV-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/;
const PROCEDURE_CODE_PATTERN = /^([0-9]{4}[0-9A-Z]|[A-V][0-9]{4})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function check(condition: boolean, field: string, problem: string): void {
  if (!condition) throw new ClaimValidationError(field, problem);
}

export function buildClaim(input: BuildClaimInput): ClaimDocument {
  check(input.claimNumber.trim() !== '' && input.claimNumber.length <= 38, 'claimNumber', 'must be 1 to 38 characters');
  check(input.payerId.trim() !== '', 'payerId', 'is required');
  check(isValidNpi(input.billingProvider.npi), 'billingProvider.npi', 'must be a valid 10-digit NPI');
  check(isValidNpi(input.renderingProvider.npi), 'renderingProvider.npi', 'must be a valid 10-digit NPI');
  check(input.billingProvider.taxonomy.trim() !== '', 'billingProvider.taxonomy', 'is required');
  check(/^\d{9}$/.test(input.billingProvider.taxId), 'billingProvider.taxId', 'must be 9 digits');
  check(input.patient.memberId.trim() !== '', 'subscriber.memberId', 'is required');
  check(/^\d{2}$/.test(input.placeOfService), 'placeOfService', 'must be a two-digit CMS code');
  check(ISO_DATE.test(input.dateOfService), 'dateOfService', 'must be YYYY-MM-DD');

  const diagnosisCodes = input.diagnosisCodes.map((code) => code.trim().toUpperCase());
  check(diagnosisCodes.length >= 1, 'diagnosisCodes', 'at least one ICD-10-CM code is required');
  check(diagnosisCodes.length <= MAX_DIAGNOSIS_CODES, 'diagnosisCodes', `at most ${MAX_DIAGNOSIS_CODES} codes fit on a claim`);
  diagnosisCodes.forEach((code, i) => check(ICD10CM_PATTERN.test(code), `diagnosisCodes[${i}]`, 'is not an ICD-10-CM code'));

  check(input.lines.length >= 1, 'lines', 'at least one service line is required');
  const lines: ClaimLine[] = input.lines.map((line, i) => {
    const field = `lines[${i}]`;
    check(PROCEDURE_CODE_PATTERN.test(line.code), `${field}.code`, 'is not a CPT/HCPCS code');
    check(Number.isInteger(line.units) && line.units >= 1, `${field}.units`, 'must be a positive integer');
    check(
      line.modifiers.length <= 4 && line.modifiers.every((m) => /^[0-9A-Z]{2}$/.test(m)),
      `${field}.modifiers`,
      'up to four 2-character modifiers',
    );
    assertCents(line.chargeCents, `${field}.chargeCents`);
    check(line.diagnosisPointers.length >= 1, `${field}.diagnosisPointers`, 'at least one diagnosis pointer is required');
    check(
      line.diagnosisPointers.length <= MAX_POINTERS_PER_LINE,
      `${field}.diagnosisPointers`,
      `at most ${MAX_POINTERS_PER_LINE} pointers`,
    );
    line.diagnosisPointers.forEach((pointer) =>
      check(
        Number.isInteger(pointer) && pointer >= 1 && pointer <= diagnosisCodes.length,
        `${field}.diagnosisPointers`,
        `pointer must refer to one of the ${diagnosisCodes.length} diagnosis codes`,
      ),
    );
    return {
      lineNumber: i + 1,
      code: line.code,
      modifiers: [...line.modifiers],
      units: line.units,
      chargeCents: line.chargeCents,
      diagnosisPointers: [...line.diagnosisPointers],
      dateOfService: input.dateOfService,
    };
  });

  const priorAuthorizationRequired = input.priorAuthorizationRequired ?? false;
  const priorAuthorizationNumber = input.priorAuthorizationNumber?.trim() || undefined;
  check(!priorAuthorizationRequired || priorAuthorizationNumber !== undefined, 'priorAuthorizationNumber', 'is required for this claim');

  const claim: ClaimDocument = {
    claimNumber: input.claimNumber,
    payerId: input.payerId,
    payerName: input.payerName ?? input.payerId,
    billingProvider: { ...input.billingProvider, address: { ...input.billingProvider.address } },
    renderingProvider: { npi: input.renderingProvider.npi, name: input.renderingProvider.name, taxonomy: input.renderingProvider.taxonomy },
    subscriber: {
      memberId: input.patient.memberId,
      firstName: input.patient.firstName,
      lastName: input.patient.lastName,
      dateOfBirth: input.patient.dateOfBirth,
      sex: input.patient.sex,
    },
    placeOfService: input.placeOfService,
    serviceDateFrom: input.dateOfService,
    serviceDateTo: input.dateOfService,
    diagnosisCodes,
    lines,
    priorAuthorizationRequired,
    totalChargeCents: lines.reduce((sum, line) => sum + line.chargeCents, 0),
  };
  if (priorAuthorizationNumber !== undefined) claim.priorAuthorizationNumber = priorAuthorizationNumber;
  return claim;
}
