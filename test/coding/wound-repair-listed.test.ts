// Repairs of one class in one anatomic group written as two codes are one code of their added
// lengths, also when the note lists the wounds in one statement (coding/wound-repair.ts,
// listedWounds). Records are our own wording.
import { describe, expect, it } from 'vitest';
import type { DocumentedProcedure } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';
import { claimLines, expectCorrected } from '../../testkit/procedure-outcomes.ts';

const codeSets = useCodeSets();
const repair = (notes: string, procedures: DocumentedProcedure[]) =>
  codeEncounter(
    codingInput(
      { notes, diagnoses: [{ description: 'Laceration of left leg' }, { description: 'Laceration of right foot' }], procedures },
      { ageYears: 30, sex: 'F' },
    ),
    codeSets(),
  );
const simple = () => ({ description: 'Simple repair 2.5 cm or less', code: '12001', units: 1 });

describe('wounds listed in one statement', () => {
  it('two simple repairs of the extremities written as 12001 twice are one code', () => {
    const r = repair(
      'Fell on gravel.\nExam: L shin lac 1.0 cm, R foot lac 1.5 cm, superficial.\nProcedure: simple single-layer repair: L shin 1.0 cm, R foot 1.5 cm.',
      [simple(), simple()],
    );
    expect(claimLines(r)).toEqual(['12001x1']);
  });

  it('the added lengths pick the band', () => {
    const r = repair('Exam: L shin lac 3.0 cm, R foot lac 1.5 cm, superficial.\nProcedure: simple repair: L shin 3.0 cm, R foot 1.5 cm.', [
      simple(),
      simple(),
    ]);
    expect(claimLines(r)).toEqual(['12002x1']);
    expectCorrected(r, '12001', '12002');
  });

  it('a list of more wounds than the written codes: no code picked', () => {
    const r = repair('Exam: L shin lac 1.0 cm, R foot lac 1.5 cm, L knee lac 1.0 cm. All closed simply.', [simple(), simple()]);
    expect(claimLines(r)).toEqual(['12001x1', '12001x1']);
  });
});
