// Conditions the classification codes by the cause the record links them to (issue 10 item 4,
// session 19). Our own wording.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 68, sex: 'F' }, { sorted: true });

describe('pulmonary hypertension by its stated cause (I27.2-: the groups by cause, code also the disease)', () => {
  it('due to a lung disease or hypoxia it is group 3, I27.23, beside the lung disease; never essential hypertension', () => {
    expect(codes(['Pulmonary hypertension due to COPD'])).toEqual(['I27.23', 'J44.9']);
    expect(codes(['Pulmonary hypertension due to OSA'])).toEqual(['G47.33', 'I27.23']);
  });

  it('the link may be stated in the assessment for two separate lines', () => {
    const note = 'A/P: Pulmonary hypertension secondary to her chronic obstructive pulmonary disease. Refer pulmonology.';
    expect(codes(['COPD', 'Pulmonary hypertension'], note)).toEqual(['I27.23', 'J44.9']);
  });

  it('due to left heart failure it is group 2, I27.22, with no hypertensive heart disease presumed', () => {
    expect(codes(['Pulmonary hypertension secondary to HFrEF'])).toEqual(['I27.22', 'I50.20']);
  });

  it('with no link stated it stays unspecified', () => {
    expect(codes(['Pulmonary hypertension', 'COPD'])).toEqual(['I27.20', 'J44.9']);
  });
});
