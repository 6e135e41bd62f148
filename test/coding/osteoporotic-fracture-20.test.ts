// A fracture in a patient with known osteoporosis after a minor fall or strain is a pathological
// fracture, M80, not a traumatic fracture code, and M80 includes the osteoporosis (guideline
// I.C.13.d.1). A major trauma keeps the injury code. Wording is our own.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 78, sex: 'F' }, { sorted: true });

describe('osteoporotic fracture', () => {
  it('a vertebral compression fracture from lifting, with osteoporosis, is M80.08XA alone', () => {
    const note = 'Back pain since lifting a box 4 days ago. Known osteoporosis. XR: new L2 compression fracture.';
    expect(codes(['L2 compression fracture', 'Osteoporosis'], note)).toEqual(['M80.08XA']);
  });

  it('a wrist fracture from a fall from standing keeps its side and encounter', () => {
    const note = 'Follow-up of left distal radius fracture after a fall from standing 4 weeks ago; healing well. Osteoporosis.';
    expect(codes(['Left distal radius fracture, subsequent encounter, routine healing', 'Age-related osteoporosis'], note)).toEqual([
      'M80.032D',
    ]);
  });

  it('a fracture from a car crash stays a traumatic fracture', () => {
    const note = 'Driver in a motor vehicle collision yesterday. Left distal radius fracture. Osteoporosis on alendronate.';
    expect(codes(['Left distal radius fracture', 'Osteoporosis'], note).some((c) => c.startsWith('S52'))).toBe(true);
  });
});
