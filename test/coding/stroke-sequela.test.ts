// The deficits a past stroke left, each coded to its I69.3- code (coding/stroke-sequela.ts). Records
// are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 68, sex: 'F' });

describe('a statement listing the deficits a past stroke left', () => {
  it('codes each deficit of the list, the side by the handedness stated', () => {
    const r = code(
      'Left-handed. Cerebellar infarct 2024.\nAssessment: Late effects of PCA infarct - L hemiparesis and dysarthria.\nPlan: continue PT.',
      [],
    );
    expect(diagnosisCodes(r)).toEqual(expect.arrayContaining(['I69.352', 'I69.322']));
  });

  it('codes a list after "sequelae of stroke:" and drops the history code beside it', () => {
    const r = code('Assessment: Sequelae of stroke: dysphagia, right facial droop.\nPlan: SLP.', [
      { description: 'History of stroke', code: 'Z86.73' },
    ]);
    const codes = diagnosisCodes(r);
    expect(codes).toEqual(expect.arrayContaining(['I69.391', 'I69.392']));
    expect(codes).not.toContain('Z86.73');
    expect(codes).not.toContain('I69.320');
  });

  it('codes a statement naming no deficit to the unspecified sequela, not to a deficit', () => {
    const r = code('Assessment: Late effects of stroke - continue home exercise program.', []);
    expect(diagnosisCodes(r)).toEqual(['I69.30']);
  });
});

describe("deficits that are not a past stroke's sequelae", () => {
  it("an acute stroke's deficits are not coded as sequelae", () => {
    const r = code('Assessment: Acute left MCA stroke with right hemiparesis and aphasia, onset this morning.', []);
    expect(diagnosisCodes(r).some((c) => c.startsWith('I69'))).toBe(false);
  });

  it('a past-history line the visit does not address adds no sequela', () => {
    const r = code('PMH: stroke 2020 with residual right hemiparesis.\nAssessment: Acute bronchitis - supportive care.', []);
    expect(diagnosisCodes(r).some((c) => c.startsWith('I69'))).toBe(false);
  });
});
