// A bilateral code beside a statement of one side of its site as normal is asked
// (coding/bilateral-side-normal.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const child = recordCoder(codeSets, { ageYears: 6, sex: 'M' });
const adult = recordCoder(codeSets, { ageYears: 67, sex: 'F' });
const SIDES = /side or sides/;

describe('bilateral in the assessment, one side normal on examination', () => {
  const notes =
    'Ear pain x2 days, febrile.\nExam: Rt TM red and bulging with purulent effusion. Lt TM pearly grey, translucent, good light reflex.\nA: acute serous otitis media, bilateral.';
  const dx = [{ description: 'Acute serous otitis media, bilateral', code: 'H65.03' }];

  it('is asked, the unspecified ear held meanwhile', () => {
    const r = child(notes, dx);
    expect(r.clarification?.question).toMatch(SIDES);
    expect(diagnosisCodes(r)).toEqual(['H65.00']);
  });

  it("codes the side the physician's answer names", () => {
    const question = child(notes, dx).clarification!.question;
    expect(diagnosisCodes(child(notes, dx, [{ question, freeText: 'Right ear only, bilateral was a template default.' }]))).toEqual([
      'H65.01',
    ]);
    expect(diagnosisCodes(child(notes, dx, [{ question, freeText: 'Both ears are affected.' }]))).toEqual(['H65.03']);
  });

  it('a knee osteoarthritis coded bilateral beside a normal other knee is asked too', () => {
    const r = adult(
      'Knee pain for years, worse on stairs.\nExam: R knee crepitus, medial joint line tenderness. L knee normal, full ROM.\nA: primary OA both knees.',
      [{ description: 'Bilateral primary osteoarthritis of knee', code: 'M17.0' }],
    );
    expect(r.clarification?.question).toMatch(SIDES);
    expect(diagnosisCodes(r)).toEqual(['M17.10']);
  });
});

describe('both sides only by the reading, never stated', () => {
  it('codes the side not described as normal, without a query', () => {
    const r = child('Ill visit\nExam: L TM bulging, red. R TM nl.\nA/P: L acute otitis media - amoxicillin.', [
      { description: 'Otitis media', code: 'H66.90' },
    ]);
    expect(r.clarification?.question ?? '').not.toMatch(SIDES);
    expect(diagnosisCodes(r)).toEqual(['H66.92']);
  });
});

describe('no conflict of sides', () => {
  it('both sides described abnormal: the bilateral code stands, nothing asked', () => {
    const r = child('Exam: R TM dull with effusion. L TM dull, air-fluid level.\nA: serous otitis media bilateral.', [
      { description: 'Acute serous otitis media, bilateral', code: 'H65.03' },
    ]);
    expect(r.clarification?.question ?? '').not.toMatch(SIDES);
    expect(diagnosisCodes(r)).toEqual(['H65.03']);
  });

  it('a side found normal only after a procedure on it is no conflict', () => {
    const r = adult(
      'Otoscopy: both canals occluded by hard cerumen, TMs not seen.\nCurette removal both ears. Post-removal: R canal clear, TM intact, nl. L canal clear.\nA: impacted cerumen bilat.',
      [{ description: 'Impacted cerumen, bilateral', code: 'H61.23' }],
    );
    expect(r.clarification?.question ?? '').not.toMatch(SIDES);
    expect(diagnosisCodes(r)).toEqual(['H61.23']);
  });
});
