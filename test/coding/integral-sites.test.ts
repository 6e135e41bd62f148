// A complaint felt at a site (pain, swelling, numbness) beside a disease or injury at that site, of any
// chapter (guideline I.B.5), and the features a disease's definition requires. Examples written for
// this test (tuned on); wording is our own.
import { describe, expect, it } from 'vitest';
import { regionsMeet, regionsOf, within } from '../../coding/body-sites.ts';
import { codedBy, sortedCodesBy, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = sortedCodesBy(codeSets, { sex: 'M', ageYears: 52 });
const coded = codedBy(codeSets, { sex: 'M', ageYears: 52 });

describe('body regions', () => {
  it('reads the narrowest region a text names, and places it in the broader one', () => {
    expect([...regionsOf('Pain in left thigh')]).toEqual(['thigh']);
    expect([...regionsOf('Acute embolism and thrombosis of left femoral vein')]).toEqual(['thigh']);
    expect([...regionsOf('Pain in right lower leg')]).toEqual(['lower leg']);
    expect([...regionsOf('Acute maxillary sinusitis')]).toEqual(['sinus']);
    expect(within('toe', 'lower limb')).toBe(true);
    expect(within('knee', 'thigh')).toBe(false);
    expect(regionsMeet(regionsOf('Chest pain'), regionsOf('Acute pericarditis'))).toBe(true);
    expect(regionsMeet(regionsOf('Headache'), regionsOf('Otitis media, right ear'))).toBe(false);
  });
});

describe('a complaint at the site of its cause is not coded beside it', () => {
  it('limb pain or swelling with a thrombosis or a cellulitis of that limb', () => {
    expect(codes(['Acute deep vein thrombosis of left femoral vein', 'Pain in left thigh'])).toEqual(['I82.412']);
    expect(codes(['Cellulitis of right lower limb', 'Right leg swelling'])).toEqual(['L03.115']);
  });

  it('a toe or ankle with gout of the foot; an eye with glaucoma or a corneal abrasion', () => {
    expect(codes(['Gout of left ankle', 'Left ankle pain'])).toEqual(['M10.072']);
    expect(codes(['Acute angle-closure glaucoma, left eye', 'Left eye pain'])).toEqual(['H40.212']);
    expect(codes(['Corneal abrasion of right eye', 'Right eye pain'], 'Initial encounter.')).toEqual(['S05.01XA']);
  });

  it('chest pain with a myocardial infarction; a headache with sinusitis; tingling of a hand with carpal tunnel syndrome', () => {
    expect(codes(['NSTEMI', 'Chest pain'])).toEqual(['I21.4']);
    expect(codes(['Acute frontal sinusitis', 'Headache'])).toEqual(['J01.10']);
    expect(codes(['Carpal tunnel syndrome, left wrist', 'Tingling of left hand'])).toEqual(['G56.02']);
  });

  it('the complaint stays when it is at another site or on the other side', () => {
    expect(codes(['Acute DVT of right femoral vein', 'Left knee pain'])).toEqual(['I82.411', 'M25.562']);
    expect(codes(['Acute DVT of right femoral vein', 'Right knee pain'])).toEqual(['I82.411', 'M25.561']);
    expect(codes(['Cellulitis of right lower limb', 'Palpitations'])).toEqual(['L03.115', 'R00.2']);
    expect(codes(['Essential hypertension', 'Chest pain'])).toEqual(['I10', 'R07.9']);
  });

  it('the features a migraine is defined by go with it; other complaints do not', () => {
    expect(codes(['Migraine with aura', 'Nausea', 'Sensitivity to light'])).toEqual(['G43.109']);
    expect(codes(['Migraine without aura', 'Low back pain'])).toEqual(['G43.009', 'M54.50']);
  });

  it('the rationale of the diagnosis names the complaint it explains', () => {
    const [dvt] = coded(['Acute deep vein thrombosis of left femoral vein', 'Pain in left thigh']);
    expect(dvt?.rationale).toMatch(/M79\.652.*routinely part of I82\.412/);
  });
});
