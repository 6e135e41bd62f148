// Follow-up after completed cancer treatment (Z08 with the Z85 history the Z85 "code first" note pairs
// it with), influenza with the virus type stated (J10, not J11), and body sites as the tabular names
// them (pressure ulcer regions, the lower back, a finger rather than the hand).
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const coded = (diagnoses: string[], notes = '', sex: 'F' | 'M' = 'F') =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ageYears: 58, sex }), codeSets());
const codes = (diagnoses: string[], notes = '', sex: 'F' | 'M' = 'F') => coded(diagnoses, notes, sex).diagnoses.map((d) => d.code);

describe('follow-up after completed treatment of a malignancy', () => {
  it('Z08 with the history of the site named in the diagnosis', () => {
    const c = codes(['Surveillance visit after completed treatment of carcinoma of the ovary']);
    expect(c[0]).toBe('Z08');
    expect(c).toContain('Z85.43');
    expect(c.some((x) => x.startsWith('C'))).toBe(false);
  });

  it('the site from the notes when the diagnosis names none', () => {
    const c = codes(
      ['Follow-up after completed cancer treatment'],
      'Underwent resection of adenocarcinoma of the stomach in 2021, adjuvant therapy finished.',
    );
    expect(c).toEqual(['Z08', 'Z85.028']);
  });

  it('a notes clause about disease still under treatment is not taken as the history', () => {
    const c = codes(['Follow-up after completed cancer treatment'], 'Metastatic melanoma on immunotherapy.');
    expect(c).not.toContain('Z85.820');
  });
});

describe('influenza with the virus identified', () => {
  it('influenza B stated in the diagnosis: J10, not J11', () => {
    const c = codes(['Influenza type B with cough']);
    expect(c[0]?.startsWith('J10')).toBe(true);
  });

  it('the type from a positive test in the notes refines a plain "influenza" line, without a query', () => {
    const r = coded(['Influenza'], 'Point-of-care swab positive for influenza A.');
    expect(r.diagnoses[0]?.code.startsWith('J10')).toBe(true);
    expect(r.clarification).toBeUndefined();
  });

  it('a combined A/B panel is not a type, and no type stays J11', () => {
    expect(codes(['Influenza'], 'Influenza A/B panel sent.')[0]?.startsWith('J11')).toBe(true);
    expect(codes(['Flu'], 'Fever and cough for two days.')[0]?.startsWith('J11')).toBe(true);
  });
});

describe('body sites as the tabular names them', () => {
  it('pressure injury of the tailbone: pressure ulcer of the sacral region at the stage documented', () => {
    expect(codes(['Pressure injury over the tailbone, stage 3'])).toEqual(['L89.153']);
  });

  it('decubitus of the sacrum, stage 4', () => {
    expect(codes(['Sacrum decubitus ulcer stage 4'])).toEqual(['L89.154']);
  });

  it('a lumbar muscle strain is a strain of the lower back', () => {
    expect(codes(['Lumbar muscle strain'], 'Strained back shoveling snow yesterday.')[0]).toBe('S39.012A');
  });

  it('a finger laceration is coded to a finger, not to the hand', () => {
    const c = codes(['Laceration of right ring finger'], 'Cut on broken glass, no nail involvement.');
    expect(c[0]).toBe('S61.214A');
  });
});
