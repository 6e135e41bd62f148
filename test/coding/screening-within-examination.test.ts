// A screening code the tabular places inside an examination coded beside it
// (coding/screening-within-examination.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const woman = recordCoder(codeSets, { ageYears: 41, sex: 'F' });

describe('cervical screening at a routine gynecological examination', () => {
  const notes = 'Well-woman visit. Breast and pelvic exam normal. Pap smear collected. No complaints.';

  it('keeps the examination, drops the screening, asks nothing', () => {
    const r = woman(notes, [
      { description: 'Routine gynecologic exam, normal', code: 'Z01.419' },
      { description: 'Cervical cancer screening', code: 'Z12.4' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['Z01.419']);
    expect(r.clarification).toBeUndefined();
  });

  it('reports the written screening code as changed to the examination, not silently dropped', () => {
    const r = woman(notes, [
      { description: 'Routine gynecologic exam, normal', code: 'Z01.419' },
      { description: 'Cervical cancer screening', code: 'Z12.4' },
    ]);
    const outcome = r.documentedCodes?.find((o) => o.code === 'Z12.4');
    expect(outcome?.outcome).toBe('changed');
  });
});

describe('no examination the screening is part of', () => {
  it('a Pap visit alone keeps the screening code', () => {
    const r = woman('Here only for her Pap smear, due this year. Cervix normal appearing, specimen obtained.', [
      { description: 'Cervical cancer screening', code: 'Z12.4' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['Z12.4']);
  });

  it('a general adult check-up beside the Pap keeps both (no note places one inside the other)', () => {
    const r = woman('Annual physical. Pap smear done today. Exam normal.', [
      { description: 'Annual adult exam', code: 'Z00.00' },
      { description: 'Screening Pap', code: 'Z12.4' },
    ]);
    expect(diagnosisCodes(r)).toEqual(expect.arrayContaining(['Z00.00', 'Z12.4']));
  });
});
