/**
 * Sex and age restrictions. The ICD-10-CM tabular XML carries none, so the common ones are derived
 * here from chapter and category rules (in the spirit of the CMS Medicare Code Editor):
 *  - O00-O9A pregnancy, Z3A weeks of gestation, Z33-Z34 pregnancy state/supervision: female, age 12-55
 *  - N40-N53 male genital organs, C60-C63, D07.4-D07.6, D29, R86, Z12.5: male
 *  - N70-N98 female pelvic organs, C51-C58, D06, D07.0-D07.3, D25-D28, R87, Z12.4: female
 *  - P00-P96 perinatal conditions: age 0 (newborn; a warning, the guidelines allow later use)
 *  - Z00.0- general adult examination: age 18+; Z00.1- child health examination: age 0-17
 */
import { matchesPattern } from './icd10cm.ts';
import type { Sex } from '../domain/encounter.ts';

export interface CodeRestriction {
  patterns: string[];
  label: string;
  sex?: Exclude<Sex, 'U'>;
  minAge?: number;
  maxAge?: number;
  severity: 'error' | 'warning';
}

export const RESTRICTIONS: CodeRestriction[] = [
  {
    patterns: ['O', 'Z3A', 'Z33', 'Z34'],
    label: 'pregnancy, childbirth and the puerperium',
    sex: 'F',
    minAge: 12,
    maxAge: 55,
    severity: 'error',
  },
  { patterns: ['N40..N53', 'C60..C63', 'D07.4..D07.6', 'D29', 'R86', 'Z12.5'], label: 'male genital organs', sex: 'M', severity: 'error' },
  {
    patterns: ['N70..N98', 'C51..C58', 'D06', 'D07.0..D07.3', 'D25..D28', 'R87', 'Z12.4'],
    label: 'female genital organs',
    sex: 'F',
    severity: 'error',
  },
  { patterns: ['P00..P96'], label: 'perinatal period (newborn)', minAge: 0, maxAge: 0, severity: 'warning' },
  { patterns: ['Z00.0'], label: 'general adult medical examination', minAge: 18, severity: 'error' },
  { patterns: ['Z00.1'], label: 'child health examination', minAge: 0, maxAge: 17, severity: 'error' },
];

export function restrictionsFor(code: string): CodeRestriction[] {
  return RESTRICTIONS.filter((r) => r.patterns.some((p) => (p.length === 1 ? code.startsWith(p) : matchesPattern(code, p))));
}
