// Word families and fracture conventions: a viral hepatitis type letter, bones named by their
// adjective, the part of a long bone (shaft when none is stated), displaced by default, open vs closed
// in the 7th character. Examples written for this test (tuned on); wording is our own.
import { describe, expect, it } from 'vitest';
import { encounterPhase, withSeventhCharacter } from '../../coding/search.ts';
import { tokenize } from '../../coding/text.ts';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { sex: 'M', ageYears: 44 });

describe('a type letter is a word of the diagnosis', () => {
  it('keeps the letter after hepatitis and vitamin, not elsewhere', () => {
    expect(tokenize('viral hepatitis C')).toEqual(['viral', 'hepatitis', 'c']);
    expect(tokenize('vitamin A deficiency')).toEqual(['vitamin', 'a', 'deficiency']);
    expect(tokenize('c/o a cough')).toEqual(['cough']);
  });

  it('hepatitis C without acuity is unspecified viral hepatitis C, never liver disease NOS', () => {
    expect(codes(['Hepatitis C'], 'HCV RNA detectable.')).toEqual(['B19.20']);
    expect(codes(['Chronic hep C'])).toEqual(['B18.2']);
  });
});

describe('fracture of a bone named by its adjective or with no part stated', () => {
  it('a tibial shaft is the tibia, never the ulna or the femur', () => {
    expect(codes(['Closed fracture of right tibial shaft'])).toEqual(['S82.201A']);
    expect(codes(['Left femoral neck fracture'])).toEqual(['S72.002A']);
  });

  it('a long bone with no part stated is its shaft; nondisplaced invents no part', () => {
    expect(codes(['Nondisplaced fracture of left tibia'])).toEqual(['S82.202A']);
    expect(codes(['Fracture of right ulna'])).toEqual(['S52.201A']);
  });

  it('displaced by default; the phalanx keeps distal and proximal', () => {
    expect(codes(['Fracture of distal phalanx of right index finger'])).toEqual(['S62.630A']);
    expect(codes(['Fracture of proximal phalanx of left great toe, nondisplaced'])).toEqual(['S92.415A']);
  });

  it('an open fracture takes the open 7th character (type I or II unless type III is stated)', () => {
    expect(codes(['Open fracture of left tibial shaft'])).toEqual(['S82.202B']);
    expect(codes(['Open fracture of left tibial shaft, Gustilo type IIIB'])).toEqual(['S82.202C']);
    expect(codes(['Fracture of left tibial shaft'], 'Closed. Plan open reduction and internal fixation.')).toEqual(['S82.202A']);
  });

  it('the 7th character of a fracture seen for healing stays closed', () => {
    const icd = codeSets().icd;
    const entry = icd.byCode.get('S82.202') as number;
    const hit = { entry, code: 'S82.202', description: icd.entries[entry]?.description ?? '', score: 1, matched: [], matchedText: '' };
    expect(encounterPhase('routine healing')).toBe('subsequent');
    expect(withSeventhCharacter(icd, hit, 'routine healing').code).toBe('S82.202D');
    expect(withSeventhCharacter(icd, hit, 'open fracture, routine healing').code).toBe('S82.202E');
  });
});

describe('combination codes the tabular makes', () => {
  it('COPD documented with emphysema is the emphysema code alone; an exacerbation stays', () => {
    expect(codes(['COPD with emphysema'])).toEqual(['J43.9']);
    expect(codes(['Chronic obstructive pulmonary disease', 'Centrilobular emphysema']).sort()).toEqual(['J43.2']);
    expect(codes(['COPD with acute exacerbation', 'Emphysema']).sort()).toEqual(['J43.9', 'J44.1']);
  });

  it("a condition the record ties to a drug is the family's drug-induced code, with the drug's adverse effect", () => {
    expect(codes(['Hypothyroidism due to amiodarone'])).toEqual(['E03.2', 'T46.2X5A']);
    expect(codes(['Drug-induced hypothyroidism'])).toEqual(['E03.2']);
    expect(codes(['Hypothyroidism'])).toEqual(['E03.9']);
  });
});

describe('associated symptoms a "with" code lists', () => {
  it('BPH written with nocturia is the with-LUTS code and the nocturia; BPH alone stays without', () => {
    expect(codes(['BPH with nocturia'])).toEqual(['N40.1', 'R35.1']);
    expect(codes(['Benign prostatic hyperplasia'])).toEqual(['N40.0']);
    // Stated in the note about the same condition; a symptom in a note that names no BPH is not its symptom.
    expect(codes(['BPH'], 'BPH with nocturia twice nightly; tamsulosin.')).toEqual(['N40.1', 'R35.1']);
    expect(codes(['BPH'], 'Nocturia from evening fluids.')).not.toContain('N40.1');
  });
});
