// Conditions in pregnancy coded by their type or site (coding/pregnancy-uti-site.ts,
// coding/pregnancy-hypertension-type.ts, coding/pregnancy-hypertension.ts,
// coding/pregnancy-diabetes-type.ts): a urinary infection by the site the record names, a
// hypertension by the type it states, and a diabetes or hypertension stated as two types asked.
// Records written for this test from the mechanisms, not copied from a set.
import { describe, expect, it } from 'vitest';
import type { CodingResult } from '../../domain/coding.ts';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, described, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = (diagnoses: string[], notes: string, answers: Array<{ question: string; freeText?: string }> = []): CodingResult =>
  codeEncounter(codingInput({ notes, diagnoses: described(diagnoses) }, { ageYears: 29, sex: 'F' }, { answers }), codeSets());

describe('a urinary infection in pregnancy by its site', () => {
  it('a "UTI" line beside an assessment naming the bladder, the kidney or the urethra is coded to that site, trimester kept', () => {
    const bladder = coded(
      ['UTI'],
      'G2P1 at 19w3d. Burning on urination for two days. A: acute cystitis in pregnancy. P: cephalexin 500 mg bid.',
    );
    expect(diagnosisCodes(bladder)).toContain('O23.12');
    expect(diagnosisCodes(bladder)).not.toContain('O23.42');
    const kidney = coded(
      ['UTI in pregnancy'],
      'G1P0 at 31w0d. Fever 38.9, right CVA tenderness. A: acute pyelonephritis. Admit for IV ceftriaxone.',
    );
    expect(diagnosisCodes(kidney)).toContain('O23.03');
    const urethra = coded(
      ['Urinary infection'],
      'G3P2 at 9w1d, pregnant. Dysuria, no frequency. A: urethritis in pregnancy. P: azithromycin.',
    );
    expect(diagnosisCodes(urethra)).toContain('O23.21');
  });

  it('not a site denied or of the past: the infection stays of unspecified site', () => {
    const denied = coded(['UTI in pregnancy'], 'G1P0 at 26w2d. Dysuria. A: UTI, no signs of pyelonephritis. P: nitrofurantoin.');
    expect(diagnosisCodes(denied)).toContain('O23.42');
    const past = coded(
      ['UTI'],
      'G2P1 at 16w0d. Frequency and urgency. History of pyelonephritis in 2020. A: urinary tract infection. P: cephalexin.',
    );
    expect(diagnosisCodes(past)).toContain('O23.42');
  });

  it("the culture's organism is coded; an organism of a past pregnancy is not", () => {
    const grown = coded(['Cystitis in pregnancy'], 'G2P1 at 23w0d. Urine culture grew Klebsiella pneumoniae. A: cystitis. P: cefpodoxime.');
    expect(diagnosisCodes(grown)).toEqual(expect.arrayContaining(['O23.12', 'B96.1']));
    const history = coded(['Cystitis in pregnancy'], 'G3P2 at 23w0d. Hx GBS+ 2022 pregnancy. Urine culture pending. A: cystitis.');
    expect(diagnosisCodes(history)).toContain('O23.12');
    expect(diagnosisCodes(history)).not.toContain('B95.1');
  });
});

describe('hypertension in pregnancy by the type stated', () => {
  it('gestational (written out, "gHTN", "PIH", a new onset after 20 weeks) is O13; with pre-eclampsia O14; chronic O10', () => {
    expect(diagnosisCodes(coded(['gHTN', '33 wk'], 'G1P0 at 33w0d. BP 146/92 x2. UPC 0.1. A: gHTN without proteinuria.'))).toContain(
      'O13.3',
    );
    expect(diagnosisCodes(coded(['PIH, 3rd trimester'], 'G2P1 at 30w4d. BP 148/94. Urine protein negative.'))).toContain('O13.3');
    expect(
      diagnosisCodes(
        coded(['Hypertension, new onset at 29 weeks, no proteinuria'], 'G1P0 at 31w0d. BP 144/92. Normal pressures until 28 weeks.'),
      ),
    ).toContain('O13.3');
    expect(
      diagnosisCodes(
        coded(
          ['Gestational hypertension with preeclampsia'],
          'G1P0 at 35w0d. BP 152/98. UPC 0.6. A: preeclampsia without severe features.',
        ),
      ),
    ).toContain('O14.03');
    expect(
      diagnosisCodes(coded(['Chronic hypertension in pregnancy'], 'G3P2 at 21w0d. On labetalol since 2019. A: chronic HTN, stable.')),
    ).toContain('O10.012');
  });

  it('O16 and a question only when no type is stated; a stated type is not asked', () => {
    const untyped = coded(
      ['Hypertension in pregnancy'],
      'G2P1 at 32w0d. BP 146/94. No hypertension before this pregnancy. A: HTN in pregnancy.',
    );
    expect(diagnosisCodes(untyped)).toContain('O16.3');
    expect(untyped.clarification?.question).toMatch(/type of hypertension/);
    // Before the 20th week a hypertension of no stated type is the pre-existing kind, not asked.
    const early = coded(['Hypertension in pregnancy'], 'G2P1 at 12w0d. BP 144/94 on two visits. A: HTN in pregnancy, start labetalol.');
    expect(diagnosisCodes(early)).toContain('O10.011');
    expect(early.clarification?.question ?? '').not.toMatch(/type of hypertension/);
    const typed = coded(['Gestational hypertension', '32 weeks'], 'G2P1 at 32w0d. BP 146/94. A: gestational hypertension, no proteinuria.');
    expect(diagnosisCodes(typed)).toContain('O13.3');
    expect(typed.clarification).toBeUndefined();
  });
});

describe('a type stated two ways is asked', () => {
  it("gestational in the assessment, chronic diagnosed earlier in the history: asked, the assessment's code held", () => {
    const r = coded(
      ['Gestational hypertension', '27 weeks'],
      'HPI: G2P1 at 27w0d. Diagnosed with high blood pressure 4 yrs ago by her PCP, on amlodipine until pregnancy.\nPMH: chronic HTN.\nA: gestational hypertension, no proteinuria.\nP: labetalol.',
    );
    expect(r.clarification?.question).toMatch(/type of hypertension/);
    expect(diagnosisCodes(r)).toContain('O13.2');
  });

  it('the plan stating the other type: asked, unspecified maternal hypertension held', () => {
    const r = coded(
      ['Gestational hypertension', '29 weeks'],
      'G1P0 at 29w0d. BP 146/92.\nA: gestational hypertension.\nP: this is chronic hypertension that was present before the pregnancy; start nifedipine.',
    );
    expect(r.clarification?.question).toMatch(/type of hypertension/);
    expect(diagnosisCodes(r)).toContain('O16.3');
  });

  it("not asked when the other statement is a relative's or a denial", () => {
    const r = coded(
      ['Gestational hypertension', '34 weeks'],
      'G1P0 at 34w0d. Mother had chronic hypertension. No hypertension before this pregnancy. A: gestational hypertension.',
    );
    expect(r.clarification).toBeUndefined();
    expect(diagnosisCodes(r)).toContain('O13.3');
  });

  it('gestational diabetes in the assessment, type 2 diagnosed before the pregnancy in the history: asked, O24.91- held', () => {
    const notes =
      'HPI: G2P1 at 25w0d. Type 2 diabetes diagnosed 2021, on metformin before pregnancy, now on insulin.\nA: gestational diabetes, insulin controlled.\nP: increase NPH.';
    const r = coded(['GDM on insulin', '25 weeks'], notes);
    expect(r.clarification?.question).toMatch(/type of diabetes/);
    expect(diagnosisCodes(r)).toContain('O24.912');
    expect(diagnosisCodes(r)).not.toContain('O24.414');
    expect(diagnosisCodes(r)).not.toContain('Z79.84');
    const question = r.clarification?.question ?? '';
    const answered = coded(['GDM on insulin', '25 weeks'], notes, [
      { question, freeText: 'Pre-existing type 2 diabetes mellitus, diagnosed 2021, now insulin requiring. The GDM label was an error.' },
    ]);
    expect(diagnosisCodes(answered)).toEqual(expect.arrayContaining(['O24.112', 'E11.9']));
    expect(answered.clarification?.question ?? '').not.toMatch(/type of diabetes/);
  });

  it('a type 2 diabetes on the list beside a glucose tolerance test that first found it in this pregnancy: asked', () => {
    const r = coded(['DM2 on insulin', '27 weeks'], 'G1P0 at 27w0d. 1-hr GCT 168 at 25 wk, 3-hr GTT abnormal. NPH started.');
    expect(r.clarification?.question).toMatch(/type of diabetes/);
    expect(diagnosisCodes(r)).toContain('O24.912');
    expect(diagnosisCodes(r)).not.toContain('E11.9');
  });

  it('not asked for a history of gestational diabetes in a prior pregnancy beside a type 2 now, nor when both statements agree', () => {
    const history = coded(
      ['Type 2 diabetes in pregnancy', '22 weeks'],
      'G3P2 at 22w0d. History of GDM in prior pregnancy (2019); type 2 diabetes diagnosed 2021. On insulin.',
    );
    expect(history.clarification?.question ?? '').not.toMatch(/type of diabetes/);
    expect(diagnosisCodes(history).some((c) => c.startsWith('O24.11'))).toBe(true);
    const agree = coded(
      ['GDM A2', '30 weeks'],
      'G1P0 at 30w0d. Gestational diabetes diagnosed at 26 wk on 3-hr GTT, on NPH. A: gestational diabetes, insulin controlled.',
    );
    expect(agree.clarification?.question ?? '').not.toMatch(/type of diabetes/);
    expect(diagnosisCodes(agree).some((c) => c.startsWith('O24.41'))).toBe(true);
  });
});
