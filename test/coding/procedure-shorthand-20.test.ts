// Superbill shorthand for procedure lines: a visit line that is only a status and a level, radiograph
// and view abbreviations, "inj" for an injection, and vaccine product shorthand.
import { describe, expect, it } from 'vitest';
import type { DocumentedProcedure } from '../../domain/encounter.ts';
import { codeEncounter } from '../../coding/index.ts';
import { officeVisitByLevel } from '../../coding/procedures.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const codes = (descriptions: string[], notes = 'Seen today after a fall on the right wrist.') =>
  codeEncounter(
    codingInput(
      {
        notes,
        diagnoses: [{ description: 'Sprain of right wrist' }],
        procedures: descriptions.map((description): DocumentedProcedure => ({ description })),
      },
      { ageYears: 40, sex: 'F' },
    ),
    codeSets(),
  ).procedures.map((p) => p.code);

describe('a visit line that is only a patient status and a level', () => {
  it('reads as that visit level, in the status it names', () => {
    expect(officeVisitByLevel('est low')).toBe('99213');
    expect(officeVisitByLevel('est moderate')).toBe('99214');
    expect(officeVisitByLevel('new mod')).toBe('99204');
    expect(officeVisitByLevel('Estab - high')).toBe('99215');
    expect(officeVisitByLevel('est lvl 3')).toBe('99213');
  });

  it('is coded as the established visit, not a new-patient code sharing the level word', () => {
    expect(codes(['est low'])).toEqual(['99213']);
    expect(codes(['est moderate'])).toEqual(['99214']);
  });

  it('needs both: a level alone or a status alone names no visit', () => {
    expect(officeVisitByLevel('low')).toBeUndefined();
    expect(officeVisitByLevel('est')).toBeUndefined();
    expect(officeVisitByLevel('est low back injection')).toBeUndefined();
  });
});

describe('radiographs, injections and vaccines in shorthand', () => {
  it('reads "xray"/"XR" and a count of views', () => {
    expect(codes(['wrist xray 3v'])).toEqual(['73110']);
    expect(codes(['XR knee 3 vws R'])).toEqual(['73562']);
    expect(codes(['CXR 2v'])).toEqual(['71046']);
  });

  it('reads "IM inj" beside the drug it gives as the therapeutic injection', () => {
    expect(codes(['ketorolac 15 mg x4', 'IM inj'])).toEqual(['J1885', '96372']);
  });

  it('reads "quad PF" as the quadrivalent preservative-free influenza vaccine', () => {
    // The vaccine given is administered too: the record has no administration line, so it is added.
    expect(codes(['flu vaccine quad PF'], 'Seasonal influenza vaccine given today.')).toEqual(['90686', '90471']);
  });
});
