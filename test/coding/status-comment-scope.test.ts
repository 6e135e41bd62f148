// A status statement's comment set apart by a dash ("ICD in place - no shocks") does not negate the
// status; a cue in the status's own clause still does (coding/status-codes.ts). Our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const coded = recordCoder(codeSets, { ageYears: 66, sex: 'M' });
const HF = [{ description: 'Chronic systolic heart failure', code: 'I50.22' }];

describe('a status with a comment after a dash', () => {
  it('"ICD in place - no shocks": Z95.810', () => {
    const r = coded('A/P:\n1. Chronic systolic HF - euvolemic, continue GDMT.\n2. ICD in place - no shocks.', HF);
    expect(diagnosisCodes(r)).toContain('Z95.810');
  });

  it('a device removed in its own clause: no status', () => {
    const r = coded('A/P:\n1. Chronic systolic HF - euvolemic, continue GDMT.\n2. ICD removed 2024 - no replacement planned.', HF);
    expect(diagnosisCodes(r)).not.toContain('Z95.810');
  });
});
