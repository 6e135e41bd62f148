// A code whose title names an axis value (severity, stage, "unstageable", acuity, remission) the
// record never states is not coded: the unspecified counterpart is, and the axis is asked when it
// changes the code. Examples written for this test (tuned on), several body systems.
import { describe, expect, it } from 'vitest';
import type { ClarificationAnswer } from '../../domain/coding.ts';
import { axisValuesOf, valueStated } from '../../coding/axis-support.ts';
import { answeredBy, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = answeredBy(codeSets, { ageYears: 63, sex: 'M' });
const codes = diagnosisCodes;

function answered(diagnoses: string[], notes: string, answer: Omit<ClarificationAnswer, 'question'>) {
  const first = run(diagnoses, notes);
  const question = first.clarification?.question;
  expect(question).toBeDefined();
  return { first, again: run(diagnoses, notes, [{ question: question as string, ...answer }]) };
}

describe('axis values a title names', () => {
  it('reads severity, stage, unstageable, acuity and remission, not ranges or "not specified as"', () => {
    expect(axisValuesOf('Bipolar disorder, current episode depressed, mild')).toEqual([{ axis: 'severity', value: 'mild' }]);
    expect(axisValuesOf('Bipolar disorder, current episode depressed, mild or moderate severity, unspecified')).toEqual([]);
    expect(axisValuesOf('Pressure ulcer of right heel, unstageable')).toEqual([{ axis: 'stage', value: 'unstageable' }]);
    expect(axisValuesOf('Pressure ulcer of right heel, unspecified stage')).toEqual([]);
    expect(axisValuesOf('Acute and chronic respiratory failure with hypoxia')).toEqual([{ axis: 'acuity', value: 'acute and chronic' }]);
    expect(axisValuesOf('Bronchitis, not specified as acute or chronic')).toEqual([]);
    expect(axisValuesOf('Chronic obstructive pulmonary disease with (acute) exacerbation')).toEqual([{ axis: 'acuity', value: 'chronic' }]);
    expect(
      axisValuesOf(
        'Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease, or unspecified chronic kidney disease',
      ).map((v) => v.axis),
    ).toEqual(['acuity']);
    expect(axisValuesOf('Major depressive disorder, recurrent, in partial remission')).toEqual([{ axis: 'course', value: 'in remission' }]);
  });

  it('a value is stated by its word, an acuity by a flare or exacerbation, a stage by its number in either numeral', () => {
    expect(valueStated({ axis: 'acuity', value: 'acute' }, 'COPD exacerbation')).toBe(true);
    expect(valueStated({ axis: 'acuity', value: 'chronic' }, 'COPD')).toBe(true);
    expect(valueStated({ axis: 'acuity', value: 'acute' }, 'hepatitis B')).toBe(false);
    expect(valueStated({ axis: 'stage', value: 'stage 2' }, 'pressure injury stage II of the sacrum')).toBe(true);
    expect(valueStated({ axis: 'stage', value: 'unstageable' }, 'pressure injury of the heel')).toBe(false);
    expect(valueStated({ axis: 'stage', value: 'unstageable' }, 'heel wound unstageable, covered by eschar')).toBe(true);
  });
});

describe('a value the record does not state is not coded', () => {
  it('a current bipolar episode with no severity is not coded "mild": the unspecified severity is, and asked', () => {
    const r = answered(['Bipolar disorder, current episode depressed'], 'Low mood three weeks. Continue lamotrigine.', {
      freeText: 'Moderate',
    });
    expect(codes(r.first)).toContain('F31.30');
    expect(r.first.clarification?.question).toMatch(/severity/);
    expect(r.first.straightThrough.eligible).toBe(false);
    expect(codes(r.again)).toContain('F31.32');
    expect(r.again.clarification).toBeUndefined();
  });

  it('a pressure injury with no stage written is not "unstageable": unspecified stage, asked; the stage answered codes it', () => {
    const r = answered(['Pressure injury of left heel'], 'Offloading boots. Wound cleaned.', { freeText: 'Stage 3' });
    expect(codes(r.first)).toContain('L89.629');
    expect(r.first.clarification?.question).toMatch(/stage/);
    expect(codes(r.again)).toContain('L89.623');
  });

  it('"unstageable" written is coded as written, nothing asked', () => {
    const r = run(['Pressure ulcer of left heel, unstageable'], 'Eschar covers the wound bed.');
    expect(codes(r)).toContain('L89.620');
    expect(r.clarification).toBeUndefined();
  });

  it('hepatitis B with no acuity is not coded acute: the unspecified viral hepatitis B, and the acuity asked', () => {
    const r = answered(['Hepatitis B'], 'HBsAg positive, transaminases normal.', { freeText: 'Chronic' });
    expect(codes(r.first)).toContain('B19.10');
    expect(r.first.clarification?.question).toMatch(/acuity/);
    expect(codes(r.again)).toContain('B18.1');
  });

  it('nothing changes where the record states the value (COPD exacerbation, acute hepatitis B, CKD stage 3b)', () => {
    expect(codes(run(['COPD with acute exacerbation'], 'Increased sputum.'))).toContain('J44.1');
    expect(codes(run(['Acute hepatitis B'], 'Jaundice, HBsAg positive.'))).toContain('B16.9');
    expect(codes(run(['Chronic kidney disease stage 3b'], 'eGFR 38.'))).toContain('N18.32');
  });
});

describe('a stage the tabular codes in the 7th character', () => {
  it('open-angle glaucoma with no stage is asked its stage (either eye), and "both eyes" is the bilateral side', () => {
    const r = answered(['Primary open-angle glaucoma, both eyes'], 'IOP controlled on latanoprost.', { freeText: 'Moderate stage' });
    expect(codes(r.first)).toContain('H40.1130');
    expect(r.first.clarification?.question).toMatch(/stage/);
    expect(codes(r.again)).toContain('H40.1132');
    const unspecified = run(['Open angle glaucoma'], 'IOP 23 in the right eye.');
    expect(unspecified.clarification?.question).toMatch(/stage/);
  });
});
