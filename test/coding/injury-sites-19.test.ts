// Issue 10 (wrong code families), injuries: a line that names an injury at a site is coded in
// chapter 19 (S/T, 7th character). A hit that explains only the site or the side is another
// condition of that site (a neuropathy of the limb, an immersion hand), a stress or pathological
// fracture needs its kind named, and the scaphoid with no foot named is the wrist's.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 34, sex: 'M' });

describe('a site or a side alone brings in no condition of that site', () => {
  it('codes nothing rather than a condition the line does not name', () => {
    expect(codes(["nursemaid's elbow R"], '', { ageYears: 3 })).not.toContain('G56.91');
    expect(codes(['SCCIS R hand'], '', { ageYears: 79, sex: 'F' })).not.toContain('T69.011A');
    expect(codes(['bilat CTS'], '', { ageYears: 52, sex: 'F' })).not.toContain('H04.203');
  });

  it('the site of a named condition still codes it', () => {
    expect(codes(['Tingling of right hand'])).toEqual(['R20.2']);
    expect(codes(['Right knee pain'])).toEqual(['M25.561']);
  });
});

describe('fractures', () => {
  it('a fracture is an injury unless the line says stress or pathological', () => {
    expect(codes(['R ankle fx'])[0]).toMatch(/^S82\..{3}A$/);
    expect(codes(['stress fx R 2nd metatarsal'])[0]).toMatch(/^M84\.37/);
    expect(codes(['Pathological fracture of right femur'], '', { ageYears: 70, sex: 'F' })[0]).toMatch(/^M84\.45/);
  });

  it("the scaphoid is the wrist's unless the foot is named", () => {
    expect(codes(['R scaphoid fx'])).toEqual(['S62.001A']);
    expect(codes(['Left scaphoid fracture of foot'])[0]).toMatch(/^S92\.25/);
  });

  it('"RTC" before a tear is the rotator cuff, not a retinal tear', () => {
    expect(codes(['RTC tear L'], '', { ageYears: 63, sex: 'F' })[0]).toMatch(/^M75\.1/);
  });
});
