// Written codes naming one variant of a procedure (with or without a reduction, general anesthesia,
// a simple or complicated drainage, a pilonidal site, a removal or a biopsy) that the record shows to
// be the other (coding/procedure-variant-corrections.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import type { DocumentedProcedure } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { drainageCode, reductionDocumented } from '../../coding/procedure-variant-corrections.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';
import { claimCodes, expectCorrected, expectKept } from '../../testkit/procedure-outcomes.ts';

const codeSets = useCodeSets();
const coded = (notes: string, procedures: DocumentedProcedure[], diagnosis: string, ageYears = 40) =>
  codeEncounter(codingInput({ notes, diagnoses: [{ description: diagnosis }], procedures }, { ageYears, sex: 'F' }), codeSets());

describe('closed fracture care with or without manipulation', () => {
  const fracture = 'Displaced fracture of shaft of left fourth metatarsal';
  it('a code without manipulation is the one with it when the notes document a reduction', () => {
    const r = coded(
      'L 4th MT shaft fx, 30 deg displacement. Digital block. Fracture reduced with longitudinal traction, alignment improved on repeat film. Post-op shoe.',
      [{ description: 'Closed tx metatarsal fx', code: '28470' }],
      fracture,
    );
    expect(claimCodes(r)).toEqual(['28475']);
    expectCorrected(r, '28470', '28475');
  });
  it('a code with manipulation is the one without when the notes state no reduction', () => {
    const r = coded(
      'Minimally displaced distal radius fx, acceptable position, no reduction needed. Sugar tong splint.',
      [{ description: 'Closed tx distal radius fx', code: '25605' }],
      fracture,
    );
    expectCorrected(r, '25605', '25600');
  });
  it('is left when a reduction is only planned or discussed, or the code agrees', () => {
    expectKept(
      coded(
        'Angulated 5th MC neck fx. Discussed closed reduction; pt will return tomorrow to consider it. Splinted.',
        [{ description: 'Closed tx metacarpal fx', code: '26600' }],
        fracture,
      ),
      '26600',
    );
    expectKept(coded('Closed reduction performed under hematoma block.', [{ description: 'Closed tx', code: '26605' }], fracture), '26605');
    expect(reductionDocumented('Weight reduction counseling. Fx nondisplaced.')).toBeUndefined();
  });
});

describe('foreign body removal and general anesthesia', () => {
  it('the general-anesthesia code without anesthesia documented is the office code', () => {
    const r = coded(
      'Bead in L ear canal, removed with a curette in clinic, no sedation or anesthesia.',
      [{ description: 'FB removal ear', code: '69205' }],
      'Foreign body in left ear',
      5,
    );
    expectCorrected(r, '69205', '69200');
  });
  it('the office code with general anesthesia documented is the other, and agreeing codes are left', () => {
    const r = coded(
      'Uncooperative child; taken to the OR, under general anesthesia the nasal FB was removed.',
      [{ description: 'Nasal FB removal', code: '30300' }],
      'Foreign body in nostril',
      3,
    );
    expectCorrected(r, '30300', '30310');
    expectKept(
      coded('Nasal FB removed with forceps in office.', [{ description: 'Nasal FB', code: '30300' }], 'Foreign body in nostril', 3),
      '30300',
    );
  });
});

describe('incision and drainage', () => {
  it('a pilonidal abscess is 10080, a complicated skin abscess 10061', () => {
    const pilonidal = coded(
      'Pilonidal abscess at the natal cleft, incised and drained, packed.',
      [{ description: 'I&D abscess', code: '10060' }],
      'Pilonidal cyst with abscess',
    );
    expectCorrected(pilonidal, '10060', '10080');
    const complicated = coded(
      'Thigh abscess 5 cm, incised, irrigated, drain left in. Complicated I&D given the depth.',
      [{ description: 'I&D abscess', code: '10060' }],
      'Cutaneous abscess of right thigh',
    );
    expectCorrected(complicated, '10060', '10061');
  });
  it('is left for a simple skin abscess or a past pilonidal cyst', () => {
    expectKept(
      coded(
        'H/o pilonidal cyst 2019. Today: 2 cm forearm abscess, simple I&D, no loculations.',
        [{ description: 'I&D', code: '10060' }],
        'Cutaneous abscess of forearm',
      ),
      '10060',
    );
    expectKept(
      coded(
        'Back abscess 3 cm: I&D, simple. Loculations broken with a hemostat, packed.',
        [{ description: 'I&D', code: '10060' }],
        'Cutaneous abscess of back',
      ),
      '10060',
    );
    expect(drainageCode('Complicated pilonidal cyst abscess, loculations lysed.', '10060')).toBe('10081');
    expect(drainageCode('Axillary abscess, loculations broken, packed.', '10060')).toBe('10060');
    expect(drainageCode('Abscess drained; uncomplicated.', '10061')).toBe('10061');
  });
});

describe('a shave removal written for a biopsy', () => {
  it('is the tangential biopsy when the notes document a biopsy and no removal', () => {
    const r = coded(
      'Scaly papule R forearm. Shave biopsy taken for histology, hemostasis with AlCl.',
      [{ description: 'Shave lesion arm', code: '11301' }],
      'Neoplasm of uncertain behavior of skin',
    );
    expect(claimCodes(r)).toEqual(['11102']);
    expectCorrected(r, '11301', '11102');
  });
  it('is left when the lesion was removed', () => {
    expectKept(
      coded(
        'Irritated SK on back, shave removal flush with skin, sent for biopsy.',
        [{ description: 'Shave', code: '11301' }],
        'Seborrheic keratosis',
      ),
      '11301',
    );
  });
});
