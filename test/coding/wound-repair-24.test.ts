// Wound repairs by class, anatomic group and length (coding/wound-repair.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import type { DocumentedProcedure } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const repair = (
  notes: string,
  procedures: DocumentedProcedure[],
  diagnoses: Array<{ description: string; code?: string }> = [{ description: 'Laceration' }],
) => codeEncounter(codingInput({ notes, diagnoses, procedures }, { ageYears: 30, sex: 'F' }), codeSets());
const codes = (r: ReturnType<typeof repair>) => r.procedures.map((p) => p.code);

describe('a repair line without a code', () => {
  it('takes the group of its site and the band of its length', () => {
    expect(codes(repair('Lac repaired.', [{ description: 'Simple repair 2.0 cm forehead' }]))).toEqual(['12011']);
    expect(codes(repair('Lac repaired.', [{ description: 'Simple repair 3.5 cm forearm' }]))).toEqual(['12002']);
    expect(codes(repair('Lac repaired.', [{ description: 'Simple repair 4 cm cheek' }]))).toEqual(['12013']);
    expect(codes(repair('Lac repaired.', [{ description: 'Intermediate repair 3 cm hand' }]))).toEqual(['12042']);
    expect(codes(repair('Lac repaired.', [{ description: 'Layered closure 5 cm thigh' }]))).toEqual(['12032']);
  });

  it('reads the site and length from the note when the line gives neither', () => {
    const r = repair('3.0 cm laceration of the chin, single layer 6-0 nylon.', [{ description: 'Laceration repair' }]);
    expect(codes(r)).toEqual(['12013']);
  });

  it('takes the site from the injury code when the note names none', () => {
    const r = repair(
      '2 cm lac, closed with 4 simple sutures.',
      [{ description: 'Simple repair' }],
      [{ description: 'Laceration', code: 'S61.411A' }],
    );
    expect(codes(r)).toContain('12001');
  });
});

describe('a written repair code', () => {
  it('the record contradicting its group or length corrects it to the right code, the written one offered, to a coder', () => {
    const r = repair('2.0 cm laceration mid forehead, simple interrupted closure.', [
      { description: 'Simple repair 2.5 cm or less', code: '12001' },
    ]);
    expect(codes(r)).toEqual(['12011']);
    expect(r.procedures[0]?.alternatives[0]?.code).toBe('12001');
    expect(r.documentedCodes).toContainEqual(expect.objectContaining({ code: '12001', outcome: 'changed', codedAs: ['12011'] }));
    expect(r.straightThrough.reasons).toContain('documented-code-changed');
  });

  it('agreeing with the record is no finding', () => {
    const r = repair('2 cm laceration L forearm, simple closure.', [{ description: 'Simple repair 2.0 cm forearm', code: '12001' }]);
    expect(r.edits.filter((e) => e.rule === 'DOCUMENTED_CODE_DIFFERS' || e.rule === 'DOCUMENTED_CODE_CORRECTED')).toEqual([]);
    expect(codes(r)).toEqual(['12001']);
  });
});
