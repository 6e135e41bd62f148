// The stage of a chronic kidney disease written two ways (coding/specificity.ts, coding/stated-axis.ts).
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const older = recordCoder(codeSets, { ageYears: 72, sex: 'M' });
const STAGE = /stage/;

describe('two stated stages that disagree', () => {
  it('is asked, a nephrology letter or a KDIGO stage against the assessment', () => {
    for (const notes of [
      'Nephrology letter 3/2026: CKD stage 4, follow q3 months.\nA/P: CKD stage 3b, stable. Avoid NSAIDs.',
      'Nephrology note 2/2026: CKD G4A2.\nA/P: CKD stage 3b, stable, recheck.',
    ]) {
      const r = older(notes, [{ description: 'CKD stage 3b' }]);
      expect(r.clarification?.question).toMatch(STAGE);
    }
  });
});

describe('not two stages', () => {
  it('asks nothing for an eGFR alone, a grade of another organ, secondary-to, a transplant for ESRD, or a stage now', () => {
    for (const [notes, line] of [
      ['HPI: f/u CKD.\nLabs: eGFR 25.\nA/P: CKD stage 3b, stable.', 'CKD stage 3b'],
      ['HPI: HFpEF (EF 60%, G2 DD on echo), CKD 4.\nA/P: CKD stage 4, per nephrology.', 'CKD stage 4'],
      ['HPI: CKD 2/2 chronic interstitial nephritis, eGFR 38.\nA: CKD stage 3b.', 'CKD stage 3b'],
      ['HPI: kidney transplant 2019 for ESRD from IgA nephropathy.\nA: CKD stage 3a in the allograft, stable.', 'CKD stage 3a'],
      ['Problem list: CKD stage 3a\nA/P: CKD - eGFR declining, now 3b. Nephrology referral.', 'CKD stage 3b'],
    ] as const) {
      const r = older(notes, [{ description: line }]);
      expect(r.clarification?.question ?? '').not.toMatch(STAGE);
    }
  });

  it('codes the stage stated now', () => {
    const r = older('Problem list: CKD stage 3a\nA/P: CKD - eGFR declining, now 3b. Nephrology referral.', [
      { description: 'CKD stage 3b' },
    ]);
    expect(diagnosisCodes(r)).toContain('N18.32');
  });
});
