// A CKD stage written in roman numerals right after "CKD" reads as the stage (coding/text.ts
// expandAbbreviations). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { expandAbbreviations } from '../../coding/text.ts';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 74, sex: 'M' });

describe('roman numeral CKD stages', () => {
  it('reads IV whole, not as I then V', () => {
    expect(expandAbbreviations('CKD IV - stable')).toContain('chronic kidney disease stage 4');
    expect(expandAbbreviations('CKD IIIb')).toContain('chronic kidney disease stage 3b');
    expect(expandAbbreviations('CKD V')).toContain('chronic kidney disease stage 5');
  });

  it('stages an unstaged CKD line from the assessment', () => {
    const r = code('Assessment:\n1. CKD IV - eGFR 22, nephrology following.', [{ description: 'Chronic kidney disease' }]);
    expect(diagnosisCodes(r)).toEqual(['N18.4']);
    expect(r.clarification).toBeUndefined();
  });

  it('stages it from the past history too', () => {
    const r = code('PMH: CKD IV, gout.\nAssessment: CKD - labs today.', [{ description: 'CKD' }]);
    expect(diagnosisCodes(r)).toEqual(['N18.4']);
  });

  it('a roman numeral that is no CKD stage changes nothing', () => {
    expect(expandAbbreviations('Gave IV fluids for CKD')).not.toMatch(/stage/);
    const r = code('Assessment: CKD - IV iron given today.', [{ description: 'Chronic kidney disease' }]);
    expect(diagnosisCodes(r)).toEqual(['N18.9']);
  });
});
