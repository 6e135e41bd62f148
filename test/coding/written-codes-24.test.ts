// Session twenty-four: the checks a coder makes of a code the physician wrote, and statements an
// Excludes1 note sends elsewhere (coding/written-code-support.ts, coding/excluded-statement.ts), and
// values stated more precisely elsewhere (coding/specificity.ts, coding/stated-axis.ts). Records are
// our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 52, sex: 'M' });

describe('a statement an Excludes1 note of its best match names', () => {
  it('is coded at the code the note cites ("low back strain": S39.012-, not low back pain)', () => {
    const r = code('Lifted a box yesterday, felt a pull in his low back. A: low back strain.', [{ description: 'Low back strain' }]);
    expect(diagnosisCodes(r)).toEqual(['S39.012A']);
  });

  it('a statement saying more than the note is not ("seizure disorder" is not the note\'s "seizure")', () => {
    const r = code('Known seizure disorder on levetiracetam, no seizures in a year.', [{ description: 'Seizure disorder' }]);
    expect(diagnosisCodes(r)[0]).toMatch(/^G40/);
  });
});

describe('a written code whose line reads as another category', () => {
  it("is kept, with the line's reading offered, and goes to a coder", () => {
    for (const [line, written, reading] of [
      ['Prediabetes', 'E11.9', 'R73.03'],
      ['Low back strain', 'M54.50', 'S39.012A'],
    ] as const) {
      const r = code('Follow-up visit.', [{ description: line, code: written }]);
      expect(diagnosisCodes(r)).toEqual([written]);
      expect(r.diagnoses[0]?.alternatives[0]?.code).toBe(reading);
      expect(r.straightThrough.reasons).toContain('written-code-elsewhere');
    }
  });

  it('a written code its line reads as is no reason', () => {
    const r = code('Follow-up visit, BP at goal.', [{ description: 'Essential hypertension', code: 'I10' }]);
    expect(r.straightThrough.reasons).not.toContain('written-code-elsewhere');
  });
});

describe('a written code the record states two ways', () => {
  const notes =
    'HPI: type 1 diabetes since age 19 on an insulin pump with CGM, GAD antibody positive.\nA/P: Diabetes mellitus type 2, poorly controlled, A1c 9.1. Adjust basal rates.';

  it('keeps the written code and asks the physician which type', () => {
    const r = code(notes, [{ description: 'DM type 2 poorly controlled', code: 'E11.65' }]);
    expect(diagnosisCodes(r)).toContain('E11.65');
    expect(r.clarification?.question).toMatch(/type/i);
  });

  it('codes the line with the answer once the physician answers', () => {
    const first = code(notes, [{ description: 'DM type 2 poorly controlled', code: 'E11.65' }]);
    const r = code(
      notes,
      [{ description: 'DM type 2 poorly controlled', code: 'E11.65' }],
      [{ question: first.clarification!.question, freeText: 'Type 1' }],
    );
    expect(diagnosisCodes(r)[0]).toMatch(/^E10\.65/);
  });
});

describe('a written code whose side the record contradicts', () => {
  const notes =
    'HPI: right knee pain for 2 years.\nExam R knee: effusion, crepitus.\nProcedure: right knee intra-articular injection, triamcinolone 40 mg.\nAssessment: primary osteoarthritis, left knee.';

  it('keeps the written code and asks the physician which side', () => {
    const r = code(notes, [{ description: 'Primary OA left knee', code: 'M17.12' }]);
    expect(diagnosisCodes(r)).toEqual(['M17.12']);
    expect(r.clarification?.options.slice(0, 2)).toEqual(['Left', 'Right']);
  });

  it('codes the side the physician answers', () => {
    const first = code(notes, [{ description: 'Primary OA left knee', code: 'M17.12' }]);
    const answer = { question: first.clarification!.question, option: 'Right' };
    const r = code(notes, [{ description: 'Primary OA left knee', code: 'M17.12' }], [answer]);
    expect(diagnosisCodes(r)).toEqual(['M17.11']);
  });
});

describe('a written code without the exacerbation a steroid course today treats', () => {
  it('keeps the written code and asks the physician', () => {
    const r = code(
      'HPI: 6 days of more dyspnea and purulent sputum.\nA: COPD - stable.\nP: Prednisone 40 mg daily x 5 days, doxycycline.',
      [{ description: 'COPD', code: 'J44.9' }],
    );
    expect(diagnosisCodes(r)).toEqual(['J44.9']);
    expect(r.clarification?.question).toMatch(/exacerbation/);
  });
});

describe('a value stated more precisely elsewhere is no conflict', () => {
  it('"CKD 3" on the list, "CKD 3a" in the assessment: stage 3a, no question', () => {
    const r = code('A/P: CKD stage 3a, eGFR stable at 52. Continue losartan.', [{ description: 'CKD 3' }]);
    expect(diagnosisCodes(r)).toContain('N18.31');
    expect(r.clarification?.question ?? '').not.toMatch(/stage/i);
  });

  it("a relative's stage written inline in the history is not the patient's", () => {
    const r = code('PMH: TURP 2019. FHx: mother ESRD on HD.\nA/P: CKD stage 3a, stable. Continue losartan.', [
      { description: 'CKD stage 3a' },
    ]);
    expect(r.clarification?.question ?? '').not.toMatch(/stage/i);
  });
});

describe('the site of a diabetic foot ulcer from the wound exam', () => {
  it('"ulcer L plantar 1st MTP head" is the other part of the left foot (L97.52-) beside E11.621', () => {
    const r = code('T2DM. Ulcer L plantar 1st MTP head x 5 wk, 1.2 x 0.9 cm, granular base.\nA: diabetic foot ulcer L', [
      { description: 'diabetic foot ulcer' },
    ]);
    expect(diagnosisCodes(r)).toContain('E11.621');
    expect(diagnosisCodes(r).some((c) => c.startsWith('L97.52'))).toBe(true);
  });

  it('"heel" is the heel and midfoot (L97.4-)', () => {
    const r = code('T2DM. Ulcer R heel, 1 cm, fat layer exposed.\nA: diabetic foot ulcer R heel', [{ description: 'diabetic foot ulcer' }]);
    expect(diagnosisCodes(r).some((c) => c.startsWith('L97.41'))).toBe(true);
  });
});

describe('a substance use disorder without its severity', () => {
  it('asks the physician mild, moderate or severe, and is not billed straight through', () => {
    const r = code('A: Alcohol use disorder, in sustained remission - continue naltrexone.', [{ description: 'AUD in remission' }]);
    expect(r.clarification?.question).toMatch(/severity of the substance use disorder/);
    expect(r.clarification?.options.slice(0, 3)).toEqual(['Mild', 'Moderate', 'Severe']);
    expect(r.straightThrough.eligible).toBe(false);
  });

  it('with its severity, codes abuse or dependence as the tabular does, with no question', () => {
    const r = code('A: Alcohol use disorder, moderate, in early remission.', [
      { description: 'Alcohol use disorder, moderate, in early remission' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['F10.21']);
    expect(r.clarification).toBeUndefined();
  });
});
