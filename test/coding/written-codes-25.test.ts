// Session twenty-five: written codes the rest of the record contradicts or leaves a question on
// (coding/statement-reading.ts, coding/written-code-support.ts, coding/written-encounter.ts,
// coding/wound-repair.ts), an examination coded with findings it does not name, and an influenza
// type a test found (coding/review-signals.ts, coding/fragile-choices.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 58, sex: 'M' });

describe("a conclusion of the record that reads as another code of a written code's category", () => {
  const notes =
    'Sober five months, attends meetings, on naltrexone.\nA/P:\n1. Alcohol use disorder, moderate, in early remission - continue naltrexone.';

  it('keeps the written code and sends the encounter to a coder', () => {
    const r = code(notes, [{ description: 'Alcohol abuse', code: 'F10.10' }]);
    expect(diagnosisCodes(r)).toEqual(['F10.10']);
    expect(r.straightThrough.reasons).toContain('statement-reads-otherwise');
  });

  it('a written code the conclusion reads as is no reason', () => {
    const r = code(notes, [{ description: 'Alcohol dependence in remission', code: 'F10.21' }]);
    expect(r.straightThrough.reasons).not.toContain('statement-reads-otherwise');
  });
});

describe('a written code that leaves out a detail its family is coded by', () => {
  it('asks the physician for the heart failure type, with the written code on the claim meanwhile', () => {
    const notes = 'Weight stable, no orthopnea. Lungs clear.\nA/P: CHF - euvolemic, continue furosemide.';
    const r = code(notes, [{ description: 'CHF', code: 'I50.9' }]);
    expect(diagnosisCodes(r)).toContain('I50.9');
    expect(r.clarification?.question).toMatch(/type of heart failure/i);
    const answered = code(
      notes,
      [{ description: 'CHF', code: 'I50.9' }],
      [{ question: r.clarification!.question, freeText: 'Chronic diastolic heart failure' }],
    );
    expect(diagnosisCodes(answered)).toContain('I50.32');
  });

  it('asks nothing when the record states the detail elsewhere', () => {
    const notes = 'Echo 2025: LVEF 30%, HFrEF. A/P: chronic systolic CHF, stable, continue GDMT.';
    const r = code(notes, [{ description: 'CHF', code: 'I50.9' }]);
    expect(r.clarification?.question ?? '').not.toMatch(/type of heart failure/i);
  });

  it('asks nothing when the written code states it', () => {
    const notes = 'A/P: CHF, euvolemic, continue furosemide.';
    const r = code(notes, [{ description: 'CHF', code: 'I50.32' }]);
    expect(r.clarification?.question ?? '').not.toMatch(/type of heart failure/i);
  });
});

describe("a written injury code whose line only copies the code's encounter words", () => {
  it('takes the encounter the notes state (a recheck while healing: subsequent), reported as changed', () => {
    const notes =
      'F/u R ankle sprain. Seen here on the day of injury 10 days ago, brace given. Today here to recheck, walking without crutches.\nA: sprain of R anterior talofibular ligament, healing.';
    const r = code(notes, [{ description: 'Sprain other ligament R ankle, initial encounter', code: 'S93.491A' }]);
    expect(diagnosisCodes(r)).toEqual(['S93.491D']);
    expect(r.straightThrough.reasons).toContain('documented-code-changed');
  });
});

describe('a written repair code whose class the record contradicts', () => {
  it('is corrected to the intermediate repair the notes describe, the written code offered, and goes to a coder', () => {
    const notes = '4.5 cm scalp laceration, galea involved. Galea closed with 3-0 Vicryl (layered closure), skin with staples.';
    const r = codeEncounter(
      codingInput(
        {
          notes,
          diagnoses: [{ description: 'Scalp laceration', code: 'S01.01XA' }],
          procedures: [{ description: 'Repair scalp laceration 4.5 cm', code: '12002' }],
        },
        { ageYears: 52, sex: 'M' },
      ),
      codeSets(),
    );
    expect(r.procedures.map((p) => p.code)).toEqual(['12032']);
    expect(r.procedures[0]?.alternatives[0]?.code).toBe('12002');
    expect(r.straightThrough.reasons).toContain('documented-code-changed');
  });
});

describe('an examination coded with abnormal findings', () => {
  const child = recordCoder(codeSets, { ageYears: 4, sex: 'F' });

  it('and no finding on the claim goes to a coder', () => {
    const r = child('Well child 4 yr. Growth and development normal. Exam normal, no concerns.', [
      { description: 'Well child with abnormal findings', code: 'Z00.121' },
    ]);
    expect(r.straightThrough.reasons).toContain('abnormal-findings-uncoded');
  });

  it('with the finding coded beside it is no reason', () => {
    const r = child('Well child 4 yr. Exam: bilateral cerumen impaction.', [
      { description: 'Well child with abnormal findings', code: 'Z00.121' },
      { description: 'Cerumen impaction, bilateral', code: 'H61.23' },
    ]);
    expect(r.straightThrough.reasons).not.toContain('abnormal-findings-uncoded');
  });
});

describe('an influenza type a test found', () => {
  it('is an organism the claim must name: an unidentified-virus code becomes the identified one and goes to a coder', () => {
    const r = code('Fever and myalgias for a day. Rapid flu: A positive, B neg.\nDx: Influenza A, oseltamivir.', [
      { description: 'Influenza', code: 'J11.1' },
    ]);
    expect(r.diagnoses.map((d) => d.code)).toEqual(['J10.1']);
    expect(r.straightThrough.reasons).toContain('documented-code-changed');
  });

  it('a negative test names none', () => {
    const r = code('Fever and myalgias for a day. Rapid flu A and B negative.\nDx: viral syndrome.', [
      { description: 'Viral infection', code: 'B34.9' },
    ]);
    expect(r.straightThrough.reasons).not.toContain('organism-uncoded');
  });
});

describe('a written code whose detail another statement of the record gives', () => {
  it('is not asked about: "Hx: chronic systolic HF (HFrEF)" beside a written I50.9', () => {
    const r = code('Hx: chronic systolic HF (HFrEF) from ischemic CM, EF 30%.\nA/P: CHF - stable, continue GDMT.', [
      { description: 'CHF', code: 'I50.9' },
    ]);
    expect(r.clarification?.question ?? '').not.toMatch(/type of heart failure/i);
  });

  it('an echo result is no statement of the type: the physician is asked', () => {
    const r = code(
      'Echo 2 months ago: LVEF 60%, preserved EF, grade II diastolic dysfunction.\nA/P: CHF - compensated, continue furosemide.',
      [{ description: 'CHF', code: 'I50.9' }],
    );
    expect(r.clarification?.question).toMatch(/type of heart failure/i);
  });
});
