// Specificity the record states, read by the classification's own words: a full-thickness tear is a
// complete tear, receptor status written as signs, a genitourinary infection in pregnancy by its organ
// (never an abortive-outcome code without such an outcome), and an injury "at work" is the injury the
// record names. Examples written for this test (tuned on); wording is our own.
import { describe, expect, it } from 'vitest';
import { combinedReceptorStatus } from '../../coding/receptor-status.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codedBy, codingInput, described, sortedCodesBy, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = sortedCodesBy(codeSets, { sex: 'F', ageYears: 57 });
const coded = codedBy(codeSets, { sex: 'F', ageYears: 57 });

describe('tears by thickness', () => {
  it('a full-thickness tear is complete, a partial-thickness tear incomplete; neither is a pressure ulcer or a burn', () => {
    expect(codes(['Full-thickness tear of right rotator cuff, atraumatic'])).toEqual(['M75.121']);
    expect(codes(['Partial-thickness rotator cuff tear, left shoulder, no injury'])).toEqual(['M75.112']);
  });
});

describe('receptor status written as signs', () => {
  it('HR+/HER2- and HR-/HER2+ are the combined receptor status codes', () => {
    expect(codes(['Malignant neoplasm of upper-outer quadrant of right female breast', 'HR+/HER2-'])).toEqual(['C50.411', 'Z17.411']);
    expect(codes(['Malignant neoplasm of upper-outer quadrant of right female breast', 'HR negative, HER2 positive'])).toEqual([
      'C50.411',
      'Z17.420',
    ]);
  });
});

describe('receptor status from its signs', () => {
  it('estrogen or progesterone receptor positive is hormone receptor positive', () => {
    expect(combinedReceptorStatus('ER positive, PR negative, HER2 negative')).toBe('Z17.411');
    expect(combinedReceptorStatus('ER-/PR-/HER2-')).toBe('Z17.421');
    expect(combinedReceptorStatus('ER+')).toBeUndefined();
  });
});

describe('genitourinary infection in pregnancy', () => {
  it('cystitis in pregnancy is an infection of the bladder in pregnancy, by trimester; no incidental pregnancy code beside it', () => {
    expect(codes(['Cystitis in pregnancy'], '30 weeks pregnant; dysuria, culture positive.', 'F', 26)).toEqual(['O23.13', 'Z3A.30']);
  });

  it('acute pyelonephritis in pregnancy is an infection of the kidney, and acuity is not asked of the obstetric code', () => {
    const [first] = coded(['Acute pyelonephritis'], 'Pregnant at 12 weeks; fever and flank pain.', 'F', 24);
    expect(first?.code).toBe('O23.01');
  });
});

describe('injury of unspecified region beside the injury', () => {
  it('"injury at work" adds nothing to the strain it was', () => {
    expect(codes(['Strain of muscle of lower back', 'Injury at work'], 'Lifting boxes at work. Initial visit.', 'M', 40)).toEqual([
      'S39.012A',
    ]);
  });
});

describe('general examination with a condition found at it', () => {
  it('a condition the record does not call pre-existing makes the examination "with abnormal findings"', () => {
    expect(codes(['Annual physical', 'Hypercholesterolemia'], 'Annual exam. LDL 201 on screening labs; atorvastatin started.')).toEqual([
      'E78.00',
      'Z00.01',
    ]);
  });

  it('a chronic condition carried forward, or a history, does not', () => {
    expect(
      codes(['Annual physical', 'Essential hypertension'], 'Annual exam. Known hypertension, well controlled; continue lisinopril.'),
    ).toEqual(['I10', 'Z00.00']);
    expect(codes(['Annual physical', 'Family history of colon cancer'], 'Annual exam, normal.')).toEqual(['Z00.00', 'Z80.0']);
  });
});

describe('a history no history title names', () => {
  it('goes where the history subcategory\'s "conditions classifiable to" note sends its condition', () => {
    expect(codes(['Essential hypertension', 'History of stable angina'])).toEqual(['I10', 'Z86.79']);
    expect(codes(['History of acute pancreatitis'])).toEqual(['Z87.19']);
  });

  it('a condition the note leaves out is not sent there (a traumatic fracture is not Z87.82)', () => {
    expect(codes(['History of fracture of left femur, healed'])).not.toContain('Z87.828');
  });
});

describe('the encounter stated in words of its own', () => {
  it('"first visit for it" or "new injury" is the initial encounter, asked of no one', () => {
    const result = codeEncounter(
      codingInput(
        {
          diagnoses: described(['Nondisplaced fracture of base of right fifth metatarsal']),
          notes: 'X-ray: fifth metatarsal base fracture. First visit for it.',
        },
        { sex: 'M', ageYears: 33 },
      ),
      codeSets(),
    );
    expect(result.diagnoses.map((d) => d.code)).toEqual(['S92.354A']);
    expect(result.clarification).toBeUndefined();
    expect(codes(['Displaced fracture of right clavicle shaft'], 'New injury; sling.', 'M', 33)).toEqual(['S42.021A']);
  });
});

describe('screening by the organ group the tabular titles', () => {
  it('lung cancer screening is screening of the respiratory organs', () => {
    expect(codes(['Encounter for lung cancer screening'], 'Low-dose CT ordered.', 'M', 64)).toEqual(['Z12.2']);
  });
});
