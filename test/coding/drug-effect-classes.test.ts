// Adverse effects of drug classes common in outpatient records (guideline I.C.19.e.5.a): the class's
// T36-T50 subcategory with the adverse-effect character 5 and the encounter's 7th character; the drug
// the statement names first decides; the symptom stays beside the T code. Records written for this test.
import { describe, expect, it } from 'vitest';
import { drugEffectCode } from '../../coding/drug-effects.ts';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 57, sex: 'F' });
const effect = (statement: string, context = '') => drugEffectCode(codeSets().icd, statement, context)?.code;

describe('adverse effect by the drug class', () => {
  it('classes the table gained, with the 5th/6th character for the adverse effect', () => {
    expect(effect('hot flashes related to letrozole')).toBe('T38.6X5A');
    expect(effect('colitis due to nivolumab')).toBe('T45.AX5A');
    expect(effect('insomnia from lisdexamfetamine')).toBe('T43.625A');
    expect(effect('weight loss, side effect of methylphenidate')).toBe('T43.635A');
    expect(effect('nausea from duloxetine')).toBe('T43.215A');
    expect(effect('sedation due to quetiapine, subsequent encounter', 'subsequent encounter')).toBe('T43.595D');
    expect(effect('hyponatremia secondary to oxcarbazepine')).toBe('T42.1X5A');
    expect(effect('orthostatic dizziness caused by tamsulosin')).toBe('T44.6X5A');
    expect(effect('diarrhea due to semaglutide')).toBe('T38.3X5A');
    expect(effect('hypomagnesemia from pantoprazole')).toBe('T47.1X5A');
  });

  it('the drug named first is the cause, not one given for the symptom', () => {
    expect(effect('knee pain due to exemestane, acetaminophen as needed')).toBe('T38.6X5A');
    expect(effect('headache from isosorbide mononitrate, ibuprofen helps')).toBe('T46.3X5A');
  });

  it('no effect without a causal word, nor for a receptor status', () => {
    expect(effect('breast cancer on tamoxifen')).toBeUndefined();
    expect(effect('depression, on venlafaxine 75 mg')).toBeUndefined();
    expect(effect('breast cancer, estrogen receptor positive, related anxiety')).toBeUndefined();
  });

  it('the symptom stays beside the adverse-effect code (I.C.19.e.5.a)', () => {
    const got = codes(['Pain in both knees due to letrozole']);
    expect(got).toContain('T38.6X5A');
    expect(got.some((c) => c.startsWith('M25.56'))).toBe(true);
  });

  it('a diagnosis line that only sets the drug beside the symptom takes the link from the assessment that states it', () => {
    const linked = codes(['Hand arthralgia - exemestane'], 'A/P: Arthralgia of both hands due to exemestane; acetaminophen as needed.');
    expect(linked).toContain('T38.6X5A');
    const unlinked = codes(['Hand arthralgia - exemestane'], 'A/P: Arthralgia of both hands; remains on exemestane.');
    expect(unlinked.some((c) => c.startsWith('T38'))).toBe(false);
    // The link names another cause; the drug is only held.
    const other = codes(['AKI on CKD 3b'], 'A/P: AKI on CKD 3b from vomiting and poor intake - hold losartan, fluids, recheck BMP.');
    expect(other.some((c) => c.startsWith('T46'))).toBe(false);
  });
});
