// The straight-through gate reasons added in session seven, raised by codeEncounter itself (not only
// by the review-signal functions): an input that should raise each and one that should not.
// Examples written for this test (tuned on).
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const reasons = (diagnoses: string[], notes: string, ageYears = 60) =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ageYears, sex: 'F' }), codeSets()).straightThrough.reasons;

describe('gate reasons raised by the engine', () => {
  it('long-term-drug-unsupported: a Z79 code whose drug the record says was stopped; not when the drug is current', () => {
    const dx = ['Rheumatoid arthritis', 'Long-term use of steroids'];
    expect(reasons(dx, 'Rheumatoid arthritis, stable. Prednisone stopped last year.')).toContain('long-term-drug-unsupported');
    expect(reasons(dx, 'Rheumatoid arthritis, stable. Takes prednisone 5 mg daily.')).not.toContain('long-term-drug-unsupported');
  });

  it('symptom-beside-diagnosis: not raised for a symptom of another system; a same-system symptom integral to the diagnosis is left off', () => {
    expect(reasons(['Essential hypertension', 'Headache'], 'BP 150/95. Occasional headache.')).not.toContain('symptom-beside-diagnosis');
    const palpitations = codeEncounter(
      codingInput(
        { notes: 'BP 150/95. Palpitations at night.', diagnoses: described(['Essential hypertension', 'Palpitations']) },
        { ageYears: 60, sex: 'M' },
      ),
      codeSets(),
    );
    // Either the symptom is left off the claim or the claim goes to a coder: never both coded and straight through.
    const kept = palpitations.diagnoses.some((d) => d.code.startsWith('R00'));
    expect(kept ? palpitations.straightThrough.reasons : ['symptom-beside-diagnosis']).toContain('symptom-beside-diagnosis');
  });

  it('injury-detail-unused: not raised when the code carries the documented type and displacement', () => {
    expect(reasons(['Nondisplaced oblique fracture of shaft of right tibia'], 'Fell today. Splint applied.', 40)).not.toContain(
      'injury-detail-unused',
    );
  });
});
