// Session twenty-six: codes the record's words choose among families and combinations
// (coding/influenza.ts, the strain rewrite of coding/text.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 38, sex: 'F' });

describe('influenza of an identified virus', () => {
  it('a written J11 beside a positive influenza A test is J10, reported as changed', () => {
    const r = code('Fever, cough, myalgias 1 day.\nRapid flu: A POSITIVE, B negative.\nA/P: influenza - oseltamivir.', [
      { description: 'Influenza', code: 'J11.1' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['J10.1']);
    expect(r.straightThrough.eligible).toBe(false);
  });

  it("the physician's statement of the type is enough", () => {
    const r = code('Fever and cough since yesterday, household contact sick.\nA/P: Influenza B - supportive care.', [
      { description: 'Influenza B', code: 'J11.1' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['J10.1']);
  });

  it('stays J11 when the test was negative or only ordered', () => {
    const r = code(
      'Fever, cough. Rapid flu A and B negative; PCR pending.\nA/P: influenza-like illness, clinical influenza - oseltamivir.',
      [{ description: 'Influenza', code: 'J11.1' }],
    );
    expect(diagnosisCodes(r)).toEqual(['J11.1']);
  });
});

describe('influenza with pneumonia', () => {
  it('is one code, the unspecified pneumonia dropped', () => {
    const r = code('Flu B positive. CXR: RLL consolidation.\nA/P: influenza B with RLL pneumonia - oseltamivir, doxycycline.', [
      { description: 'Influenza B', code: 'J10.1' },
      { description: 'Pneumonia RLL', code: 'J18.9' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['J10.00']);
  });

  it('keeps a pneumonia of a named organism beside "with other specified pneumonia"', () => {
    const r = code('Flu A positive. Sputum grew Strep pneumoniae.\nA/P: influenza A with pneumococcal pneumonia.', [
      { description: 'Influenza A', code: 'J10.1' },
      { description: 'Pneumococcal pneumonia', code: 'J13' },
    ]);
    expect(diagnosisCodes(r)).toEqual(expect.arrayContaining(['J10.08', 'J13']));
    expect(diagnosisCodes(r)).not.toContain('J10.1');
  });
});

describe('a strain of the neck muscles', () => {
  it.each(['Cervical strain', 'Cervical paraspinal muscle strain', 'Trapezius strain'])('"%s" is a strain at neck level', (line) => {
    const r = code(`Neck pain and stiffness after lifting 2 days ago.\nA/P: ${line} - NSAID, heat.`, [{ description: line }]);
    expect(diagnosisCodes(r)).toEqual(['S16.1XXA']);
  });

  it('a cervical sprain stays the cervical spine ligaments', () => {
    const r = code('Neck pain after a rear-end collision yesterday.\nA/P: Cervical sprain - NSAID.', [{ description: 'Cervical sprain' }]);
    expect(diagnosisCodes(r)).toEqual(['S13.4XXA']);
  });
});

describe('a pregnancy stated only in its short forms', () => {
  const pregnant = recordCoder(codeSets, { ageYears: 24, sex: 'F' });

  it('"G1P0 at 10w2d" is a statement of the record: the weeks are coded', () => {
    const r = pregnant('24F G1P0 at 10w2d. N/V.\nA/P: Hyperemesis gravidarum, mild - ondansetron.', [
      { description: 'Hyperemesis', code: 'O21.0' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['O21.0', 'Z3A.10']);
  });

  it("a written hypertension code in an ongoing pregnancy moves to chapter 15 with the record's trimester, reported as changed", () => {
    const r = pregnant('33F G2P1001 at 20w1d. Chronic essential HTN since 2021, on labetalol.\nA/P: Chronic HTN in pregnancy - continue.', [
      { description: 'Chronic HTN', code: 'I10' },
      { description: '20 wks', code: 'Z3A.20' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['O10.012', 'Z3A.20']);
    expect(r.straightThrough.reasons).toContain('documented-code-changed');
  });
});

describe('laboratory findings as clinicians name them', () => {
  it.each([
    ['Transaminitis', 'R74.01'],
    ['Elevated ALT/AST', 'R74.01'],
    ['Elevated creatinine', 'R94.4'],
    ['Elevated TSH', 'R94.6'],
  ])('"%s" is the finding %s, not a disease of the organ', (line, expected) => {
    const r = code(`Labs reviewed.\nA/P: ${line} - repeat in 6 weeks.`, [{ description: line }]);
    expect(diagnosisCodes(r)).toEqual([expected]);
  });
});

describe('a primary and its spread restated in the assessment', () => {
  it.each([
    ['Breast cancer metastatic to bone', 'C50.9', 'C79.51'],
    ['Lung ca with mets to bone', 'C34.9', 'C79.51'],
    ['Mets to liver from colon ca', 'C18.9', 'C78.7'],
  ])('"%s": the primary and the secondary site, never a secondary of the primary site', (line, primary, secondary) => {
    const r = code(`On chemotherapy, tolerating.\nA/P: ${line}.`, [{ description: line }]);
    const codes = diagnosisCodes(r);
    expect(codes.some((c) => c.startsWith(primary))).toBe(true);
    expect(codes).toContain(secondary);
    expect(codes.filter((c) => /^C7[89]/.test(c))).toEqual([secondary]);
  });
});
