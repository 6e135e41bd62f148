// Osteoporosis whose fracture has healed: M81 with Z87.310, not M80 (current pathological fracture),
// when the record says the fracture healed and names no current one. Records written for this test.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = (diagnoses: Array<{ description: string; code?: string }>, notes: string): string[] =>
  codeEncounter(codingInput({ notes, diagnoses }, { ageYears: 74, sex: 'F' }), codeSets())
    .diagnoses.map((d) => d.code)
    .sort();

describe('a healed osteoporotic fracture', () => {
  it('a copied-forward M80 code beside a fracture the record says healed becomes M81.0 with Z87.310', () => {
    const notes =
      'Bone health follow-up.\nHx right humerus fx 2021 after a trip at home - healed, fragility.\nROS: negative for new fractures.\nA/P: Age-related osteoporosis with prior healed fragility fracture - DXA stable, continue therapy.';
    expect(codes([{ description: 'Osteoporosis with pathological fracture', code: 'M80.021A' }], notes)).toEqual(['M81.0', 'Z87.310']);
  });

  it('other osteoporosis keeps its kind (M80.8 to M81.8)', () => {
    const notes = 'Drug-induced osteoporosis from years of prednisone; T9 compression fracture 2022, healed, no pain now.';
    const got = codes([{ description: 'Other osteoporosis with vertebral fracture', code: 'M80.88XA' }], notes);
    expect(got).toContain('M81.8');
    expect(got).toContain('Z87.310');
  });

  it('not when a fracture is current: a new fracture, one under care, or one still healing', () => {
    const fresh =
      'Known osteoporosis. Fell from standing 9 days ago: new L2 compression fracture, brace fitted. Old wrist fx 2019, healed.';
    expect(codes([{ description: 'Osteoporosis with vertebral fracture', code: 'M80.08XA' }], fresh)).toContain('M80.08XA');
    const healing = 'Osteoporotic left wrist fracture 6 weeks ago, healing well in a splint.';
    expect(codes([{ description: 'Osteoporosis with wrist fracture, subsequent', code: 'M80.032D' }], healing)).toContain('M80.032D');
  });

  it('not when nothing says the fracture healed', () => {
    const notes = 'Osteoporosis follow-up. Vertebral compression fracture on film, back pain improving on calcitonin.';
    expect(codes([{ description: 'Osteoporosis with vertebral fracture', code: 'M80.08XA' }], notes)).toContain('M80.08XA');
  });
});
