// A personal history code whose condition the assessment states current and still treated is that
// condition (guideline I.C.21.c.4; coding/current-not-history.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = recordCoder(codeSets, { ageYears: 57, sex: 'M' });

describe('a history code on a condition still treated', () => {
  it('history of DVT written Z86.718, assessment: acute DVT improving on apixaban: the DVT', () => {
    const r = coded(
      'S: R leg DVT found on duplex 4 weeks ago, started apixaban.\nA/P:\n1. Acute DVT right popliteal vein - improving on apixaban; continue for 3 months total.',
      [{ description: 'History of DVT right leg', code: 'Z86.718' }],
    );
    expect(diagnosisCodes(r)[0]).toMatch(/^I82\./);
    expect(diagnosisCodes(r)).not.toContain('Z86.718');
  });

  it('treatment complete, prophylaxis only: the history code stays', () => {
    const r = coded('A/P:\n1. History of DVT right leg, treatment complete - on prophylactic apixaban. Continue.', [
      { description: 'History of DVT right leg', code: 'Z86.718' },
    ]);
    expect(diagnosisCodes(r)).toContain('Z86.718');
  });
});
