// Wrong code families and lost specificity (issue 10), session 14: lines that name no condition (an
// order for a study, a drug), a device's presence over an encounter for its fitting, an organism a
// test ruled out, the index's own entries (norovirus, second-hand smoke, a perforated eardrum,
// arthralgia, "breast ca"), another person's smoking, and no external-cause codes (I.C.20).
// Examples written for this test in their own words (tuned on).
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = (diagnoses: string[], notes = '', ageYears = 52, sex: 'F' | 'M' = 'F') =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ageYears, sex }), codeSets());

describe('a diagnosis line that names no condition', () => {
  it('an order for a study is not a diagnosis ("CT head w/o contrast" is not a disorder of the head)', () => {
    expect(diagnosisCodes(run(['Migraine without aura, not intractable', 'CT head w/o contrast'], 'Headaches twice a month.'))).toEqual([
      'G43.009',
    ]);
  });

  it('a drug line is the drug only: metformin therapy is Z79.84, never "azoospermia due to drug therapy"', () => {
    expect(diagnosisCodes(run(['Type 2 diabetes mellitus without complications', 'Metformin therapy'], 'A1c 6.8.', 60, 'M'))).toEqual([
      'E11.9',
      'Z79.84',
    ]);
  });

  it('"On apixaban" beside atrial fibrillation is Z79.01, not lupus anticoagulant', () => {
    const r = run(['Paroxysmal atrial fibrillation', 'On apixaban'], 'Apixaban 5 mg twice daily, no bleeding.', 70);
    expect(diagnosisCodes(r)).toContain('Z79.01');
    expect(diagnosisCodes(r)).not.toContain('D68.62');
  });
});

describe('the family the record states', () => {
  it('a device on the list is its presence, not an encounter for its fitting', () => {
    const r = run(['Type 1 diabetes mellitus with hyperglycemia', 'Insulin pump status'], 'A1c 8.9, missed boluses.', 19);
    expect(diagnosisCodes(r)).toContain('Z96.41');
    expect(diagnosisCodes(r)).not.toContain('Z46.81');
  });

  it('the pump adjusted at the visit is still the encounter for its adjustment', () => {
    expect(diagnosisCodes(run(['Insulin pump adjustment'], 'Basal rates changed overnight.', 22))).toContain('Z46.81');
  });

  it('an organism the test ruled out is not coded: pharyngitis with a negative rapid strep is J02.9', () => {
    expect(diagnosisCodes(run(['Acute pharyngitis, rapid strep test negative'], '', 14, 'M'))).toEqual(['J02.9']);
  });

  it('norovirus gastroenteritis is the infection (A08.11), not noninfective gastroenteritis beside it', () => {
    expect(diagnosisCodes(run(['Gastroenteritis due to norovirus'], '', 4, 'M'))).toEqual(['A08.11']);
  });

  it('a perforated eardrum with acute suppurative otitis media is the code with spontaneous rupture', () => {
    expect(diagnosisCodes(run(['Acute suppurative otitis media of left ear with TM perforation'], '', 5, 'M'))).toEqual(['H66.012']);
  });

  it('second-hand smoke at home is Z77.22, not occupational exposure', () => {
    expect(diagnosisCodes(run(['Asthma, mild intermittent', 'Secondhand smoke exposure'], 'Father smokes in the car.', 9, 'M'))).toEqual([
      'J45.20',
      'Z77.22',
    ]);
  });

  it("another person's smoking is not the patient's nicotine dependence", () => {
    const r = run(['Acute suppurative otitis media of right ear'], 'Mother smokes cigarettes daily on the balcony.', 4, 'M');
    expect(diagnosisCodes(r).some((c) => c.startsWith('F17'))).toBe(false);
  });

  it('arthralgia is pain in a joint (M25.5-), the jaw only when named', () => {
    expect(diagnosisCodes(run(['Arthralgia of right knee'], '', 45))).toEqual(['M25.561']);
  });

  it('"ca" after an organ is its cancer', () => {
    expect(diagnosisCodes(run(['Prostate ca'], 'PSA rising on surveillance.', 71, 'M'))).toEqual(['C61']);
  });
});

describe('external causes are not reported (I.C.20: no national requirement)', () => {
  it('a laceration with its mechanism and place is the injury alone', () => {
    const r = run(
      ['Laceration of left forearm', 'Fall at home'],
      'Slipped in the kitchen at home and cut the forearm on a glass. 3 cm, sutured.',
      40,
    );
    expect(diagnosisCodes(r)).toEqual(['S51.812A']);
  });
});
