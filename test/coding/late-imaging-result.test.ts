// An imaging read received after the visit that names another condition than the diagnosed one is
// asked; the diagnosis stands until answered (coding/late-imaging-result.ts). Our own records.
import { describe, expect, it } from 'vitest';
import { recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 26, sex: 'M' });
const line = [{ description: 'Sprain of right wrist', code: 'S63.501A' }];

describe('a late imaging read', () => {
  const notes =
    'Fell on outstretched R hand playing basketball. Snuffbox not tender.\nXR R wrist obtained.\nA/P: R wrist sprain - splint, ice.\nRadiology final read (resulted after discharge): Nondisplaced fracture of the right distal radius. Not addressed by provider.';

  it('naming another condition is asked, the sprain held', () => {
    const result = code(notes, line);
    expect(result.clarification?.question).toMatch(/fracture/i);
    expect(result.diagnoses.map((d) => d.code)).toEqual(['S63.501A']);
  });

  it('a negative late read is no question', () => {
    const negative = notes.replace('Nondisplaced fracture of the right distal radius.', 'No fracture or dislocation.');
    expect(code(negative, line).clarification).toBeUndefined();
  });

  it('a read the physician has acted on is no question', () => {
    const acted = notes.replace('Not addressed by provider.', 'Reviewed by provider, patient notified, plan changed to cast.');
    expect(code(acted, line).clarification).toBeUndefined();
  });
});
