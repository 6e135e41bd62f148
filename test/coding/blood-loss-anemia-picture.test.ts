// Anemia documented without its type beside the picture of acute blood loss (coding/clinical-picture.ts):
// an acute bleed and at least two of a fallen hemoglobin, a transfusion, a racing pulse or low
// pressure is asked; D64.9 stands until answered. Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 74, sex: 'M' });
const TYPE = /type of the anemia/;

describe('anemia beside an acute bleed with signs of acute loss', () => {
  const notes =
    'Melena x2 days, dizzy when standing. HR 112, BP 98/60.\nHgb 8.2, down from 12.9 in March.\nA/P: Upper GI bleed, PPI drip, EGD in AM. Anemia - transfuse 1 unit PRBC.';
  const dx = [{ description: 'Upper GI bleed' }, { description: 'Anemia' }];

  it('is asked, D64.9 standing until answered', () => {
    const r = code(notes, dx);
    expect(r.clarification?.question).toMatch(TYPE);
    expect(r.clarification?.options[0]).toBe('Acute blood loss anemia');
    expect(diagnosisCodes(r)).toContain('D64.9');
  });

  it('a low pressure and a hemoglobin fallen from its earlier value are two signs', () => {
    const r = code('Hematemesis x3 tonight. BP 84/50.\nHgb dropped from 11.8 to 8.6.\nA/P: Upper GI bleed, EGD. Anemia, monitor.', [
      { description: 'Upper GI bleed' },
      { description: 'Anemia' },
    ]);
    expect(r.clarification?.question).toMatch(TYPE);
  });

  it('the answer acute blood loss anemia codes D62 in place of D64.9', () => {
    const question = code(notes, dx).clarification!.question;
    const codes = diagnosisCodes(code(notes, dx, [{ question, freeText: 'Acute blood loss anemia' }]));
    expect(codes).toContain('D62');
    expect(codes).not.toContain('D64.9');
  });
});

describe('no picture of acute loss', () => {
  it('asks nothing without a bleed, with one sign only, with the bleed denied or the type named', () => {
    for (const [notes, dx] of [
      ['CKD 4. Hgb 9.1, down from 11.5 last year. HR 104.\nA/P: Anemia, check iron studies.', ['Anemia']],
      [
        'Hematochezia this AM, small volume. Hgb 12.1 (12.4 last month). HR 78.\nA/P: Rectal bleeding, likely hemorrhoidal. Anemia mild.',
        ['Rectal bleeding', 'Anemia'],
      ],
      ['No melena, no hematochezia. Hgb 8.0, down from 11.2. Transfuse 1 unit.\nA/P: Anemia, workup.', ['Anemia']],
      ['GI bleed. Hgb 7.4 from 11.9, HR 118, 2 u PRBC.\nA/P: Acute blood loss anemia due to GI bleed.', ['GI bleed', 'Anemia']],
    ] as const) {
      const r = code(
        notes,
        dx.map((description) => ({ description })),
      );
      expect(r.clarification?.question ?? '').not.toMatch(TYPE);
    }
  });
});
