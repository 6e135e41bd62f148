// Queries a coder would send (issue 10 item 5), session 18: conflicts between statements, a missing
// element that changes the code, and clinical indicators without a diagnosis. Each kind with its
// look-alikes that need no query. Examples written for this test in their own words.
import { describe, expect, it } from 'vitest';
import { answeredBy, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = answeredBy(codeSets, { ageYears: 31, sex: 'F' });

describe('hypertension in pregnancy stated as two kinds is asked, O16 until answered', () => {
  const proteinuria = [
    'G2P1 at 35w1d. BP 150/96 and 152/98 today, no headache or visual change.',
    'Protein/creatinine ratio 0.42, consistent with preeclampsia. Platelets and LFTs normal.',
    'Plan: twice-weekly testing, delivery at 37 weeks.',
  ].join('\n');

  it('gestational hypertension in the list, preeclampsia in the note', () => {
    const r = run(['Gestational hypertension', '35 weeks gestation'], proteinuria);
    expect(diagnosisCodes(r)).toContain('O16.3');
    expect(diagnosisCodes(r)).not.toContain('O13.3');
    expect(r.clarification?.question).toMatch(/type of hypertension in this pregnancy/);
    expect(r.clarification?.clinicalIndicators.join(' ')).toMatch(/consistent with preeclampsia/);
    expect(r.clarification?.options).toEqual(expect.arrayContaining(['Other (please specify)', 'Clinically undetermined']));
  });

  it('the answer codes the kind it names, in the same trimester', () => {
    const first = run(['Gestational hypertension', '35 weeks gestation'], proteinuria);
    const question = first.clarification?.question ?? '';
    const mild = run(['Gestational hypertension', '35 weeks gestation'], proteinuria, [
      { question, freeText: 'Preeclampsia without severe features.' },
    ]);
    expect(diagnosisCodes(mild)).toContain('O14.03');
    expect(mild.clarification?.question).not.toBe(question);
    const chosen = run(['Gestational hypertension', '35 weeks gestation'], proteinuria, [
      { question, option: 'Gestational hypertension without significant proteinuria' },
    ]);
    expect(diagnosisCodes(chosen)).toContain('O13.3');
  });

  it('hypertension treated since before this pregnancy against a gestational one', () => {
    const r = run(
      ['Gestational hypertension'],
      [
        'G2P1 at 24 weeks. She has taken amlodipine since 2021, stopped before this pregnancy; now on nifedipine.',
        'Assessment: gestational hypertension, BP 138/88.',
      ].join('\n'),
    );
    expect(diagnosisCodes(r)).toContain('O16.2');
    expect(r.clarification?.question).toMatch(/type of hypertension in this pregnancy/);
  });

  it('no query for prevention, warning signs, a denial, a relative or a past pregnancy', () => {
    const r = run(
      ['Gestational hypertension'],
      [
        'G3P2 at 33w0d. Aspirin 81 mg for preeclampsia prevention.',
        'Family history: sister had preeclampsia. History of preeclampsia in her last pregnancy.',
        'Assessment: gestational hypertension, no features of preeclampsia. Preeclampsia warning signs reviewed; preeclampsia labs every 2 weeks.',
      ].join('\n'),
    );
    expect(diagnosisCodes(r)).toContain('O13.3');
    expect(r.clarification?.question ?? '').not.toMatch(/hypertension in this pregnancy/);
  });

  it('no query for a preeclampsia that progressed from the gestational hypertension', () => {
    const r = run(
      ['Preeclampsia without severe features'],
      'G1 at 36w2d. Gestational hypertension since 32 weeks, now protein/creatinine ratio 0.5. Induction planned.',
    );
    expect(diagnosisCodes(r)).toContain('O14.03');
    expect(r.clarification?.question ?? '').not.toMatch(/hypertension in this pregnancy/);
  });
});
