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
  it('menopausal hot flashes are N95.1 (Flushing, menopausal), hot flashes alone R23.2', () => {
    expect(diagnosisCodes(run(['Menopausal hot flashes'], ''))).toEqual(['N95.1']);
    expect(diagnosisCodes(run(['Hot flashes'], ''))).toEqual(['R23.2']);
  });
  it('not asked: the status stated, a recent period, a younger woman', () => {
    const asks = (dx: string[], notes: string, age = 54) => /menopausal status/.test(run(dx, notes, [], age).clarification?.question ?? '');
    expect(asks(['AUB'], `${note} Perimenopausal.`)).toBe(false);
    expect(asks(['AUB'], note.replace('over a year ago', '5 weeks ago'))).toBe(false);
    expect(asks(['AUB'], note, 33)).toBe(false);
  });
});

describe('a type or severity stated one way in the history and another in the assessment is asked, unspecified until answered', () => {
  it('atrial fibrillation persistent in the history, paroxysmal in the assessment: I48.91 and the type asked', () => {
    const run = answeredBy(codeSets, { ageYears: 71, sex: 'M' });
    const note =
      'HPI: Persistent atrial fibrillation since last year, in AF on every tracing since.\nAssessment: Paroxysmal atrial fibrillation, rate controlled; continue metoprolol and apixaban.';
    const first = run(['Atrial fibrillation'], note);
    expect(diagnosisCodes(first)).toEqual(['I48.91', 'Z79.01']);
    expect(first.clarification?.question).toMatch(/type of atrial fibrillation/);
    const answered = run(['Atrial fibrillation'], note, [
      { question: first.clarification?.question as string, option: 'Persistent atrial fibrillation' },
    ]);
    expect(diagnosisCodes(answered)).toEqual(['I48.19', 'Z79.01']);
    // A type the record itself calls out of date is no conflict: the current statement is coded.
    const updated = run(
      ['Longstanding persistent atrial fibrillation'],
      'Problem list: Paroxysmal atrial fibrillation (2021).\nAssessment: Longstanding persistent atrial fibrillation, continuous since 2024; the "paroxysmal" entry on the problem list is outdated. Continue apixaban.',
    );
    expect(diagnosisCodes(updated)).toEqual(['I48.11', 'Z79.01']);
    expect(updated.clarification).toBeUndefined();
    // One type, stated once: coded, nothing asked.
    const one = run(['Atrial fibrillation'], 'Assessment: Paroxysmal atrial fibrillation; continue apixaban.');
    expect(diagnosisCodes(one)).toEqual(['I48.0', 'Z79.01']);
    expect(one.clarification).toBeUndefined();
  });
  it('asthma moderate persistent on the problem list, mild intermittent in the assessment: J45.901 and the severity asked', () => {
    const run = answeredBy(codeSets, { ageYears: 9, sex: 'F' });
    const note =
      'Cough and wheeze for 2 days after a cold.\nProblem list: Asthma, moderate persistent, on daily budesonide.\nA: mild intermittent asthma with acute exacerbation.\nP: oral steroid burst, albuterol every 4 hours.';
    const first = run(['Asthma with exacerbation'], note);
    expect(diagnosisCodes(first)).toContain('J45.901');
    expect(first.clarification?.question).toMatch(/severity of the asthma/);
    const answered = run(['Asthma with exacerbation'], note, [
      { question: first.clarification?.question as string, freeText: 'Moderate persistent asthma with acute exacerbation.' },
    ]);
    expect(diagnosisCodes(answered)).toContain('J45.41');
  });
});

describe('"depression" alone where the record describes a depressive episode is asked for its type and severity', () => {
  const run = answeredBy(codeSets, { ageYears: 17, sex: 'F' });
  const asks = (notes: string) => /type and severity of the depression/.test(run(['depression'], notes).clarification?.question ?? '');
  it('a PHQ-A of 10 or more, an earlier score of 10 or more, or a similar earlier episode: asked (F32.A until answered)', () => {
    const first = run(['depression'], 'Low mood and poor sleep on fluoxetine. PHQ-A 18 (was 22).\nA: depression, partial response.');
    expect(diagnosisCodes(first)).toEqual(['F32.A']);
    expect(first.clarification?.question).toMatch(/type and severity of the depression/);
    expect(asks('Mood better on sertraline, PHQ-9 7 (was 15).\nA: depression, improving.')).toBe(true);
    expect(asks('Similar episode two years ago that resolved with therapy.\nA: depression, start sertraline.')).toBe(true);
  });
  it('not asked: low scores, or a high score of another scale', () => {
    expect(asks('Mood stable on sertraline, PHQ-9 4, GAD-7 12.\nA: depression, stable.')).toBe(false);
  });
});
