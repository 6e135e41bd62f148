// A myocardial infarction is coded acute (I21.-) for four weeks from its onset, not as an old
// infarction (guideline I.C.9.e.1; coding/recent-infarction.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = recordCoder(codeSets, { ageYears: 61, sex: 'F' });

describe('an old infarction code on an infarction of the last four weeks', () => {
  it('NSTEMI 12 days ago written I25.2: I21.4', () => {
    const r = coded('Admitted 12 days ago with NSTEMI, DES to RCA.\nA/P: NSTEMI 12 days ago, s/p PCI - no angina. Continue DAPT.', [
      { description: 'Old MI', code: 'I25.2' },
    ]);
    expect(diagnosisCodes(r)).toContain('I21.4');
    expect(diagnosisCodes(r)).not.toContain('I25.2');
    expect(r.documentedCodes.find((d) => d.code === 'I25.2')?.outcome).toBe('changed');
  });

  it('an infarction three months ago stays I25.2', () => {
    const r = coded('MI 14 weeks ago, s/p stent.\nA/P: Old MI - no angina, continue statin.', [{ description: 'Old MI', code: 'I25.2' }]);
    expect(diagnosisCodes(r)).toContain('I25.2');
    expect(diagnosisCodes(r)).not.toContain('I21.4');
  });
});
