// A depressive or bipolar disorder's episode, severity, psychotic features or current episode stated
// two ways (coding/mood-episode-conflict.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';
import { severityStated } from '../../coding/mood-episode-conflict.ts';

const codeSets = useCodeSets();
const adult = recordCoder(codeSets, { ageYears: 41, sex: 'F' });
const lines = (...d: string[]) => d.map((description) => ({ description }));

function answered(notes: string, dx: ReturnType<typeof lines>, answer: { option?: string; freeText?: string }) {
  const question = adult(notes, dx).clarification!.question;
  return adult(notes, dx, [{ question, ...answer }]);
}

describe('severity stated two ways', () => {
  const notes = 'HPI: PHQ-9 24. Severe depression, no psychotic features.\nA/P: MDD, recurrent, moderate. Increase sertraline.';
  const dx = lines('MDD, recurrent, moderate');

  it('is asked, the severity left open meanwhile', () => {
    const r = adult(notes, dx);
    expect(r.clarification?.question).toMatch(/severity of the current depressive episode/);
    expect(diagnosisCodes(r)).toEqual(['F33.9']);
  });

  it("the answer's severity is coded", () => {
    expect(diagnosisCodes(answered(notes, dx, { freeText: 'Recurrent MDD, severe without psychotic features.' }))).toEqual(['F33.2']);
  });

  it('with and without psychotic features is asked too', () => {
    const r = adult(
      'HPI: hears voices calling her worthless; MDD severe with psychotic features.\nA/P: MDD, single episode, severe without psychotic features.',
      lines('MDD, single episode, severe without psychotic features'),
    );
    expect(r.clarification).toBeDefined();
    expect(diagnosisCodes(r)).toEqual(['F32.9']);
  });
});

describe('single episode against a described recurrence', () => {
  it('is asked, the written episode kept', () => {
    const r = adult(
      'HPI: This is her 3rd depressive episode (prior episodes 2015 and 2020, full remission between).\nA/P: MDD, single episode, moderate. Continue bupropion.',
      [{ description: 'MDD, single episode, moderate', code: 'F32.1' }],
    );
    expect(r.clarification?.question).toMatch(/single or recurrent/);
    expect(diagnosisCodes(r)).toEqual(['F32.1']);
  });
});

describe("a bipolar disorder's current episode stated two ways", () => {
  it('is asked, bipolar disorder unspecified meanwhile', () => {
    const notes =
      'Problem list: Bipolar I disorder, current episode manic.\nA/P: Bipolar I disorder, current episode depressed, moderate. Continue lithium.';
    const dx = lines('Bipolar I disorder, current episode depressed, moderate');
    const r = adult(notes, dx);
    expect(r.clarification?.question).toMatch(/current episode of the bipolar disorder/);
    expect(diagnosisCodes(r)).toEqual(['F31.9']);
    expect(diagnosisCodes(answered(notes, dx, { freeText: 'Current episode manic, severe, without psychotic features.' }))).toEqual([
      'F31.13',
    ]);
  });
});

describe('not a second statement', () => {
  it('asks nothing for a prior episode, a range, a score band, or statements that agree', () => {
    for (const [notes, dx] of [
      [
        'HPI: MDD recurrent; prior episode in 2021 was severe with hospitalization.\nA/P: MDD, recurrent, moderate.',
        'MDD, recurrent, moderate',
      ],
      ['HPI: moderate to severe depression by her account.\nA/P: MDD, recurrent, moderate.', 'MDD, recurrent, moderate'],
      ['HPI: PHQ-9 22 (severe).\nA/P: MDD, recurrent, moderate.', 'MDD, recurrent, moderate'],
      ['HPI: MDD recurrent, moderate.\nA/P: MDD, recurrent, moderate.', 'MDD, recurrent, moderate'],
      [
        'HPI: Bipolar I, last episode was manic in 2024.\nA/P: Bipolar I disorder, current episode depressed, moderate.',
        'Bipolar I disorder, current episode depressed, moderate',
      ],
    ] as const) {
      const r = adult(notes, lines(dx));
      expect(r.clarification?.question ?? '').not.toMatch(/episode|severity/);
    }
  });

  it('reads one severity of today, none from a range or a history', () => {
    expect(severityStated('presents with a severe depressive episode')).toBe('severe');
    expect(severityStated('MDD, recurrent, moderate')).toBe('moderate');
    expect(severityStated('moderate-to-severe depression')).toBeUndefined();
    expect(severityStated('prior episode was severe')).toBeUndefined();
  });
});
