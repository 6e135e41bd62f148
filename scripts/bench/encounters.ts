/**
 * The benchmark's encounters: routine office visits (coding → billing → billed) and brain MRIs
 * (CPT 70551) for ACME-HEALTH, which require prior authorization (coding → authorization →
 * billing → billed; the insurer sandbox certifies at once). The engine codes all of them with
 * confidence, so no clarification query is raised and nothing waits for a person.
 */
import type { EncounterSubmission } from '../../domain/encounter.ts';
import { validSubmission } from '../../testkit/http.ts';

export type Kind = 'routine' | 'mri';

const ROUTINE_DOCUMENTATION: Array<EncounterSubmission['documentation']> = [
  {
    notes: 'Sore throat and nasal congestion for three days. Denies fever. Pharynx erythematous.',
    diagnoses: [{ description: 'Acute upper respiratory infection' }],
    procedures: [{ description: 'Office visit, established patient, low complexity', code: '99213', units: 1 }],
    testResults: [],
  },
  {
    notes: 'Follow-up for type 2 diabetes; A1c reviewed.',
    diagnoses: [{ description: 'Type 2 diabetes mellitus without complications', code: 'E11.9' }],
    procedures: [{ description: 'Office visit, established patient', code: '99213', units: 1 }],
    testResults: [{ name: 'HbA1c', value: '7.2', unit: '%', flag: 'H' }],
  },
  {
    notes: 'Blood pressure follow-up. Taking lisinopril daily. No chest pain.',
    diagnoses: [{ description: 'Essential hypertension', code: 'I10' }],
    procedures: [{ description: 'Office visit, established patient', code: '99213', units: 1 }],
    testResults: [],
  },
];

const MRI_DOCUMENTATION: EncounterSubmission['documentation'] = {
  notes: 'Chronic headaches, neurological exam normal.',
  diagnoses: [{ description: 'Headache', code: 'R51.9' }],
  procedures: [{ description: 'MRI brain without contrast', code: '70551', units: 1 }],
  testResults: [],
};

/** Spreads the MRIs evenly over the sequence, so the mix is the same at any prefix. */
export function kindOf(index: number, mriShare: number): Kind {
  return Math.floor((index + 1) * mriShare) > Math.floor(index * mriShare) ? 'mri' : 'routine';
}

export function benchSubmission(runTag: string, phase: string, index: number, kind: Kind): EncounterSubmission {
  const base = validSubmission({ clinicEncounterId: `${runTag}-${phase}-${index}` });
  return {
    ...base,
    payerId: 'ACME-HEALTH',
    documentation: kind === 'mri' ? MRI_DOCUMENTATION : ROUTINE_DOCUMENTATION[index % ROUTINE_DOCUMENTATION.length]!,
  };
}
