// Hyperemesis gravidarum beside a stated metabolic disturbance (coding/hyperemesis-disturbance.ts).
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const pregnant = recordCoder(useCodeSets(), { ageYears: 27, sex: 'F' });

describe('hyperemesis with a metabolic disturbance stated', () => {
  it('in the assessment beside a hyperemesis line coded mild: O21.1', () => {
    const r = pregnant(
      'G2P1 at 8w5d. Vomiting 6-8x/day for a week, cannot keep water down. HR 114, orthostatic.\nA/P: Hyperemesis gravidarum complicated by volume depletion and hypokalemia. IV fluids, antiemetic.',
      [{ description: 'Hyperemesis gravidarum', code: 'O21.0' }],
    );
    expect(diagnosisCodes(r)).toContain('O21.1');
    expect(diagnosisCodes(r)).not.toContain('O21.0');
  });

  it('on a line of its own: O21.1, the dehydration not coded beside it', () => {
    const r = pregnant('G1P0 at 11w0d, emesis all day, dry mucosa.\nA: HEG with dehydration.', [
      { description: 'Hyperemesis gravidarum' },
      { description: 'Dehydration' },
    ]);
    const codes = diagnosisCodes(r);
    expect(codes).toContain('O21.1');
    expect(codes.some((c) => c.startsWith('E86') || c.startsWith('O99.28'))).toBe(false);
  });
});

describe('no stated disturbance', () => {
  it('a lab value alone, or a disturbance the assessment denies, leaves the mild code', () => {
    for (const notes of [
      'G1P0 at 9w0d. N/V for 10 days, eating crackers. UA: ketones 2+.\nA: Hyperemesis gravidarum, mild. Zofran.',
      'G1P0 at 9w0d. N/V, some dry lips.\nA: Mild hyperemesis gravidarum, no metabolic disturbance. Oral fluids.',
      'G1P0 at 9w0d. N/V.\nA: Hyperemesis gravidarum. Return for signs of dehydration.',
    ]) {
      const r = pregnant(notes, [{ description: 'Hyperemesis gravidarum, mild', code: 'O21.0' }]);
      expect(diagnosisCodes(r), notes).toContain('O21.0');
      expect(diagnosisCodes(r), notes).not.toContain('O21.1');
    }
  });
});
