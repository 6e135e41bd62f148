// An axis the tabular splits a family by (severity, stage, acuity) and the record leaves unstated is
// asked; answers re-code by the value they name. Examples written for this test (tuned on).
import { describe, expect, it } from 'vitest';
import type { ClarificationAnswer } from '../../domain/coding.ts';
import { answeredBy, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const run = answeredBy(codeSets, { ageYears: 58, sex: 'F' });
const codes = diagnosisCodes;

/** Codes the record, answers the question it raises with `answer`, and codes it again. */
function answered(diagnoses: string[], notes: string, answer: Omit<ClarificationAnswer, 'question'>, ageYears = 58) {
  const first = run(diagnoses, notes, [], ageYears);
  const question = first.clarification?.question;
  expect(question).toBeDefined();
  const again = run(diagnoses, notes, [{ question: question as string, ...answer }], ageYears);
  return { first, again };
}

describe('severity, stage or acuity the tabular codes by and the record leaves open', () => {
  it('a depressive episode with no severity is asked, single or recurrent; the answer names the severity', () => {
    const recurrent = answered(['Major depressive disorder, recurrent'], 'Low mood for six weeks, second episode.', {
      freeText: 'Moderate, no psychotic features',
    });
    expect(recurrent.first.clarification?.question).toMatch(/severity/);
    expect(codes(recurrent.first)).toContain('F33.9');
    expect(codes(recurrent.again)).toContain('F33.1');
    expect(recurrent.again.clarification).toBeUndefined();
    const single = answered(['Major depressive disorder, single episode'], 'Depressed mood for a month.', {
      option: 'Major depressive disorder, single episode, severe without psychotic features',
    });
    expect(codes(single.again)).toContain('F32.2');
  });

  it('dementia with no severity is asked; "unable to determine" keeps the unspecified code and asks nothing more', () => {
    const r = answered(['Dementia'], 'Progressive memory loss over two years.', { freeText: 'Unable to determine' }, 81);
    expect(r.first.clarification?.options).toContain('Unspecified dementia, moderate');
    expect(codes(r.again)).toContain('F03.90');
    expect(r.again.clarification).toBeUndefined();
  });

  it('a pressure ulcer with no stage is asked and the stage answered codes it', () => {
    const r = answered(['Pressure ulcer of sacral region'], 'Bedbound, dressing changed.', { freeText: 'Stage 2' }, 88);
    expect(r.first.clarification?.question).toMatch(/stage/);
    expect(codes(r.again)).toContain('L89.152');
  });

  it('pancreatitis and a deep vein thrombosis with no acuity are asked (the block codes both acute and chronic)', () => {
    const pancreatitis = answered(['Pancreatitis'], 'Epigastric pain radiating to the back, lipase 900.', {
      freeText: 'Chronic pancreatitis',
    });
    expect(pancreatitis.first.clarification?.question).toMatch(/acuity/);
    expect(codes(pancreatitis.again)).toContain('K86.1');
    const dvt = run(['Deep vein thrombosis of left popliteal vein'], 'Ultrasound shows thrombus in the left popliteal vein.');
    expect(dvt.clarification?.question).toMatch(/acuity/);
    expect(dvt.clarification?.options.slice(0, 2)).toEqual(['Acute', 'Chronic']);
  });

  it('nothing is asked when the record states the value, or for an axis of a type the record does not name', () => {
    expect(run(['Acute pancreatitis'], 'Lipase 900.').clarification).toBeUndefined();
    expect(run(['Major depressive disorder, recurrent, moderate']).clarification).toBeUndefined();
    expect(run(['Mild dementia'], '', [], 80).clarification).toBeUndefined();
    expect(run(['Stage 3 pressure ulcer of sacral region'], '', [], 80).clarification).toBeUndefined();
    // Otitis media is split by acuity only within its types (acute suppurative, chronic serous ...).
    expect(run(['Otitis media of left ear'], 'Bulging tympanic membrane.', [], 6).clarification).toBeUndefined();
  });

  it('signs, symptoms and encounter reasons are coded as documented (cough: acute, subacute, chronic)', () => {
    expect(run(['Cough'], 'Cough, lungs clear.').clarification).toBeUndefined();
  });
});
