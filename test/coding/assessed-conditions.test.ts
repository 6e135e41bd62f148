// Conditions the assessment manages (a status, a continuing plan) that the diagnosis list leaves out
// (coding/assessed-conditions.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { managedConditions } from '../../coding/assessed-conditions.ts';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 66, sex: 'F' });

describe('managedConditions', () => {
  it('splits a head that joins several short condition names', () => {
    expect(managedConditions('3. Hypothyroid, HLD - both stable, no change')).toEqual(['Hypothyroid', 'HLD']);
  });

  it('reads a status written straight after the name', () => {
    expect(managedConditions('Asthma well controlled, cont Symbicort')).toEqual(['Asthma']);
  });

  it('keeps a head whose pieces qualify one condition as one condition', () => {
    expect(managedConditions('Diabetes type 2, with neuropathy - continue gabapentin')).toEqual(['Diabetes type 2, with neuropathy']);
    expect(managedConditions('Reflux w/o esophagitis - controlled on PPI')).toEqual(['Reflux w/o esophagitis']);
  });

  it('names nothing without a status or a plan carried on, or for a drug line', () => {
    expect(managedConditions('Osteoarthritis of knee - new, start PT')).toEqual([]);
    expect(managedConditions('Metformin - continue')).toEqual([]);
  });
});

describe('a numbered assessment problem the diagnosis list leaves out', () => {
  it('codes each chronic condition the assessment keeps on its plan', () => {
    const r = code(
      'CC: cough\nAssessment:\n1. Acute bronchitis - supportive care, honey, fluids.\n2. Hypothyroid, HLD - stable, continue levothyroxine and atorvastatin.\nRTC prn.',
      [{ description: 'Acute bronchitis', code: 'J20.9' }],
    );
    expect(diagnosisCodes(r)).toEqual(['J20.9', 'E03.9', 'E78.5']);
  });

  it('codes a condition whose status follows its name without a dash', () => {
    const r = code('A/P:\n1. Low back strain - ice, stretches.\n2. Asthma well controlled, cont inhaler.', [
      { description: 'Strain of lower back', code: 'S39.012A' },
    ]);
    expect(diagnosisCodes(r)).toContain('J45.909');
  });
});

describe('statements that add nothing', () => {
  it('a remark after the numbered problems is a passing mention', () => {
    const r = code('Assessment:\n1. Acute bronchitis - supportive care.\nHypothyroid stable, continue meds.\nRTC prn.', [
      { description: 'Acute bronchitis', code: 'J20.9' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['J20.9']);
  });

  it('a problem list carried forward is not read, only the assessment', () => {
    const r = code(
      'Problem list:\n1. Hypothyroid - stable on levothyroxine\n2. GERD - stable\nAssessment:\n1. Acute bronchitis - supportive care.',
      [{ description: 'Acute bronchitis', code: 'J20.9' }],
    );
    expect(diagnosisCodes(r)).toEqual(['J20.9']);
  });

  it('a problem the assessment leaves to another clinician is not added', () => {
    const r = code('Assessment:\n1. Acute bronchitis - supportive care.\n2. Hypothyroid - stable, managed by PCP.', [
      { description: 'Acute bronchitis', code: 'J20.9' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['J20.9']);
  });

  it('a name with a word the code would not say (a drug named before its effect) is left to the coder', () => {
    const r = code('Assessment:\n1. Acute bronchitis - supportive care.\n2. ACEi cough - tolerable, continue.', [
      { description: 'Acute bronchitis', code: 'J20.9' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['J20.9']);
  });

  it('a condition a listed line already names is not coded a second time', () => {
    const r = code('Assessment:\n1. Type 2 diabetes - A1c 8.4, continue metformin, add glipizide.', [
      { description: 'Type 2 diabetes', code: 'E11.9' },
    ]);
    expect(diagnosisCodes(r).filter((c) => c.startsWith('E11'))).toHaveLength(1);
  });

  it('without a diagnosis list the notes are coded as before, nothing added twice', () => {
    const r = code('Assessment:\n1. Hypothyroid - stable, continue levothyroxine.', []);
    expect(diagnosisCodes(r)).toEqual(['E03.9']);
  });
});
