// Specificity the record states or the guideline defaults: dominant/nondominant side (I.C.6.a), the
// long-term drug's class (Z79.01 vs Z79.02, Z79.83), the history after completed treatment by the
// classification's name for the cancer (Z08 + Z85.820), "with abnormal findings" when a result is
// called abnormal at a preventive visit. Examples written for this test (tuned on); wording is our own.
import { describe, expect, it } from 'vitest';
import { handedness } from '../../coding/dominance.ts';
import { sortedCodesBy, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = sortedCodesBy(codeSets, { sex: 'M', ageYears: 66 });

describe('dominant or nondominant side', () => {
  it('the handedness the record states decides', () => {
    expect(codes(['Right hemiparesis due to old cerebral infarction'], 'She writes with her left hand; left-handed.', 'F')).toContain(
      'I69.353',
    );
    expect(codes(['Left hemiplegia following cerebral infarction'], 'Right handed.')).toContain('I69.354');
  });

  it('without handedness: left defaults to nondominant, right to dominant; ambidextrous is dominant', () => {
    expect(codes(['Left hemiparesis following cerebral infarction'])).toContain('I69.354');
    expect(codes(['Right hemiparesis following cerebral infarction'])).toContain('I69.351');
    expect(codes(['Left hemiparesis following cerebral infarction'], 'Patient is ambidextrous.')).toContain('I69.352');
  });

  it('reads handedness, not a hand symptom', () => {
    expect(handedness('right-handed retired carpenter')).toBe('right');
    expect(handedness('Left hand dominant.')).toBe('left');
    expect(handedness('right hand numbness')).toBeUndefined();
  });
});

describe('long-term drug therapy by the drug class', () => {
  it('antiplatelet, anticoagulant and bisphosphonate are told apart by the drug named', () => {
    expect(codes(['Peripheral artery disease', 'Long-term use of Plavix'])).toContain('Z79.02');
    expect(codes(['Peripheral artery disease', 'Long-term use of Plavix'])).not.toContain('Z79.01');
    expect(codes(['Long-term use of rivaroxaban'])).toEqual(['Z79.01']);
    expect(codes(['Postmenopausal osteoporosis', 'Long term risedronate use'], '', 'F')).toContain('Z79.83');
  });
});

describe('follow-up after completed cancer treatment', () => {
  it('Z08 with the history the classification names for the cancer (melanoma: of skin)', () => {
    expect(
      codes(['Follow-up after completed treatment for melanoma of the left arm'], 'Excised two years ago, no further therapy.'),
    ).toEqual(['Z08', 'Z85.820']);
  });
});

describe('preventive visit with abnormal findings', () => {
  it('a result the record calls abnormal makes the examination "with abnormal findings"', () => {
    expect(
      codes(['Routine adult physical exam', 'Prediabetes'], 'Fasting glucose elevated at 112; diet counselling given.', 'F', 45),
    ).toEqual(['R73.03', 'Z00.01']);
    expect(codes(['Routine adult physical exam'], 'Labs within normal limits.', 'F', 45)).toEqual(['Z00.00']);
  });
});
