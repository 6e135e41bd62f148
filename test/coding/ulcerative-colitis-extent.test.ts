// Ulcerative colitis coded by the extent the record writes (K51.0-K51.5), never as Crohn's (K50) nor
// with a second colitis code (coding/text.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 34, sex: 'F' });
const codes = (line: string) => diagnosisCodes(code('', [{ description: line }]));

describe('ulcerative colitis extent', () => {
  it('reads proctitis, proctosigmoiditis, pancolitis and left-sided', () => {
    expect(codes('UC - proctitis')).toEqual(['K51.20']);
    expect(codes('ulcerative colitis limited to the rectum')).toEqual(['K51.20']);
    expect(codes('ulcerative proctosigmoiditis')).toEqual(['K51.30']);
    expect(codes('UC proctosigmoiditis with rectal bleeding')).toEqual(['K51.311']);
    expect(codes('ulcerative colitis (pancolitis)')).toEqual(['K51.00']);
    expect(codes('ulcerative colitis (left-sided) with rectal bleeding')).toEqual(['K51.511']);
  });

  it("Crohn's proctitis stays Crohn's, and an unstated extent is not given one", () => {
    expect(codes("Crohn's proctitis")[0]).toMatch(/^K50\./);
    expect(codes('ulcerative colitis')[0]).toBe('K51.90');
  });
});
