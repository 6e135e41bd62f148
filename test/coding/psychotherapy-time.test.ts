// A written psychotherapy code of another time band than the minutes the record states is the band's
// code, reported as changed for a coder (coding/psychotherapy-time.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import type { DocumentedProcedure } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { sessionMinutes } from '../../coding/psychotherapy-time.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';
import { claimLines, expectCorrected, expectKept } from '../../testkit/procedure-outcomes.ts';

const codeSets = useCodeSets();
const coded = (notes: string, procedures: DocumentedProcedure[]) =>
  codeEncounter(
    codingInput(
      { notes, diagnoses: [{ description: 'Generalized anxiety disorder', code: 'F41.1' }], procedures },
      { ageYears: 44, sex: 'F' },
    ),
    codeSets(),
  );

describe('psychotherapy time bands', () => {
  it('a 60-minute code for a 42-minute session is 90834', () => {
    const r = coded('Video visit. Session start 09:00 end 09:42. Worked on worry exposure, homework reviewed.', [
      { description: 'Psychotherapy 60 min', code: '90837' },
    ]);
    expect(claimLines(r)).toEqual(['90834x1']);
    expectCorrected(r, '90837', '90834');
  });

  it('an add-on of another band than the stated psychotherapy minutes is the band of the minutes', () => {
    const r = coded('Est pt. Sertraline continued.\nPsychotherapy 25 minutes, CBT for worry, separate from med review.', [
      { description: 'Office visit, established', code: '99214' },
      { description: 'Psychotherapy add-on 45', code: '90836' },
    ]);
    expect(claimLines(r)).toContain('90833x1');
    expectCorrected(r, '90836', '90833');
  });

  it('a code of the band the minutes give, or no minutes stated: kept', () => {
    expectKept(coded('Session 55 minutes, CBT for worry.', [{ description: 'Psychotherapy 60 min', code: '90837' }]), '90837');
    expectKept(coded('Psychotherapy for worry, exposure work.', [{ description: 'Psychotherapy 60 min', code: '90837' }]), '90837');
  });

  it('reads the session time, not times of other things', () => {
    expect(sessionMinutes('Start 14:05 End 14:45 (40 min).')).toBe(40);
    expect(sessionMinutes('Walks 30 min daily. Session length 50 minutes.')).toBe(50);
    expect(sessionMinutes('Session 40 min. Later, session time 55 minutes.')).toBeUndefined();
  });
});
