// A fracture's routine healing beside an imaging report of no callus or a suggested delayed union is
// asked (coding/fracture-healing.ts reads the record's results too). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = (report: string) =>
  codeEncounter(
    codingInput(
      {
        notes: 'L Colles fx 10/22, cast off. Assessment: L distal radius fx - healing well, routine healing. XR reviewed.',
        diagnoses: [{ description: 'L Colles fracture, healing', code: 'S52.532D' }],
        testResults: [{ name: 'XR left wrist', value: report }],
      },
      { ageYears: 76, sex: 'F' },
    ),
    codeSets(),
  );

describe('routine healing beside an imaging report', () => {
  it('asks when the report shows no callus and suggests delayed union', () => {
    const r = coded('No significant interval callus formation; findings concerning for delayed union.');
    expect(r.clarification?.question).toMatch(/healing/);
    expect(diagnosisCodes(r)).toEqual(['S52.532D']);
  });

  it('asks nothing when the report shows healing', () => {
    const r = coded('Bridging callus, healing fracture in good alignment.');
    expect(r.clarification).toBeUndefined();
  });
});
