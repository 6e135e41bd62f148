// Long SOAP notes, session 14 (coding-14b): the exact code set. Codes a "use additional code" note asks
// for that the record documents and a later step must not lose; codes a coder leaves out. Our own wording.
import { describe, expect, it } from 'vitest';
import { documentCodesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const { lines } = documentCodesFor(codeSets, { ageYears: 60, sex: 'M' });

describe('a code a "use additional code" note asks for stays when a later step recodes the condition', () => {
  it('insulin named on the diabetes line stays Z79.4 when the line becomes diabetes with hyperglycemia', () => {
    const got = lines(
      ['Diabetes, poorly controlled, on insulin'],
      'A1c 10.2. Takes glargine 30 units nightly; increase by 2 units every 3 days.',
    );
    expect(got).toEqual(['E11.65', 'Z79.4']);
  });

  it('insulin stays beside a diabetic ulcer and neuropathy coded from the lines around it', () => {
    const got = lines(['Diabetic foot ulcer R heel', 'Diabetic peripheral neuropathy', 'DM2 with hyperglycemia, on insulin']);
    expect(got).toContain('Z79.4');
    expect(got).toContain('E11.621');
  });
});

describe('the stage a combination code asks for, stated on the same line', () => {
  it('diabetic CKD with its stage on one line is E11.22 with the stage code', () => {
    expect(lines(['Type 2 diabetes mellitus with diabetic chronic kidney disease stage 4'])).toEqual(['E11.22', 'N18.4']);
    expect(lines(['DM2 with diabetic CKD stage 3b'])).toEqual(['E11.22', 'N18.32']);
  });
});

describe('a condition a combination code holds is not coded twice', () => {
  it('plain hypertension further down the list is the hypertensive CKD code already there, not I10 as well', () => {
    expect(lines(['CKD 4 - hypertensive', 'Anemia in CKD', 'HTN'])).toEqual(['I12.9', 'N18.4', 'D63.1']);
  });

  it('hypertension alone stays I10', () => {
    expect(lines(['HTN', 'Hyperlipidemia'])).toEqual(['I10', 'E78.5']);
  });
});

describe('what a note asks for is something the coded condition does not already say', () => {
  it('alcohol counselling asks for the use it counsels, which its own words do not state', () => {
    const notes = 'Has 3-4 glasses of wine every evening. Counselled on cutting down. BP 134/84 on amlodipine, continue.';
    expect(lines(['Hypertension', 'Alcohol counselling'], notes)).toEqual(['I10', 'Z71.41']);
  });
});

describe('one part of a note answered does not answer the others', () => {
  it('an oral drug found for E11.22 still leaves its CKD stage to be coded from the same line', () => {
    const notes = 'Takes glipizide 5 mg twice daily. eGFR 24. Continue glipizide.';
    expect(lines(['Type 2 diabetes mellitus with diabetic chronic kidney disease stage 4'], notes)).toEqual(['E11.22', 'Z79.84', 'N18.4']);
  });
});

describe('a diagnosis-list line that names only a test, a procedure or a drug is not a condition', () => {
  it('an imaging study of an organ is no disorder of that organ', () => {
    expect(lines(['Migraine without aura, not intractable', 'CT head'])).toEqual(['G43.009']);
  });

  it('an injection of a joint on its side is no neuropathy of the limb', () => {
    expect(lines(['Primary osteoarthritis, left knee', 'L knee steroid injection'])).toEqual(['M17.12']);
    expect(lines(['Primary osteoarthritis, right knee', 'R knee injection'])).toEqual(['M17.11']);
    expect(lines(['Chronic low back pain', 'Trigger point injection, lumbar, 2 sites'])).toEqual(['M54.50']);
  });

  it('a procedure line that names the condition treated is coded as that condition', () => {
    expect(lines(['Injection for trigger finger, right ring finger'])[0]).toMatch(/^M65\.3/);
  });

  it("a drug on the list is its long-term use, never a word match on its class's name", () => {
    const got = lines(['Persistent atrial fibrillation', 'On rivaroxaban'], 'AF rate controlled. Continue rivaroxaban 20 mg daily.');
    expect(got).toEqual(['I48.19', 'Z79.01']);
    expect(lines(['Type 2 diabetes mellitus', 'Metformin therapy'])).toEqual(['E11.9', 'Z79.84']);
  });

  it('a line with a finding of the test is still coded', () => {
    expect(lines(['Abnormal ECG'])[0]).toMatch(/^R94\.31/);
  });
});

describe('how a listed drug is taken is read from its own item of the list', () => {
  it('an anti-inflammatory gel is used on the skin, and another item twice a day does not make it long-term', () => {
    const notes =
      'Meds: pantoprazole 40 mg, diclofenac 1% gel to both knees, acetaminophen 500 mg BID.\nA/P: knee OA - continue gel and acetaminophen.';
    expect(lines(['Primary osteoarthritis of both knees'], notes)).toEqual(['M17.0']);
  });

  it('prednisone by mouth stays long-term when a nasal spray is another item of the same list', () => {
    const notes = 'Meds: prednisone 5 mg daily, fluticasone nasal spray. Polymyalgia stable on prednisone 5 mg daily.';
    expect(lines(['Polymyalgia rheumatica'], notes)).toEqual(['M35.3', 'Z79.52']);
  });
});

describe('what the record states of a device, a drug or a habit is about this patient, now', () => {
  it('a defibrillator only discussed or referred for is no device present', () => {
    const notes = 'EF 30%, QRS 150 with LBBB. Plan: will discuss CRT-D referral at the next visit; continue carvedilol.';
    expect(lines(['Chronic systolic heart failure'], notes)).toEqual(['I50.22']);
  });

  it('an antiplatelet the plan stops today is not long-term therapy; the aspirin it continues is', () => {
    const notes =
      'Meds: aspirin 81 mg, clopidogrel 75 mg daily (meant to end after 3 months), atorvastatin.\nAssessment: coronary artery disease, no angina, 14 months after a stent.\nPlan: Stop clopidogrel today. Continue aspirin 81 mg long term.';
    const got = lines(['Coronary artery disease without angina'], notes);
    expect(got).toContain('Z79.82');
    expect(got).not.toContain('Z79.02');
  });

  it('a stop that waits for something leaves the drug long-term until then', () => {
    const notes = 'Meds: metformin 1000 mg BID.\nPlan: start semaglutide 0.25 mg weekly; stop metformin once semaglutide reaches 1 mg.';
    expect(lines(['Type 2 diabetes mellitus'], notes)).toContain('Z79.84');
  });

  it("a relative's smoking at home is the child's exposure, not the child's tobacco use", () => {
    const notes =
      'Father lives with them and smokes cigarettes on the balcony.\nA: acute otitis media, left ear, without rupture. Amoxicillin.';
    const got = lines(['Acute suppurative otitis media, left ear', 'Secondhand smoke exposure'], notes, 4);
    expect(got).not.toContain('F17.210');
    expect(got).toContain('Z77.22');
  });
});
