// A hematuria stated as gross and as microscopic (coding/hematuria-kind.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coder = recordCoder(codeSets, { ageYears: 64, sex: 'M' });
const KIND = /kind of hematuria/;

describe('the record states both kinds', () => {
  it('asks a microscopic hematuria beside urine the patient saw red; R31.9 meanwhile', () => {
    const r = coder(
      'Urology consult. Pt reports red urine twice this month after exercise.\nUA: 2+ blood.\nImpression: microscopic hematuria.',
      [{ description: 'Microscopic hematuria' }],
    );
    expect(r.clarification?.question).toMatch(KIND);
    expect(diagnosisCodes(r)).toContain('R31.9');
  });

  it('asks a gross hematuria beside "no visible blood"', () => {
    const r = coder('Referred for hematuria. No visible blood per patient; RBC 15/hpf on UA.\nA: gross hematuria.', [
      { description: 'Gross hematuria' },
    ]);
    expect(r.clarification?.question).toMatch(KIND);
    expect(diagnosisCodes(r)).toContain('R31.9');
  });

  it('codes the kind the physician answers', () => {
    const notes =
      'Urology consult. Pt reports red urine twice this month after exercise.\nUA: 2+ blood.\nImpression: microscopic hematuria.';
    const first = coder(notes, [{ description: 'Microscopic hematuria' }]);
    const question = first.clarification?.question ?? '';
    const r = coder(notes, [{ description: 'Microscopic hematuria' }], [{ question, option: 'Gross hematuria' }]);
    expect(diagnosisCodes(r)).toContain('R31.0');
  });
});

describe('the record is consistent', () => {
  it('asks nothing when the visible blood is denied or of the past', () => {
    for (const notes of [
      'Hematuria on routine UA, 8 RBC/hpf. Denies red urine, no clots.\nA: microscopic hematuria.',
      'History of gross hematuria 2019 from a stone. Today UA 6 RBC/hpf.\nA: microscopic hematuria.',
    ]) {
      const r = coder(notes, [{ description: 'Microscopic hematuria' }]);
      expect(r.clarification?.question ?? '').not.toMatch(KIND);
      expect(diagnosisCodes(r)).not.toContain('R31.9');
    }
  });
});
