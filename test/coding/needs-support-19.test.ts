// Issue 10 (wrong code families): a code family one shared word reaches needs its own condition
// named. A stage is also a cancer's ("NSCLC stage IV"): no pressure ulcer (L89) without an ulcer, no
// screening encounter (Z12-Z13) for a cancer the record stages.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 66, sex: 'M' });

describe('a staged cancer is the cancer', () => {
  it('is neither a screening encounter nor a pressure ulcer', () => {
    for (const line of ['Lung cancer, stage IV', 'Stage IV NSCLC', 'Stage 2 lung cancer']) {
      const got = codes([line]);
      expect(got[0]).toMatch(/^C34/);
      expect(got.filter((c) => /^(Z1[23]|L89)/.test(c))).toEqual([]);
    }
  });

  it('a screening or a pressure ulcer named still codes', () => {
    expect(codes(['Lung cancer screening, former smoker'])).toContain('Z12.2');
    expect(codes(['Sacral decubitus, stage 3'], '', { ageYears: 82, sex: 'F' })).toEqual(['L89.153']);
  });
});
