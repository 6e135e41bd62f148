// An acute condition stated on a chronic one codes both when the classification codes them apart
// (guideline I.B.8; coding/acute-on-chronic.ts), and the acute word of the one is no acuity of the
// other ("AKI on CKD" beside "CKD 3a" is no conflict of acuity). "Acute on chronic" of one condition
// and a treatment after "on" are not split. Our own records.
import { describe, expect, it } from 'vitest';
import { acuteOnChronicParts } from '../../coding/acute-on-chronic.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = (diagnoses: string[], notes = '') =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ageYears: 72, sex: 'F' }), codeSets());

describe('the parts of an acute condition on a chronic one', () => {
  it('splits two conditions, not one in exacerbation nor a treatment', () => {
    expect(acuteOnChronicParts('AKI on CKD stage 4')).toEqual(['acute kidney failure', 'chronic kidney disease stage 4']);
    expect(acuteOnChronicParts('Acute on chronic diastolic heart failure')).toBeUndefined();
    expect(acuteOnChronicParts('CKD stage 4 on dialysis')).toBeUndefined();
  });
});

describe('coding an acute condition on a chronic one', () => {
  it('codes the acute kidney failure and the chronic kidney disease', () => {
    const r = run(['AKI on CKD stage 4, resolving']);
    expect(diagnosisCodes(r)).toEqual(expect.arrayContaining(['N17.9', 'N18.4']));
  });

  it('asks no acuity of the chronic disease stated alone elsewhere', () => {
    const r = run(['AKI on CKD stage 4', 'CKD stage 4']);
    expect(r.clarification?.question ?? '').not.toMatch(/acuity/);
  });

  it('codes both forms of one disease the classification codes apart', () => {
    expect(diagnosisCodes(run(['Acute pancreatitis on chronic pancreatitis']))).toEqual(expect.arrayContaining(['K85.90', 'K86.1']));
  });

  it('does not code together two forms an Excludes1 note separates', () => {
    const codes = diagnosisCodes(run(['Acute sinusitis on chronic sinusitis']));
    expect(codes.some((c) => c.startsWith('J01')) && codes.some((c) => c.startsWith('J32'))).toBe(false);
  });

  it('one condition acute on chronic stays one code', () => {
    const r = run(['Acute on chronic diastolic heart failure']);
    expect(diagnosisCodes(r)).toEqual(['I50.33']);
  });
});
