// Vaccines on the superbill: products by the names charts use, administration by age, counselling, route and payer.
import { describe, expect, it } from 'vitest';
import type { DocumentedProcedure } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { administrationFor, counselledOnVaccines, vaccinesOnLine, type GivenVaccine } from '../../coding/vaccines.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';
import { claimLines } from '../../testkit/procedure-outcomes.ts';

const codeSets = useCodeSets();

const visit = (notes: string, procedures: DocumentedProcedure[], ageYears: number) =>
  codeEncounter(
    codingInput({ notes, diagnoses: [{ description: 'Routine child health check' }], procedures }, { ageYears, sex: 'F' }),
    codeSets(),
  );

describe('vaccine names on a procedure line', () => {
  const named = (line: string, age: number) => vaccinesOnLine(codeSets().vaccines, line, age).named.map((n) => n.vaccine.code);

  it('reads brand names and abbreviations, a combination before its parts', () => {
    expect(named('Vaxelis IM', 0)).toEqual(['90697']);
    expect(named('DTaP-IPV (Kinrix)', 4)).toEqual(['90696']);
    expect(named('MMR, Varivax, Hep A, PCV 20', 1).sort()).toEqual(['90633', '90677', '90707', '90716']);
    expect(named('ProQuad', 4)).toEqual(['90710']);
  });

  it('picks the product of the patient age where one name covers two', () => {
    expect(named('HepA #1', 2)).toEqual(['90633']);
    expect(named('HepA #1', 45)).toEqual(['90632']);
    expect(named('Engerix-B', 30)).toEqual(['90746']);
  });

  it('a laboratory line about the same disease names no vaccine', () => {
    expect(named('Hep B surface antibody', 30)).toEqual([]);
    expect(named('Varicella IgG titer', 30)).toEqual([]);
    expect(named('Pap with HPV co-test', 30)).toEqual([]);
  });
});

describe('administration codes', () => {
  const v = (components: number, route: GivenVaccine['route'] = 'injection', family: GivenVaccine['family'] = 'other'): GivenVaccine => ({
    components,
    route,
    family,
  });

  it('counselled child: 90460 per vaccine and 90461 per further component', () => {
    expect(administrationFor([v(6), v(1), v(1, 'oral')], { ageYears: 0, counselled: true, medicare: false })).toEqual([
      expect.objectContaining({ code: '90460', units: 3 }),
      expect.objectContaining({ code: '90461', units: 5 }),
    ]);
  });

  it('an adult, or a child without counselling: 90471/90472 by injection, 90474 for a vaccine by mouth after one', () => {
    const three = [v(3), v(1), v(1, 'oral')];
    for (const ctx of [
      { ageYears: 19, counselled: true, medicare: false },
      { ageYears: 5, counselled: false, medicare: false },
    ])
      expect(administrationFor(three, ctx).map((a) => [a.code, a.units])).toEqual([
        ['90471', 1],
        ['90472', 1],
        ['90474', 1],
      ]);
    expect(administrationFor([v(1, 'nasal')], { ageYears: 30, counselled: false, medicare: false }).map((a) => a.code)).toEqual(['90473']);
  });

  it("Medicare's own codes for influenza, pneumococcal and hepatitis B, and 90480 for COVID-19", () => {
    const given = [v(1, 'injection', 'influenza'), v(1, 'injection', 'pneumococcal'), v(1, 'injection', 'covid'), v(1)];
    expect(administrationFor(given, { ageYears: 70, counselled: false, medicare: true }).map((a) => a.code)).toEqual([
      '90480',
      'G0008',
      'G0009',
      '90471',
    ]);
  });

  it('counselling is read from the record, and a standing order by a nurse is not counselling', () => {
    expect(counselledOnVaccines('Counseled parents on each vaccine and its components; VIS given.', [])).toBe(true);
    expect(counselledOnVaccines('Vaccines given by RN per standing order. VIS provided.', [])).toBe(false);
    expect(counselledOnVaccines('Well visit. VIS provided.', ['Imm admin w/ counseling'])).toBe(true);
    expect(counselledOnVaccines('Well visit. VIS provided.', ['Vaccine admin'])).toBe(false);
  });
});

describe('vaccines through the engine', () => {
  it('an infant visit: products by name, administration derived for the counselled vaccines', () => {
    const r = visit(
      'Well infant. Counseled parents on benefits and risks of each vaccine and component. Vaxelis IM, Prevnar 20 IM, Rotarix PO.',
      [
        { description: 'Vaxelis IM' },
        { description: 'PCV20 IM' },
        { description: 'Rotarix oral' },
        { description: 'Imm admin w/ counseling' },
      ],
      0,
    );
    expect(claimLines(r)).toEqual(['90460x3', '90461x5', '90677x1', '90681x1', '90697x1']);
  });

  it('vaccines with no administration line: the administration is added', () => {
    const r = visit('Tdap given IM by MA. VIS given.', [{ description: 'Tdap' }], 40);
    expect(claimLines(r)).toEqual(['90471x1', '90715x1']);
  });

  it('a written 90460 is kept and completed by 90461 for the further components', () => {
    const r = visit(
      'Discussed each vaccine and its components with guardian; risks/benefits reviewed.',
      [{ description: 'Kinrix' }, { description: 'ProQuad' }, { description: 'Admin w counseling', code: '90460' }],
      4,
    );
    expect(claimLines(r)).toEqual(['90460x1', '90461x6', '90696x1', '90710x1']);
  });

  it('a written 90460 the record does not support is corrected to the supported codes, offered beside them, and sent to a coder', () => {
    const r = visit(
      'RN gave Bexsero and Menveo per standing order. VIS provided.',
      [{ description: 'Bexsero' }, { description: 'Menveo' }, { description: 'Admin', code: '90460' }],
      17,
    );
    expect(claimLines(r)).toEqual(['90471x1', '90472x1', '90620x1', '90734x1']);
    expect(r.edits).toContainEqual(expect.objectContaining({ rule: 'DOCUMENTED_CODE_CORRECTED', codes: ['90460', '90471', '90472'] }));
    expect(r.procedures.find((p) => p.code === '90471')?.alternatives[0]?.code).toBe('90460');
    expect(r.documentedCodes).toContainEqual(expect.objectContaining({ code: '90460', outcome: 'changed', codedAs: ['90471', '90472'] }));
    expect(r.straightThrough.eligible).toBe(false);
  });

  it('a COVID-19 vaccine named without its product is left to a coder; its administration is 90480', () => {
    const r = visit(
      'Medicare AWV. Fluzone High-Dose IM; COVID-19 vaccine IM, given by MA.',
      [{ description: 'Fluzone HD' }, { description: 'Flu admin Medicare' }, { description: 'COVID vaccine + admin' }],
      80,
    );
    expect(claimLines(r)).toEqual(['90480x1', '90662x1', 'G0008x1']);
    expect(r.edits).toContainEqual(expect.objectContaining({ rule: 'UNMATCHED_PROCEDURE' }));
  });
});
