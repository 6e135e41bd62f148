// Fracture 7th characters (guideline I.C.19.a): a visit during routine healing after active
// treatment is D, delayed healing (delayed union) G, nonunion K, malunion P, a sequela S; "initial"
// is for active treatment only. A physician's A on a follow-up visit is coded D and reported as
// changed so a coder confirms. Wording is our own.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codesFor, codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 52, sex: 'F' });

describe('the encounter of a fracture', () => {
  it('a follow-up written "f/u" or "wk f/u", or a fracture called healing, is routine healing (D)', () => {
    expect(codes(['Left distal radius fracture'], '8 wk f/u L distal radius fx. Splint off. Callus on XR.')).toEqual(['S52.502D']);
    expect(codes(['Right distal radius fracture, healing'])).toEqual(['S52.501D']);
  });

  it('delayed union is delayed healing (G), at the fracture the words name', () => {
    expect(codes(['Delayed union of right Colles fracture'])).toEqual(['S52.531G']);
  });

  it('a wound check after a burn is a subsequent encounter', () => {
    expect(codes(['Burn of right forearm'], 'Wound check of the forearm burn, 6 days after a scald; clean granulating base.')[0]).toMatch(
      /^T22\.\w+D$/,
    );
  });

  it('a follow-up the plan schedules after surgery does not make today a subsequent encounter', () => {
    expect(codes(['Right tibial shaft fracture'], 'Closed tibial shaft fracture today. ORIF scheduled. Follow-up post-op.')).toEqual([
      'S82.201A',
    ]);
  });

  it('a follow-up the plan offers in some weeks ("f/u 2 wks if not improving") leaves today the first visit', () => {
    expect(codes(['Knee sprain'], 'Twisted knee last night. Knee sprain - RICE, sleeve, f/u 2 wks if not improving.')).toEqual([
      'S83.90XA',
    ]);
  });

  it('a written A on a follow-up visit is coded D and reported as changed', () => {
    const input = codingInput(
      {
        diagnoses: [{ description: 'Colles fracture of right radius', code: 'S52.531A' }],
        notes: '6 week follow-up of R Colles fracture; cast removed today, healing as expected.',
      },
      { ageYears: 61, sex: 'F' },
    );
    const r = codeEncounter(input, codeSets());
    expect(r.diagnoses.map((d) => d.code)).toEqual(['S52.531D']);
    expect(r.documentedCodes?.[0]).toMatchObject({ code: 'S52.531A', outcome: 'changed', codedAs: ['S52.531D'] });
    expect(r.straightThrough?.eligible).toBe(false);
  });

  it('a written code on a visit that states two encounter types stands (asked instead)', () => {
    const input = codingInput(
      {
        diagnoses: [{ description: 'Fracture of left distal radius', code: 'S52.502A' }],
        notes: 'Follow-up, routine healing. Plan: this is her initial visit for the fracture, reduction done in ED.',
      },
      { ageYears: 70, sex: 'F' },
    );
    expect(codeEncounter(input, codeSets()).diagnoses.map((d) => d.code)).toEqual(['S52.502A']);
  });
});
