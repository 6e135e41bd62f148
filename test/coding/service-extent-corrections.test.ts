// Written codes the record shows to be a neighbour of the same service, by what was given, measured or
// how long it lasted (coding/service-extent-corrections.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import type { DocumentedProcedure } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { cessationMinutes, postBronchodilatorStudy } from '../../coding/service-extent-corrections.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';
import { claimCodes, expectCorrected, expectKept } from '../../testkit/procedure-outcomes.ts';

const codeSets = useCodeSets();
const coded = (notes: string, procedures: DocumentedProcedure[], diagnosis = 'Chronic obstructive pulmonary disease') =>
  codeEncounter(codingInput({ notes, diagnoses: [{ description: diagnosis }], procedures }, { ageYears: 58, sex: 'M' }), codeSets());

describe('spirometry with a bronchodilator', () => {
  const spiro = { description: 'Spirometry', code: '94010' };
  it('94010 is 94060 when the notes document a post-bronchodilator study', () => {
    const r = coded('PFT in clinic: FEV1 1.9 L before; after 400 mcg salbutamol, post-BD FEV1 2.2 L (+16%).', [spiro]);
    expect(claimCodes(r)).toEqual(['94060']);
    expectCorrected(r, '94010', '94060');
  });
  it('is left when no bronchodilator study is documented, or it was not done', () => {
    expectKept(coded('Spirometry: FEV1/FVC 0.62, FEV1 58% predicted.', [spiro]), '94010');
    expectKept(coded('Spirometry FEV1 70%. Post-bronchodilator testing deferred, pt had used albuterol this morning.', [spiro]), '94010');
    expect(postBronchodilatorStudy('Pre/post-op instructions given.')).toBe(false);
    expect(postBronchodilatorStudy('Spirometry pre and post bronchodilator done.')).toBe(true);
  });
});

describe('tobacco cessation counseling time band', () => {
  const visit = { description: 'Office visit', code: '99213' };
  it('swaps to the band of the minutes stated', () => {
    const short = coded('Smoker 1 ppd. Counseled on smoking cessation for 6 minutes; nicotine patch started.', [
      visit,
      { description: 'Cessation counseling', code: '99407' },
    ]);
    expectCorrected(short, '99407', '99406');
    const long = coded('Tobacco cessation counseling, 15 min, face to face.', [
      visit,
      { description: 'Cessation counseling', code: '99406' },
    ]);
    expectCorrected(long, '99406', '99407');
  });
  it('is left when the band agrees, the minutes are not stated or are under 3', () => {
    expectKept(coded('Tobacco cessation counseling 5 min.', [visit, { description: 'Cessation', code: '99406' }]), '99406');
    expectKept(coded('Counseled to quit smoking.', [visit, { description: 'Cessation', code: '99407' }]), '99407');
    expectKept(coded('Smoking cessation counseling 2 min.', [visit, { description: 'Cessation', code: '99407' }]), '99407');
    expect(cessationMinutes('Counseled on quitting smoking for more than 10 minutes.')).toBe(11);
    expect(cessationMinutes('Total time 30 minutes. Diet counseling 10 minutes.')).toBeUndefined();
  });
});

describe('IV infusion of a chemotherapy drug', () => {
  const drug = { description: 'Oxaliplatin 0.5 mg', code: 'J9263', units: 170 };
  it('a therapeutic infusion beside a chemotherapy drug is the chemotherapy infusion', () => {
    const r = coded(
      'Oxaliplatin 85 mg/m2 IV over 2 hours via port.',
      [{ description: 'IV infusion first hour', code: '96365' }, drug],
      'Malignant neoplasm of sigmoid colon',
    );
    expect(claimCodes(r)).toContain('96413');
    expectCorrected(r, '96365', '96413');
  });
  it('is left without a chemotherapy drug, or when a chemotherapy administration is already written', () => {
    expectKept(
      coded(
        'Ceftriaxone 2 g IV over 45 min.',
        [
          { description: 'IV infusion', code: '96365' },
          { description: 'Ceftriaxone 250 mg', code: 'J0696', units: 8 },
        ],
        'Pyelonephritis',
      ),
      '96365',
    );
    expectKept(
      coded(
        'Oxaliplatin IV over 2 hours, then IV hydration.',
        [{ description: 'Chemo infusion', code: '96413' }, { description: 'IV infusion', code: '96365' }, drug],
        'Malignant neoplasm of sigmoid colon',
      ),
      '96365',
    );
  });
});
