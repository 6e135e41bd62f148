// The straight-through gate on records the engine was not tuned on (issue 10 item 2): an unspecified
// code while the assessment says which kind, a mental disorder coded as unspecified, a severe-obesity
// BMI with no weight diagnosis. Each sends the encounter to a coder; none changes a code. Wording is our own.
import { describe, expect, it } from 'vitest';
import type { CodingInput } from '../../domain/coding.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const reasonsFor = (lines: readonly string[], notes: string, patient: CodingInput['patient'] = { ageYears: 41, sex: 'F' }) =>
  codeEncounter(codingInput({ notes, diagnoses: described(lines) }, patient), codeSets()).straightThrough.reasons;

describe('a line coded to an unspecified code while the assessment says which kind', () => {
  it('a one-word line whose assessment names a value its category codes by goes to a coder', () => {
    expect(
      reasonsFor(
        ['migraine'],
        'Throbbing one-sided headaches twice a month.\nA: migraine w/o aura, not intractable.\nP: triptan as needed.',
      ),
    ).toContain('stated-more-fully');
  });

  it('a value the notes deny is no reason', () => {
    expect(reasonsFor(['COPD'], 'COPD follow-up, stable on tiotropium, no exacerbations this year.')).not.toContain('stated-more-fully');
  });

  it('an assessment that only comments on the same condition is no reason', () => {
    expect(reasonsFor(['migraine'], 'A: migraine, better on sumatriptan.\nP: continue, diary.')).not.toContain('stated-more-fully');
  });
});

describe('a mental or behavioural disorder coded as unspecified', () => {
  it('"depression" coded as depression, unspecified goes to a coder', () => {
    expect(reasonsFor(['depression'], 'Low mood for two months. PHQ-9 17.\nA: depression.\nP: start sertraline.')).toContain(
      'mental-disorder-unspecified',
    );
  });

  it('a stated episode and severity is no reason', () => {
    expect(
      reasonsFor(['Major depressive disorder, recurrent, moderate'], 'PHQ-9 14.\nA: MDD, recurrent, moderate.\nP: continue sertraline.'),
    ).not.toContain('mental-disorder-unspecified');
  });
});

describe('a BMI of 40 or more and no weight diagnosis', () => {
  const patient = { ageYears: 58, sex: 'M' as const };
  it('is a coder question', () => {
    expect(
      reasonsFor(['Essential hypertension'], 'Vitals: BP 128/80, BMI 43.5.\nA: HTN controlled.\nP: continue lisinopril.', patient),
    ).toContain('bmi-without-weight-diagnosis');
  });

  it('a documented morbid obesity answers it', () => {
    expect(
      reasonsFor(
        ['Essential hypertension', 'Morbid obesity'],
        'Vitals: BP 128/80, BMI 43.5.\nA: HTN controlled; morbid obesity, diet counselling.\nP: continue lisinopril.',
        patient,
      ),
    ).not.toContain('bmi-without-weight-diagnosis');
  });

  it('a BMI below 40 is no reason', () => {
    expect(reasonsFor(['Essential hypertension'], 'Vitals: BP 128/80, BMI 31.2.\nA: HTN controlled.', patient)).not.toContain(
      'bmi-without-weight-diagnosis',
    );
  });
});
