// Long-term inhaled corticosteroid (Z79.51, guideline I.C.21.c.3): an inhaled steroid, alone or in a
// combination inhaler, that the record calls long-term or maintenance in the drug's own item, beside
// the asthma or COPD it is taken for. Records written for this test; wording is our own.
import { describe, expect, it } from 'vitest';
import { sortedCodesBy, useCodeSets } from '../../testkit/coding-input.ts';
import { CLASS_PATTERNS } from '../../coding/drug-classes.ts';
import { takenNow } from '../../coding/long-term-drugs.ts';

const codeSets = useCodeSets();
const codes = sortedCodesBy(codeSets, { sex: 'F', ageYears: 58 });

const inhaled = () => {
  const found = CLASS_PATTERNS.find(([c]) => c.code === 'Z79.51');
  if (!found) throw new Error('no inhaled steroid class');
  return found;
};

describe('an inhaled corticosteroid read as long-term therapy', () => {
  it('needs the long-term or maintenance word in the drug’s own item', () => {
    const [c, p] = inhaled();
    expect(takenNow(c, p, 'Maintenance inhaler: mometasone-formoterol 200/5 two puffs twice daily')).toBe('mometasone');
    expect(takenNow(c, p, 'Breo Ellipta 1 inhalation daily (long-term), albuterol as needed')).toBe('Breo');
    // A schedule alone is a controller, not a record of long-term use.
    expect(takenNow(c, p, 'Beclomethasone 80 mcg 2 puffs twice daily')).toBeUndefined();
    // The word belongs to another item of the list.
    expect(takenNow(c, p, 'Budesonide-formoterol 160/4.5 BID, tiotropium long-term')).toBeUndefined();
  });

  it('is not a nasal spray, a sinus rinse or a swallowed capsule of the same drug', () => {
    const [c, p] = inhaled();
    expect(takenNow(c, p, 'Fluticasone nasal spray daily, long-term for rhinitis')).toBeUndefined();
    expect(takenNow(c, p, 'Budesonide sinus rinses twice daily, maintenance')).toBeUndefined();
    expect(takenNow(c, p, 'Budesonide EC capsules 6 mg daily, maintenance for ileal disease')).toBeUndefined();
  });

  it('is coded beside the COPD or asthma the visit addresses', () => {
    const notes =
      'Medications: Breztri 2 puffs twice daily (maintenance), albuterol HFA as needed.\nAssessment: COPD, stable on current inhalers. Continue.';
    expect(codes(['COPD'], notes)).toEqual(['J44.9', 'Z79.51']);
    const asthma =
      'HPI: moderate persistent asthma, on long-term ciclesonide 160 mcg two puffs daily.\nA/P: Moderate persistent asthma, well controlled. Continue.';
    expect(codes(['Moderate persistent asthma'], asthma)).toEqual(['J45.40', 'Z79.51']);
  });

  it('does not fire for a controller the record does not call long-term, nor beside a condition it is not taken for', () => {
    const notes = 'Medications: fluticasone-salmeterol 250/50 one inhalation twice daily.\nA/P: Asthma, well controlled. Continue.';
    expect(codes(['Asthma'], notes)).not.toContain('Z79.51');
    const rhinitis = 'Medications: fluticasone nasal 2 sprays daily, long-term.\nA/P: Perennial allergic rhinitis. Continue.';
    expect(codes(['Perennial allergic rhinitis'], rhinitis)).not.toContain('Z79.51');
    const stopped = 'Medications: budesonide-formoterol maintenance - stopped 2024.\nA/P: COPD, stable on tiotropium.';
    expect(codes(['COPD'], stopped)).not.toContain('Z79.51');
  });
});
