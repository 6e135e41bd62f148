// Words a coder reads as long-term drug therapy or as a kidney cancer (coding/text.ts expansions read
// by coding/long-term-drugs.ts and the search): "long-term steroid use" named by the class, a drug
// taken "x yrs", "renal cell ca". Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 70, sex: 'F' });
const codes = (notes: string, lines: Array<{ description: string; code?: string }>) => diagnosisCodes(code(notes, lines));

describe('long-term systemic steroid use named by its class', () => {
  const ra = [{ description: 'Rheumatoid arthritis, seropositive, multiple sites', code: 'M05.79' }];

  it('"long-term steroid use" in the assessment is Z79.52', () => {
    expect(codes('RA stable on methotrexate.\nA/P: RA - cont. Chronic steroid use - check DEXA, calcium/vit D.', ra)).toContain('Z79.52');
  });

  it('an inhaled or injected steroid, or a steroid taper, is not Z79.52', () => {
    for (const notes of [
      'RA flare.\nA/P: RA - long-term steroid injections into the knee declined.',
      'RA flare.\nA/P: RA - prednisone 20 mg taper over 10 days.',
      'RA, also asthma.\nA/P: RA - cont. Inhaled long-term steroids for asthma per pulm.',
    ])
      expect(codes(notes, ra), notes).not.toContain('Z79.52');
  });
});

describe('a drug taken for years, written short', () => {
  const asthma = [{ description: 'Moderate persistent asthma', code: 'J45.40' }];

  it('an inhaled steroid taken "x yrs" is long-term (Z79.51)', () => {
    expect(codes('Asthma on budesonide/formoterol bid x yrs, well controlled.\nA/P: asthma - cont.', asthma)).toContain('Z79.51');
  });

  it('an inhaled steroid listed without a duration or a long-term word is not', () => {
    expect(codes('Asthma on budesonide/formoterol bid, well controlled.\nA/P: asthma - cont.', asthma)).not.toContain('Z79.51');
  });
});

describe('renal cell carcinoma written short', () => {
  it('"renal cell ca" is a kidney cancer, its history Z85.528, not the renal pelvis', () => {
    const r = codes('s/p L nephrectomy 2020.\nA/P: hx renal cell ca, surveillance imaging clear.', [{ description: 'Hx renal cell ca' }]);
    expect(r).toContain('Z85.528');
    expect(r).not.toContain('Z85.53');
  });

  it('"ca" after a word that names no organ or morphology stays unread as cancer', () => {
    expect(codes('Hypocalcemia, Ca 7.9.\nA/P: low Ca, replete.', [{ description: 'Low serum ca' }]).some((c) => c.startsWith('Z85'))).toBe(
      false,
    );
  });
});
