// Queries a coder sends (issue 10 item 5), session 21: each asked with options from the record's
// own indicators and answered through the ordinary answer path, and the records that settle the
// question not asked. Wording is our own (not from the evaluation sets).
import { describe, expect, it } from 'vitest';
import { answeredBy, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = answeredBy(codeSets, { ageYears: 41, sex: 'M' });

describe('ulcerative colitis with no extent', () => {
  const notes = 'Ulcerative colitis flaring for two weeks: 5 bloody stools a day. Start prednisone 40 mg taper; mesalamine continued.';

  it('is asked its extent (K51.9- meanwhile); the answer codes the subcategory', () => {
    const first = run(['Ulcerative colitis with rectal bleeding'], notes);
    expect(diagnosisCodes(first)).toEqual(['K51.911']);
    expect(first.clarification?.question).toMatch(/extent of the ulcerative colitis/);
    expect(first.clarification?.options).toEqual(
      expect.arrayContaining(['Ulcerative (chronic) pancolitis', 'Left sided ulcerative colitis']),
    );
    const question = first.clarification?.question as string;
    const answered = run(['Ulcerative colitis with rectal bleeding'], notes, [
      { question, freeText: 'Left-sided ulcerative colitis to the splenic flexure on the last colonoscopy.' },
    ]);
    expect(diagnosisCodes(answered)).toEqual(['K51.511']);
    expect(answered.clarification).toBeUndefined();
  });

  it('not asked: the extent stated on the line or by another statement naming the colitis', () => {
    expect(run(['UC pancolitis with rectal bleeding'], notes).clarification).toBeUndefined();
    const elsewhere = run(
      ['UC flare'],
      'Known ulcerative proctitis since 2019, now 4 loose stools a day with blood. Mesalamine suppositories.',
    );
    expect(elsewhere.clarification).toBeUndefined();
    expect(diagnosisCodes(elsewhere)[0]).toMatch(/^K51\.2/);
  });

  it('the record naming Crohn disease as well asks which disease first, not the extent', () => {
    const first = run(
      ['Ulcerative colitis'],
      "Problem list: Crohn's disease of ileum. Assessment: ulcerative colitis, flaring. Prednisone taper.",
    );
    expect(first.clarification?.question).toMatch(/not normally present together/);
  });
});

describe('"UC" where a place or visit is meant is urgent care, not ulcerative colitis', () => {
  it('"f/u from UC", "seen at UC", "UC films" code no colitis and ask nothing about one', () => {
    const seen = run(
      ['Torus fracture of left distal radius', 'f/u from UC'],
      'Seen at UC 2 days ago after a fall; UC films reviewed. Cast applied.',
    );
    expect(diagnosisCodes(seen).some((c) => c.startsWith('K51'))).toBe(false);
    expect(seen.clarification?.question ?? '').not.toMatch(/ulcerative colitis/);
    expect(diagnosisCodes(run(['UC, mild flare'], 'Mesalamine continued.'))[0]).toMatch(/^K51/);
  });
});

describe('secondary hyperparathyroidism beside a chronic kidney disease, not linked', () => {
  const notes = 'PTH 240, calcium normal. Start calcitriol 0.25 mcg daily. Renal function stable.';

  it('is asked whether it is of renal origin (E21.1 meanwhile); yes codes N25.81', () => {
    const first = run(['Secondary hyperparathyroidism', 'CKD stage 4'], notes);
    expect(diagnosisCodes(first)).toEqual(['E21.1', 'N18.4']);
    expect(first.clarification?.options).toEqual(expect.arrayContaining(['Yes: Secondary hyperparathyroidism of renal origin']));
    const question = first.clarification?.question as string;
    const answered = run(['Secondary hyperparathyroidism', 'CKD stage 4'], notes, [{ question, freeText: 'Yes, it is from her CKD.' }]);
    expect(diagnosisCodes(answered)).toEqual(['N25.81', 'N18.4']);
  });

  it('not asked: the record says renal origin', () => {
    expect(run(['Secondary hyperparathyroidism of renal origin', 'CKD stage 4'], notes).clarification).toBeUndefined();
  });
});

describe('the signs of a more specific diagnosis than the documented one', () => {
  it('anxiety beside intrusion, avoidance and arousal after a trauma with a PCL-5: asked; PTSD answered recodes it', () => {
    const notes =
      'Since a car crash 4 months ago: nightmares most nights, avoids driving, startles easily, feels on edge. PCL-5 score 49. Start sertraline, therapy referral.';
    const first = run(['Anxiety'], notes);
    expect(diagnosisCodes(first)).toEqual(['F41.9']);
    expect(first.clarification?.options).toEqual(expect.arrayContaining(['Post-traumatic stress disorder', 'Anxiety as documented']));
    const question = first.clarification?.question as string;
    expect(diagnosisCodes(run(['Anxiety'], notes, [{ question, freeText: 'Post-traumatic stress disorder, chronic.' }]))).toEqual([
      'F43.12',
    ]);
    expect(diagnosisCodes(run(['Anxiety'], notes, [{ question, option: 'Anxiety as documented' }]))).toEqual(['F41.9']);
  });

  it('alcohol withdrawal with hallucinations described: asked; "with perceptual disturbance" answered codes F10.232', () => {
    const notes =
      'Last drink 36 hours ago. Tremor, sweating. Hearing voices since last night, knows they are not real. CIWA 15. Chlordiazepoxide taper.';
    const first = run(['Alcohol dependence with withdrawal'], notes);
    expect(first.clarification?.question).toMatch(/kind of the withdrawal/);
    const question = first.clarification?.question as string;
    expect(
      diagnosisCodes(run(['Alcohol dependence with withdrawal'], notes, [{ question, option: 'Withdrawal with perceptual disturbance' }])),
    ).toEqual(['F10.232']);
  });

  it('not asked: the signs denied, too few, or the specific diagnosis named', () => {
    expect(run(['Alcohol dependence with withdrawal'], 'Tremor, sweating. No hallucinations. CIWA 12.').clarification).toBeUndefined();
    expect(run(['Anxiety'], 'Worries about work, poor sleep, muscle tension. GAD-7 14. Start sertraline.').clarification).toBeUndefined();
    expect(
      run(['Anxiety', 'PTSD'], 'Since the assault: nightmares, flashbacks, avoids the area, hypervigilant. PCL-5 55.').clarification
        ?.question ?? '',
    ).not.toMatch(/intrusion, avoidance/);
  });
});

describe('an imaging report that disagrees with the physician', () => {
  it('an impression naming another condition than the diagnosis is asked; the documented code stands meanwhile', () => {
    const notes =
      'Cough and fever 5 days, crackles at the left base. Chest x-ray today, radiology read: LLL consolidation, consistent with pneumonia. Plan: doxycycline.';
    const first = run(['Acute bronchitis'], notes);
    expect(diagnosisCodes(first)).toEqual(['J20.9']);
    expect(first.clarification?.question).toMatch(/imaging report/);
    const question = first.clarification?.question as string;
    expect(diagnosisCodes(run(['Acute bronchitis'], notes, [{ question, freeText: 'Pneumonia of the left lower lobe.' }]))[0]).toMatch(
      /^J18/,
    );
  });

  it('not asked: the physician names the imaging condition, or the impression agrees', () => {
    expect(
      run(['Acute bronchitis'], 'Chest x-ray: no consolidation; pneumonia ruled out. Cough 5 days.').clarification?.question ?? '',
    ).not.toMatch(/imaging report/);
    expect(
      run(['Pneumonia'], 'Chest x-ray: RLL opacity consistent with pneumonia. Amoxicillin.').clarification?.question ?? '',
    ).not.toMatch(/imaging report/);
  });

  it('a tear extent the MRI gives otherwise than the assessment is asked; the assessment codes it meanwhile', () => {
    const notes =
      'MRI right shoulder impression: full-thickness tear of the supraspinatus tendon. Assessment: partial-thickness rotator cuff tear, right shoulder, nontraumatic. Injection today.';
    const first = run(['Rotator cuff tear, right shoulder'], notes);
    expect(first.clarification?.question).toMatch(/extent of the rotator cuff tear/);
    expect(diagnosisCodes(first)).toEqual(['M75.111']);
  });
});
