// Session twenty-one's positive conditions for straight-through billing (coding/reported-results.ts):
// a code that leaves its condition unspecified, or a sign or symptom billed as the visit's reason,
// goes to billing unseen only on a record that reports no test or imaging result. Records are our
// own wording; none of these changes a code. And what a code's title says is absent ("without
// esophagitis") must not be affirmed by a statement of the record (coding/absence-affirmed.ts), and
// the side a code names must be the side the record gives its site (coding/side-agreement.ts).
import { describe, expect, it } from 'vitest';
import { reasonsBy, useCodeSets } from '../../testkit/coding-input.ts';
import { reportsResults } from '../../coding/reported-results.ts';
import { absentPhrases } from '../../coding/absence-affirmed.ts';
import { sideStatedOtherwise } from '../../coding/side-agreement.ts';

const codeSets = useCodeSets();
const reasonsFor = reasonsBy(codeSets, { ageYears: 52, sex: 'F' });
const notes = (text: string) => ({ notes: text, testResults: [] });

describe('a record reports a result when a clause names a test and what it found', () => {
  it('a read after a colon, a value, a finding word', () => {
    expect(reportsResults(notes('Chest film today: streaky left basilar density, likely atelectasis.'))).toBe(true);
    expect(reportsResults(notes('Hgb 8.7 at the lab this morning.'))).toBe(true);
    expect(reportsResults(notes('Urine culture grew E. coli.'))).toBe(true);
    expect(reportsResults(notes('Pelvic US: 3 cm simple cyst, R ovary.'))).toBe(true);
  });

  it('a test only ordered, scheduled, pending or performed reports nothing', () => {
    expect(reportsResults(notes('Renal ultrasound ordered; follow up with results.'))).toBe(false);
    expect(reportsResults(notes('MRI of the left shoulder without contrast performed.'))).toBe(false);
    expect(reportsResults(notes('Throat culture pending.'))).toBe(false);
    expect(reportsResults(notes('Told us the pain began on Monday.'))).toBe(false);
  });

  it('a flagged structured result is a reported result', () => {
    expect(reportsResults({ notes: 'Follow-up.', testResults: [{ name: 'Sodium', flag: 'L' }] })).toBe(true);
  });
});

describe('an unspecified code or a symptom goes through only on a record with no results', () => {
  it('an unspecified code beside an imaging read goes to a coder', () => {
    expect(
      reasonsFor(
        ['Acute bronchitis'],
        'Cough with sputum for a week, afebrile.\nChest film: hazy left lower zone opacity, cannot exclude early infiltrate.\nA: acute bronchitis, supportive care.',
      ),
    ).toContain('unspecified-beside-results');
  });

  it('the same code on a record without results is no reason', () => {
    expect(
      reasonsFor(
        ['Acute bronchitis'],
        'Cough with sputum for a week, afebrile, lungs with scattered rhonchi.\nA: acute bronchitis, supportive care.',
      ),
    ).not.toContain('unspecified-beside-results');
  });

  it('a test that measures the coded condition itself leaves nothing open about it', () => {
    expect(reasonsFor(['Hypothyroidism'], 'Feels well. TSH 2.4 on levothyroxine 88 mcg, same dose.')).not.toContain(
      'unspecified-beside-results',
    );
    expect(reasonsFor(['Hypothyroidism'], 'Feels well on levothyroxine. Chest x-ray: small nodule RUL. CT chest in 3 months.')).toContain(
      'unspecified-beside-results',
    );
  });

  it('a symptom billed beside a urinalysis goes to a coder', () => {
    expect(
      reasonsFor(['Dysuria'], 'Burning on urination for 3 days. UA: trace leukocytes, nitrite negative. Fluids, recheck if worse.'),
    ).toContain('symptom-beside-results');
  });

  it('a symptom with a test only ordered is no reason', () => {
    expect(reasonsFor(['Dysuria'], 'Burning on urination for 3 days. Urine culture ordered. Fluids, recheck if worse.')).not.toContain(
      'symptom-beside-results',
    );
  });
});

describe('what a code says is absent is absent for the record too', () => {
  it('reflux coded without esophagitis while the endoscopy found esophagitis goes to a coder', () => {
    expect(
      reasonsFor(
        ['GERD'],
        'Seen after upper endoscopy. Endoscopy 9/14: LA grade A esophagitis, no ulcer. Burning better on pantoprazole, continue.',
      ),
    ).toContain('absence-affirmed');
  });

  it('the element denied or in the past where it is named is no reason', () => {
    expect(reasonsFor(['GERD'], 'Burning better on pantoprazole. Endoscopy last year: no esophagitis. Continue.')).not.toContain(
      'absence-affirmed',
    );
    expect(reasonsFor(['GERD'], 'Burning better on pantoprazole; hx of esophagitis, healed. Continue.')).not.toContain('absence-affirmed');
  });

  it('a "without" phrase is read whole, up to the site it is of', () => {
    expect(
      absentPhrases('Laceration without foreign body of left index finger without damage to nail, initial encounter').map((p) => p.source),
    ).toEqual([String.raw`\bforeign\W+(?:of\W+)?bodys?\b`, String.raw`\bdamages?\b`]);
  });
});

describe('the side a code names is the side every statement of its site names', () => {
  const dx = (code: string, description: string) => ({
    system: 'ICD-10-CM' as const,
    code,
    description,
    confidence: 0.9,
    alternatives: [],
    evidence: [],
    rationale: '',
  });
  const rightKnee = [dx('M17.11', 'Unilateral primary osteoarthritis, right knee')];

  it('the history and the film of the left knee beside a right knee code go to a coder', () => {
    expect(
      sideStatedOtherwise(['HPI: L knee aching for months, worse on stairs', 'Film L knee: joint space narrowing'], rightKnee),
    ).toBeDefined();
  });

  it('the other side described as normal, or the same side, is no reason', () => {
    expect(sideStatedOtherwise(['Exam: R knee crepitus, L knee normal', 'Right knee pain for months'], rightKnee)).toBeUndefined();
  });

  it('through the engine, a written right knee code beside a left knee history is asked, a denial in another clause ("no injury") notwithstanding', () => {
    expect(
      reasonsFor(
        ['Osteoarthritis of right knee'],
        'HPI: left knee pain x 6 months, worse with stairs, no injury.\nA/P: osteoarthritis of right knee, PT and naproxen.',
        { ageYears: 66 },
      ),
    ).toContain('open-clarification');
  });
});
