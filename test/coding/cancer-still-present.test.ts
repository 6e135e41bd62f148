// A personal-history code of a malignancy beside a record saying the malignancy is still at its site
// (residual tumor, positive margins, a re-excision) is the current malignancy (coding/active-cancer.ts,
// guideline I.C.2.d). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = recordCoder(codeSets, { ageYears: 70, sex: 'M' });

describe('a malignancy still at its site', () => {
  it('positive margins and re-excision: the malignancy, not Z85', () => {
    const r = coded(
      'BCC L upper arm excised last month, path: margins positive at 3 o clock.\nToday: re-excision of the scar, 3 mm margins.\nA: BCC skin L upper arm, residual tumor.',
      [{ description: 'History of basal cell carcinoma of skin' }],
    );
    expect(diagnosisCodes(r)[0]).toMatch(/^C44\./);
    expect(diagnosisCodes(r)).not.toContain('Z85.828');
  });

  it('margins clear and no residual tumor: history stays', () => {
    const r = coded('BCC L upper arm excised 2023, margins clear. Skin check today: no residual tumor, no new lesions.\nA: hx BCC, NED.', [
      { description: 'History of basal cell carcinoma of skin' },
    ]);
    expect(diagnosisCodes(r)).toContain('Z85.828');
  });

  it('positive margins of another, current malignancy leave a history of melanoma alone', () => {
    const r = coded(
      'Melanoma L back excised 2018, NED.\nA: 1. BCC R cheek, margins positive - Mohs referral. 2. Hx melanoma, no recurrence.',
      [{ description: 'BCC right cheek', code: 'C44.319' }, { description: 'History of melanoma' }],
    );
    expect(diagnosisCodes(r)).toContain('Z85.820');
    expect(diagnosisCodes(r).some((c) => c.startsWith('C43'))).toBe(false);
  });
});
