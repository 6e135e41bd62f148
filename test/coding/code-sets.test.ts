import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodeSets, loadProcedureCatalog } from '../../coding/index.ts';
import { ancestry, EntryKind, notesFor } from '../../coding/icd10cm.ts';

const repo = new URL('../../', import.meta.url);

describe('code sets', () => {
  it('loads the complete FY2026 ICD-10-CM once', async () => {
    const a = await loadCodeSets();
    const b = await loadCodeSets();
    expect(b).toBe(a);
    const billable = a.icd.entries.filter((e) => e.kind === EntryKind.Billable).length;
    expect(billable).toBeGreaterThan(74_000);
    expect(billable).toBeLessThan(76_000);
    expect(a.versions['ICD-10-CM']).toBe('FY2026 (April 1, 2026 update)');
    expect(a.loadStats.millis).toBeGreaterThan(0);
    expect(a.describe('ICD-10-CM', 'e119')?.description).toBe('Type 2 diabetes mellitus without complications');
    expect(a.describe('PROCEDURE', '93000')?.system).toBe('CPT');
    expect(a.describe('PROCEDURE', 'J1885')?.system).toBe('HCPCS');
    expect(a.describe('ICD-10-CM', 'XYZ')).toBeUndefined();
  });

  it('keeps the hierarchy, 7th-character codes and tabular notes', async () => {
    const { icd } = await loadCodeSets();
    expect(
      ancestry(icd, 'S52.502A')
        .map((e) => e.code)
        .slice(0, 4),
    ).toEqual(['S52.502A', 'S52.502', 'S52.50', 'S52.5']);
    expect(icd.entries[icd.byCode.get('S52.502') ?? -1]?.kind).toBe(EntryKind.Header);
    expect(notesFor(icd, 'E11.22', 'ua')[0]?.[1]).toEqual(['N18.1..N18.6']);
    expect(notesFor(icd, 'E11.9', 'ex1').some(([, p]) => p.includes('E10-'))).toBe(true);
  });

  it('PROVENANCE.json records the source package and a sha256 that matches the shipped file', async () => {
    const prov = JSON.parse(await readFile(new URL('data/code-sets/PROVENANCE.json', repo), 'utf8'));
    expect(prov.icd10cm.sourcePackage).toBe('simple-icd-10-cm==1.5.0');
    expect(prov.icd10cm.fiscalYear).toBe('2026');
    const shipped = await readFile(new URL('data/code-sets/icd10cm.json.gz', repo));
    expect(createHash('sha256').update(shipped).digest('hex')).toBe(prov.icd10cm.sha256);
  });

  it('loads a customer catalog CSV (quoted fields, optional columns)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'catalog-'));
    const path = join(dir, 'catalog.csv');
    await writeFile(
      path,
      'code,description,rvu,priceCents\n99213,"Office visit, established",2.71,9300\nG0008,Flu vaccine administration,,\n',
    );
    const catalog = await loadProcedureCatalog(path);
    expect(catalog.byCode.get('99213')).toMatchObject({
      description: 'Office visit, established',
      rvu: 2.71,
      priceCents: 9300,
      system: 'CPT',
    });
    expect(catalog.byCode.get('G0008')).toMatchObject({ system: 'HCPCS' });
    expect(catalog.byCode.get('G0008')?.priceCents).toBeUndefined();
  });
});
