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

describe('a skin carcinoma stated as basal cell in the assessment and squamous cell by the pathology is asked', () => {
  const derm = answeredBy(codeSets, { ageYears: 74, sex: 'M' });
  const note = [
    'Seen for biopsy results. Shave biopsy of the right temple 10 days ago.',
    'Pathology (right temple shave): squamous cell carcinoma, moderately differentiated, deep margin involved.',
    'Assessment: basal cell carcinoma, right temple. Plan: excision with 4 mm margins.',
  ].join('\n');

  it('the site is coded with its type unspecified until answered, and the answer names the type', () => {
    const r = derm(['BCC right temple'], note);
    expect(diagnosisCodes(r)).toContain('C44.309');
    expect(r.clarification?.question).toMatch(/type of the skin carcinoma/);
    expect(r.clarification?.clinicalIndicators.join(' ')).toMatch(/squamous cell carcinoma, moderately differentiated/);
    const question = r.clarification?.question ?? '';
    const answered = derm(['BCC right temple'], note, [
      { question, freeText: 'Squamous cell carcinoma per the pathology; the BCC was entered in error.' },
    ]);
    expect(diagnosisCodes(answered)).toContain('C44.329');
  });

  it('a basal or squamous cell carcinoma of the cheek is of the skin of the face, not the cheek NOS of C76.0', () => {
    expect(diagnosisCodes(derm(['BCC left cheek'], 'Biopsy reviewed, Mohs referral.'))[0]).toMatch(/^C44\.31/);
    expect(diagnosisCodes(derm(['SCC of the right temple'], 'Biopsy reviewed, excision planned.'))[0]).toMatch(/^C44\.32/);
  });

  it('no query for two lesions, a differential, a basosquamous carcinoma or a past one', () => {
    const twoLesions = derm(
      ['BCC nose', 'SCC right hand'],
      'Pathology: nose - basal cell carcinoma; right dorsal hand - squamous cell carcinoma.',
    );
    expect(twoLesions.clarification?.question ?? '').not.toMatch(/type of the skin carcinoma/);
    const possible = derm(
      ['BCC nose'],
      'Pearly papule of the nose, BCC vs SCC clinically; biopsy confirmed basal cell carcinoma of the nose.',
    );
    expect(possible.clarification?.question ?? '').not.toMatch(/type of the skin carcinoma/);
    const past = derm(
      ['BCC nose'],
      'History of SCC of the nose 2019, excised. New pearly papule on the nose, biopsy: basal cell carcinoma.',
    );
    expect(past.clarification?.question ?? '').not.toMatch(/type of the skin carcinoma/);
  });
});
