// Long SOAP notes and the pregnancy chapter, session 16 (coding-16d). Each mechanism with our own
// records, in our own words (tuned on by construction; test/coding/soap-set-16.json holds the same
// kinds of record for the evaluation).
import { describe, expect, it } from 'vitest';
import { documentCodesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const { codes, lines } = documentCodesFor(codeSets, { ageYears: 30, sex: 'F' });

describe('a symptom in an ongoing pregnancy is coded to chapter 15 first (I.C.15.a.1)', () => {
  const prenatal = (weeks: string, complaint: string) =>
    [`PRENATAL VISIT`, `G2P1, intrauterine pregnancy at ${weeks} by early ultrasound, going well otherwise.`, complaint].join('\n');

  it("nausea and vomiting of pregnancy is O21 (R11's Excludes1 note), not R11, with the weeks", () => {
    const notes = prenatal('9w4d', 'Sick to her stomach most mornings and vomits once a day; tolerating fluids.');
    expect(lines(['Nausea and vomiting of pregnancy'], notes)).toEqual(['O21.9', 'Z3A.09']);
  });

  it('a headache in pregnancy is O26.89- at the stated trimester, the headache after it', () => {
    const notes = prenatal('23w1d', 'Dull frontal headaches for four days, BP 108/66, no visual change.');
    expect(lines(['Headache'], notes)).toEqual(['O26.892', 'R51.9', 'Z3A.23']);
  });

  it('not when the physician calls it unrelated to the pregnancy: the pregnancy is incidental (Z33.1)', () => {
    const notes = prenatal('23w1d', 'Dull frontal headaches for four days after a head cold, unrelated to the pregnancy.');
    expect(lines(['Headache'], notes)).toEqual(['R51.9', 'Z33.1']);
  });

  it('not when she is not pregnant', () => {
    expect(lines(['Headache'], 'Dull frontal headaches for four days. Urine hCG negative.')).toEqual(['R51.9']);
  });
});

describe('vaginal candidiasis in pregnancy: infection of the genital tract in pregnancy (O23.59-) and the candidiasis', () => {
  const notes = [
    'OB VISIT',
    'G1P0 at 30w2d, pregnancy uncomplicated so far.',
    'Itching and white curd-like discharge for a week. KOH prep with hyphae.',
    'Assessment/Plan:',
    '1. Vulvovaginal candidiasis in pregnancy - clotrimazole vaginal cream for 7 nights.',
  ].join('\n');

  it('from the assessment alone', () => {
    expect(codes({ notes })).toEqual(['O23.593', 'B37.31', 'Z3A.30']);
  });

  it('from a diagnosis line written as a yeast infection', () => {
    expect(lines(['Vaginal yeast infection'], notes)).toEqual(['O23.593', 'B37.31', 'Z3A.30']);
  });

  it('"vulvovaginal" is the vulva and the vagina (B37.3-, not candidiasis unspecified), pregnant or not', () => {
    expect(lines(['Vulvovaginal candidiasis'], 'Itching and discharge for a week.', 40)[0]).toMatch(/^B37\.3/);
  });
});

describe('one condition stated short on the list and in full in the assessment: the fuller statement decides (I.B.2)', () => {
  it('the assessment names the type of migraine the list leaves unspecified', () => {
    const notes = [
      'HPI: Two to three attacks a month, each preceded by a spreading blind spot, then one-sided throbbing; triptan helps.',
      'Problem list: Migraine. Asthma, mild intermittent.',
      'Assessment and plan:',
      '1. Migraine with aura, not intractable, without status migrainosus - keep rizatriptan, add magnesium for prevention.',
    ].join('\n');
    expect(lines(['Migraine'], notes, 29)).toEqual(['G43.109']);
  });

  it("the assessment's cause moves the condition to its own category (postprocedural hypothyroidism)", () => {
    const notes = [
      'HPI: Thyroid removed in 2020 for Graves disease, on levothyroxine, more tired this winter. TSH 8.2 (H).',
      'Assessment: Postsurgical hypothyroidism - raise levothyroxine to 100 mcg, TSH in 6 weeks.',
    ].join('\n');
    expect(lines(['Hypothyroidism'], notes, 55)).toEqual(['E89.0']);
  });

  it('an assessment that adds only the plan leaves the line as coded', () => {
    const notes = 'Assessment: Hypothyroidism - continue levothyroxine 75 mcg, TSH in 6 months.';
    expect(lines(['Hypothyroidism'], notes, 55)).toEqual(['E03.9']);
  });
});

describe('a deficit after a past stroke is its sequela (I69.3-, I.C.9.d), not a current infarction', () => {
  it('"due to", "from" and "post-stroke" name the stroke as past', () => {
    const notes = 'Left-handed retired teacher, stroke in 2023, walks with a cane.';
    expect(lines(['Right hemiparesis due to old stroke'], notes, 74, 'M')).toEqual(['I69.353']);
    expect(lines(['Expressive aphasia from her 2023 stroke'], notes, 74)).toEqual(['I69.320']);
    expect(lines(['Post-stroke dysphagia'], notes, 74)).toEqual(['I69.391']);
  });

  it('a history of stroke "with residual" deficits is the deficit, not the history without residual deficits (Z86.73)', () => {
    const got = lines(['History of CVA with residual right hemiparesis'], 'Left-handed.', 70, 'M');
    expect(got).toEqual(['I69.353']);
  });

  it('an acute stroke stays a current infarction', () => {
    expect(lines(['Acute ischemic stroke, left MCA territory'], '', 70, 'M')[0]).toMatch(/^I63\./);
  });
});

describe('the organism written after the pregnancy qualifiers is the second code of the statement', () => {
  it('"Acute cystitis in pregnancy, 2nd trimester, E. coli": O23.12 with B96.20', () => {
    const got = lines(['Acute cystitis in pregnancy, 2nd trimester, E. coli'], 'IUP at 21w0d, doing well otherwise.');
    expect([...got].sort()).toEqual(['B96.20', 'O23.12', 'Z3A.21']);
  });

  it('"E. coli cystitis in pregnancy": the cystitis is moved to chapter 15 though coded second', () => {
    const got = lines(['E. coli cystitis in pregnancy'], 'IUP at 21w0d, doing well otherwise.');
    expect([...got].sort()).toEqual(['B96.20', 'O23.12', 'Z3A.21']);
  });
});
