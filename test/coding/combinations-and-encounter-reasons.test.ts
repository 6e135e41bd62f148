// Combination and index conventions (COPD with an acute lower respiratory infection, "smoker" as
// nicotine dependence with the product the record names) and encounter-reason Z codes (follow-up
// after completed cancer treatment, aftercare after a joint replacement with the joint).
// Examples written for this test (tuned on); wording is our own.
import { describe, expect, it } from 'vitest';
import { codedBy, sortedCodesBy, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = codedBy(codeSets, { sex: 'M', ageYears: 66 });
const codes = sortedCodesBy(codeSets, { sex: 'M', ageYears: 66 });

describe('COPD with an acute lower respiratory infection (I.C.10.a.1)', () => {
  it('is J44.0 with the infection coded also', () => {
    expect(codes(['COPD', 'Acute bronchitis'], 'Productive cough for a week, rhonchi.')).toEqual(['J20.9', 'J44.0']);
    expect(codes(['Pneumonia', 'COPD'], 'Infiltrate on chest x-ray.', 'F')).toEqual(['J18.9', 'J44.0']);
  });

  it('keeps a stated exacerbation beside it and never infers one', () => {
    expect(codes(['COPD exacerbation', 'Acute bronchitis'])).toEqual(['J20.9', 'J44.0', 'J44.1']);
    expect(codes(['COPD'], 'Stable, uses inhaler daily.')).toEqual(['J44.9']);
  });
});

describe('smoker is nicotine dependence (index: Smoker - see Dependence, drug, nicotine)', () => {
  it('with the product another statement names', () => {
    expect(codes(['Smoker'], 'Smokes one pack of cigarettes a day.')).toEqual(['F17.210']);
    expect(codes(['Current smoker'])).toEqual(['F17.200']);
    expect(codes([], 'Assessment: smokes 2 ppd, counselled to quit.')).toEqual(['F17.210']);
  });

  it('tobacco use, a former smoker and a never-smoker keep their own codes', () => {
    expect(codes(['Tobacco use'])).toEqual(['Z72.0']);
    expect(codes(['Former smoker'])).toEqual(['Z87.891']);
    expect(codes(['Essential hypertension'], 'Never smoker. Non-smoker household.')).toEqual(['I10']);
  });
});

describe('follow-up after completed cancer treatment (I.C.21.c.8)', () => {
  const notes =
    'Surveillance visit. Left breast cancer treated with left mastectomy and chemotherapy, completed three years ago. No evidence of recurrence.';

  // The therapy received is coded only when a diagnosis line names it (session 13, cancer-history.ts).
  it('is Z08 first-listed, the history and the organ removed with its side', () => {
    const diagnoses = coded(['History of left breast cancer'], notes, 'F', 61);
    expect(diagnoses[0]?.code).toBe('Z08');
    expect(diagnoses.map((d) => d.code).sort()).toEqual(['Z08', 'Z85.3', 'Z90.12']);
  });

  it('is not a follow-up examination while treatment goes on', () => {
    expect(
      codes(
        ['History of left breast cancer'],
        'Left breast cancer after mastectomy, currently on tamoxifen. Follow-up in 3 months.',
        'F',
        61,
      ),
    ).not.toContain('Z08');
  });
});

describe('aftercare after a joint replacement (Z47.1 use additional code to identify the joint)', () => {
  it('adds the presence of the artificial joint with its side', () => {
    expect(codes(['Aftercare following left total hip replacement'], 'Wound healed, walking with a cane.', 'F', 72)).toEqual([
      'Z47.1',
      'Z96.642',
    ]);
  });
});
