import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isBillable } from '../../coding/icd10cm.ts';
import { loadCodeSets } from '../../coding/index.ts';
import { evaluate, readEvalSet } from '../../scripts/eval-coding.ts';
import { testCalibration } from '../../testkit/test-calibration.ts';

const HELDOUT_SET = fileURLToPath(new URL('./heldout-set.json', import.meta.url));
const HELDOUT_SET_2 = fileURLToPath(new URL('./heldout-set-2.json', import.meta.url));
const HELDOUT_SET_3 = fileURLToPath(new URL('./heldout-set-3.json', import.meta.url));

describe('labelled evaluation set', () => {
  it('has at least 40 encounters with labels', () => {
    const set = readEvalSet();
    expect(set.length).toBeGreaterThanOrEqual(40);
    expect(set.filter((e) => e.expect.query).length).toBeGreaterThan(0);
  });

  it('keeps accuracy and query quality above the agreed floor', async () => {
    const report = evaluate(readEvalSet(), await loadCodeSets());
    expect(report.top1).toBeGreaterThanOrEqual(0.85);
    expect(report.top3).toBeGreaterThanOrEqual(report.top1);
    expect(report.queries.precision).toBeGreaterThanOrEqual(0.75);
    expect(report.queries.recall).toBeGreaterThanOrEqual(0.75);
    expect(report.answers.resolved).toBe(report.answers.total);
    expect(report.edits.caught).toBe(report.edits.expected);
    expect(report.procedures.correct).toBe(report.procedures.expected);
    // Every gate lets some encounters through, and few of them wrong (the confidence aside: the
    // shipped calibration, fitted on first-sight runs, lets none through).
    expect(report.gatesPassed.count).toBeGreaterThan(0);
    expect(report.gatesPassed.billable / report.gatesPassed.count).toBeGreaterThanOrEqual(0.9);
    expect(report.straightThrough.count).toBe(0);
    expect(report.reliability.reduce((n, r) => n + r.encounters, 0)).toBe(report.encounters);
  });
});

// The held-out set measures the engine on encounters it was not tuned on: only its data are
// checked here (it loads, and every expected code is billable); no accuracy floor on purpose.
describe('held-out evaluation set', () => {
  it('loads with 40 uniquely labelled encounters', () => {
    const set = readEvalSet(HELDOUT_SET);
    expect(set.length).toBe(40);
    expect(new Set(set.map((e) => e.id)).size).toBe(set.length);
    for (const e of set) {
      expect(e.expect.dx.length, e.id).toBeGreaterThan(0);
      if (e.answer) expect(e.expect.query && e.expectAfterAnswer !== undefined, e.id).toBe(true);
    }
  });

  it('expects only billable FY2026 ICD-10-CM codes', async () => {
    const { icd } = await loadCodeSets();
    const notBillable = readEvalSet(HELDOUT_SET).flatMap((e) =>
      [...e.expect.dx, ...(e.expectAfterAnswer?.dx ?? [])].filter((code) => !isBillable(icd, code)).map((code) => `${e.id}: ${code}`),
    );
    expect(notBillable).toEqual([]);
  });
});

// Second held-out set, written without reading the engine or the other sets: data checks only,
// no accuracy floor (its figures are the honest ones; see scripts/eval-coding.ts --set).
describe('second held-out evaluation set', () => {
  it('loads with 40 uniquely labelled encounters', () => {
    const set = readEvalSet(HELDOUT_SET_2);
    expect(set.length).toBe(40);
    expect(new Set(set.map((e) => e.id)).size).toBe(set.length);
    expect(set.filter((e) => e.expect.query).length).toBeGreaterThanOrEqual(4);
    for (const e of set) {
      expect(e.expect.dx.length, e.id).toBeGreaterThan(0);
      if (e.answer) expect(e.expect.query && e.expectAfterAnswer !== undefined, e.id).toBe(true);
    }
  });

  it('expects only billable FY2026 ICD-10-CM codes', async () => {
    const { icd } = await loadCodeSets();
    const notBillable = readEvalSet(HELDOUT_SET_2).flatMap((e) =>
      [...e.expect.dx, ...(e.expectAfterAnswer?.dx ?? [])].filter((code) => !isBillable(icd, code)).map((code) => `${e.id}: ${code}`),
    );
    expect(notBillable).toEqual([]);
  });
});

// Third held-out set (Q01-Q40), written without reading the engine or the other sets: data checks
// only, no accuracy floor (run scripts/eval-coding.ts --set test/coding/heldout-set-3.json for figures).
describe('third held-out evaluation set', () => {
  it('loads with 40 uniquely labelled encounters', () => {
    const set = readEvalSet(HELDOUT_SET_3);
    expect(set.length).toBe(40);
    expect(new Set(set.map((e) => e.id)).size).toBe(set.length);
    expect(set.filter((e) => e.expect.query).length).toBeGreaterThanOrEqual(4);
    for (const e of set) {
      expect(e.id, e.id).toMatch(/^Q\d{2}$/);
      expect(e.expect.dx.length, e.id).toBeGreaterThan(0);
      if (e.answer) expect(e.expect.query && e.expectAfterAnswer !== undefined, e.id).toBe(true);
    }
  });

  it('expects only billable FY2026 ICD-10-CM codes', async () => {
    const { icd } = await loadCodeSets();
    const notBillable = readEvalSet(HELDOUT_SET_3).flatMap((e) =>
      [...e.expect.dx, ...(e.expectAfterAnswer?.dx ?? [])].filter((code) => !isBillable(icd, code)).map((code) => `${e.id}: ${code}`),
    );
    expect(notBillable).toEqual([]);
  });

  it('expects only procedure codes from the demo catalog', () => {
    const catalog = new Set(
      readFileSync(fileURLToPath(new URL('../../data/procedures/demo-catalog.csv', import.meta.url)), 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0])
        .filter(Boolean),
    );
    const unknown = readEvalSet(HELDOUT_SET_3).flatMap((e) =>
      [...(e.expect.px ?? []), ...(e.px ?? []).flatMap((p) => (typeof p !== 'string' && p.code ? [p.code] : []))]
        .filter((code) => !catalog.has(code))
        .map((code) => `${e.id}: ${code}`),
    );
    expect(unknown).toEqual([]);
  });
});

// A record that needed a physician query is not billable as coded, however right its codes: the
// straight-through precision counts it as wrong and the report names how many such went through.
describe('straight-through precision counts a needed query', () => {
  it('a record let through without the query it needed is wrong, and counted apart', async () => {
    const codeSets = await loadCodeSets();
    const set = readEvalSet();
    // Under the tests' calibration, which lets confident encounters through.
    const options = { straightThrough: testCalibration() };
    const base = evaluate(set, codeSets, undefined, options);
    const through = set.filter((e) => !e.expect.query && !base.misses.some((m) => m.startsWith(`${e.id}:`)));
    const chosen = through.find((e) => evaluate([e], codeSets, undefined, options).straightThrough.count === 1);
    expect(chosen).toBeDefined();
    if (!chosen) return;
    const needing = { ...chosen, expect: { ...chosen.expect, query: true } };
    const report = evaluate([needing], codeSets, undefined, options);
    expect(report.straightThrough.count).toBe(1);
    expect(report.straightThrough.exactAmongThem).toBe(0);
    expect(report.straightThrough.neededQuery).toBe(1);
    expect(report.misses).toContain(`${chosen.id}: went straight through without the query it needed`);
  });
});
