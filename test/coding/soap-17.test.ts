// Long SOAP notes, session 17 (coding-17d): what the visit addressed is coded, nothing else. Each
// mechanism with our own records, in our own words (tuned on by construction;
// test/coding/soap-set-17.json holds the same kinds of record for the evaluation).
import { describe, expect, it } from 'vitest';
import { assertionsOf } from '../../coding/context.ts';
import { documentCodesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const { lines } = documentCodesFor(codeSets, { ageYears: 60, sex: 'M' });

describe('"s/p" dates the procedure after it, not the condition before it', () => {
  it('a bypass leaves the coronary disease current: the disease and the graft status, no history code', () => {
    const notes = 'A/P: Coronary disease s/p three-vessel bypass in 2017, no angina since - statin continued.';
    const got = lines(['Coronary artery disease s/p CABG'], notes, 72);
    expect(got).toContain('I25.10');
    expect(got).toContain('Z95.1');
    expect(got.filter((c) => /^Z8[5-7]/.test(c))).toEqual([]);
  });

  it('a stent leaves a recent infarction current (I21, within four weeks) with the stent status', () => {
    const got = lines(
      ['Recent myocardial infarction s/p PCI with drug-eluting stent'],
      'A/P: infarction two weeks ago, stented; recovering well.',
      58,
    );
    expect(got[0]).toMatch(/^I21/);
    expect(got).toContain('Z95.5');
    expect(got.filter((c) => /^Z86/.test(c))).toEqual([]);
  });

  it('a cardioversion leaves the arrhythmia current', () => {
    const got = lines(['Persistent atrial fibrillation s/p DCCV 2023'], 'A/P: back in AF since spring; rate control with diltiazem.', 67);
    expect(got).toContain('I48.19');
    expect(got.filter((c) => /^Z8/.test(c))).toEqual([]);
  });

  it('a removal may have ended the condition: the statement stays history', () => {
    expect(assertionsOf('diagnoses', 'Uterine fibroids s/p myomectomy 2015')).toEqual([
      { text: 'Uterine fibroids myomectomy 2015', assertion: 'personal-history' },
    ]);
    expect(assertionsOf('diagnoses', 'Breast cancer s/p lumpectomy')[0]?.assertion).toBe('personal-history');
  });

  it('the condition before the cue is read as any statement is (a negated one stays negated)', () => {
    expect(assertionsOf('diagnoses', 'CAD s/p CABG')).toEqual([
      { text: 'CAD', assertion: 'affirmed' },
      { text: 'CABG', assertion: 'personal-history' },
    ]);
  });
});

describe('"Hx" alone is a personal history, as "hx of" is', () => {
  it('"Hx melanoma ..., NED" is the history of melanoma, not a current melanoma', () => {
    const got = lines(['Hx melanoma R shoulder, wide excision 2018, no evidence of disease'], 'Skin check: no suspicious lesions.', 63);
    expect(got).toContain('Z85.820');
    expect(got.filter((c) => c.startsWith('C43'))).toEqual([]);
  });

  it('"Hx tubular adenoma" is the personal history, never the family history code', () => {
    const got = lines(['Hx tubular adenoma, sigmoid colon'], 'Due for surveillance colonoscopy; referral placed.', 59, 'F');
    expect(got.filter((c) => c.startsWith('Z83'))).toEqual([]);
    expect(got.some((c) => c.startsWith('Z86.010'))).toBe(true);
  });
});

describe('long-term drug therapy (Z79, I.C.21.c.3) only for a drug taken now as a standing regimen', () => {
  it('a steroid counted out in doses ("the second dose tomorrow") is no long-term steroid', () => {
    const notes =
      'Dexamethasone 12 mg PO given here. A/P: asthma flare - take the second dexamethasone dose tomorrow morning; keep the controller inhaler.';
    expect(lines(['Mild persistent asthma with exacerbation'], notes, 24, 'F')).not.toContain('Z79.52');
  });

  it('a course the physician says is not chronic therapy is no long-term steroid, whatever word "chronic" it carries', () => {
    const notes = 'A/P: Crohn ileitis flare - prednisone 30 mg daily, down by 5 mg every week (short course, not chronic steroid therapy).';
    expect(lines(["Crohn's disease of small intestine"], notes, 35, 'F')).not.toContain('Z79.52');
  });

  it('...while one taken for years still is', () => {
    const notes = 'A/P: polymyalgia rheumatica - prednisone 5 mg daily for 2 years, chronic steroid therapy; bone density ordered.';
    expect(lines(['Polymyalgia rheumatica'], notes, 72, 'F')).toContain('Z79.52');
  });

  it('a drug waiting on insurance approval is not taken yet (no Z79.85), the drug taken is (Z79.84)', () => {
    const notes =
      'Meds: glipizide 5 mg daily.\nA/P: type 2 diabetes above goal - keep glipizide; prior authorization sent for dulaglutide.';
    const got = lines(['Type 2 diabetes mellitus with hyperglycemia'], notes, 58, 'F');
    expect(got).toContain('Z79.84');
    expect(got).not.toContain('Z79.85');
  });

  it('"Long-term ICS" on the diagnosis list is inhaled steroids (Z79.51), not another long-term drug', () => {
    const got = lines(
      ['Asthma, moderate persistent, uncomplicated', 'Long-term ICS'],
      'A/P: asthma controlled on mometasone; no change.',
      40,
      'F',
    );
    expect(got).toContain('Z79.51');
    expect(got.filter((c) => c.startsWith('Z79') && c !== 'Z79.51')).toEqual([]);
  });
});

describe('a diagnosis line calling its condition resolved, below the conditions the visit is for, is not coded (IV.J, I.C.21.c.4)', () => {
  it('"Hypokalemia - resolved on recheck" at the end of a diabetes visit list: no history code', () => {
    const notes = 'A/P: diabetes and blood pressure at goal; potassium normal now off HCTZ.';
    const got = lines(
      ['Type 2 diabetes mellitus without complications', 'Essential hypertension', 'Hypokalemia - resolved on recheck'],
      notes,
      63,
      'F',
    );
    expect(got).toEqual(['E11.9', 'I10']);
  });

  it('...while a follow-up for the resolved condition itself is Z09 with the history', () => {
    const got = lines(['Recheck bronchitis - resolved'], 'Lungs clear, cough gone.', 44, 'F');
    expect(got[0]).toBe('Z09');
  });

  it('...and a line the physician wrote as history stays ("History of DVT")', () => {
    const got = lines(['Atrial fibrillation, persistent', 'History of DVT'], 'A/P: AF rate controlled on apixaban.', 71, 'F');
    expect(got).toContain('Z86.718');
  });
});

describe('a diagnosis line naming a drug is coded as that drug class only', () => {
  it('"Long-term prednisone" is Z79.52, not also another class found by "long term"', () => {
    const got = lines(['Giant cell arteritis', 'Long-term prednisone'], 'A/P: GCA quiet on prednisone 7.5 mg daily; continue.', 77, 'F');
    expect(got.filter((c) => c.startsWith('Z79'))).toEqual(['Z79.52']);
  });

  it('"Lithium level monitoring" is the drug monitored (Z79.899), never a finding of lithium in the blood', () => {
    const got = lines(
      ['Bipolar I disorder, currently in remission', 'Lithium level monitoring'],
      'Lithium level and TSH drawn today.',
      39,
      'F',
    );
    expect(got).toContain('Z79.899');
    expect(got.filter((c) => c.startsWith('R78'))).toEqual([]);
  });
});

describe('"given" as a reason is no dose given', () => {
  it('"not on aspirin given anticoagulation" keeps the anticoagulant long-term (Z79.01)', () => {
    const notes = [
      'Meds: rivaroxaban 20 mg daily, metoprolol 50 mg BID.',
      'A/P: 1. Permanent atrial fibrillation - rate controlled; continue rivaroxaban.',
      '2. Coronary disease, no angina - statin; not on aspirin given anticoagulation.',
    ].join('\n');
    expect(lines(['Permanent atrial fibrillation'], notes, 78, 'F')).toContain('Z79.01');
  });
});

describe('a drug waiting on approval is not taken yet, wherever the record names it', () => {
  it('"will start once approved" in the plan: no Z79.85 from another statement that names the drug', () => {
    const notes = [
      'Meds: glimepiride 2 mg daily.',
      'A/P: 1. Type 2 diabetes above goal - keep glimepiride; pre-authorization request for semaglutide, will start once approved.',
      '2. Obesity - semaglutide would also help her weight.',
    ].join('\n');
    const got = lines(['Type 2 diabetes mellitus with hyperglycemia', 'Obesity'], notes, 52, 'F');
    expect(got).toContain('Z79.84');
    expect(got).not.toContain('Z79.85');
  });
});

describe('an old injury written as history beside the condition it left is its sequela (I.C.19.a)', () => {
  it('"Old ... fracture, healed" on its own line after post-traumatic arthritis: the fracture with S, no history code', () => {
    const got = lines(
      ['Post-traumatic arthritis of left wrist', 'Old distal radius fracture left, healed'],
      'Wrist aches with gripping. XR: radiocarpal narrowing, healed distal radius fracture.',
      57,
      'F',
    );
    expect(got[0]).toBe('M19.132');
    expect(got.some((c) => /^S52\.\w+S$/.test(c))).toBe(true);
    expect(got.filter((c) => c.startsWith('Z87'))).toEqual([]);
  });
});
