// Long-term (current) drug therapy from the drugs the record names (Z79, guideline I.C.21.c.3): a
// current drug of a class with its own Z79 code, beside a coded condition the class is taken for.
// Examples written for this test (tuned on); wording is our own.
import { describe, expect, it } from 'vitest';
import { codedBy, sortedCodesBy, useCodeSets } from '../../testkit/coding-input.ts';
import { CLASS_PATTERNS, DRUG_CLASSES, takenFor } from '../../coding/drug-classes.ts';
import { takenNow } from '../../coding/long-term-drugs.ts';

const codeSets = useCodeSets();
const codes = sortedCodesBy(codeSets, { sex: 'M', ageYears: 67 });
const coded = codedBy(codeSets, { sex: 'M', ageYears: 67 });

const classOf = (code: string) => {
  const found = CLASS_PATTERNS.find(([c]) => c.code === code);
  if (!found) throw new Error(code);
  return found;
};

describe('drug classes and what they are taken for', () => {
  it('every class code is a billable Z79 code of the code set', () => {
    const icd = codeSets().icd;
    for (const c of DRUG_CLASSES) expect(icd.entries[icd.byCode.get(c.code) ?? -1]?.kind, c.code).toBe(1);
  });

  it('a class is taken for its conditions only', () => {
    const [anticoagulant] = classOf('Z79.01');
    expect(takenFor(anticoagulant, 'I48.91')).toBe(true);
    expect(takenFor(anticoagulant, 'Z86.718')).toBe(true);
    expect(takenFor(anticoagulant, 'J18.9')).toBe(false);
  });

  it('no antidiabetic drug code beside gestational diabetes, whose own code says how it is controlled (I.C.15.g)', () => {
    for (const code of ['Z79.4', 'Z79.84', 'Z79.85']) {
      const [c] = classOf(code);
      expect(takenFor(c, 'O24.415'), code).toBe(false);
      expect(takenFor(c, 'O24.425'), code).toBe(false);
      expect(takenFor(c, 'O24.113'), code).toBe(true);
      expect(takenFor(c, 'E11.9'), code).toBe(true);
    }
  });

  it('reads a drug as taken now only when no cue says otherwise', () => {
    const [c, p] = classOf('Z79.01');
    expect(takenNow(c, p, 'Remains on apixaban 5 mg twice daily')).toBe('apixaban');
    expect(takenNow(c, p, 'Past medical history: atrial fibrillation on warfarin')).toBe('warfarin');
    expect(takenNow(c, p, 'Started warfarin in 2019, INR at goal')).toBe('warfarin');
    expect(takenNow(c, p, 'Completed six months of rivaroxaban')).toBeUndefined();
    expect(takenNow(c, p, 'Start apixaban 5 mg twice daily')).toBeUndefined();
    expect(takenNow(c, p, 'Apixaban started today')).toBeUndefined();
    expect(takenNow(c, p, 'Warfarin was stopped after the bleed')).toBeUndefined();
    expect(takenNow(c, p, 'Enoxaparin x 10 days after surgery')).toBeUndefined();
    const [steroid, sp] = classOf('Z79.52');
    expect(takenNow(steroid, sp, 'Hydrocortisone cream to the plaques')).toBeUndefined();
    expect(takenNow(steroid, sp, 'Dexamethasone 10 mg IM given in clinic')).toBeUndefined();
    expect(takenNow(steroid, sp, 'Takes prednisone 5 mg daily for years')).toBe('prednisone');
  });
});

describe('long-term drug therapy beside the condition it is taken for', () => {
  it('an anticoagulant in the medication list beside the atrial fibrillation the visit addresses', () => {
    const notes =
      'Medications: apixaban 5 mg twice daily, metoprolol 25 mg daily.\nAssessment: Persistent atrial fibrillation, rate controlled. Continue current regimen.';
    expect(codes([], notes)).toEqual(['I48.19', 'Z79.01']);
  });

  it('an immunosuppressant after a kidney transplant, by the tabular inclusion term of its class', () => {
    expect(codes(['Kidney transplant status'], 'Stable graft function on tacrolimus and mycophenolate.')).toEqual([
      'Z79.621',
      'Z79.624',
      'Z94.0',
    ]);
  });

  it('a systemic steroid for polymyalgia taken for months, not a burst for a flare', () => {
    expect(codes(['Polymyalgia rheumatica'], 'Prednisone 7.5 mg daily for eight months, stiffness controlled.')).toEqual([
      'M35.3',
      'Z79.52',
    ]);
    expect(codes(['COPD with acute exacerbation'], 'Prednisone 40 mg x 5 days and azithromycin.')).toEqual(['J44.1']);
  });

  it('an opiate for chronic pain, never beside opioid dependence', () => {
    expect(codes(['Chronic low back pain'], 'Chronic pain agreement on file; oxycodone 5 mg three times daily, stable dose.')).toContain(
      'Z79.891',
    );
    expect(codes(['Opioid dependence, uncomplicated'], 'Takes methadone daily from the program.')).not.toContain('Z79.891');
  });

  it('a drug named without a condition it is taken for on the claim is left to the coder', () => {
    const notes = 'Meds: warfarin 5 mg daily.\nAssessment: Acute bronchitis. Fluids and rest.';
    expect(codes([], notes)).toEqual(['J20.9']);
  });

  it('an antiarrhythmic is reported as other long-term therapy only when the visit monitors it', () => {
    expect(
      codes(['Paroxysmal atrial fibrillation'], 'On amiodarone 200 mg daily; TSH and liver function checked for amiodarone monitoring.'),
    ).toContain('Z79.899');
    expect(codes(['Paroxysmal atrial fibrillation'], 'On amiodarone 200 mg daily, in sinus rhythm.')).not.toContain('Z79.899');
  });

  it('the rationale names the drug, the statement and the condition', () => {
    const z = coded(['Coronary artery disease'], 'Drug-eluting stent 2023. Continues clopidogrel 75 mg daily.').find(
      (d) => d.code === 'Z79.02',
    );
    expect(z?.rationale).toMatch(/clopidogrel.*I25\.10.*I\.C\.21\.c\.3/);
  });
});
