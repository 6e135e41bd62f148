// Weeks that date an earlier pregnancy are not today's gestational age (coding/gestational-age.ts).
// Statements and records are our own wording.
import { describe, expect, it } from 'vitest';
import { gestationalAgesIn } from '../../coding/gestational-age.ts';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const weeks = (s: string) => gestationalAgesIn(s).map((a) => a.weeks);

describe('weeks of an earlier pregnancy', () => {
  it('are not read, however the earlier birth is written', () => {
    for (const s of [
      'G3P1, prior SPTB at 31 wks, on progesterone',
      'h/o preterm delivery at 35w',
      'delivered at 37 weeks in her last pregnancy',
      'Hx of PTD at 33 weeks',
      'previous preterm birth at 34 wks',
      'G2P1 - sPTB at 30 wks',
      '36 wk delivery last pregnancy',
    ])
      expect(weeks(s), s).toEqual([]);
  });

  it("today's age in the same statement is still read", () => {
    expect(weeks('G3P1 at 27w3d, h/o sPTB at 32 wks')).toEqual([27]);
    expect(weeks('29 weeks pregnant, prior SPTB 33 wks')).toEqual([29]);
    expect(weeks('Pregnancy 21 weeks with history of preterm delivery')).toEqual([21]);
    expect(weeks('h/o preterm delivery at 34w, currently 19w2d')).toEqual([19]);
  });

  it('an age with no earlier pregnancy named is read as before', () => {
    expect(weeks('IUP at 25 weeks')).toEqual([25]);
    expect(weeks('G2P1 at 23 weeks')).toEqual([23]);
  });
});

describe('a prenatal visit with a prior preterm birth', () => {
  const coder = recordCoder(useCodeSets(), { ageYears: 29, sex: 'F' });

  it("codes today's weeks only, without a conflict of ages", () => {
    const r = coder(
      'Prenatal visit. G2P0101 at 24w1d by 9-wk US. Prior SPTB at 32 wks, on weekly 17-OHP. Cervical length 38 mm. FHT 148.',
      [{ description: 'Supervision of pregnancy with history of preterm labor, second trimester' }],
    );
    const codes = diagnosisCodes(r);
    expect(codes).toContain('Z3A.24');
    expect(codes).not.toContain('Z3A.32');
    expect(r.clarification?.question ?? '').not.toMatch(/weeks|gestation/i);
  });
});
