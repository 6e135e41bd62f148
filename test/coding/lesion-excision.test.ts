// Excision of a skin lesion coded by behaviour and excised diameter (coding/lesion-excision.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import type { DocumentedProcedure } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { confirmedMalignant, excisedDiameter } from '../../coding/lesion-excision.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';
import { expectCorrected, expectKept } from '../../testkit/procedure-outcomes.ts';

const codeSets = useCodeSets();
const coded = (notes: string, procedures: DocumentedProcedure[]) =>
  codeEncounter(
    codingInput({ notes, diagnoses: [{ description: 'Neoplasm of skin' }], procedures }, { ageYears: 63, sex: 'F' }),
    codeSets(),
  );

describe('excision of a skin lesion', () => {
  it('a benign code for a pathology-confirmed malignancy is the malignant code of the band of lesion plus margins', () => {
    const r = coded(
      'Excision of lesion R forearm. Lesion 0.8 cm, 3 mm margins taken. Closed simply.\nPathology: squamous cell carcinoma, well differentiated, margins clear.',
      [{ description: 'Excision benign lesion arm 0.6-1.0 cm', code: '11401' }],
    );
    expectCorrected(r, '11401', '11602');
    expect(r.procedures.find((p) => p.code === '11602')?.alternatives[0]?.code).toBe('11401');
  });

  it('a malignant code of the lesion-only size moves to the band of the excised diameter', () => {
    const r = coded('Biopsy-proven melanoma in situ, scalp. Excised diameter 3.4 cm after 1 cm margins.', [
      { description: 'Excision malignant lesion scalp', code: '11622' },
    ]);
    expectCorrected(r, '11622', '11624');
  });

  it('is left when the code fits, or the malignancy is not confirmed', () => {
    const fits = coded('Path: basal cell carcinoma. Excised diameter 1.6 cm.', [{ description: 'Excision malignant face', code: '11642' }]);
    expectKept(fits, '11642');
    const benign = coded('Lesion back, excised. Pathology: benign compound nevus, no malignancy.', [
      { description: 'Excision benign lesion trunk', code: '11402' },
    ]);
    expectKept(benign, '11402');
    expect(confirmedMalignant('Rule out melanoma; path pending.')).toBe(false);
    expect(confirmedMalignant('Hx SCC 2019, path-proven, excised.')).toBe(false);
    expect(confirmedMalignant('Path: nodular basal cell carcinoma.')).toBe(true);
  });

  it('reads the excised diameter stated or as the lesion plus a margin each side', () => {
    expect(excisedDiameter('Lesion measured 1.2 x 1.0 cm, 4 mm margins.')).toBe(2);
    expect(excisedDiameter('Excised diameter: 25 mm.')).toBe(2.5);
    expect(excisedDiameter('Lesion 1.1 cm excised.')).toBeUndefined();
  });
});
