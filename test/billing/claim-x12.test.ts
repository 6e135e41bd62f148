import { describe, expect, it } from 'vitest';
import { ClaimValidationError, isValidNpi } from '../../billing/claim.ts';
import { pointerLetter, renderX12_837P, validateX12Structure } from '../../billing/x12-837p.ts';
import { claimInput, ENVELOPE, GROUP_NPI, RENDERING_NPI, sampleClaim, sampleX12 } from './fixtures.ts';

const segmentsOf = (x12: string) =>
  x12
    .trim()
    .split('\n')
    .map((s) => s.replace(/~$/, ''));

describe('buildClaim', () => {
  it('builds the claim document with totals, pointers and the prior authorization', () => {
    const claim = sampleClaim();
    expect(claim.totalChargeCents).toBe(134500);
    expect(claim.lines.map((l) => [l.lineNumber, l.code, l.diagnosisPointers])).toEqual([
      [1, '99214', [1, 2]],
      [2, '72148', [1]],
    ]);
    expect(claim.diagnosisCodes).toEqual(['M54.16', 'I10']);
    expect(claim.priorAuthorizationNumber).toBe('AUTH-20261120-000001');
    expect(claim.subscriber.memberId).toBe('M-100200');
  });

  it('checks NPIs with the Luhn check digit', () => {
    expect(isValidNpi(GROUP_NPI)).toBe(true);
    expect(isValidNpi(RENDERING_NPI)).toBe(true);
    expect(isValidNpi('1234567890')).toBe(false);
    expect(isValidNpi('12345')).toBe(false);
  });

  it.each([
    ['billingProvider.npi', { billingProvider: { ...claimInput().billingProvider, npi: '' } }],
    ['lines[1].diagnosisPointers', { lines: [claimInput().lines[0]!, { ...claimInput().lines[1]!, diagnosisPointers: [3] }] }],
    ['diagnosisCodes', { diagnosisCodes: Array.from({ length: 13 }, () => 'I10') }],
    ['priorAuthorizationNumber', { priorAuthorizationNumber: undefined }],
    ['diagnosisCodes[0]', { diagnosisCodes: ['not-a-code'] }],
  ])('names the field %s when it is wrong, without patient data', (field, override) => {
    let error: unknown;
    try {
      sampleClaim(override);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ClaimValidationError);
    expect((error as ClaimValidationError).field).toBe(field);
    expect((error as Error).message).not.toMatch(/Avery|Quinton|M-100200|1980/);
  });
});

describe('renderX12_837P', () => {
  const x12 = sampleX12();
  const segments = segmentsOf(x12);

  it('renders a structurally valid interchange', () => {
    expect(validateX12Structure(x12)).toEqual({ ok: true, errors: [] });
    expect(segments[0]).toHaveLength(105);
    expect(segments[0]).toMatch(
      // eslint-disable-next-line no-regex-spaces -- the fixed-width ISA fields read best as they are sent
      /^ISA\*00\*          \*00\*          \*ZZ\*ENCFLOW        \*ZZ\*CLEARHOUSE     \*261121\*0930\*\^\*00501\*000000042\*0\*T\*:$/,
    );
    expect(segments[1]).toBe('GS*HC*ENCFLOW*CLEARHOUSE*20261121*0930*42*X*005010X222A1');
  });

  it('writes the claim, diagnoses, prior auth and service lines', () => {
    expect(segments).toContain('CLM*CLM-2026-0001*1345.00***11:B:1*Y*A*Y*Y');
    expect(segments).toContain('HI*ABK:M5416*ABF:I10');
    expect(segments).toContain('REF*G1*AUTH-20261120-000001');
    expect(segments).toContain('SV1*HC:99214:25*195.00*UN*1***1:2');
    expect(segments).toContain('SV1*HC:72148*1150.00*UN*1***1');
    expect(segments.filter((s) => s === 'DTP*472*D8*20261120')).toHaveLength(2);
    expect(segments).toContain('NM1*IL*1*QUINTON*AVERY****MI*M-100200');
  });

  it('counts segments from ST to SE and closes the envelope with matching control numbers', () => {
    const st = segments.findIndex((s) => s.startsWith('ST*'));
    const se = segments.findIndex((s) => s.startsWith('SE*'));
    expect(segments[se]).toBe(`SE*${se - st + 1}*0001`);
    expect(segments.at(-2)).toBe('GE*1*42');
    expect(segments.at(-1)).toBe('IEA*1*000000042');
  });

  it('omits REF*G1 when there is no prior authorization and strips separators from free text', () => {
    const claim = sampleClaim({
      priorAuthorizationRequired: false,
      priorAuthorizationNumber: undefined,
      patient: { ...claimInput().patient, lastName: "O'Neil*~Smith" },
    });
    const text = renderX12_837P(claim, ENVELOPE);
    expect(text).not.toContain('REF*G1');
    expect(text).toContain("NM1*IL*1*O'NEIL SMITH*AVERY");
    expect(validateX12Structure(text).ok).toBe(true);
  });

  it('maps diagnosis pointers to CMS-1500 letters', () => {
    expect(pointerLetter(1)).toBe('A');
    expect(pointerLetter(12)).toBe('L');
    expect(() => pointerLetter(13)).toThrow(RangeError);
  });
});

describe('validateX12Structure', () => {
  const x12 = sampleX12();
  const lines = segmentsOf(x12);
  const rebuild = (segments: string[]) => segments.map((s) => `${s}~`).join('\n');
  const replace = (pattern: RegExp, replacement: string) =>
    rebuild(lines.map((s) => (pattern.test(s) ? s.replace(pattern, replacement) : s)));
  const without = (prefix: string) => rebuild(lines.filter((s) => !s.startsWith(prefix)));

  const broken: Array<[string, string, RegExp]> = [
    ['not an interchange', 'HELLO~', /must start with an ISA/],
    ['wrong SE count', replace(/^SE\*\d+/, 'SE*99'), /SE01 \(99\) does not match the \d+ segments/],
    ['SE control number differs from ST', replace(/^SE\*(\d+)\*0001$/, 'SE*$1*0002'), /SE02 \(0002\) does not match ST02 \(0001\)/],
    ['GE control number differs from GS', replace(/^GE\*1\*42$/, 'GE*1*43'), /GE02 \(43\) does not match GS06 \(42\)/],
    ['IEA control number differs from ISA', replace(/^IEA\*1\*000000042$/, 'IEA*1*000000041'), /IEA02 \(000000041\) does not match ISA13/],
    ['missing GE', without('GE*'), /not closed by a GE/],
    ['missing IEA', without('IEA*'), /must end with an IEA/],
    ['missing CLM', without('CLM*'), /required segment CLM \(2300 claim\) is missing/],
    ['missing HI', without('HI*'), /required segment HI \(2300 diagnoses\) is missing/],
    ['service line without date', without('DTP*472'), /service line 1 has no DTP\*472/],
    ['payer loop before subscriber', rebuild(moveBefore(lines, 'NM1*PR', 'NM1*IL')), /out of loop order/],
    ['wrong element separator in a segment', replace(/^BHT\*/, 'BHT|'), /no valid segment id/],
    ['ISA truncated', x12.slice(0, 60), /shorter than its fixed 106/],
    [
      'claim total differs from the lines',
      replace(/^CLM\*CLM-2026-0001\*1345\.00/, 'CLM*CLM-2026-0001*1000.00'),
      /CLM02 \(1000\.00\) does not equal/,
    ],
  ];

  it.each(broken)('rejects %s with a clear error', (_name, text, expected) => {
    const result = validateX12Structure(text);
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toMatch(expected);
  });
});

function moveBefore(segments: string[], movingPrefix: string, beforePrefix: string): string[] {
  const moving = segments.find((s) => s.startsWith(movingPrefix))!;
  const rest = segments.filter((s) => s !== moving);
  const at = rest.findIndex((s) => s.startsWith(beforePrefix));
  return [...rest.slice(0, at), moving, ...rest.slice(at)];
}
