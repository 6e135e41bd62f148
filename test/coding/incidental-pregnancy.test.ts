// A pregnancy the physician states is incidental: Z33.1, and no Z3A without an obstetric code
// (coding/incidental-pregnancy.ts, guideline I.C.15.a.1). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = recordCoder(codeSets, { ageYears: 29, sex: 'F' });

describe('a pregnancy stated incidental to the visit', () => {
  it('Z33.1 added, the written Z3A dropped', () => {
    const r = coded(
      'G1P0 at 22w1d. Fell on ice, R wrist pain.\nXR: no fracture.\nA: R wrist sprain. Pregnancy incidental to this visit, no OB concerns.',
      [
        { description: 'Sprain of right wrist', code: 'S63.501A' },
        { description: '22 weeks', code: 'Z3A.22' },
      ],
    );
    expect(diagnosisCodes(r)).toContain('Z33.1');
    expect(diagnosisCodes(r).some((c) => c.startsWith('Z3A'))).toBe(false);
  });

  it('not when the physician says it is not incidental, nor beside an obstetric code', () => {
    const lines = [
      { description: 'Sprain of right wrist', code: 'S63.501A' },
      { description: '22 weeks', code: 'Z3A.22' },
    ];
    expect(
      diagnosisCodes(
        coded('G1P0 at 22w1d. Fell, wrist sprain. The pregnancy is not incidental here: fall with abdominal trauma evaluated.', lines),
      ),
    ).not.toContain('Z33.1');
    const r = coded('G1P0 at 22w1d.\nA: gestational hypertension, new. Pregnancy incidental to wrist sprain otherwise.', [
      { description: 'Gestational hypertension, second trimester', code: 'O13.2' },
      { description: '22 weeks', code: 'Z3A.22' },
    ]);
    expect(diagnosisCodes(r)).not.toContain('Z33.1');
    expect(diagnosisCodes(r)).toContain('Z3A.22');
  });
});
