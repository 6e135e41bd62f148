// Session twenty-four: a record that disagrees with its own diagnosis list goes to a person. A listed
// diagnosis the assessment states only as uncertain goes to a coder (coding/uncertain-in-assessment.ts);
// "acute" against a history of months is asked of the physician (coding/acuity-duration.ts). Records
// are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 47, sex: 'M' });

describe('a listed diagnosis the assessment states as uncertain', () => {
  it('a written code for a rule-out in the assessment goes to a coder', () => {
    const r = code(
      'HPI: racing heart, episodes of minutes.\nAssessment: Palpitations - r/o paroxysmal atrial fibrillation vs SVT. Holter ordered.',
      [{ description: 'Paroxysmal AF', code: 'I48.0' }],
    );
    expect(r.straightThrough.reasons).toContain('uncertain-diagnosis');
  });

  it('"presumed" is a word of uncertainty too', () => {
    const r = code('A/P: Dysuria and discharge - presumed gonococcal urethritis; treated empirically, NAAT sent.', [
      { description: 'Gonococcal urethritis', code: 'A54.01' },
    ]);
    expect(r.straightThrough.reasons).toContain('uncertain-diagnosis');
  });

  it('an assessment that affirms the condition and is unsure only of its cause is no reason', () => {
    const r = code('Assessment: Community acquired pneumonia, likely bacterial. Amoxicillin.', [
      { description: 'Community acquired pneumonia' },
    ]);
    expect(r.straightThrough.reasons).not.toContain('uncertain-diagnosis');
  });
});

describe('acute in the diagnosis, months in the history', () => {
  const notes =
    'S: facial pressure and purulent drainage, ongoing ~4 mo despite two antibiotic courses.\nA: acute maxillary sinusitis. Augmentin, ENT referral.';

  it('asks the physician, written code or not, and keeps the stated code meanwhile', () => {
    for (const line of [{ description: 'Acute maxillary sinusitis' }, { description: 'Acute maxillary sinusitis', code: 'J01.00' }]) {
      const r = code(notes, [line]);
      expect(diagnosisCodes(r)).toEqual(['J01.00']);
      expect(r.clarification?.question).toMatch(/acute or chronic/);
      expect(r.clarification?.options.slice(0, 2)).toEqual(['Chronic maxillary sinusitis', 'Acute maxillary sinusitis, unspecified']);
    }
  });

  it('the answer chronic gives the chronic form', () => {
    const first = code(notes, [{ description: 'Acute maxillary sinusitis', code: 'J01.00' }]);
    const question = first.clarification!.question;
    const r = code(
      notes,
      [{ description: 'Acute maxillary sinusitis', code: 'J01.00' }],
      [{ question, freeText: 'Chronic maxillary sinusitis.' }],
    );
    expect(diagnosisCodes(r)).toEqual(['J32.0']);
  });

  it('a short course, or months said of the past, is no question', () => {
    for (const history of [
      'congestion x 5 days',
      'sinus surgery 4 months ago; congestion x 5 days',
      'on loratadine for 6 months; congestion since Monday',
    ]) {
      const r = code(`S: ${history}.\nA: acute maxillary sinusitis.`, [{ description: 'Acute maxillary sinusitis' }]);
      expect(r.clarification?.question ?? '').not.toMatch(/acute or chronic/);
    }
  });
});
