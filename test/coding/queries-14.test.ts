// Queries a coder would send (issue 10 item 5), session 14: a detail the tabular names as left open
// ("with unspecified severity", "of unspecified degree") on a code a step added, a word that is no
// value of the axis ("for about a second"), and a value said of another condition in a related line.
// Examples written for this test in their own words (tuned on).
import { describe, expect, it } from 'vitest';
import type { ClarificationAnswer } from '../../domain/coding.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = (diagnoses: string[], notes = '', answers: ClarificationAnswer[] = []) =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ageYears: 58, sex: 'M' }, { answers }), codeSets());
const answering = (r: ReturnType<typeof run>, freeText: string): ClarificationAnswer[] => [
  { question: r.clarification?.question ?? '', option: 'Other (please specify)', freeText },
];

describe('the depth of a diabetic foot ulcer (L97 "with unspecified severity", added beside E11.621)', () => {
  const lines = ['Type 2 diabetes', 'Diabetic ulcer of the right midfoot'];
  const notes = 'Plantar midfoot wound for two months, 2 x 1.5 cm, granular base. Offloading shoe. Takes metformin.';

  it('no depth anywhere: L97.419 stands and the physician is asked the severity', () => {
    const r = run(lines, notes);
    expect(diagnosisCodes(r)).toEqual(expect.arrayContaining(['E11.621', 'L97.419']));
    expect(r.clarification?.question).toMatch(/"Diabetic ulcer of the right midfoot".*severity/);
    expect(r.clarification?.options).toContain('Non-pressure chronic ulcer of right heel and midfoot with fat layer exposed');
  });

  it('the answer codes the depth', () => {
    const first = run(lines, notes);
    const answered = run(lines, notes, answering(first, 'Fat layer exposed, no muscle or bone.'));
    expect(diagnosisCodes(answered)).toEqual(expect.arrayContaining(['E11.621', 'L97.412']));
    expect(diagnosisCodes(answered)).not.toContain('L97.419');
    expect(answered.clarification).toBeUndefined();
  });

  it('a depth in the wound exam is the record answering: nothing asked', () => {
    const r = run(lines, `${notes} Exam: full-thickness ulcer, subcutaneous fat visible at the base.`);
    expect(r.clarification).toBeUndefined();
  });

  it('a depth the exam denies ("no exposed bone") answers nothing: still asked', () => {
    const r = run(lines, `${notes} No exposed bone, probe does not reach bone.`);
    expect(r.clarification?.question).toMatch(/severity/);
  });
});

describe('a burn of unspecified degree: a word that is no degree', () => {
  it('"for about a second" states no second degree: the degree is asked', () => {
    const r = run(
      ['Burn of left palm'],
      'Her left palm rested on the hot oven rack for about a second an hour ago. Red and painful, some blisters. Dressing applied.',
    );
    expect(diagnosisCodes(r)).toContain('T23.052A');
    expect(r.clarification?.question).toMatch(/degree/);
  });

  it('a degree written as one is coded, nothing asked', () => {
    const r = run(['Second-degree burn of left palm'], 'Touched a hot pan an hour ago. Blisters. Dressing applied.');
    expect(diagnosisCodes(r)).toContain('T23.252A');
    expect(r.clarification).toBeUndefined();
  });
});

describe('a severity word said of another condition in a related line', () => {
  it('"mild" eczema beside an asthma flare states no asthma severity: asked', () => {
    const r = run(
      ['Asthma exacerbation'],
      'Wheezing since the weekend, using albuterol every four hours. Skin: mild dryness, no eczema flare. Prednisone burst.',
    );
    expect(diagnosisCodes(r)).toContain('J45.901');
    expect(r.clarification?.question).toMatch(/severity/);
  });

  it('a severity said of the asthma itself is not asked', () => {
    const r = run(['Asthma exacerbation'], 'Mild intermittent asthma, wheezing since the weekend. Prednisone burst.');
    expect(r.clarification).toBeUndefined();
  });
});

describe('an organism a culture found that the physician does not name as the cause (J18.9 "unspecified organism")', () => {
  const notes =
    'Cough and fever for five days, left lower lobe infiltrate on x-ray. Sputum culture grew Staph aureus, methicillin sensitive. Cefazolin.';

  it('is asked, with the block codes titled by that organism as options', () => {
    const r = run(['Pneumonia'], notes);
    expect(diagnosisCodes(r)).toEqual(['J18.9']);
    expect(r.clarification?.question).toMatch(/due to Staph aureus/);
    expect(r.clarification?.options).toContain('Pneumonia due to Methicillin susceptible Staphylococcus aureus');
  });

  it('the answer codes the organism', () => {
    const first = run(['Pneumonia'], notes);
    const answered = run(['Pneumonia'], notes, answering(first, 'Yes, MSSA pneumonia.'));
    expect(diagnosisCodes(answered)).toEqual(['J15.211']);
    expect(answered.clarification).toBeUndefined();
  });

  it('a statement naming the condition with its organism is the physician linking them: nothing asked', () => {
    const r = run(['Pneumonia'], `${notes} This is staphylococcal pneumonia.`);
    expect(r.clarification).toBeUndefined();
  });

  it('a culture with no growth or still pending asks nothing', () => {
    const r = run(['Pneumonia'], 'Cough and fever, infiltrate on x-ray. Sputum culture pending. Amoxicillin.');
    expect(r.clarification).toBeUndefined();
  });
});
