// The initial annual wellness visit told as past and dated makes this one subsequent
// (coding/visit-kind-corrections.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { wellnessVisitKind } from '../../coding/visit-kind-corrections.ts';

describe('an initial wellness visit told as past', () => {
  it('reads the visit as subsequent', () => {
    expect(wellnessVisitKind('Medicare AWV. Pt had his initial AWV here 11/2025 (G0438). HRA reviewed.')).toBe('subsequent');
    expect(wellnessVisitKind('Annual wellness visit; initial AWV done 11/2025.')).toBe('subsequent');
  });

  it("reads today's initial visit as initial", () => {
    expect(wellnessVisitKind('No prior AWV. A/P: Initial annual wellness visit completed; plan given.')).toBe('initial');
  });
});
