// Session twenty-six: an incision and drainage beside no diagnosis it drains (coding/drained-abscess.ts).
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const notes =
  'Red swollen L thigh 4 days.\nExam: 6 x 5 cm erythema, warmth, central fluctuance.\nProcedure: I&D L thigh, 3 mL pus expressed, packed.\nA/P: Cellulitis L thigh - I&D done, Bactrim.';
const coded = (diagnoses: Array<{ description: string; code?: string }>, answers: Array<{ question: string; freeText: string }> = []) =>
  codeEncounter(
    codingInput(
      { notes, diagnoses, procedures: [{ description: 'Incision and drainage of abscess, simple', code: '10060' }] },
      { ageYears: 39, sex: 'F' },
      { answers },
    ),
    codeSets(),
  );

describe('an incision and drainage beside a cellulitis alone', () => {
  it('asks whether an abscess was present, the cellulitis on the claim meanwhile', () => {
    const r = coded([{ description: 'Cellulitis L thigh', code: 'L03.116' }]);
    expect(r.clarification?.question).toMatch(/whether an abscess was present/);
    expect(r.diagnoses.map((d) => d.code)).toEqual(['L03.116']);
  });

  it("codes the answer's abscess beside the cellulitis", () => {
    const first = coded([{ description: 'Cellulitis L thigh', code: 'L03.116' }]);
    const r = coded(
      [{ description: 'Cellulitis L thigh', code: 'L03.116' }],
      [{ question: first.clarification!.question, freeText: 'Yes - cutaneous abscess of the left thigh with surrounding cellulitis.' }],
    );
    expect(r.diagnoses.map((d) => d.code)).toEqual(expect.arrayContaining(['L02.416', 'L03.116']));
  });

  it('asks nothing when an abscess is documented', () => {
    const r = coded([{ description: 'Abscess L thigh with cellulitis', code: 'L02.416' }]);
    expect(r.clarification?.question ?? '').not.toMatch(/whether an abscess was present/);
  });
});
