/**
 * A patient's address and phone as intake stores them: the Patient/PatientVersion columns, and
 * the address a patient on file from before intake asked for one gets from a later submission
 * (a new demographics version; never over one already on file, which a biller corrects through
 * the API, api/routes/corrections.ts).
 */
import type { Patient } from '../generated/prisma/client.ts';
import type { PostalAddress } from '../domain/encounter.ts';
import type { ApiDeps } from './deps.ts';

/** The Patient/PatientVersion columns of an address and phone (null when not given). */
export function addressColumns(address: PostalAddress | undefined, phone: string | undefined) {
  return {
    addressLine1: address?.line1 ?? null,
    addressLine2: address?.line2 ?? null,
    city: address?.city ?? null,
    state: address?.state ?? null,
    postalCode: address?.postalCode ?? null,
    phone: phone ?? null,
  };
}

/**
 * A patient on file from before intake asked for an address gets the one submitted now, as a new
 * demographics version by intake (never over an address already on file: the biller corrects
 * that through the API).
 */
export async function addMissingAddress(
  deps: ApiDeps,
  stored: Patient,
  address: PostalAddress | undefined,
  phone: string | undefined,
): Promise<void> {
  const fillAddress = address !== undefined && stored.addressLine1 === null;
  const fillPhone = phone !== undefined && stored.phone === null;
  if (!fillAddress && !fillPhone) return;
  const added = addressColumns(fillAddress ? address : undefined, fillPhone ? phone : undefined);
  const next = {
    addressLine1: fillAddress ? added.addressLine1 : stored.addressLine1,
    addressLine2: fillAddress ? added.addressLine2 : stored.addressLine2,
    city: fillAddress ? added.city : stored.city,
    state: fillAddress ? added.state : stored.state,
    postalCode: fillAddress ? added.postalCode : stored.postalCode,
    phone: fillPhone ? added.phone : stored.phone,
  };
  const version = stored.version + 1;
  try {
    // Batched: both statements or neither; the version in the WHERE makes a concurrent change win.
    await deps.prisma.$transaction([
      deps.prisma.patient.update({ where: { id: stored.id, version: stored.version }, data: { ...next, version } }),
      deps.prisma.patientVersion.create({
        data: {
          patientId: stored.id,
          version,
          firstName: stored.firstName,
          lastName: stored.lastName,
          dateOfBirth: stored.dateOfBirth,
          sex: stored.sex,
          ...next,
          changedBy: 'intake',
          reason: fillAddress ? 'address given at intake' : 'phone given at intake',
        },
      }),
    ]);
  } catch (error) {
    // Someone else changed the patient (or added this version) first: theirs stands.
    const code = (error as { code?: unknown }).code;
    if (code !== 'P2025' && code !== 'P2002') throw error;
  }
}
