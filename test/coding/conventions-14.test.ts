// Conventions settled in session 14 (issue 10). A malignancy still treated is current: a breast
// cancer the record calls history while the patient takes adjuvant endocrine therapy for it now is
// C50.- with the drug's Z79.81-, not Z85.3 (guidelines I.C.2.d, I.C.2.m: history only when no further
// treatment is directed to the site).
// Examples written for this test in their own words (tuned on).
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = (diagnoses: string[], notes = '', ageYears = 61, sex: 'F' | 'M' = 'F') =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ageYears, sex }), codeSets());

describe('a malignancy under adjuvant endocrine therapy is current, not history', () => {
  it('history of breast cancer while letrozole is taken now: C50 of the side the notes state, and Z79.811', () => {
    const r = run(
      ['History of breast cancer'],
      'Right breast cancer, lumpectomy and radiation finished in 2023. Takes letrozole 2.5 mg every day, third year of five. Exam without masses.',
    );
    expect(diagnosisCodes(r)).toEqual(['C50.911', 'Z79.811']);
    expect(r.diagnoses[0]?.rationale).toMatch(/I\.C\.2\.m/);
  });

  it('the quadrant and a one-letter side written on the line are kept', () => {
    expect(
      diagnosisCodes(run(['Hx breast cancer R upper outer quadrant', 'On tamoxifen'], 'Tamoxifen daily since surgery, no hot flashes.')),
    ).toEqual(['C50.411', 'Z79.810']);
  });

  it('endocrine therapy completed: history stays history', () => {
    const r = run(['History of breast cancer'], 'Left breast cancer 2012. Completed five years of anastrozole in 2019. No recurrence.');
    expect(diagnosisCodes(r)).toEqual(['Z85.3']);
  });

  it('raloxifene for the bones beside a treated cancer is not treatment of it', () => {
    const r = run(
      ['Age-related osteoporosis', 'History of breast cancer'],
      'Breast cancer treated 2010. Raloxifene 60 mg daily for osteoporosis.',
      70,
    );
    expect(diagnosisCodes(r)).toContain('Z85.3');
    expect(diagnosisCodes(r).some((c) => c.startsWith('C50'))).toBe(false);
  });
});

describe('sequela of an injury: the residual condition first, then the injury with 7th character S (I.C.19.a)', () => {
  it('post-traumatic arthritis beside the old fracture that left it', () => {
    const r = run(
      ['Post-traumatic osteoarthritis of right hip', 'Old right femoral neck fracture'],
      'Right hip aches with walking. Femoral neck fracture of the right hip in 2016, pinned, healed. XR: joint space narrowing.',
      67,
      'M',
    );
    expect(diagnosisCodes(r)).toEqual(['M16.51', 'S72.001S']);
  });

  it('a scar whose own statement names the old injury: the injury is added as its sequela', () => {
    const r = run(
      ['Hypertrophic scar of left forearm from old laceration'],
      'Raised itchy scar on the left forearm from a laceration in 2022 (glass).',
      34,
    );
    expect(diagnosisCodes(r)).toEqual(['L91.0', 'S51.812S']);
  });

  it("another statement's old injury is not the cause of the condition coded", () => {
    const r = run(
      ['Normocytic anemia'],
      'Tired for months. History: remote DVT 2005 after hip fracture, completed anticoagulation. Hgb 9.8.',
      77,
    );
    expect(diagnosisCodes(r)).toEqual(['D64.9']);
  });

  it('"Hx" of the fracture beside the arthritis it left is old: its sequela', () => {
    const r = run(
      ['Post-traumatic arthritis of right knee', 'Hx tibial plateau fx'],
      'Knee aches on stairs. XR: lateral narrowing.',
      61,
      'M',
    );
    expect(diagnosisCodes(r)).toEqual(['M17.31', 'S82.143S']);
  });

  it('one side of the tibial plateau is that condyle', () => {
    const r = run(
      ['Post-traumatic OA L knee', 'Old L medial tibial plateau fracture'],
      'Knee stiff. Plateau fracture 2012, healed.',
      58,
      'M',
    );
    expect(diagnosisCodes(r)).toEqual(['M17.32', 'S82.132S']);
  });
});
