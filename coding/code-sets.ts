/** Loads every code set the engine needs, once per process. */
import { fileURLToPath } from 'node:url';
import { loadIcd10Cm, normalizeIcdCode, type Icd10Cm } from './icd10cm.ts';
import { loadProcedureCatalog, loadPtpPairs, loadUnitLimits, type ProcedureCatalog, type PtpPair } from './procedures.ts';
import { loadVaccines, type VaccineTable } from './vaccines.ts';

export interface CodeSets {
  icd: Icd10Cm;
  catalog: ProcedureCatalog;
  ptpPairs: PtpPair[];
  unitLimits: Map<string, number>;
  /** Vaccine products by the names charts give them (data/procedures/vaccines.csv). */
  vaccines: VaccineTable;
  versions: Record<string, string>;
  /** Looks up a code a coder typed; undefined when it is not in the code sets. */
  describe(system: 'ICD-10-CM' | 'PROCEDURE', code: string): { description: string; system: string } | undefined;
  /** Cold-load measurements of this process. */
  loadStats: { millis: number; heapUsedDeltaMB: number; rssDeltaMB: number };
}

const dataPath = (rel: string) => fileURLToPath(new URL(`../data/${rel}`, import.meta.url));

let cached: Promise<CodeSets> | undefined;
let cachedCatalogPath: string | undefined;

export function loadCodeSets(opts: { procedureCatalogPath?: string } = {}): Promise<CodeSets> {
  const catalogPath = opts.procedureCatalogPath ?? dataPath('procedures/demo-catalog.csv');
  if (cached && cachedCatalogPath === catalogPath) return cached;
  cachedCatalogPath = catalogPath;
  cached = (async () => {
    const m0 = process.memoryUsage();
    const t0 = performance.now();
    const [icd, catalog, ptpPairs, unitLimits, vaccines] = await Promise.all([
      loadIcd10Cm(dataPath('code-sets/icd10cm.json.gz')),
      loadProcedureCatalog(catalogPath),
      loadPtpPairs(dataPath('procedures/ptp-pairs.csv')),
      loadUnitLimits(dataPath('procedures/mue.csv')),
      loadVaccines(dataPath('procedures/vaccines.csv')),
    ]);
    const m1 = process.memoryUsage();
    const describe = (system: 'ICD-10-CM' | 'PROCEDURE', code: string) => {
      if (system === 'ICD-10-CM') {
        const i = icd.byCode.get(normalizeIcdCode(code));
        const e = i === undefined ? undefined : icd.entries[i];
        return e ? { description: e.description, system: 'ICD-10-CM' } : undefined;
      }
      const p = catalog.byCode.get(code.trim().toUpperCase());
      return p ? { description: p.description, system: p.system } : undefined;
    };
    return {
      icd,
      catalog,
      ptpPairs,
      unitLimits,
      vaccines,
      describe,
      versions: {
        'ICD-10-CM': icd.release,
        'procedure-catalog': catalogPath.split('/').pop() ?? catalogPath,
        'ptp-pairs': 'demo (not CMS NCCI)',
        mue: 'demo (not CMS MUE)',
        vaccines: 'vaccines.csv (CPT vaccine product codes, names written by this project)',
      },
      loadStats: {
        millis: Math.round(performance.now() - t0),
        heapUsedDeltaMB: Math.round((m1.heapUsed - m0.heapUsed) / 1e5) / 10,
        rssDeltaMB: Math.round((m1.rss - m0.rss) / 1e5) / 10,
      },
    };
  })();
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}
