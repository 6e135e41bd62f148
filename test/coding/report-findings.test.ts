// Clinical validation against a filed report another reader interpreted (coding/report-findings.ts,
// asked by coding/result-contradicts.ts): obstructive sleep apnea beside a sleep study reading the
// apneas as central, a history of cancer beside imaging suspicious for its return. The documented
// code stands until answered. Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 66, sex: 'M' });
type Lines = Array<{ description: string; code?: string }>;
const question = (notes: string, lines: Lines) => code(notes, lines).clarification?.question ?? '';
const VALIDATION = /is documented while a result or statement of the record contradicts it/;

describe('obstructive sleep apnea beside a sleep study reading central apneas', () => {
  const osa = [{ description: 'Obstructive sleep apnea', code: 'G47.33' }];

  it('is asked, G47.33 standing until answered', () => {
    const r = code(
      'Loud snoring, daytime sleepiness. On amiodarone for AF.\nHome sleep test 10/2026, read by sleep medicine: AHI 29, mostly central apneas, few obstructive events.\nA/P: OSA - order APAP.',
      osa,
    );
    expect(diagnosisCodes(r)).toEqual(['G47.33']);
    expect(r.clarification?.reason).toMatch(VALIDATION);
    expect(r.clarification?.question).toMatch(/mostly central apneas/);
  });

  it('a study reading Cheyne-Stokes breathing is asked', () => {
    expect(
      question(
        'PSG (interpreted): AHI 41 with Cheyne-Stokes respiration in NREM sleep.\nImpression: obstructive sleep apnea, start CPAP.',
        osa,
      ),
    ).toMatch(/clarify the diagnosis/);
  });

  it('a study reading obstructive apneas, or denying central ones, is not asked', () => {
    for (const notes of [
      'PSG: AHI 33, predominantly obstructive events, no central apneas.\nA/P: OSA, CPAP titration.',
      'Polysomnogram: AHI 22, no Cheyne-Stokes pattern, no central sleep apnea.\nA/P: OSA.',
      'Sleep study pending. Witnessed apneas.\nA/P: OSA suspected, CPAP after study.',
    ])
      expect(question(notes, osa)).not.toMatch(/clarify the diagnosis/);
  });
});

describe('a history of cancer beside imaging suspicious for its return', () => {
  const history = [{ description: 'History of colon cancer', code: 'Z85.038' }];

  it('is asked, the history code standing until answered', () => {
    const r = code(
      'Surveillance after R hemicolectomy 2021 for colon adenocarcinoma, no chemo.\nCT abdomen 11/2026 (radiology): two new hypodense liver lesions, concerning for metastases.\nA/P: hx colon cancer, NED. Repeat CEA.',
      history,
    );
    expect(diagnosisCodes(r)).toContain('Z85.038');
    expect(r.clarification?.reason).toMatch(VALIDATION);
    expect(r.clarification?.question).toMatch(/concerning for metastases/);
  });

  it('imaging read as benign or unchanged, or a cancer coded as current, is not asked', () => {
    for (const notes of [
      'CT chest: 4 mm RUL nodule, unchanged since 2023, benign appearing.\nA/P: hx colon cancer, NED.',
      'CT abdomen: no evidence of recurrence or metastatic disease.\nA/P: hx colon cancer, NED.',
    ])
      expect(question(notes, history)).not.toMatch(/clarify the diagnosis/);
    const current = code(
      'CT abdomen: new liver lesions suspicious for metastases.\nA/P: Colon cancer with liver metastases, refer oncology.',
      [
        { description: 'Colon cancer', code: 'C18.9' },
        { description: 'Liver metastases', code: 'C78.7' },
        { description: 'History of colon cancer', code: 'Z85.038' },
      ],
    );
    expect(current.clarification?.reason ?? '').not.toMatch(VALIDATION);
  });
});
