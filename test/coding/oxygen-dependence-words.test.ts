// "O2 dependence" is dependence on supplemental oxygen (Z99.81), never the nicotine dependence the
// word "dependence" alone finds (coding/text.ts abbreviations). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = recordCoder(codeSets, { ageYears: 71, sex: 'F' });

describe('oxygen dependence written short', () => {
  it('"O2 dependence" line: Z99.81, no F17.200', () => {
    const r = coded('A/P: COPD stable on 2 L home oxygen, continue inhalers.', [{ description: 'COPD' }, { description: 'O2 dependence' }]);
    expect(diagnosisCodes(r)).toContain('Z99.81');
    expect(diagnosisCodes(r)).not.toContain('F17.200');
  });

  it('nicotine dependence stays nicotine dependence', () => {
    const r = coded('A/P: smokes, counselled on cessation.', [{ description: 'Nicotine dependence' }]);
    expect(diagnosisCodes(r)).toContain('F17.200');
    expect(diagnosisCodes(r)).not.toContain('Z99.81');
  });
});
