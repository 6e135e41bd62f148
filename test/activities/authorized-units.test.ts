/** Units per code when the same procedure is billed on several lines. */
import { describe, expect, it } from 'vitest';
import { unitsByCode } from '../../activities/authorization.ts';
import { capToAuthorizedUnits } from '../../activities/billing.ts';

describe('authorized units', () => {
  const lines = [
    { code: '72148', units: 1, modifiers: [] as string[] },
    { code: '99213', units: 1, modifiers: [] as string[] },
    { code: '72148', units: 1, modifiers: ['76'] },
  ];

  it('requests the units of a code summed over its lines', () => {
    expect(unitsByCode(lines)).toEqual({ '72148': 2, '99213': 1 });
  });

  it('shares the authorized units of a code across its lines and drops a line left with none', () => {
    const capped = capToAuthorizedUnits(lines, { '72148': 1 });
    expect(capped.map((l) => [l.code, l.units, l.modifiers.join()])).toEqual([
      ['72148', 1, ''],
      ['99213', 1, ''],
    ]);
    expect(capped.filter((l) => l.code === '72148').reduce((sum, l) => sum + l.units, 0)).toBe(1);
  });

  it('bills everything when nothing limits the units', () => {
    expect(capToAuthorizedUnits(lines, undefined)).toEqual(lines);
    expect(capToAuthorizedUnits(lines, { '72148': 5 })).toEqual(lines);
  });
});
