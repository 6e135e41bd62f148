// The one table of E/M code families (coding/evaluation-management.ts) and the two questions asked
// through it: an E/M service of any family (claim edits, modifier 25), and a visit a psychotherapy
// add-on goes with (service-method corrections).
import { describe, expect, it } from 'vitest';
import { familyOf, isEvaluationAndManagement, isPsychotherapyAddOnVisit } from '../../coding/evaluation-management.ts';

describe('familyOf', () => {
  it('names the family of a visit code by its run', () => {
    expect(familyOf('99203')).toBe('office');
    expect(familyOf('99211')).toBe('office');
    expect(familyOf('99232')).toBe('hospital');
    expect(familyOf('99244')).toBe('consultation');
    expect(familyOf('99283')).toBe('emergency');
    expect(familyOf('99291')).toBe('critical-care');
    expect(familyOf('99309')).toBe('nursing-facility');
    expect(familyOf('99335')).toBe('domiciliary');
    expect(familyOf('99348')).toBe('home');
    expect(familyOf('99395')).toBe('preventive');
    expect(familyOf('98006')).toBe('virtual');
    expect(familyOf('99442')).toBe('virtual');
    expect(familyOf('G0439')).toBe('annual-wellness');
  });

  it('names no family for other procedures, retired visit codes or codes of another shape', () => {
    for (const code of ['20610', '90834', '99201', '99218', '99241', '99288', '99354', '99401', 'G0440', '9920F', '992135', '']) {
      expect(familyOf(code), code).toBeUndefined();
    }
  });
});

describe('isEvaluationAndManagement', () => {
  it('takes every family, preventive, nursing facility and the annual wellness visit among them', () => {
    for (const code of ['99214', '99223', '99285', '99292', '99306', '99344', '99396', '99422', 'G0438']) {
      expect(isEvaluationAndManagement(code), code).toBe(true);
    }
  });

  it('does not take procedures, psychotherapy or add-on time', () => {
    for (const code of ['12001', '90833', '96372', '99358', 'G0008']) expect(isEvaluationAndManagement(code), code).toBe(false);
  });
});

describe('isPsychotherapyAddOnVisit', () => {
  it('takes visits of a setting and consultations', () => {
    for (const code of ['99205', '99213', '99236', '99253', '99284', '99310', '99327', '99349']) {
      expect(isPsychotherapyAddOnVisit(code), code).toBe(true);
    }
  });

  it('does not take critical care, preventive, virtual or wellness visits, nor other codes', () => {
    for (const code of ['99291', '99395', '99422', '98004', 'G0439', '90834', '99339', '99320']) {
      expect(isPsychotherapyAddOnVisit(code), code).toBe(false);
    }
  });
});
