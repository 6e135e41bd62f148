// A procedure done today on the other side of a diagnosis's site ("left knee injected" beside
// "osteoarthritis, right knee") is a statement about the condition: the physician is asked, even
// where findings on the diagnosis's side or a tumour would otherwise leave the other side unasked.
// While the condition's own statements give its side one way only, the procedure's side is asked and
// the condition keeps its side (as procedure-side-conflict.ts does); a condition whose own side is
// stated two ways is asked its side and coded unspecified meanwhile. A procedure on the diagnosis's own side, one planned or done in the past, one treating
// another condition, and a condition the classification codes without a side ask nothing.
// Records written for this test.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { saysProcedureDone } from '../../coding/procedure-done.ts';
import { codingInput, described, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

function written(description: string, code: string, notes: string) {
  return codeEncounter(codingInput({ notes, diagnoses: [{ description, code }] }, { ageYears: 63, sex: 'M' }), codeSets());
}

function run(diagnoses: string[], notes: string, procedures: string[] = [], answers: Array<{ question: string; option: string }> = []) {
  return codeEncounter(
    codingInput(
      { notes, diagnoses: described(diagnoses), procedures: procedures.map((description) => ({ description })) },
      { ageYears: 63, sex: 'M' },
      { answers },
    ),
    codeSets(),
  );
}
const sideAsked = (r: ReturnType<typeof run>) => /clarify the side/.test(r.clarification?.question ?? '');
const procedureSideAsked = (r: ReturnType<typeof run>) => /side of the procedure/.test(r.clarification?.question ?? '');

describe('a procedure statement of the record', () => {
  it('reports a procedure done today, not one planned, declined or past', () => {
    expect(saysProcedureDone({ text: 'Left knee prepped, aspirated 15 mL, injected', section: 'notes' })).toBe(true);
    expect(saysProcedureDone({ text: 'Site marked: right', section: 'notes' })).toBe(true);
    expect(saysProcedureDone({ text: 'Arthrocentesis, left knee', section: 'procedures' })).toBe(true);
    expect(saysProcedureDone({ text: 'Will consider left knee injection next visit', section: 'notes' })).toBe(false);
    expect(saysProcedureDone({ text: 'Left knee injected 2019 with relief', section: 'notes' })).toBe(false);
    expect(saysProcedureDone({ text: 'Left knee injected', section: 'notes', part: 'past-history' })).toBe(false);
    expect(saysProcedureDone({ text: 'Marked swelling of the left ankle', section: 'notes' })).toBe(false);
  });
});

describe('a procedure done on the other side is asked', () => {
  it("an injection of the other joint beside findings on the diagnosis side: the procedure's side asked, the condition's side kept", () => {
    const notes =
      'Exam: right knee crepitus, medial joint line tenderness. Procedure: left knee prepped with betadine and injected, 40 mg kenalog.';
    const first = run(['Primary osteoarthritis, right knee'], notes);
    expect(procedureSideAsked(first)).toBe(true);
    expect(diagnosisCodes(first)).toContain('M17.11');
    const answered = run(
      ['Primary osteoarthritis, right knee'],
      notes,
      [],
      [{ question: first.clarification?.question as string, option: 'Right' }],
    );
    expect(diagnosisCodes(answered)).toContain('M17.11');
    expect(answered.clarification).toBeUndefined();
  });

  it("the condition's own side stated two ways (exam and assessment disagree) beside the procedure: its side asked, unspecified meanwhile", () => {
    const r = run(
      ['Primary osteoarthritis, right knee'],
      'Exam: left knee crepitus, medial joint line tenderness. Procedure: left knee prepped with betadine and injected, 40 mg kenalog.',
    );
    expect(/side affected/.test(r.clarification?.question ?? '')).toBe(true);
    expect(diagnosisCodes(r)).toContain('M17.10');
  });

  it('an excision on the other side of a skin cancer, beside a description of a lesion on its own side', () => {
    const r = run(
      ['Basal cell carcinoma of skin of left upper arm'],
      'Left upper arm 7 mm papule. Lesion excised from right upper arm, 3 mm margins, closed with sutures.',
    );
    expect(sideAsked(r)).toBe(true);
  });

  it("a laceration repaired on the other side (a repair written without a date is today's in a procedure statement)", () => {
    const r = run(
      ['Laceration of left forearm'],
      'Left forearm bleeding controlled with pressure. Right forearm laceration 4 cm repaired with 6 sutures.',
    );
    expect(sideAsked(r)).toBe(true);
  });

  it("a diabetic foot ulcer: its diabetes code sends the ulcer's site to a sided code (L97.5-), so the side is asked", () => {
    const r = run(['Type 2 diabetes mellitus with left foot ulcer'], 'Right foot plantar ulcer debrided to bleeding subcutaneous tissue.');
    expect(sideAsked(r)).toBe(true);
  });

  it('a procedure line of the other side with nothing else about the site', () => {
    const r = run(['Trigger finger, left middle finger'], 'Catching of the finger for 3 months.', [
      'Injection, tendon sheath, right middle finger',
    ]);
    expect(procedureSideAsked(r)).toBe(true);
    expect(diagnosisCodes(r)).toContain('M65.332');
  });
});

describe('no side asked', () => {
  it('the procedure on the diagnosis side', () => {
    const r = run(['Primary osteoarthritis, left knee'], 'Left knee effusion. Left knee aspirated 20 mL and injected.');
    expect(sideAsked(r)).toBe(false);
    expect(diagnosisCodes(r)).toContain('M17.12');
  });

  it('a procedure of the other side that is planned, past, or in the history', () => {
    expect(sideAsked(run(['Primary osteoarthritis, left knee'], 'Left knee crepitus. Right knee injected 2021 with relief.'))).toBe(false);
    expect(
      sideAsked(run(['Primary osteoarthritis, left knee'], 'Left knee crepitus. Plan: consider right knee injection if no better.')),
    ).toBe(false);
    expect(sideAsked(run(['Primary osteoarthritis, left knee'], 'PMH: right knee injected. Left knee crepitus.'))).toBe(false);
  });

  it("another diagnosis line states the other side: the procedure is that line's", () => {
    const r = run(['Primary osteoarthritis, left knee', 'Primary osteoarthritis, right knee'], 'Right knee injected with triamcinolone.');
    expect(sideAsked(r)).toBe(false);
    expect(diagnosisCodes(r)).toEqual(expect.arrayContaining(['M17.11', 'M17.12']));
  });

  it('the procedure treats another condition named at the site', () => {
    const r = run(
      ['Malignant neoplasm of skin of left upper arm'],
      'Left upper arm lesion, biopsy proven. Right upper arm seborrheic keratosis destroyed with cryotherapy.',
    );
    expect(sideAsked(r)).toBe(false);
  });

  it('a condition the classification codes without a side: no side to ask, even with a procedure on the other side', () => {
    const cyst = run(['Epidermal cyst of left forearm'], 'Right forearm cyst excised with an elliptical incision.');
    expect(sideAsked(cyst)).toBe(false);
    expect(diagnosisCodes(cyst)).toContain('L72.0');
    expect(sideAsked(run(['Seborrheic keratosis of right temple'], 'Left temple lesion destroyed with liquid nitrogen.'))).toBe(false);
  });

  it('a written code coded without a side: no side asked, the code kept', () => {
    const r = written('Epidermal cyst of left forearm', 'L72.0', 'Right forearm cyst excised with an elliptical incision.');
    expect(sideAsked(r)).toBe(false);
    expect(diagnosisCodes(r)).toEqual(['L72.0']);
  });
});

describe('a written code of a sided family', () => {
  it('is asked the side when the procedure was done on the other side', () => {
    const r = written(
      'Primary osteoarthritis, right knee',
      'M17.11',
      'Right knee crepitus. Left knee aspirated and injected with 40 mg triamcinolone.',
    );
    expect(sideAsked(r)).toBe(true);
  });
});
