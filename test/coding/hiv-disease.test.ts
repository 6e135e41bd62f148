// HIV disease over asymptomatic HIV status (coding/hiv-disease.ts, guideline I.C.1.a.2): Z21 beside an
// HIV-related illness the record documents, now or in the past, is coded B20; a denial of one, a
// relative's, or prophylaxis against one leaves Z21. Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const patient = { ageYears: 44, sex: 'M' as const };
const code = recordCoder(codeSets, patient);
const status = { description: 'Asymptomatic HIV infection status', code: 'Z21' };
const codes = (notes: string, lines: Array<{ description: string; code?: string }> = [status]) => diagnosisCodes(code(notes, lines));

describe('an HIV-related illness beside asymptomatic HIV status', () => {
  it('a current AIDS-defining infection coded with it: B20 in place of Z21, listed before the infection', () => {
    const r = codes('Fever, dry cough, hypoxia. BAL positive for Pneumocystis jirovecii.\nA/P: PJP pneumonia - TMP-SMX.', [
      { description: 'Pneumocystis pneumonia' },
      status,
    ]);
    expect(r).toContain('B20');
    expect(r).not.toContain('Z21');
    expect(r.indexOf('B20')).toBeLessThan(r.indexOf('B59'));
  });

  it('a past illness counts too: once HIV-related, B20 on every later encounter', () => {
    expect(codes('HIV on bictegravir/FTC/TAF, VL undetectable. Hx of cryptococcal meningitis 2019.\nA/P: HIV, stable.')).toEqual(['B20']);
    expect(codes('History of Kaposi sarcoma of the skin, treated, in remission. Labs stable.')).toContain('B20');
  });

  it('AIDS written, or a CD4 count under 200 (a nadir included), is HIV disease', () => {
    expect(codes('Diagnosed with AIDS in 2011, now on ART.')).toEqual(['B20']);
    expect(codes('Well on ART. CD4 nadir 85 in 2016, now 540.')).toEqual(['B20']);
    const withResult = (value: string) =>
      diagnosisCodes(
        codeEncounter(
          codingInput({ notes: 'Restarting ART.', diagnoses: [status], testResults: [{ name: 'CD4 absolute', value }] }, patient),
          codeSets(),
        ),
      );
    expect(withResult('142 cells/uL')).toEqual(['B20']);
    expect(withResult('385 cells/uL')).toEqual(['Z21']);
  });
});

describe('what is no HIV-related illness', () => {
  it('a denial of opportunistic infections leaves Z21', () => {
    expect(codes('HIV on ART, VL <20, CD4 710. No history of PCP or other OIs. Follow up with PCP in 6 mo.')).toEqual(['Z21']);
    expect(codes('No OIs. Denies prior AIDS-defining illness. CD4 > 500.')).toEqual(['Z21']);
  });

  it("a relative's AIDS, prophylaxis, hearing aids: Z21", () => {
    expect(codes('Brother died of AIDS in 1994. Uses hearing aids. CD4 620.')).toEqual(['Z21']);
    expect(codes('Bactrim DS daily for PCP prophylaxis per ID. CD4 480.')).toEqual(['Z21']);
    expect(codes('TMP-SMX for Pneumocystis jirovecii pneumonia prophylaxis. CD4 260.')).toEqual(['Z21']);
  });

  it('words that only look like one: a screening antigen, capitals, a count in the thousands', () => {
    expect(codes('Serum cryptococcal antigen negative. CD4 1,050. Kaposi varicelliform eruption ruled out.')).toEqual(['Z21']);
    expect(codes('PATIENT WEARS BILATERAL HEARING AIDS. CD4 COUNT 890.')).toEqual(['Z21']);
  });

  it('no Z21 on the claim: nothing is added', () => {
    expect(codes('Kaposi sarcoma of skin, left leg.', [{ description: 'Kaposi sarcoma of skin of lower limb' }])).not.toContain('B20');
  });
});
