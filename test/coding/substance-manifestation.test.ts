// Use, abuse and dependence of one substance are coded as the highest level only (I.C.5.b.1), and what
// a dropped lower code names (withdrawal) goes with it as the combination code (coding/substance-use.ts). Our own records.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 35, sex: 'F' }, { sorted: true });

describe('the manifestation of a lower level goes with the highest', () => {
  it('opioid dependence beside opioid withdrawal is F11.23', () => {
    expect(codes(['Opioid dependence', 'Opioid withdrawal'], 'COWS 12, yawning, rhinorrhea. Start buprenorphine.')).toEqual(['F11.23']);
  });

  it('alcohol dependence beside an uncomplicated alcohol withdrawal is F10.230', () => {
    expect(codes(['Alcohol dependence', 'Alcohol withdrawal, uncomplicated'], 'Tremor, CIWA 9. Chlordiazepoxide taper.')).toEqual([
      'F10.230',
    ]);
  });

  it('dependence with withdrawal denied stays uncomplicated', () => {
    expect(codes(['Opioid dependence'], 'On buprenorphine maintenance. Denies withdrawal symptoms.')).toEqual(['F11.20']);
  });

  it('abuse beside dependence with nothing it led to stays the uncomplicated dependence', () => {
    expect(codes(['Opioid dependence', 'Opioid abuse'], 'Using daily.')).toEqual(['F11.20']);
  });
});
