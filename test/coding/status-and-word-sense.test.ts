// Status codes the record states as current (guideline I.C.21.c.3) and codes a word in another sense
// must not bring in (a device complication without a complication, palliative care from "supportive",
// an organ's abnormal result beside the organ's coded disease). Examples written for this test (tuned on).
import { describe, expect, it } from 'vitest';
import { codedBy, sortedCodesBy, useCodeSets } from '../../testkit/coding-input.ts';
import { statedStatus } from '../../coding/status-codes.ts';

const codeSets = useCodeSets();
const codes = sortedCodesBy(codeSets, { sex: 'M', ageYears: 71 });
const coded = codedBy(codeSets, { sex: 'M', ageYears: 71 });

describe('status the record states as current', () => {
  it('dependence on supplemental oxygen beside the lung disease it bears on', () => {
    expect(codes([], 'Assessment: COPD, stable. Uses 2 L home oxygen at night. Continue tiotropium.')).toEqual(['J44.9', 'Z99.81']);
    expect(codes(['Pulmonary fibrosis'], 'Oxygen-dependent since last year; sats 91% on 3 L by nasal cannula.')).toContain('Z99.81');
  });

  it('not oxygen given at the visit, only evaluated, or weaned', () => {
    expect(codes(['COPD'], 'Needs evaluation for home oxygen; exertional sat 87%.')).toEqual(['J44.9']);
    expect(codes(['COPD'], 'Weaned off home oxygen in the spring.')).toEqual(['J44.9']);
    expect(codes(['Community acquired pneumonia'], 'Sat 89%; oxygen given in clinic, sent to the ED.')).toEqual(['J18.9']);
  });

  it('a bypass graft or coronary stent is its presence, beside the heart disease', () => {
    expect(codes(['Coronary artery disease', 'Status post CABG'], 'No angina since surgery.')).toEqual(['I25.10', 'Z95.1']);
    expect(codes(['Coronary artery disease', 'Coronary stent status'], 'Stent placed 2022.')).toEqual(['I25.10', 'Z95.5']);
    expect(codes(['Coronary artery disease'], 'Drug-eluting stent to the LAD in 2021, no angina.')).toEqual(['I25.10', 'Z95.5']);
  });

  it('a bypass graft of a limb is no coronary bypass status', () => {
    expect(codes(['Atherosclerosis of autologous vein bypass graft of the left leg with rest pain'], '')).not.toContain('Z95.1');
    expect(codes(['Coronary artery disease'], 'Bypass grafting x3 in 2018, no angina since.')).toEqual(['I25.10', 'Z95.1']);
  });

  it('a device complication is coded as one, not as the presence', () => {
    expect(codes(['Coronary artery disease', 'Restenosis of coronary stent'], 'Cath shows in-stent restenosis.')).toContain('T82.855A');
    expect(codes(['Coronary artery disease', 'Restenosis of coronary stent'], 'Cath shows in-stent restenosis.')).not.toContain('Z95.5');
  });

  it('a status from a copied-forward history with nothing it bears on coded is left out', () => {
    expect(codes([], 'PMH: CABG x3 2015. Hypertension.\nAssessment: Acute maxillary sinusitis - amoxicillin.')).toEqual(['J01.00']);
  });

  it('an opening reversed, a device removed, is no status', () => {
    expect(statedStatus({ code: 'Z93.2', stated: /\bileostomy\b/i }, 'Ileostomy reversed last year')).toBeUndefined();
    expect(codes(['Ulcerative colitis'], 'Ileostomy reversed last year; normal bowel function.')).toEqual(['K51.90']);
  });

  it('the rationale quotes the statement and the condition it bears on', () => {
    const z = coded(['Sick sinus syndrome'], 'Dual-chamber pacemaker since 2019, doing well.').find((d) => d.code === 'Z95.0');
    expect(z?.rationale).toMatch(/pacemaker since 2019.*I49\.5.*I\.C\.21\.c\.3/);
  });
});

describe('a word in another sense brings in no code', () => {
  it('"BP" is blood pressure: an elevated reading without hypertension is R03.0', () => {
    expect(codes(['Elevated BP'], 'BP 150/92 and 148/90, no diagnosis of hypertension; recheck.')).toEqual(['R03.0']);
  });

  it('supportive care is not palliative care', () => {
    expect(codes([], 'Assessment: Acute bronchitis. Supportive care, fluids and rest.')).toEqual(['J20.9']);
  });

  it("an organ's abnormal result beside the organ's coded disease is part of it; elsewhere it stays", () => {
    expect(codes([], 'Assessment: Alcoholic fatty liver with elevated transaminases.')).not.toContain('R74.01');
    expect(codes(['Prostate adenocarcinoma', 'Elevated PSA'], 'PSA rising on surveillance.')).toEqual(['C61']);
    expect(codes(['Elevated liver enzymes', 'Essential hypertension'], 'Ultrasound ordered.')).toEqual(['I10', 'R74.01']);
  });

  it('an INR out of range is the abnormal coagulation profile, not a coagulation defect', () => {
    expect(codes(['High INR on warfarin', 'Paroxysmal atrial fibrillation'], 'Hold one dose, recheck in a week.')).toEqual([
      'I48.0',
      'R79.1',
      'Z79.01',
    ]);
    expect(codes(['Supratherapeutic INR'], 'On Coumadin for a mechanical valve.')).toContain('R79.1');
    expect(codes(['Lupus anticoagulant'], 'Positive dRVVT twice, 12 weeks apart.')).toEqual(['D68.62']);
  });
});
