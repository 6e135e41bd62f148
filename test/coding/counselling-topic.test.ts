// Counselling on a topic no counselling code names is other specified counseling, Z71.89
// (coding/counselling-topic.ts); a topic with its own code keeps it. Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 78, sex: 'M' });
const codes = (notes: string, lines: Array<{ description: string; code?: string }>) => diagnosisCodes(code(notes, lines));

describe('advance care planning is other specified counseling', () => {
  it('a diagnosis line naming the counselling is Z71.89, not unspecified or family-planning counselling', () => {
    const r = codes('Annual wellness visit. ACP: 25 min voluntary discussion, health care proxy named.\nA: AWV, no new problems.', [
      { description: 'Annual wellness visit', code: 'Z00.00' },
      { description: 'Advance care planning counseling' },
    ]);
    expect(r).toContain('Z71.89');
    expect(r).not.toContain('Z71.9');
    expect(r.some((c) => c.startsWith('Z30') || c.startsWith('Z31'))).toBe(false);
  });

  it('a numbered assessment item that is advance care planning adds Z71.89', () => {
    const notes =
      'COPD f/u.\nA/P:\n1. COPD - stable, cont tiotropium.\n2. Advance care planning: 20 min with pt and wife, goals discussed, POLST signed.';
    expect(codes(notes, [{ description: 'COPD', code: 'J44.9' }])).toContain('Z71.89');
  });

  it('goals of care inside another problem, ACP only outside the assessment, or an item only naming ACP add nothing', () => {
    for (const notes of [
      'Dementia f/u.\nA/P:\n1. Dementia, moderate - cont donepezil; goals of care reviewed with son.',
      'AWV.\nAdvance care planning: 18 min, proxy named.\nA: AWV, no new problems.',
      'AWV.\nAdvance care planning: 18 min, proxy named.\nA/P:\n1. AWV, no new problems.\n2. ACP - as above, POLST signed.',
    ])
      expect(codes(notes, [{ description: 'Encounter for general adult medical exam', code: 'Z00.00' }]), notes).not.toContain('Z71.89');
  });

  it('counselling on a topic with its own code keeps that code', () => {
    const r = codes('Obese, BMI 32.\nA/P: dietary counseling given, 15 min.', [{ description: 'Dietary counseling' }]);
    expect(r).toContain('Z71.3');
    expect(r).not.toContain('Z71.89');
  });
});
