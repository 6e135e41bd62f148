// An abnormal monitoring result the physician acts on inside a long-term drug statement is a
// condition of its own beside the long-term use (coding/drug-monitoring-finding.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 80, sex: 'F' });
const codes = (notes: string, lines: Array<{ description: string; code?: string }>) => diagnosisCodes(code(notes, lines));
const lines = [
  { description: 'Atrial fibrillation', code: 'I48.91' },
  { description: 'Long term anticoagulant use', code: 'Z79.01' },
];

describe('an INR out of range acted on in the warfarin statement', () => {
  it('a supratherapeutic INR with the dose held adds R79.1 beside Z79.01', () => {
    const notes =
      'AF on warfarin. POC INR 3.9.\nA/P:\n1. AF - rate controlled.\n2. Warfarin therapy, INR supratherapeutic 3.9. Hold one dose, recheck INR in 1 wk.';
    const r = codes(notes, lines);
    expect(r).toContain('R79.1');
    expect(r).toContain('Z79.01');
  });

  it('an INR in range, or out of range with no action, adds nothing', () => {
    for (const notes of [
      'AF on warfarin. POC INR 2.4.\nA/P:\n1. AF - rate controlled.\n2. Warfarin therapy, INR therapeutic 2.4 - continue same dose.',
      'AF on warfarin.\nA/P:\n1. AF - rate controlled.\n2. Warfarin therapy, INR slightly high at 3.1 last month, today fine.',
    ])
      expect(codes(notes, lines), notes).not.toContain('R79.1');
  });
});
