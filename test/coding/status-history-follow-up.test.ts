// Status, history and follow-up codes: receptor status read from the visit's assessment, a coronary
// stent stated in the chart's abbreviations (Z95.5), the follow-up after a completed course of treatment
// (Z09 with the history code) and a former smoker's history. Records written for this test; each rule
// has a case where it must not fire.
import { describe, expect, it } from 'vitest';
import { sortedCodesBy, codedBy, useCodeSets } from '../../testkit/coding-input.ts';
import { combinedReceptorStatus, signedReceptorStatus } from '../../coding/receptor-status.ts';

const codeSets = useCodeSets();
const codesF = sortedCodesBy(codeSets, { sex: 'F', ageYears: 61 });
const codesM = sortedCodesBy(codeSets, { sex: 'M', ageYears: 66 });
const codedM = codedBy(codeSets, { sex: 'M', ageYears: 66 });

describe('receptor status from its signs', () => {
  it('reads HER2 written with a hyphenated word as a sign', () => {
    expect(combinedReceptorStatus('ER+ / PR+ / HER2-negative (IHC 1+)')).toBe('Z17.411');
    expect(combinedReceptorStatus('HR-negative, HER2: positive')).toBe('Z17.420');
    expect(signedReceptorStatus('ER-positive, HER2 not tested')).toBe('Z17.0');
    expect(signedReceptorStatus('Breast cancer, left, on letrozole')).toBeUndefined();
  });

  it('a history line recoded as a current cancer takes the status the assessment signs', () => {
    const notes =
      'HPI: Follow-up of left breast carcinoma, lower inner quadrant, lumpectomy 2024.\nA/P:\n1. Left breast carcinoma LIQ, ER-positive, on adjuvant letrozole, no evidence of recurrence. Continue letrozole daily.';
    expect(codesF(['History of left breast cancer'], notes)).toContain('Z17.0');
    expect(codesF(['History of left breast cancer'], notes)).not.toContain('Z17.411');
  });

  it('the combined code when the assessment signs HER2 too, over an estrogen receptor line', () => {
    const notes =
      'A/P:\n1. Left breast carcinoma LIQ, ER+/PR+, HER2 negative, on adjuvant letrozole, no evidence of recurrence. Continue letrozole daily.';
    const codes = codesF(['Left breast cancer, lower inner quadrant', 'ER positive'], notes);
    expect(codes).toContain('Z17.411');
    expect(codes).not.toContain('Z17.0');
  });

  it('the visit assessment, not a pathology summary above it, decides the status', () => {
    const notes =
      'Dx: left breast IDC, lower inner quadrant, ER+/PR+/HER2-, lumpectomy 2024.\nAssessment/Plan:\n1. Left breast carcinoma LIQ, ER+ - on adjuvant letrozole, no evidence of recurrence. Continue letrozole.';
    const codes = codesF(['History of left breast cancer'], notes);
    expect(codes).toContain('Z17.0');
    expect(codes).not.toContain('Z17.411');
  });

  it('no status when nothing signs it', () => {
    const notes = 'A/P:\n1. Left breast carcinoma LIQ, on adjuvant letrozole, no evidence of recurrence. Continue letrozole daily.';
    expect(codesF(['History of left breast cancer'], notes).filter((c) => c.startsWith('Z17'))).toEqual([]);
  });
});

describe('coronary stent status in the chart abbreviations', () => {
  it('s/p DES or s/p PCI beside the coronary disease is the stent presence', () => {
    expect(
      codesM(['Coronary artery disease', 'Hyperlipidemia'], 'A/P: CAD s/p DES to the RCA 2022, no angina. Continue statin.'),
    ).toContain('Z95.5');
    expect(codesM(['Coronary artery disease'], 'PMH: CAD s/p PCI of the circumflex 2020. No chest pain since.')).toContain('Z95.5');
    expect(codesM(['Coronary artery disease'], 'Cath 2023: 80% mid RCA, DES x1 placed. Doing well.')).toContain('Z95.5');
  });

  it('a postprocedural state read from the same words gives way to the stent', () => {
    const codes = codesM(['Coronary artery disease', 's/p DES'], 'Stable, no angina.');
    expect(codes).toContain('Z95.5');
    expect(codes.filter((c) => c.startsWith('Z98'))).toEqual([]);
  });

  it('not a PCI only considered or denied, nor beside no heart disease', () => {
    expect(codesM(['Coronary artery disease'], 'A/P: CAD, candidate for PCI if angina worsens. No prior PCI.')).not.toContain('Z95.5');
    expect(codesM(['Acute bronchitis'], 'PMH: s/p PCI 2019. Cough for a week.')).not.toContain('Z95.5');
  });
});

describe('follow-up after a completed course of treatment (Z09)', () => {
  it('a pneumonia the assessment calls resolved after the completed antibiotics: Z09 and the history', () => {
    const notes =
      'F/u pneumonia. Completed 7 days of amoxicillin for RML pneumonia. Afebrile, lungs clear, repeat CXR clear.\nA/P: Pneumonia - resolved. Return as needed.';
    expect(codesM(['Pneumonia RML'], notes)).toEqual(['Z09', 'Z87.01']);
    expect(codedM(['Pneumonia RML'], notes)[0]?.code).toBe('Z09');
  });

  it('Z09 first-listed beside a chronic condition managed after it', () => {
    const notes =
      'Follow-up of pneumonia after discharge; antibiotics complete. Lungs clear.\nA/P:\n1. Pneumonia - clinically resolved, antibiotics complete.\n2. Hypertension - controlled, continue losartan, stable.';
    expect(codedM(['Pneumonia', 'Hypertension'], notes).map((d) => d.code)).toEqual(['Z09', 'Z87.01', 'I10']);
  });

  it('not while the course is still being taken or the condition is still there', () => {
    expect(
      codesM(['Pneumonia'], 'F/u pneumonia, day 5 of 7 of amoxicillin, still coughing.\nA/P: Pneumonia - improving, finish antibiotics.'),
    ).toEqual(['J18.9']);
    expect(codesM(['Pneumonia'], 'F/u pneumonia.\nA/P: Pneumonia - resolved symptoms, but CXR shows persistent infiltrate.')).not.toContain(
      'Z09',
    );
  });
});

describe('long-term drug therapy of the class the drug belongs to', () => {
  it('a line saying only "long term drug" gives way to the class code of the drug the record names', () => {
    const notes =
      'Rheumatoid arthritis, both hands, on MTX 20 mg weekly since 2024.\nA/P: Rheumatoid arthritis - stable on MTX, CBC and LFTs today, continue.';
    const codes = codesM(['Rheumatoid arthritis', 'Long term drug'], notes);
    expect(codes).toContain('Z79.631');
    expect(codes).not.toContain('Z79.899');
  });

  it('Z79.899 for a drug no Z79 code names that the plan continues as long-term therapy', () => {
    const notes =
      'A/P:\n1. Opioid use disorder in sustained remission - continue buprenorphine-naloxone 8 mg daily, refilled (long-term therapy).';
    expect(codesM(['Opioid use disorder in remission'], notes)).toContain('Z79.899');
  });

  it('no Z79.899 for a drug only listed, started today, or a plan with long-term goals', () => {
    expect(codesM(['Alcohol use disorder'], 'Meds: naltrexone 50 mg daily.\nA/P: Alcohol use disorder - counseling given.')).not.toContain(
      'Z79.899',
    );
    expect(
      codesM(['Alcohol use disorder'], 'A/P: Alcohol use disorder - start naltrexone 50 mg daily; long-term goals discussed.'),
    ).not.toContain('Z79.899');
  });
});

describe('a former smoker', () => {
  it('history of tobacco dependence beside a disease whose note asks for it', () => {
    expect(codesM(['COPD'], 'Former smoker, quit 2012. A/P: COPD stable on tiotropium.')).toContain('Z87.891');
  });

  it('never for a never smoker', () => {
    expect(codesM(['COPD'], 'Never smoker; occupational dust exposure. A/P: COPD stable on tiotropium.')).not.toContain('Z87.891');
  });
});
