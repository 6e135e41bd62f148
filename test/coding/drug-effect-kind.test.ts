// Adverse effect or poisoning read from the note's lines about the drug (coding/drug-effect-kind.ts,
// drug-effects.ts; guideline I.C.19.e.5). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { kindInNotes } from '../../coding/drug-effect-kind.ts';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = recordCoder(codeSets, { ageYears: 40, sex: 'F' });
const CEPHALEXIN = /\bcephalexin\b/i;

describe('kindInNotes', () => {
  it('reads each kind, and none when both are said', () => {
    expect(kindInNotes('Took cephalexin as prescribed for 3 days.', CEPHALEXIN).kind).toBe('adverse effect');
    expect(kindInNotes('Took 10 cephalexin at once - accidental overdose.', CEPHALEXIN).kind).toBe('poisoning');
    expect(kindInNotes('Cephalexin as prescribed. Later took an extra dose of cephalexin.', CEPHALEXIN).kind).toBeUndefined();
  });

  it('a denied overdose is none; an open one is open', () => {
    expect(kindInNotes('No overdose of cephalexin suspected.', CEPHALEXIN).kind).toBeUndefined();
    expect(kindInNotes('Hives from cephalexin - ?double dose vs usual dosing.', CEPHALEXIN).open).toBe(true);
  });

  it('does not read the history or medication list', () => {
    expect(kindInNotes('PMH: overdose on cephalexin 2015.\nA: urticaria.', CEPHALEXIN).kind).toBeUndefined();
  });
});

describe('the note decides against the line', () => {
  it('a line "poisoning" beside a drug taken as prescribed: adverse effect, after the condition', () => {
    const r = coded(
      'On cephalexin 500 mg QID as prescribed for cellulitis, day 4. Hives since last night.\nA: urticaria due to cephalexin.',
      [
        { description: 'Poisoning by cephalexin', code: 'T36.1X1A' },
        { description: 'Urticaria', code: 'L50.0' },
      ],
    );
    expect(diagnosisCodes(r)).toEqual(['L50.0', 'T36.1X5A']);
  });

  it('a line "adverse effect" beside an overdose: accidental poisoning, first', () => {
    const r = coded(
      'Took ibuprofen 800 mg every 2 hours for back pain, about 8 g in a day.\nA: ibuprofen overdose, accidental, with epigastric pain.',
      [
        { description: 'Adverse effect of ibuprofen', code: 'T39.315A' },
        { description: 'Epigastric pain', code: 'R10.13' },
      ],
    );
    expect(diagnosisCodes(r)).toEqual(['T39.311A', 'R10.13']);
  });

  it('the line stands when the note says the same or nothing', () => {
    const r = coded('Rash 5 days into cephalexin.\nA: drug rash due to cephalexin.', [
      { description: 'Adverse effect of cephalexin', code: 'T36.1X5A' },
      { description: 'Drug rash', code: 'L27.0' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['L27.0', 'T36.1X5A']);
    expect(r.clarification?.question ?? '').not.toMatch(/taken wrongly/);
  });

  it('an open note is asked, the line kind held; the answer codes it', () => {
    const notes = 'Found with empty pill box.\nA: hypoglycemia due to glipizide - ?extra dose vs poor intake on usual dosing.';
    const lines = [
      { description: 'Type 2 diabetes with hypoglycemia without coma', code: 'E11.649' },
      { description: 'Adverse effect of glipizide', code: 'T38.3X5A' },
    ];
    const r = coded(notes, lines);
    expect(r.clarification?.question).toMatch(/adverse effect\) or taken wrongly \(poisoning\)/);
    expect(diagnosisCodes(r)).toContain('T38.3X5A');
    const question = r.clarification!.question;
    const a = coded(notes, lines, [{ question, option: 'Accidental poisoning: taken wrongly (extra dose, overdose)' }]);
    expect(diagnosisCodes(a)).toContain('T38.3X1A');
    expect(diagnosisCodes(a)).not.toContain('T38.3X5A');
  });
});
