// An office visit line that names no level ("Office visit, established patient"): the level comes from
// the decision making or the total time the note states, else a coder chooses it. It was coded 99211,
// the nurse visit, because the catalog's words for 99211 were the nearest.
import { describe, expect, it } from 'vitest';
import type { DocumentedProcedure } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { isLevellessOfficeVisit, visitLevelInNotes } from '../../coding/procedures.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const code = (description: string, notes: string) =>
  codeEncounter(
    codingInput(
      {
        notes: `Follow-up of hypertension, BP 152/94 on lisinopril 10 mg; dose increased. Assessment: essential hypertension, not at goal. ${notes}`,
        diagnoses: [{ description: 'Essential hypertension' }],
        procedures: [{ description } satisfies DocumentedProcedure],
      },
      { ageYears: 61, sex: 'M' },
    ),
    codeSets(),
  );

describe('an office visit line without a level', () => {
  it('takes the level of the decision making the note states', () => {
    expect(code('Office visit, established patient', 'MDM: moderate.').procedures.map((p) => p.code)).toEqual(['99214']);
    expect(code('est pt OV', 'Low complexity medical decision making.').procedures.map((p) => p.code)).toEqual(['99213']);
    expect(code('Office visit, new patient', 'Medical decision making: high.').procedures.map((p) => p.code)).toEqual(['99205']);
  });

  it('takes the level the total time reaches, by the patient status', () => {
    expect(
      code('Office visit, established patient', 'Total time on the date of the encounter 32 minutes.').procedures.map((p) => p.code),
    ).toEqual(['99214']);
    expect(code('Office visit, new patient', 'Total time 32 minutes.').procedures.map((p) => p.code)).toEqual(['99203']);
    expect(visitLevelInNotes('I spent 19 min with the patient.', 'established')).toBe(2);
    expect(visitLevelInNotes('I spent 9 min with the patient.', 'established')).toBeUndefined();
  });

  it('is never coded 99211, the nurse visit; with no level stated a coder chooses it', () => {
    const r = code('Office visit, established patient', 'Return in 3 months.');
    expect(r.procedures.map((p) => p.code)).toEqual([]);
    expect(r.edits.map((e) => e.rule)).toContain('VISIT_LEVEL_UNSTATED');
    expect(r.straightThrough?.eligible).toBe(false);
    expect(r.straightThrough?.reasons).toContain('unmatched-procedure');
  });

  it('reads two different levels in the note as no level', () => {
    expect(visitLevelInNotes('MDM low. Addendum: MDM moderate given the new medication.', 'established')).toBeUndefined();
  });

  it('leaves visits that are not a leveled physician office visit to their own codes', () => {
    for (const line of [
      'Nurse visit',
      'preventive visit est 40-64',
      'annual wellness visit subsequent',
      'visit complexity add-on',
      'A1c in office',
      'est pt visit low',
      '99213 est pt visit',
    ])
      expect(isLevellessOfficeVisit(line), line).toBe(false);
    expect(code('Nurse visit', 'BP check only.').procedures.map((p) => p.code)).toEqual(['99211']);
  });
});
