// Onset of Alzheimer's disease, agitation as a dementia's behavioral disturbance, and wandering
// (coding/dementia-detail.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 82, sex: 'M' });

describe("Alzheimer's disease by onset", () => {
  it('takes the late onset the record states in place of the unspecified code', () => {
    const r = code("Assessment: Alzheimer's disease of late onset, mild dementia. Continue donepezil.", [
      { description: "Alzheimer's disease", code: 'G30.9' },
    ]);
    expect(diagnosisCodes(r)).toContain('G30.1');
    expect(diagnosisCodes(r)).not.toContain('G30.9');
  });

  it('keeps the unspecified code when no onset is stated', () => {
    const r = code("Assessment: Alzheimer's disease, mild dementia. Continue donepezil.", [
      { description: "Alzheimer's disease", code: 'G30.9' },
    ]);
    expect(diagnosisCodes(r)).toContain('G30.9');
  });
});

describe("a dementia's behavioral disturbance and wandering", () => {
  it('codes agitation (aggression) as the disturbance, and adds wandering', () => {
    const r = code(
      'Assessment: Alzheimer dementia, severe, with combative behavior toward staff and wandering at night. Redirect, door alarm.',
      [{ description: "Alzheimer's disease", code: 'G30.9' }, { description: 'Dementia with behavioral disturbance' }],
    );
    const codes = diagnosisCodes(r);
    expect(codes).toContain('F02.C11');
    expect(codes).toContain('Z91.83');
    expect(codes.indexOf('Z91.83')).toBeGreaterThan(codes.indexOf('F02.C11'));
  });

  it('keeps "other behavioral disturbance" when the disturbance is another kind, and adds no wandering that is denied', () => {
    const r = code('Assessment: Alzheimer dementia, severe, with sundowning and disinhibition; no wandering. Melatonin.', [
      { description: "Alzheimer's disease", code: 'G30.9' },
      { description: 'Dementia with behavioral disturbance' },
    ]);
    const codes = diagnosisCodes(r);
    expect(codes).toContain('F02.C18');
    expect(codes).not.toContain('Z91.83');
  });
});

describe("a dementia's severity", () => {
  it('takes the one severity the record states, and exit-seeking alone is no wandering', () => {
    const r = code(
      "Assessment: Alzheimer's disease with dementia, moderate stage, exit-seeking in the evenings; wander guard bracelet on.",
      [
        { description: "Alzheimer's disease", code: 'G30.9' },
        { description: 'Dementia w behavioral disturbance', code: 'F02.81' },
      ],
    );
    const codes = diagnosisCodes(r);
    expect(codes.some((c) => /^F02\.B/.test(c))).toBe(true);
    expect(codes).not.toContain('Z91.83');
  });

  it('keeps unspecified severity when two are stated', () => {
    const r = code("Assessment: Alzheimer's disease with mild to moderate dementia, calm today.", [
      { description: "Alzheimer's disease", code: 'G30.9' },
      { description: 'Dementia', code: 'F02.80' },
    ]);
    expect(diagnosisCodes(r)).toContain('F02.80');
  });
});
