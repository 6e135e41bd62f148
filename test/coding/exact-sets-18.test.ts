// Exact code sets on long notes, session 18 (coding-18d): codes a coder would not report beside the
// ones the visit addressed, and codes a coder adds. Each mechanism with our own records, in our own words.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 71, sex: 'F' });

describe('a vaccine given is an immunization (Z23), never an immunization not carried out (Z28)', () => {
  it('a flu shot beside a chronic-care visit is Z23, not "not carried out because of chronic illness"', () => {
    const got = codes(
      ['Type 2 diabetes without complications', 'Influenza vaccine'],
      'CHRONIC DISEASE VISIT AND FLU SHOT\nA/P: diabetes stable on diet. Influenza vaccine administered, left deltoid.',
    );
    expect(got).toContain('Z23');
    expect(got.filter((c) => c.startsWith('Z28'))).toEqual([]);
  });

  it('a diagnosis line that names only the vaccines is the encounter for immunization', () => {
    for (const line of ['Vaccines', 'Vaccination']) {
      const got = codes(['Routine child health check, 4 months', line], '4-month visit. Growing well, exam normal.', { ageYears: 0 });
      expect(got).toContain('Z23');
      expect(got.filter((c) => c.startsWith('Z28') || c.startsWith('D75'))).toEqual([]);
    }
  });

  it('a vaccine the patient declines is not carried out (Z28.2-), not an immunization', () => {
    const got = codes(['COPD', 'Pneumococcal vaccine declined by patient'], 'Offered pneumococcal vaccine; patient refused.');
    expect(got.some((c) => c.startsWith('Z28'))).toBe(true);
    expect(got).not.toContain('Z23');
  });
});

describe('the skin of the armpit is the axilla, whatever the adjective', () => {
  it('an axillary abscess or cellulitis is coded at the axilla with its side, a single-letter side included', () => {
    expect(codes(['Left axillary abscess'])).toEqual(['L02.412']);
    expect(codes(['R axillary cellulitis'])).toEqual(['L03.111']);
    expect(codes(['Cellulitis of right axillary region'])).toEqual(['L03.111']);
  });

  it('the axillary nerve keeps its adjective', () => {
    expect(codes(['Injury of axillary nerve, right arm'])[0]).toMatch(/^S44\.31/);
  });
});

describe('the organism an infection is due to is its agent code (B95-B97), not a carrier or unspecified-site infection', () => {
  it('an organism-only line beside a cellulitis is the cellulitis agent, not MRSA carriage (Z22)', () => {
    const got = codes(['Cellulitis of right forearm', 'MRSA'], 'Wound culture grew MRSA; switched to doxycycline.');
    expect(got).toContain('L03.113');
    expect(got).toContain('B95.62');
    expect(got.filter((c) => /^(Z22|A49)/.test(c))).toEqual([]);
  });

  it('a culture the notes report names the agent of a prosthetic joint infection', () => {
    const got = codes(['Infected left hip prosthesis'], 'Left total hip 3 years ago. Aspirate of the joint grew MSSA. Revision planned.');
    expect(got.some((c) => c.startsWith('T84.5'))).toBe(true);
    expect(got).toContain('B95.61');
  });

  it('H. pylori stated as the cause of gastritis is reported with it', () => {
    const got = codes(
      ['Chronic gastritis, H. pylori positive, no bleeding'],
      'Biopsy: chronic active gastritis with H. pylori organisms. Quadruple therapy.',
    );
    expect(got).toContain('B96.81');
  });

  it('an organism only covered empirically, or found on a screening swab, is no agent', () => {
    expect(codes(['Cellulitis of left lower leg'], 'Started doxycycline to cover MRSA.').filter((c) => c.startsWith('B9'))).toEqual([]);
    expect(codes(['Cellulitis of left lower leg'], 'MRSA nares screen positive last year.').filter((c) => c.startsWith('B9'))).toEqual([]);
  });
});
