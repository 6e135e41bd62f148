// A CKD stage written with a hyphen or a short form reads as the stage (coding/text.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { expandAbbreviations } from '../../coding/text.ts';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 70, sex: 'M' });

describe('CKD stage with punctuation', () => {
  it('reads the stage through a hyphen or a short form', () => {
    expect(expandAbbreviations('CKD-IV')).toContain('chronic kidney disease stage 4');
    expect(expandAbbreviations('CKD-3b')).toContain('chronic kidney disease stage 3b');
    expect(expandAbbreviations('CKD stage-4')).toContain('chronic kidney disease stage 4');
    expect(expandAbbreviations('CKD st. 4')).toContain('chronic kidney disease stage 4');
    expect(expandAbbreviations('CKD 3-b')).toContain('chronic kidney disease stage 3b');
  });

  it('codes the stage without asking', () => {
    const r = code('Labs reviewed.', [{ description: 'CKD-3a' }]);
    expect(diagnosisCodes(r)).toEqual(['N18.31']);
    expect(r.clarification).toBeUndefined();
  });

  it('no stage from a hyphen before another word, or a span of stages', () => {
    expect(expandAbbreviations('CKD - IV iron given')).not.toMatch(/stage 4/);
    expect(expandAbbreviations('st. 4')).not.toMatch(/stage/);
  });
});
