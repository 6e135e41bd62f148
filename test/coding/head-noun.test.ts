// The condition's noun decides the code family, never a site or modifier word it shares with another
// condition: site words are learnt from the tabular's titles (coding/head-words.ts), where a pain
// spreads is not its site, and the index's own terms for a lay phrase (blood in urine: hematuria).
// Examples written for this test (tuned on); wording is our own.
import { describe, expect, it } from 'vitest';
import { tabularSiteWords } from '../../coding/head-words.ts';
import { tokenize } from '../../coding/text.ts';
import { sortedCodesBy, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = sortedCodesBy(codeSets, { sex: 'F', ageYears: 52 });

describe('site words learnt from the tabular titles', () => {
  it('puts sites after the preposition and conditions before it', () => {
    const sites = tabularSiteWords(codeSets().icd);
    for (const site of ['sigmoid', 'arm', 'shoulder', 'toe', 'femur']) expect(sites.has(tokenize(site)[0] ?? '')).toBe(true);
    for (const condition of ['endometriosis', 'diverticulitis', 'pain', 'fracture', 'gout', 'migraine'])
      expect(sites.has(tokenize(condition)[0] ?? '')).toBe(false);
  });
});

describe('the condition noun, not the shared site word', () => {
  it('inflammation of a colon segment is coded by its condition, not by another condition of that segment', () => {
    expect(codes(['Acute sigmoid diverticulitis'], 'CT: inflamed diverticula, no abscess.')).toEqual(['K57.32']);
    // The segment's own condition still wins when it is the one documented.
    expect(codes(['Endometriosis of sigmoid colon'])).toEqual(['N80.529']);
  });

  it('where a pain spreads is not its site', () => {
    expect(codes(['Chest pain radiating to left arm'], 'ECG unremarkable.')).toEqual(['R07.9']);
    expect(codes(['Right upper quadrant pain radiating to the shoulder'])).toEqual(['R10.11']);
    expect(codes(['Low back pain radiating down the left leg'], '', 'M')).toEqual(['M54.50']);
  });

  it('blood in the urine is hematuria (the index term), not a test encounter or a kidney condition', () => {
    expect(codes(['Blood in urine'], 'Dipstick positive for blood, no flank pain.', 'M')).toEqual(['R31.9']);
  });
});
