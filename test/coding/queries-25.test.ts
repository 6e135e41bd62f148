// Session twenty-five: queries a coder sends that the record's course raises (coding/atrial-fibrillation-course.ts).
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 81, sex: 'M' });

describe('atrial fibrillation coded paroxysmal beside a course that does not stop', () => {
  const notes =
    'ECG today: atrial fibrillation, rate 78, unchanged from the last two ECGs, which also showed AF.\nA/P: AFib - has been in AF on every ECG for two years, rate control strategy, no plans for cardioversion. Continue apixaban.';
  const lines = [{ description: 'Paroxysmal AF', code: 'I48.0' }];

  it('asks the physician the type, with the written code on the claim meanwhile', () => {
    const r = code(notes, lines);
    expect(diagnosisCodes(r)).toContain('I48.0');
    expect(r.clarification?.question).toMatch(/type of atrial fibrillation/i);
    expect(r.clarification?.clinicalIndicators.join(' ')).toMatch(/every ECG/);
  });

  it("codes the answer's type", () => {
    const first = code(notes, lines);
    const r = code(notes, lines, [{ question: first.clarification!.question, freeText: 'Permanent atrial fibrillation.' }]);
    expect(diagnosisCodes(r)).toContain('I48.21');
    expect(diagnosisCodes(r)).not.toContain('I48.0');
  });

  it('asks nothing of a paroxysmal AF whose record tells of episodes that stop', () => {
    const r = code(
      'Two episodes of palpitations last month, each ended on its own within hours. ECG today: sinus rhythm.\nA/P: paroxysmal AF, continue apixaban.',
      lines,
    );
    expect(r.clarification?.question ?? '').not.toMatch(/type of atrial fibrillation/i);
  });
});

describe("a relative's kidney failure", () => {
  it("gives no stage or dialysis to the patient's CKD, whose stage is asked", () => {
    const r = code(
      'Worried about her kidneys because her sister is on dialysis.\nFHx: sister ESRD, father HTN.\nA/P: CKD - eGFR 38-41 stable over a year. Continue ACEi.',
      [{ description: 'CKD', code: 'N18.9' }],
    );
    expect(diagnosisCodes(r)).not.toContain('N18.6');
    expect(diagnosisCodes(r)).not.toContain('Z99.2');
    expect(r.clarification?.question).toMatch(/stage of the chronic kidney disease/i);
  });
});

describe('a symptom beside hypertension', () => {
  it('is coded: hypertension explains no symptom by its body system alone', () => {
    const r = code(
      'F/u HTN on lisinopril, at goal. New heart fluttering episodes for 3 weeks, more with coffee. ECG: NSR, no ectopy.\nA/P:\n1. Essential HTN - at goal, continue lisinopril.\n2. Palpitations - check TSH, cut caffeine, patch monitor.',
      [{ description: 'HTN', code: 'I10' }, { description: 'Palpitations' }],
    );
    expect(diagnosisCodes(r)).toEqual(expect.arrayContaining(['I10', 'R00.2']));
  });
});

describe('a conclusion with its plan written after a dash', () => {
  it('is read up to the dash: "moderate, in early remission" against a written abuse code goes to a coder', () => {
    const r = code('A/P:\n1. Alcohol use disorder, moderate, in early remission - 5 mo abstinent, cont naltrexone 50 mg, AA.', [
      { description: 'Alcohol abuse', code: 'F10.10' },
    ]);
    expect(r.straightThrough.reasons).toContain('statement-reads-otherwise');
  });
});

describe("a diagnosis the record's own test result contradicts", () => {
  const young = recordCoder(codeSets, { ageYears: 29, sex: 'F' });
  const notes =
    'Dysuria x2d, frequency. No fever.\nUA dip (POC): LE neg, nitrite neg, blood neg. Urine cx sent.\nA/P: UTI - nitrofurantoin x5d.';

  it('is asked, quoting the result, with the documented code meanwhile', () => {
    const r = young(notes, [{ description: 'UTI', code: 'N39.0' }]);
    expect(diagnosisCodes(r)).toEqual(['N39.0']);
    expect(r.clarification?.question).toMatch(/LE neg, nitrite neg/);
  });

  it('an answer naming the symptoms treated codes them instead', () => {
    const first = young(notes, [{ description: 'UTI', code: 'N39.0' }]);
    const r = young(
      notes,
      [{ description: 'UTI', code: 'N39.0' }],
      [
        {
          question: first.clarification!.question,
          freeText: 'UTI not confirmed; treated empirically. Please code as dysuria and urinary frequency.',
        },
      ],
    );
    expect(diagnosisCodes(r).sort()).toEqual(['R30.0', 'R35.0']);
  });

  it('a positive result is no contradiction', () => {
    const r = young(notes.replace('LE neg, nitrite neg', 'LE +, nitrite +'), [{ description: 'UTI', code: 'N39.0' }]);
    expect(r.clarification).toBeUndefined();
  });

  it('a clear chest X-ray beside pneumonia is asked too', () => {
    const r = code('Cough and fever 4 days. CXR (my read): no focal infiltrate, clear.\nA/P: pneumonia RLL - amoxicillin.', [
      { description: 'Pneumonia' },
    ]);
    expect(r.clarification?.question).toMatch(/no focal infiltrate/);
  });
});
