// A symptom stated as acute beside the condition a sentence gives as the patient's baseline is coded
// (coding/integral-symptoms.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 89, sex: 'F' });

describe('an acute change from the baseline', () => {
  it('codes acute confusion beside the baseline dementia', () => {
    const c = codes(
      ['Acute confusion', 'UTI', 'Dementia'],
      'Nursing reports more confused since yesterday (baseline: dementia, oriented to self). UA positive. Cefpodoxime.',
    );
    expect(c).toContain('R41.0');
  });

  it('drops a confusion not stated as a change', () => {
    const c = codes(['Confusion', 'Dementia'], 'Long-standing dementia with confusion. Continue donepezil.');
    expect(c).not.toContain('R41.0');
  });
});
