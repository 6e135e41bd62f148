// Body parts as clinicians write them, coded where the classification files them: the face's parts
// (a forehead or chin laceration is S01.81-, "other part of head", never an organ inside the
// abdomen: S26-S27 and S36-S37 need the organ named), the lung's lobes by their initials, the
// metatarsals by number, a wrist fracture naming no bone (S62.10-), and both hands where the
// classification has no bilateral code. Wording is our own.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 34, sex: 'M' });

describe('anatomy', () => {
  it('a laceration of the forehead or chin is of "other part of head", with its size no organ', () => {
    expect(codes(['Laceration of forehead, 2 cm'])).toEqual(['S01.81XA']);
    expect(codes(['Chin lac 1 cm, repaired'])).toEqual(['S01.81XA']);
    expect(codes(['Eyebrow laceration'])[0]).toMatch(/^S01\.11/);
  });

  it('an organ inside the abdomen is coded only when it is named', () => {
    expect(codes(['Laceration of spleen'])[0]).toMatch(/^S36\.03/);
    expect(codes(['Scalp laceration 3 cm'])[0]).toMatch(/^S01\.01/);
  });

  it("a lobe's nodule or infiltrate is a lung finding; a tumour keeps its lobe", () => {
    expect(codes(['RLL nodule'])).toEqual(['R91.1']);
    expect(codes(['LUL infiltrate'])).toEqual(['R91.8']);
    expect(codes(['RLL pneumonia'])).toEqual(['J18.9']);
    expect(codes(['RUL adenocarcinoma'])).toEqual(['C34.11']);
  });

  it('both hands with no bilateral code: one code for each side (guideline I.B.13)', () => {
    expect(codes(['Seropositive rheumatoid arthritis of both hands'])).toEqual(['M05.741', 'M05.742']);
    expect(codes(['Primary osteoarthritis of both knees'])).toEqual(['M17.0']);
  });

  it('a metatarsal written by number is that metatarsal', () => {
    expect(codes(['Nondisplaced fracture of 5th metatarsal shaft, left foot'])).toEqual(['S92.355A']);
    expect(codes(['Nondisplaced fx base 5th MT, L'])).toEqual(['S92.355A']);
  });

  it('a wrist fracture naming no bone is of an unspecified carpal bone, not one the words never named', () => {
    expect(codes(['Right wrist fracture with delayed healing'])).toEqual(['S62.101G']);
    expect(codes(['Fracture of left distal radius at the wrist'])[0]).toMatch(/^S52\.50/);
  });
});
