// Session twenty's gate reasons (coding/other-statements.ts, unread-words.ts, review-signals.ts): another
// statement names a coded condition with words that title another code; a code titled as not from an
// injury in a record that tells of one; a diagnosis word the engine cannot read; a fracture of no type
// or an injury part no statement names; a long-term drug beside another item's "as needed". Each sends
// the encounter to a coder; none changes a code. Records are our own wording.
import { describe, expect, it } from 'vitest';
import { reasonsBy, useCodeSets } from '../../testkit/coding-input.ts';
import { currentLongTermDrugs } from '../../coding/review-signals.ts';
import { siblingTitledElsewhere } from '../../coding/other-statements.ts';
import type { CodedDiagnosis } from '../../domain/coding.ts';

const codeSets = useCodeSets();
const reasonsFor = reasonsBy(codeSets, { ageYears: 16, sex: 'F' });

describe('another statement names the coded condition with words another code of its category is titled by', () => {
  it('a concussion coded of unknown consciousness while the assessment says without loss of consciousness is caught', () => {
    const coded = { code: 'S06.0X9A', description: 'concussion', evidence: [{ text: 'concussion' }] } as unknown as CodedDiagnosis;
    const statements = ['concussion', 'Collided with another player at basketball yesterday, dazed.', 'A: concussion w/o LOC.'];
    expect(siblingTitledElsewhere(codeSets().icd, statements, [coded])).toMatchObject({ code: 'S06.0X9A' });
  });

  it('the engine now codes that assessment itself (consciousness-none.ts), so nothing is left for the reason', () => {
    const notes =
      'Collided with another player at basketball yesterday, dazed, teammates saw no blackout.\nA: concussion w/o LOC.\nP: cognitive rest, no games until cleared.';
    expect(reasonsFor(['concussion'], notes)).not.toContain('sibling-titled-elsewhere');
  });

  it('a value the notes deny is no reason', () => {
    expect(reasonsFor(['COPD'], 'COPD visit, stable on tiotropium, no acute exacerbations since spring.')).not.toContain(
      'sibling-titled-elsewhere',
    );
  });

  it('words the code itself is titled by are no reason', () => {
    expect(
      reasonsFor(
        ['Concussion without loss of consciousness'],
        'Fell from bike, helmeted, never lost consciousness.\nA: concussion without loss of consciousness.\nP: rest.',
      ),
    ).not.toContain('sibling-titled-elsewhere');
  });
});

describe('the assessment names the coded condition by a word of another category', () => {
  it("Hashimoto's hypothyroidism under a hypothyroid line goes to a coder", () => {
    expect(
      reasonsFor(
        ['hypothyroidism'],
        'Thyroid follow-up; antibodies strongly positive.\nA: Hashimoto hypothyroidism, dose too low.\nP: raise levothyroxine, TSH in 6 weeks.',
        { ageYears: 44, sex: 'F' },
      ),
    ).toContain('other-category-named');
  });

  it('an assessment in the words of the code is no reason', () => {
    expect(
      reasonsFor(['hypothyroidism'], 'A: hypothyroidism, TSH at goal.\nP: continue levothyroxine.', { ageYears: 44, sex: 'F' }),
    ).not.toContain('other-category-named');
  });
});

describe('a code titled as not from an injury while the record tells of one', () => {
  const patient = { ageYears: 61, sex: 'M' as const };
  it('a rotator cuff tear after a fall goes to a coder', () => {
    expect(
      reasonsFor(
        ['Complete rotator cuff tear, right shoulder'],
        'Right shoulder ache for years lifting overhead; much weaker since he fell onto the arm a month ago.\nMRI: full-thickness supraspinatus tear.\nA: complete rotator cuff tear, right.\nP: surgical referral.',
        patient,
      ),
    ).toContain('nontraumatic-after-injury');
  });

  it('a tear the record says came with no injury is no reason', () => {
    expect(
      reasonsFor(
        ['Complete rotator cuff tear, right shoulder'],
        'Right shoulder weakness for months, no injury.\nMRI: full-thickness supraspinatus tear.\nA: complete rotator cuff tear, right.',
        patient,
      ),
    ).not.toContain('nontraumatic-after-injury');
  });
});

describe('a word of a diagnosis line the engine cannot read', () => {
  const patient = { ageYears: 58, sex: 'F' as const };
  it('an unknown abbreviation the line says the condition comes with goes to a coder', () => {
    expect(reasonsFor(['HTN w/ LAE'], 'BP 142/88. Echo: LAE.\nA: HTN w/ LAE.\nP: add amlodipine.', patient)).toContain('unread-line-word');
  });

  it('an unknown word in a line coded to an unspecified code goes to a coder', () => {
    expect(reasonsFor(['Contraceptive management, Phexxi refill'], 'Doing well on the gel.\nP: refill for a year.', patient)).toContain(
      'unread-line-word',
    );
  });

  it('a line the engine reads in full is no reason', () => {
    expect(reasonsFor(['Essential hypertension'], 'BP 138/84.\nA: HTN, controlled.\nP: continue lisinopril.', patient)).not.toContain(
      'unread-line-word',
    );
  });
});

describe('a fracture coded with no type', () => {
  const patient = { ageYears: 9, sex: 'M' as const };
  it('a distal radius fracture of no stated type goes to a coder', () => {
    expect(
      reasonsFor(
        ['Fracture of distal right radius'],
        'Fell off monkey bars today, right wrist pain and swelling.\nXR: fracture of the distal radius.\nA: closed distal radius fracture, right.\nP: splint, ortho follow-up.',
        patient,
      ),
    ).toContain('fracture-type-unstated');
  });

  it('a stated type is no reason', () => {
    expect(
      reasonsFor(
        ['Torus fracture of distal right radius'],
        'Fell off monkey bars today, right wrist pain.\nXR: buckle fracture of the distal radius.\nA: torus fracture distal radius, right.\nP: splint.',
        patient,
      ),
    ).not.toContain('fracture-type-unstated');
  });
});

describe('a long-term drug in a list whose other item is taken as needed', () => {
  it('a daily inhaled steroid beside an as-needed rescue inhaler is current long-term therapy', () => {
    expect(
      currentLongTermDrugs(['Maintenance: fluticasone furoate/umeclidinium/vilanterol one inhalation daily, albuterol HFA PRN']).map(
        (d) => d.code,
      ),
    ).toEqual(['Z79.51']);
  });

  it('the drug taken as needed itself is not', () => {
    expect(currentLongTermDrugs(['oxycodone 5 mg PRN, lisinopril daily'])).toEqual([]);
  });
});

describe('an injury code naming a part no statement names', () => {
  it('a wrist line coded to a carpal bone the record never names goes to a coder', () => {
    expect(
      reasonsFor(
        ['L wrist buckle fx f/u'],
        '8 yo F f/u L distal radius torus fx from a fall 3 wk ago. No pain.\nXR L wrist: healing torus fx.\nA/P: torus fx L distal radius, healing. Stop splint.',
        { ageYears: 8, sex: 'F' },
      ),
    ).toContain('injury-part-unstated');
  });

  it('a part the record names is no reason', () => {
    expect(
      reasonsFor(
        ['Torus fracture of left distal radius, subsequent encounter'],
        '8 yo F f/u L distal radius torus fx. No pain.\nA/P: torus fx L distal radius, healing.',
        { ageYears: 8, sex: 'F' },
      ),
    ).not.toContain('injury-part-unstated');
  });
});
