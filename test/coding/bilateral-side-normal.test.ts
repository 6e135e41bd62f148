// A bilateral code beside an examination that describes one side of its site as normal
// (coding/side-agreement.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { sideStatedOtherwise } from '../../coding/side-agreement.ts';

const dx = (code: string, description: string) => ({
  system: 'ICD-10-CM' as const,
  code,
  description,
  confidence: 0.95,
  alternatives: [],
  evidence: [],
  rationale: '',
});
const bilateral = [dx('H65.03', 'Acute serous otitis media, bilateral')];

describe('a bilateral code and one side described as normal', () => {
  it('goes to a coder', () => {
    expect(sideStatedOtherwise(['Right TM dull with effusion. Left TM gray and translucent, landmarks normal.'], bilateral)).toBeDefined();
  });

  it('both sides abnormal, or a normal side with an abnormal finding, is no reason', () => {
    expect(sideStatedOtherwise(['R TM dull with effusion. L TM dull, fluid level.'], bilateral)).toBeUndefined();
    expect(sideStatedOtherwise(['L TM bulging, otherwise normal canal.'], bilateral)).toBeUndefined();
  });

  it('a one-sided code is left to the other-side reading', () => {
    expect(sideStatedOtherwise(['L TM pearly, normal.'], [dx('H65.01', 'Acute serous otitis media, right ear')])).toBeUndefined();
  });
});
