// Chronic kidney disease in a patient the record states is on dialysis is N18.6 (the tabular's
// inclusion term "chronic kidney disease requiring chronic dialysis"; N18.5 excludes it), with Z99.2
// from N18.6's "use additional code" note; the chart's "on HD" and "HD MWF" state it. Planned
// dialysis states nothing yet. Records are written for these tests.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 66, sex: 'M' }, { sorted: true });

describe('chronic kidney disease on dialysis', () => {
  it('codes CKD stage 5 on hemodialysis as N18.6 with Z99.2 and the hypertension with it', () => {
    const note = 'Renal clinic. HD MWF via right arm fistula. Potassium 5.1. BP 150/84.\nA/P: continue dialysis; BP meds after HD.';
    expect(codes(['CKD stage 5 on HD', 'Hypertension'], note)).toEqual(['I12.0', 'N18.6', 'Z99.2']);
  });

  it('reads "on HD" as dialysis for end-stage renal disease', () => {
    expect(codes(['ESRD on HD'], 'Dialysis unit visit. Tolerating treatments, dry weight 72 kg.')).toEqual(['N18.6', 'Z99.2']);
  });

  it('leaves a stage alone when dialysis is only planned', () => {
    const note = 'CKD stage 5, eGFR 12. Fistula placed last month; dialysis planned to start next month.';
    expect(codes(['CKD stage 5'], note)).toEqual(['N18.5']);
  });

  it('leaves a stage alone when dialysis is over or only preferred', () => {
    const after =
      'Transplant clinic.\nPMH: ESRD on hemodialysis 2012-2016, now transplanted.\nA/P: CKD stage 3a in the allograft, stable creatinine.';
    expect(codes(['CKD 3a'], after)).toEqual(['N18.31']);
    const preferred = 'CKD stage 4, eGFR 18. Would like peritoneal dialysis when the time comes. Transplant referral.';
    expect(codes(['CKD 4'], preferred)).toEqual(['N18.4']);
  });
});
