import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPayerDirectory, priorAuthorizationFor } from '../../payers/directory.ts';

const scratch = mkdtempSync(join(tmpdir(), 'payers-'));
function directoryFile(payers: unknown[]): string {
  const path = join(scratch, `payers-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ payers }));
  return path;
}
const payer = (extra: Record<string, unknown> = {}) => ({
  id: 'P1',
  name: 'Plan one',
  timelyFilingDays: 90,
  appealLimitDays: 60,
  followUpDays: 14,
  ...extra,
});

describe('the shipped payer directory', () => {
  const directory = loadPayerDirectory();

  it('lists the demo payers with their limits and routes', () => {
    expect(directory.payers.map((p) => p.id)).toEqual(['ACME-HEALTH', 'BLUE-PLAINS', 'MEDICARE-DEMO', 'PRAIRIE-MUTUAL']);
    expect(directory.get('BLUE-PLAINS')).toMatchObject({
      timelyFilingDays: 90,
      appealLimitDays: 60,
      followUpDays: 21,
      claimRoute: 'clearinghouse',
      remittanceRoute: 'clearinghouse-era',
      active: true,
    });
    expect(directory.get('NOSUCH-PAYER')).toBeUndefined();
  });

  it('says which procedures each payer authorizes first, with ranges and expedited rules', () => {
    for (const code of ['70551', '70552', '70553', '72148', '73721', '11042']) {
      expect(directory.requiresPriorAuthorization('ACME-HEALTH', code)).toEqual({ required: true });
    }
    expect(directory.requiresPriorAuthorization('ACME-HEALTH', '29881')).toEqual({ required: true, expedited: true });
    expect(directory.requiresPriorAuthorization('ACME-HEALTH', '70554')).toEqual({ required: false });
    expect(directory.requiresPriorAuthorization('ACME-HEALTH', '99213')).toEqual({ required: false });
    expect(directory.requiresPriorAuthorization('BLUE-PLAINS', '95810')).toEqual({ required: true });
    expect(directory.requiresPriorAuthorization('MEDICARE-DEMO', '70553')).toEqual({ required: false });
    expect(directory.requiresPriorAuthorization('NOSUCH-PAYER', '70553')).toEqual({ required: false });
  });
});

describe('loading a directory file', () => {
  it('applies defaults for routes and the active flag', () => {
    const directory = loadPayerDirectory(directoryFile([payer()]));
    expect(directory.get('P1')).toMatchObject({
      active: true,
      claimRoute: 'clearinghouse',
      remittanceRoute: 'clearinghouse-era',
      priorAuthorization: [],
    });
  });

  it.each([
    ['a missing timely-filing limit', [payer({ timelyFilingDays: undefined })], /payers\.0\.timelyFilingDays/],
    ['a limit of zero days', [payer({ appealLimitDays: 0 })], /payers\.0\.appealLimitDays/],
    ['a payer listed twice', [payer(), payer()], /listed twice/],
    ['a backwards code range', [payer({ priorAuthorization: [{ codes: ['70553-70551'] }] })], /low to high/],
    ['a code that is no procedure code', [payer({ priorAuthorization: [{ codes: ['MRI'] }] })], /priorAuthorization\.0\.codes\.0/],
  ])('refuses %s, naming the field', (_name, payers, message) => {
    expect(() => loadPayerDirectory(directoryFile(payers))).toThrow(message);
  });

  it('names the file when it is not JSON', () => {
    const path = join(scratch, 'broken.json');
    writeFileSync(path, '{ "payers": [');
    expect(() => loadPayerDirectory(path)).toThrow(/broken\.json/);
  });
});

describe('priorAuthorizationFor', () => {
  it('matches a range only for codes of the same length, and the first rule wins', () => {
    const rules = [{ codes: ['70551-70553'] }, { codes: ['70552'], expedited: true }];
    expect(priorAuthorizationFor(rules, '70552')).toEqual({ required: true });
    expect(priorAuthorizationFor(rules, '7055')).toEqual({ required: false });
    expect(priorAuthorizationFor(rules, ' 70551 ')).toEqual({ required: true });
  });
});
