// Two written codes the tabular reports as one combination code (an Excludes1 note of one naming the
// combination "with" the other's condition) are that code, both lines reported as changed
// (coding/written-pair-combination.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = recordCoder(codeSets, { ageYears: 45, sex: 'M' });
const changed = (r: ReturnType<typeof coded>) =>
  r.documentedCodes
    .filter((d) => d.outcome === 'changed')
    .map((d) => d.code)
    .sort();

describe('a written pair the tabular combines', () => {
  it('a ureteral stone beside hydronephrosis is N13.2 once', () => {
    const r = coded(
      'R flank pain 3 days. CT: 4 mm R proximal ureteral stone with moderate R hydronephrosis.\nA/P: R ureteral stone with hydronephrosis. Tamsulosin, strain urine.',
      [
        { description: 'Right ureteral stone', code: 'N20.1' },
        { description: 'Hydronephrosis', code: 'N13.30' },
      ],
    );
    expect(diagnosisCodes(r)).toEqual(['N13.2']);
    expect(changed(r)).toEqual(['N13.30', 'N20.1']);
  });

  it('a stone beside a condition the note does not combine it with: kept', () => {
    const r = coded('R flank pain. CT: 4 mm R ureteral stone, no hydronephrosis. Known CKD stage 3a.\nA/P: ureteral stone; CKD 3a.', [
      { description: 'Right ureteral stone', code: 'N20.1' },
      { description: 'CKD stage 3a', code: 'N18.31' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['N20.1', 'N18.31']);
    expect(changed(r)).toEqual([]);
  });
});
