import { describe, expect, it } from 'vitest';
import { runEdits, type ProcedureLine } from '../../coding/index.ts';
import { useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const adultMale = { ageYears: 50, sex: 'M' as const };
const line = (code: string, extra: Partial<ProcedureLine> = {}): ProcedureLine => ({
  code,
  units: 1,
  modifiers: [],
  diagnosisPointers: [1],
  ...extra,
});
const rules = (findings: Array<{ rule: string }>) => findings.map((f) => f.rule);

describe('runEdits', () => {
  it('passes a clean claim', () => {
    expect(runEdits([{ code: 'I10' }], [line('99213')], adultMale, codeSets())).toEqual([]);
  });

  it('NON_BILLABLE: header codes and unknown codes', () => {
    const found = runEdits([{ code: 'E11' }, { code: 'Q99.99' }], [], adultMale, codeSets());
    expect(found.filter((f) => f.rule === 'NON_BILLABLE').map((f) => f.codes[0])).toEqual(['E11', 'Q99.99']);
    expect(found[0]?.message).toMatch(/header/);
  });

  it('SUPPLEMENTARY_FIRST: an infectious agent or a manifestation code first-listed', () => {
    expect(rules(runEdits([{ code: 'B96.81' }], [], adultMale, codeSets()))).toContain('SUPPLEMENTARY_FIRST');
    expect(rules(runEdits([{ code: 'G63' }, { code: 'E11.9' }], [], adultMale, codeSets()))).toContain('SUPPLEMENTARY_FIRST');
    expect(rules(runEdits([{ code: 'K29.70' }, { code: 'B96.81' }], [], adultMale, codeSets()))).not.toContain('SUPPLEMENTARY_FIRST');
  });

  it('EXCLUDES1: type 1 and type 2 diabetes on one claim, from the tabular note', () => {
    const found = runEdits([{ code: 'E11.9' }, { code: 'E10.9' }], [], adultMale, codeSets());
    const ex = found.filter((f) => f.rule === 'EXCLUDES1');
    expect(ex).toHaveLength(1);
    expect(ex[0]?.codes.sort()).toEqual(['E10.9', 'E11.9']);
    expect(ex[0]?.source).toMatch(/Excludes1/);
    expect(ex[0]?.needsDocumentation).toBe(true);
  });

  it('EXCLUDES1 does not fire for Excludes2 pairs (asthma with COPD J44.89 is Excludes2)', () => {
    expect(rules(runEdits([{ code: 'J45.909' }, { code: 'J44.89' }], [], adultMale, codeSets()))).not.toContain('EXCLUDES1');
  });

  it('SEX_CONFLICT: prostate code for a female patient; none for a male patient', () => {
    expect(rules(runEdits([{ code: 'N40.0' }], [], { ageYears: 60, sex: 'F' }, codeSets()))).toContain('SEX_CONFLICT');
    expect(rules(runEdits([{ code: 'N40.0' }], [], { ageYears: 60, sex: 'M' }, codeSets()))).not.toContain('SEX_CONFLICT');
  });

  it('AGE_CONFLICT: pregnancy code at age 70, adult exam for a child', () => {
    const old = runEdits([{ code: 'Z34.00' }], [], { ageYears: 70, sex: 'F' }, codeSets());
    expect(rules(old)).toContain('AGE_CONFLICT');
    expect(rules(runEdits([{ code: 'Z00.00' }], [], { ageYears: 9, sex: 'F' }, codeSets()))).toContain('AGE_CONFLICT');
    expect(rules(runEdits([{ code: 'Z34.00' }], [], { ageYears: 30, sex: 'F' }, codeSets()))).toEqual([]);
  });

  it('PTP indicator 0: never together, whatever the modifier', () => {
    const found = runEdits([{ code: 'R56.9' }], [line('70553'), line('70551', { modifiers: ['59'] })], adultMale, codeSets());
    expect(found.filter((f) => f.rule === 'PTP')).toHaveLength(1);
    expect(found[0]?.message).toMatch(/not separately reportable/);
  });

  it('two codes the record bills as one combined code are a PTP error naming the combined code', () => {
    const found = runEdits([{ code: 'Z30.46' }], [line('11982'), line('11981')], { ageYears: 30, sex: 'F' }, codeSets());
    expect(found.filter((f) => f.rule === 'PTP').map((f) => f.source)).toEqual([expect.stringMatching(/11983/)]);
    const guided = runEdits([{ code: 'M17.11' }], [line('20610'), line('76942')], adultMale, codeSets());
    expect(guided.filter((f) => f.rule === 'PTP').map((f) => f.source)).toEqual([expect.stringMatching(/20611/)]);
  });

  it('PTP indicator 1: E/M with a joint injection needs modifier 25 on the E/M', () => {
    const without = runEdits([{ code: 'M17.11' }], [line('99213'), line('20610')], adultMale, codeSets());
    expect(rules(without)).toContain('PTP');
    const withModifier = runEdits([{ code: 'M17.11' }], [line('99213', { modifiers: ['25'] }), line('20610')], adultMale, codeSets());
    expect(rules(withModifier)).not.toContain('PTP');
  });

  it('PTP indicator 1: two procedures need a distinct-service modifier (59/XS...)', () => {
    expect(rules(runEdits([{ code: 'L89.153' }], [line('11042'), line('12001')], adultMale, codeSets()))).toContain('PTP');
    expect(
      rules(runEdits([{ code: 'L89.153' }], [line('11042'), line('12001', { modifiers: ['XS'] })], adultMale, codeSets())),
    ).not.toContain('PTP');
  });

  it('PTP indicator 9: not applicable', () => {
    expect(rules(runEdits([{ code: 'I10' }], [line('80053'), line('36415')], adultMale, codeSets()))).not.toContain('PTP');
  });

  it('MUE: units above the per-day limit, summed across lines', () => {
    expect(rules(runEdits([{ code: 'M54.50' }], [line('J1885', { units: 9 })], adultMale, codeSets()))).toContain('MUE');
    expect(rules(runEdits([{ code: 'M54.50' }], [line('J1885', { units: 8 })], adultMale, codeSets()))).not.toContain('MUE');
    expect(
      rules(
        runEdits([{ code: 'I10' }], [line('36415', { units: 2 }), line('36415', { units: 1, modifiers: ['91'] })], adultMale, codeSets()),
      ),
    ).toContain('MUE');
  });

  it('DX_POINTER: missing, out of range, duplicate or more than four pointers', () => {
    const dx = [{ code: 'I10' }, { code: 'E78.5' }];
    expect(rules(runEdits(dx, [line('99213', { diagnosisPointers: [] })], adultMale, codeSets()))).toContain('DX_POINTER');
    expect(rules(runEdits(dx, [line('99213', { diagnosisPointers: [3] })], adultMale, codeSets()))).toContain('DX_POINTER');
    expect(rules(runEdits(dx, [line('99213', { diagnosisPointers: [1, 1] })], adultMale, codeSets()))).toContain('DX_POINTER');
    expect(rules(runEdits(dx, [line('99213', { diagnosisPointers: [1, 2, 1, 2, 1] })], adultMale, codeSets()))).toContain('DX_POINTER');
    expect(rules(runEdits(dx, [line('99213', { diagnosisPointers: [2, 1] })], adultMale, codeSets()))).toEqual([]);
  });

  it('DUPLICATE_LINE: the same code and modifiers twice', () => {
    expect(rules(runEdits([{ code: 'I10' }], [line('93000'), line('93000')], adultMale, codeSets()))).toContain('DUPLICATE_LINE');
    expect(rules(runEdits([{ code: 'I10' }], [line('93000'), line('93000', { modifiers: ['76'] })], adultMale, codeSets()))).not.toContain(
      'DUPLICATE_LINE',
    );
  });
});
