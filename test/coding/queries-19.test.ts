// Queries a coder sends that the engine did not (issue 10 item 4, session 19): a severe BMI the plan
// acts on with no weight diagnosis. Examples written for this test (tuned on writer-set-34/-35).
import { describe, expect, it } from 'vitest';
import { answeredBy, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

describe('a BMI of 40 or more with weight counselling and no weight diagnosis is asked', () => {
  const run = answeredBy(codeSets, { ageYears: 58, sex: 'M' });
  const note =
    'Follow-up of blood pressure. Vitals: BP 134/82, weight 128 kg, BMI 42.6.\nA/P: Hypertension, stable on lisinopril, continue.\nCounseled on diet and exercise, goal 5% weight loss; referral to the weight management program.';
  it('asks for the clinical significance of the BMI; no BMI code until a weight diagnosis is documented', () => {
    const first = run(['Essential hypertension'], note);
    expect(first.clarification?.question).toMatch(/clinical significance of this BMI/);
    expect(first.clarification?.options).toEqual(expect.arrayContaining(['Other (please specify)', 'Clinically undetermined']));
    expect(diagnosisCodes(first)).toEqual(['I10']);
    expect(first.straightThrough.eligible).toBe(false);
    const answered = run(['Essential hypertension'], note, [
      { question: first.clarification?.question as string, freeText: 'Class 3 obesity' },
    ]);
    expect(diagnosisCodes(answered).sort()).toEqual(['E66.813', 'I10', 'Z68.41']);
    expect(answered.clarification).toBeUndefined();
  });
  it('not asked: obesity documented, a BMI under 40, no counselling, a child, weight loss denied', () => {
    const asks = (dx: string[], notes: string, age = 58) =>
      /clinical significance of this BMI/.test(run(dx, notes, [], age).clarification?.question ?? '');
    expect(asks(['Essential hypertension', 'Morbid obesity'], note)).toBe(false);
    expect(asks(['Essential hypertension'], note.replace('42.6', '36.1'))).toBe(false);
    expect(asks(['Essential hypertension'], 'Vitals: BMI 42.6. Hypertension stable on lisinopril, continue.')).toBe(false);
    expect(asks(['Essential hypertension'], 'ROS: denies weight loss. BMI 42.6. Hypertension stable, continue lisinopril.')).toBe(false);
    expect(asks(['Essential hypertension'], note, 15)).toBe(false);
  });
});

describe('bleeding coded as menstrual a year or more after the last period, menopausal status unstated, is asked', () => {
  const run = answeredBy(codeSets, { ageYears: 54, sex: 'F' });
  const note = 'Spotting on and off for 3 weeks. Last menstrual period over a year ago. Pelvic exam normal. Plan pelvic ultrasound.';
  it('asks for the menopausal status; the written code stands until answered, postmenopausal bleeding is N95.0', () => {
    const first = run(['AUB'], note);
    expect(diagnosisCodes(first)).toEqual(['N93.9']);
    expect(first.clarification?.question).toMatch(/menopausal status/);
    expect(first.clarification?.options).toEqual(expect.arrayContaining(['Postmenopausal bleeding', 'Clinically undetermined']));
    const question = first.clarification?.question as string;
    expect(diagnosisCodes(run(['AUB'], note, [{ question, option: 'Postmenopausal bleeding' }]))).toEqual(['N95.0']);
    expect(diagnosisCodes(run(['AUB'], note, [{ question, freeText: 'She is postmenopausal; postmenopausal bleeding.' }]))).toEqual([
      'N95.0',
    ]);
  });
  it('not asked: the status stated, a recent period, a younger woman', () => {
    const asks = (dx: string[], notes: string, age = 54) => /menopausal status/.test(run(dx, notes, [], age).clarification?.question ?? '');
    expect(asks(['AUB'], `${note} Perimenopausal.`)).toBe(false);
    expect(asks(['AUB'], note.replace('over a year ago', '5 weeks ago'))).toBe(false);
    expect(asks(['AUB'], note, 33)).toBe(false);
  });
});
