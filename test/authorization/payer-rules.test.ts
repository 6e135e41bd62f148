import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPayerRules, requiresPriorAuthorization } from '../../authorization/payer-rules.ts';

describe('payer prior-authorization rules', () => {
  it('ACME-HEALTH needs authorization for advanced imaging and some surgery', () => {
    const rules = loadPayerRules();
    for (const code of ['70551', '70552', '70553', '72148', '73721', '11042']) {
      expect(rules.requiresPriorAuthorization('ACME-HEALTH', code)).toEqual({ required: true });
    }
    expect(rules.requiresPriorAuthorization('ACME-HEALTH', '29881')).toEqual({ required: true, expedited: true });
    expect(rules.requiresPriorAuthorization('ACME-HEALTH', '70554')).toEqual({ required: false });
    expect(rules.requiresPriorAuthorization('ACME-HEALTH', '99213')).toEqual({ required: false });
  });

  it('BLUE-PLAINS only for sleep studies; MEDICARE-DEMO and unknown payers never', () => {
    expect(requiresPriorAuthorization('BLUE-PLAINS', '95810')).toEqual({ required: true });
    expect(requiresPriorAuthorization('BLUE-PLAINS', '70553')).toEqual({ required: false });
    expect(requiresPriorAuthorization('MEDICARE-DEMO', '70553')).toEqual({ required: false });
    expect(requiresPriorAuthorization('NO-SUCH-PAYER', '70553')).toEqual({ required: false });
  });

  it('rules are data: an edited file changes the answer without a code change', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'payer-'));
    const path = join(dir, 'rules.json');
    await writeFile(path, JSON.stringify({ payers: { 'MEDICARE-DEMO': { priorAuthorization: [{ codes: ['93000'] }] } } }));
    const rules = loadPayerRules(path);
    expect(rules.requiresPriorAuthorization('MEDICARE-DEMO', '93000')).toEqual({ required: true });
    expect(requiresPriorAuthorization('MEDICARE-DEMO', '93000')).toEqual({ required: true });
    await writeFile(path, JSON.stringify({ nothing: true }));
    expect(() => loadPayerRules(path)).toThrow(/payers/);
    loadPayerRules();
    expect(requiresPriorAuthorization('MEDICARE-DEMO', '93000')).toEqual({ required: false });
  });
});
