// Long SOAP notes, session 13 (coding-13a): the code a diagnosis line names when its words are a
// clinician's shorthand for the index's entry, a side read elsewhere that must not change the family,
// and long-term drugs: "as needed" read for its own drug, a drug named as a cause. Our own wording.
import { describe, expect, it } from 'vitest';
import { documentCodesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const { codes, lines } = documentCodesFor(codeSets, { ageYears: 60, sex: 'F' });
const line = (description: string, notes = '', ageYears = 60, sex: 'F' | 'M' = 'F') => lines([description], notes, ageYears, sex);

describe('a side read from another statement chooses a side, never the family', () => {
  it('hypertension stays I10 when a history item beside it in the same sentence names a right ankle', () => {
    const notes = 'PMH: hypertension on amlodipine, right knee arthroscopy 2015, appendectomy.\nA: HTN - at goal, continue amlodipine.';
    const got = line('HTN', notes);
    expect(got).toContain('I10');
    expect(got.join(' ')).not.toMatch(/H40/);
  });

  it('a condition coded by side still takes the side the exam states', () => {
    expect(line('Carpal tunnel syndrome', 'Exam: left wrist with a positive Tinel sign over the carpal tunnel.')).toEqual(['G56.02']);
  });
});

describe("the index's entry behind a clinician's shorthand", () => {
  it("Medicare's wellness visit, initial or subsequent, is the general adult examination", () => {
    expect(line('Annual wellness visit (subsequent)', '', 74)).toEqual(['Z00.00']);
    expect(line('Initial AWV', '', 67)[0]).toMatch(/^Z00\.0/);
  });

  it('alcohol and opioid use disorders by their initials keep their severity and remission', () => {
    expect(line('AUD, severe, in early remission', '', 45, 'M')).toEqual(['F10.21']);
    expect(line('OUD mild', '', 33, 'M')).toEqual(['F11.10']);
  });

  it('a miscarriage that threatens, or is missed, is the abortion the index names', () => {
    expect(line('Threatened miscarriage, 9 weeks', '', 29)).toContain('O20.0');
    expect(line('Missed miscarriage at 10 weeks', '', 31)).toContain('O02.1');
  });

  it("Crohn's disease written by the bowel it inflames is coded to that bowel", () => {
    expect(line("Crohn's terminal ileitis, quiescent")).toEqual(['K50.00']);
    expect(line("Crohn's colitis")).toEqual(['K50.10']);
    expect(line("Crohn's ileocolitis")).toEqual(['K50.80']);
  });

  it('a skin cancer on the ala or the tip of the nose is of the skin of the nose, which has no side', () => {
    expect(line('BCC of the right nasal ala')).toEqual(['C44.311']);
    expect(line('Squamous cell carcinoma, tip of the nose')).toEqual(['C44.321']);
  });

  it('a stent in a named coronary artery is the coronary implant status, not some other implant', () => {
    expect(line('Status post RCA stent 2021')).toEqual(['Z95.5']);
  });

  it('stable or exertional angina with coronary atherosclerosis is the "other forms" combination code', () => {
    expect(line('Coronary artery disease with stable angina')).toEqual(['I25.118']);
    expect(line('Exertional angina')).toEqual(['I20.89']);
    expect(line('CAD with unstable angina')).toEqual(['I25.110']);
  });
});

describe('long-term drugs by what the record says of each one (guideline I.C.21.c.3)', () => {
  it('"as needed" is said of its own drug: another item of the list taken as needed leaves the anticoagulant long-term', () => {
    const got = codes({
      diagnoses: [{ description: 'Paroxysmal atrial fibrillation' }],
      notes: 'Meds: apixaban 5 mg twice daily, metoprolol 25 mg BID, acetaminophen as needed.\nA: PAF, rate controlled. No changes today.',
    });
    expect(got).toContain('Z79.01');
    const onlyAsNeeded = codes({
      diagnoses: [{ description: 'Chronic low back pain' }],
      notes: 'Meds: naproxen 500 mg as needed, lisinopril 10 mg daily.\nA: low back pain, stretching program.',
    });
    expect(onlyAsNeeded).not.toContain('Z79.1');
  });

  it("an anti-inflammatory is long-term on the record's word (daily, long-term), not on a dose schedule", () => {
    const course = codes({
      diagnoses: [{ description: 'Primary osteoarthritis of right knee' }],
      notes: 'Knee pain for 3 months.\nA/P: OA right knee. Naproxen 500 bid, PT referral.',
    });
    expect(course).not.toContain('Z79.1');
    const standing = codes({
      diagnoses: [{ description: 'Primary osteoarthritis of right knee' }],
      notes: 'Meds: meloxicam 15 mg daily for 6 months.\nA/P: OA right knee, continue meloxicam.',
    });
    expect(standing).toContain('Z79.1');
  });

  it('a drug named as the cause of a past reaction is not taken now', () => {
    const got = codes({
      diagnoses: [{ description: 'Rheumatoid arthritis of both hands, seropositive' }],
      notes: 'History: methotrexate-induced transaminitis 2019 - resolved after stopping it.\nMeds: hydroxychloroquine 200 mg BID.',
    });
    expect(got).not.toContain('Z79.631');
  });
});
