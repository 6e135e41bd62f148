// Clinical meaning over shared words: body sites coded under their limb or organ system, injury,
// poisoning and external-cause codes only with that context, family history in the notes. Wording is our own.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const run = (diagnoses: string[], notes = '') =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ageYears: 58, sex: 'M' }), codeSets());
const codes = (diagnoses: string[], notes = '') => run(diagnoses, notes).diagnoses.map((d) => d.code);

describe('anatomic sites under the region the tabular names', () => {
  it('forearm and foot cellulitis go to the upper and lower limb codes with the side, not the orbit', () => {
    const arm = run(['Cellulitis, left forearm']);
    expect(arm.diagnoses.map((d) => d.code)).toEqual(['L03.114']);
    expect(arm.clarification).toBeUndefined();
    expect(codes(['Right foot cellulitis'])).toEqual(['L03.115']);
  });

  it('a site the tabular names itself keeps its own code', () => {
    expect(codes(['Cellulitis of the right great toe'])).toEqual(['L03.031']);
    expect(codes(['Laceration of right forearm'])[0]).toBe('S51.811A');
  });

  it('a relative with colon cancer is a family history of digestive-organ cancer', () => {
    expect(codes(['Family hx of colon cancer'])).toEqual(['Z80.0']);
  });
});

describe('injury, poisoning and external-cause codes need that context', () => {
  it('a flu shot is an immunization encounter, not a firearm discharge', () => {
    expect(codes(['Influenza vaccine administered'])).toEqual(['Z23']);
    expect(codes(['Flu shot'])).toEqual(['Z23']);
  });

  it('exertional chest pressure is a chest symptom, not heatstroke or a pressure ulcer', () => {
    const c = codes(['Chest pressure on exertion']);
    expect(c).toEqual(['R07.89']);
  });

  it('chronic anticoagulation is long-term drug therapy, not chronic leukemia', () => {
    expect(codes(['Chronic anticoagulation for atrial fibrillation'])).toContain('Z79.01');
    expect(codes(['Chronic anticoagulation for atrial fibrillation']).some((c) => c.startsWith('C9'))).toBe(false);
  });

  it('an animal bite is an open bite of the site, not an insect bite', () => {
    const c = codes(['Cat bite to left hand'], 'Bitten by the family cat this morning.');
    expect(c[0]).toBe('S61.452A');
  });

  it('with an injury documented, injury codes remain available', () => {
    expect(codes(['Sprained left wrist'], 'Fell on outstretched hand.')[0]).toMatch(/^S63\.5/);
  });
});

describe('family history stated in the notes', () => {
  it('is added when a screening code asks for it', () => {
    const c = codes(['Colon cancer screening'], 'Her father had colon cancer in his sixties.');
    expect(c).toEqual(expect.arrayContaining(['Z12.11', 'Z80.0']));
  });
});
