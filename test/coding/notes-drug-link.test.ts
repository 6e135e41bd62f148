// A drug link stated only in the notes gets the adverse-effect code (coding/notes-drug-link.ts).
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const adult = recordCoder(useCodeSets(), { ageYears: 58, sex: 'M' });

describe('a drug named as the cause in the notes', () => {
  it('adds the adverse effect of its class after the condition the line codes', () => {
    const r = adult('BP recheck. BMP: K 3.0.\nA/P: 1. Hypokalemia d/t hydrochlorothiazide - start KCl, recheck in 2 wk.', [
      { description: 'Hypokalemia' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['E87.6', 'T50.2X5A']);
  });

  it('reads the drug in the link phrase, and a drug named before its cue', () => {
    expect(
      diagnosisCodes(
        adult('Aching thighs for a month.\nA: Myalgia secondary to simvastatin; hold it 2 weeks.', [{ description: 'Myalgia' }]),
      ),
    ).toContain('T46.6X5A');
    expect(
      diagnosisCodes(adult('Tickly dry cough since spring.\nA: Enalapril-induced cough. Change to an ARB.', [{ description: 'Cough' }])),
    ).toContain('T46.4X5A');
  });
});

describe('a drug taken less than prescribed', () => {
  it('is no adverse effect', () => {
    const r = adult('BP 168/98.\nA: Hypertension, uncontrolled d/t underdosing of amlodipine - cost.', [
      { description: 'Hypertension uncontrolled' },
    ]);
    expect(diagnosisCodes(r)).not.toContain('T46.1X5A');
  });
});

describe('no link in so many words', () => {
  it('a denied or uncertain link, or a drug only listed, adds nothing', () => {
    for (const notes of [
      'Cough for 6 weeks. Not related to enalapril, on it for years.\nA: Cough, postnasal drip.',
      'Cough for 6 weeks.\nA: Cough, possibly related to enalapril.',
      'Cough for 6 weeks. Meds: enalapril 10 mg.\nA: Cough after a cold.',
      'Coughing fits since last night, including after the enalapril dose from the pharmacy this morning.\nA: Cough.',
    ]) {
      const codes = diagnosisCodes(adult(notes, [{ description: 'Cough' }]));
      expect(
        codes.some((c) => c.startsWith('T46')),
        notes,
      ).toBe(false);
    }
  });
});
