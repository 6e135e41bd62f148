// Clinical validation (coding/result-contradicts.ts, table coding/clinical-validations.ts): a diagnosis
// a result or statement of the record contradicts is asked, the documented code standing meanwhile;
// each row with a record that must raise the query and one that must not, and the answers read.
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 63, sex: 'F' });
type Lines = Array<{ description: string; code?: string }>;
const asked = (notes: string, lines: Lines) => code(notes, lines).clarification;
/** The record coded again once the query it raised is answered in the physician's words. */
function answeredWith(notes: string, lines: Lines, freeText: string) {
  const question = code(notes, lines).clarification!.question;
  return code(notes, lines, [{ question, freeText }]);
}

describe('COPD beside spirometry with no fixed obstruction', () => {
  const copd = [{ description: 'COPD', code: 'J44.9' }];

  it('a normal FEV1/FVC ratio is asked, J44.9 standing until answered', () => {
    const r = code('Exertional dyspnea. Spirometry today: FEV1/FVC 0.81, FEV1 92% predicted.\nA/P: COPD - tiotropium.', copd);
    expect(diagnosisCodes(r)).toEqual(['J44.9']);
    expect(r.clarification?.question).toMatch(/FEV1\/FVC 0\.81/);
    expect(r.clarification?.reason).toMatch(
      /is documented while a result or statement of the record contradicts it \(clinical validation\)/,
    );
  });

  it('a ratio that reaches 0.70 after the bronchodilator, or obstruction said to reverse fully, is asked', () => {
    expect(asked('PFTs: FEV1/FVC 64% pre, post-bronchodilator 76%.\nA/P: COPD, continue inhalers.', copd)?.question).toMatch(/76%/);
    expect(asked('PFT 3/2026: obstruction, fully reversible with albuterol.\nA/P: COPD.', copd)?.question).toMatch(/fully reversible/);
    expect(asked('PFTs: no airflow obstruction; mild restriction.\nA/P: COPD.', copd)).toBeDefined();
  });

  it('a ratio under 0.70 after the bronchodilator, or a fixed obstruction, is no contradiction', () => {
    expect(asked('Spirometry: FEV1/FVC 0.58, post-BD 0.61; moderate obstruction.\nA/P: COPD.', copd)).toBeUndefined();
    expect(asked('PFTs 2024: fixed airflow obstruction, GOLD 2.\nA/P: COPD.', copd)).toBeUndefined();
    expect(asked('PFTs ordered to stage it.\nA/P: COPD.', copd)).toBeUndefined();
  });

  it('an answer denying COPD and naming asthma codes the asthma, never COPD', () => {
    const notes = 'Spirometry today: FEV1/FVC 0.81, normal spirometry.\nA/P: COPD - tiotropium.';
    const r = answeredWith(notes, copd, 'This is not COPD, mild intermittent asthma.');
    expect(diagnosisCodes(r)).toContain('J45.20');
    expect(diagnosisCodes(r).some((c) => c.startsWith('J44'))).toBe(false);
    expect(r.clarification).toBeUndefined();
  });

  it('a bare denial takes COPD off when another diagnosis remains', () => {
    const notes = 'Spirometry today: FEV1/FVC 0.81, normal spirometry.\nA/P: COPD - tiotropium. Essential hypertension, at goal.';
    const r = answeredWith(notes, [...copd, { description: 'Essential hypertension' }], 'No, this is not COPD.');
    expect(diagnosisCodes(r)).toEqual(['I10']);
  });

  it('an answer confirming it keeps the documented code', () => {
    const notes = 'Spirometry today: FEV1/FVC 0.81, normal spirometry.\nA/P: COPD - tiotropium.';
    expect(diagnosisCodes(answeredWith(notes, copd, 'Confirmed, COPD on clinical grounds.'))).toEqual(['J44.9']);
  });
});

describe("Parkinson's disease beside a normal dopamine transporter scan", () => {
  const pd = [{ description: "Parkinson's disease" }];

  it('is asked', () => {
    const r = code(
      'Rest tremor R hand. DaTscan 4/2026: normal symmetric striatal uptake.\nA/P: Parkinson disease - start carbidopa-levodopa.',
      pd,
    );
    expect(r.clarification?.question).toMatch(/DaTscan/);
    expect(diagnosisCodes(r)[0]).toMatch(/^G20/);
  });

  it('a scan showing reduced uptake is no contradiction', () => {
    expect(
      asked('DaT-SPECT: reduced putaminal uptake, L > R, consistent with a presynaptic dopaminergic deficit.\nA/P: PD.', pd),
    ).toBeUndefined();
  });

  it('an ERRATUM line naming the disease takes it back; the diagnosis stated instead is coded', () => {
    const notes = 'Rest tremor R hand. DaTscan: normal.\nA/P: Parkinson disease; essential hypertension stable.';
    const lines = [...pd, { description: 'Essential hypertension' }];
    const r = answeredWith(notes, lines, "ERRATUM: Parkinson's disease.\nDiagnosis should read: essential tremor.");
    expect(diagnosisCodes(r)).toContain('G25.0');
    expect(diagnosisCodes(r).some((c) => c.startsWith('G20'))).toBe(false);
  });
});

describe('acute pancreatitis beside imaging of a normal pancreas', () => {
  const ap = [{ description: 'Acute pancreatitis' }];

  it('is asked', () => {
    expect(
      asked(
        'Epigastric pain, lipase 95 (nl <60). CT abd/pelvis w contrast: normal pancreas, no peripancreatic stranding.\nA/P: acute pancreatitis.',
        ap,
      )?.question,
    ).toMatch(/normal pancreas/);
    expect(asked('RUQ US: pancreas unremarkable, no gallstones.\nA/P: acute pancreatitis, IVF.', ap)).toBeDefined();
  });

  it('imaging of an inflamed pancreas, or one that says nothing of it, is no contradiction', () => {
    expect(
      asked('CT A/P: edematous pancreas with peripancreatic fat stranding, no necrosis.\nA/P: acute pancreatitis.', ap),
    ).toBeUndefined();
    expect(asked('CT head: normal.\nA/P: acute pancreatitis, lipase 1400.', ap)).toBeUndefined();
  });
});

describe('MSSA against MRSA', () => {
  it('an MSSA code beside a culture of oxacillin-resistant S. aureus is asked; the answer naming MRSA codes its MRSA form', () => {
    const notes =
      'Blood cultures 2/2: Staphylococcus aureus, oxacillin resistant, vancomycin susceptible.\nA/P: sepsis due to MSSA - cefazolin.';
    const lines = [{ description: 'Sepsis due to MSSA', code: 'A41.01' }];
    const r = code(notes, lines);
    expect(diagnosisCodes(r)).toContain('A41.01');
    expect(r.clarification?.question).toMatch(/oxacillin resistant/);
    const after = answeredWith(notes, lines, 'Not MSSA - it is MRSA sepsis; switched to vancomycin.');
    expect(diagnosisCodes(after)).toContain('A41.02');
    expect(diagnosisCodes(after)).not.toContain('A41.01');
  });

  it('an MRSA code beside a culture reported methicillin susceptible is asked', () => {
    const r = code('Sputum cx: MSSA, methicillin susceptible.\nA/P: MRSA pneumonia - vancomycin.', [
      { description: 'MRSA pneumonia', code: 'J15.212' },
    ]);
    expect(r.clarification?.question).toMatch(/methicillin susceptible/);
  });

  it('an MSSA carrier code beside a nares screen growing MRSA is asked', () => {
    const lines = [{ description: 'MSSA carrier', code: 'Z22.321' }];
    expect(asked('Pre-op nares swab PCR: MRSA detected.\nA/P: MSSA carrier - mupirocin.', lines)).toBeDefined();
  });

  it('an MRSA screen beside an MSSA infection, or an earlier MRSA report, is no contradiction', () => {
    const lines = [{ description: 'Sepsis due to MSSA', code: 'A41.01' }];
    expect(asked('Nares screen PCR: MRSA positive.\nA/P: sepsis due to MSSA - cefazolin.', lines)).toBeUndefined();
    expect(asked('Wound culture in 2021 grew MRSA.\nA/P: sepsis due to MSSA - cefazolin.', lines)).toBeUndefined();
    expect(asked('Hx MRSA abscess.\nA/P: sepsis due to MSSA - cefazolin.', lines)).toBeUndefined();
  });

  it('a susceptible culture beside MSSA, or a negative MRSA screen, is no contradiction', () => {
    const lines = [{ description: 'MSSA bacteremia', code: 'B95.61' }];
    expect(asked('Blood cx: S. aureus, oxacillin susceptible. Nares MRSA PCR negative.\nA/P: MSSA bacteremia.', lines)).toBeUndefined();
  });
});

describe('an alcohol-induced disorder beside a patient who never drank', () => {
  const cirrhosis = [{ description: 'Alcoholic cirrhosis of liver' }];

  it('is asked, quoting the statement', () => {
    const r = code('Social history: lifelong abstainer, no tobacco.\nA/P: alcoholic cirrhosis, MELD 12.', cirrhosis);
    expect(r.clarification?.question).toMatch(/states "Social history: lifelong abstainer/);
    expect(diagnosisCodes(r)).toContain('K70.30');
  });

  it('a negative PEth or ethanol level, a current denial, or a quit drinker is no contradiction', () => {
    expect(asked('PEth negative, serum ethanol undetectable. Denies alcohol use.\nA/P: alcoholic cirrhosis.', cirrhosis)).toBeUndefined();
    expect(asked('Never drank again after he quit in 2015.\nA/P: alcoholic cirrhosis.', cirrhosis)).toBeUndefined();
    expect(asked('Her mother never drank.\nA/P: alcoholic cirrhosis.', cirrhosis)).toBeUndefined();
    expect(asked('Says he never drank heavily, 2-3 beers a night.\nA/P: alcoholic cirrhosis.', cirrhosis)).toBeUndefined();
  });

  it('social history shorthand for a lifelong abstainer is asked too', () => {
    expect(asked('SH: EtOH: never. Tobacco: never.\nA/P: alcoholic cirrhosis.', cirrhosis)).toBeDefined();
  });

  it('an uncomplicated use code is no alcohol-induced disorder', () => {
    expect(asked('Never drank alcohol.\nA/P: alcohol use, counselled.', [{ description: 'Alcohol use', code: 'F10.90' }])).toBeUndefined();
  });
});

describe('rheumatoid arthritis without rheumatoid factor beside a positive factor', () => {
  const seronegative = [{ description: 'Rheumatoid arthritis without rheumatoid factor, multiple sites', code: 'M06.09' }];

  it('a rheumatoid factor of 20 units or more, or a positive anti-CCP, is asked', () => {
    expect(asked('Labs: RF 64 IU/mL, anti-CCP negative.\nA/P: seronegative RA, continue methotrexate.', seronegative)?.question).toMatch(
      /RF 64/,
    );
    expect(asked('Labs: RF negative, anti-CCP strongly positive.\nA/P: seronegative RA.', seronegative)).toBeDefined();
  });

  it('low values or negative tests are no contradiction', () => {
    expect(asked('Labs: RF <10 IU/mL, anti-CCP 7 U.\nA/P: seronegative RA.', seronegative)).toBeUndefined();
    expect(asked('RF negative, CCP negative.\nA/P: seronegative RA.', seronegative)).toBeUndefined();
    expect(asked('RF ablation of the genicular nerves 2024. RF 8 IU/mL.\nA/P: seronegative RA.', seronegative)).toBeUndefined();
  });
});
