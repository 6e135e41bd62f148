// Straight-through reasons by mechanism (issue 10 item 2): a Z79 code no current drug of its class
// stands for, a symptom code beside a diagnosis of the same body system, an injury code that leaves
// out a documented word its category codes by. Examples written for this test (tuned on).
import { describe, expect, it } from 'vitest';
import { injuryDetailUnused, longTermDrugUnsupported, symptomBesideDiagnosis } from '../../coding/review-signals.ts';
import { useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const dx = (code: string, description = code, stated = description) => ({
  system: 'ICD-10-CM' as const,
  code,
  description,
  confidence: 1,
  alternatives: [],
  evidence: [{ section: 'diagnoses' as const, text: stated }],
  rationale: '',
});

describe('gate reasons by mechanism', () => {
  it('a Z79 code needs a current drug of its class in the record', () => {
    const claim = [dx('I48.0'), dx('Z79.02')];
    expect(longTermDrugUnsupported(['Takes apixaban 5 mg twice daily.'], claim)).toBe(true);
    expect(longTermDrugUnsupported(['Takes clopidogrel 75 mg daily.'], claim)).toBe(false);
  });

  it('a symptom of the same body system as a coded diagnosis goes to a coder; one of another system does not', () => {
    expect(symptomBesideDiagnosis([dx('H10.9', 'Unspecified conjunctivitis'), dx('H57.10', 'Ocular pain, unspecified eye')])).toBe(true);
    expect(symptomBesideDiagnosis([dx('J02.9', 'Acute pharyngitis, unspecified'), dx('R05.9', 'Cough, unspecified')])).toBe(true);
    expect(symptomBesideDiagnosis([dx('H10.9', 'Unspecified conjunctivitis'), dx('R50.9', 'Fever, unspecified')])).toBe(false);
    expect(symptomBesideDiagnosis([dx('I10', 'Essential (primary) hypertension'), dx('R10.9', 'Unspecified abdominal pain')])).toBe(false);
  });

  it('an injury code must use the type the record states', () => {
    const icd = codeSets().icd;
    const unspecified = 'Unspecified fracture of shaft of right tibia, initial encounter for closed fracture';
    expect(injuryDetailUnused(icd, [dx('S82.201A', unspecified, 'Comminuted fracture of right tibial shaft')])).toBe(true);
    expect(injuryDetailUnused(icd, [dx('S82.201A', unspecified, 'Fracture of shaft of right tibia, initial encounter')])).toBe(false);
  });
});
