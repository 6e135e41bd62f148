import { describe, expect, it } from 'vitest';
import type { CodingInput } from '../../domain/coding.ts';
import type { EncounterDocumentation } from '../../domain/encounter.ts';
import { codeEncounter, OTHER_OPTION, UNDETERMINED_OPTION } from '../../coding/index.ts';
import { codingInput, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

const input = (doc: Partial<EncounterDocumentation>, extra: Partial<CodingInput> = {}) =>
  codingInput(doc, { ageYears: 55, sex: 'M' }, extra);
const codes = (doc: Partial<EncounterDocumentation>, extra: Partial<CodingInput> = {}) =>
  codeEncounter(input(doc, extra), codeSets()).diagnoses.map((d) => d.code);

describe('codeEncounter: diagnoses', () => {
  it('codes abbreviations to the most specific billable code, with rationale and evidence', () => {
    const r = codeEncounter(input({ diagnoses: [{ description: 'HTN' }, { description: 'GERD' }] }), codeSets());
    expect(r.diagnoses.map((d) => d.code)).toEqual(['I10', 'K21.9']);
    expect(r.diagnoses[0]?.rationale).toMatch(/hypertension/);
    expect(r.diagnoses[0]?.evidence[0]).toEqual({
      section: 'diagnoses',
      text: 'HTN',
      span: { field: 'diagnoses[0].description', start: 0, end: 3 },
    });
    expect(r.diagnoses[0]?.confidence).toBeGreaterThan(0.8);
    expect(r.codeSetVersions['ICD-10-CM']).toMatch(/FY2026/);
  });

  it('is deterministic', () => {
    const doc = { notes: 'Cough and fever. Denies chest pain.', diagnoses: [{ description: 'r/o pneumonia' }, { description: 'DM2' }] };
    expect(codeEncounter(input(doc), codeSets())).toEqual(codeEncounter(input(doc), codeSets()));
  });

  it('negation: denied or negative findings are not coded', () => {
    const r = codes({
      notes: 'Denies chest pain. No fever. Negative for shortness of breath.',
      diagnoses: [{ description: 'Hyperlipidemia' }, { description: 'No chest pain' }],
    });
    expect(r).toEqual(['E78.5']);
  });

  it('negation in notes does not hide the affirmed part of the clause', () => {
    const r = codes({ notes: 'Cough, no fever.', diagnoses: [{ description: 'rule out bronchitis' }] });
    expect(r).toContain('R05.9');
    expect(r).not.toContain('R50.9');
  });

  it('"history of" gives a personal-history Z code, not the active condition', () => {
    const r = codeEncounter(input({ diagnoses: [{ description: 'History of DVT' }] }), codeSets());
    expect(r.diagnoses.map((d) => d.code)).toEqual(['Z86.718']);
    expect(r.diagnoses[0]?.rationale).toMatch(/history/i);
    expect(codes({ diagnoses: [{ description: 'DVT of left femoral vein' }] })[0]).toMatch(/^I82/);
  });

  it('uncertain diagnosis in an outpatient setting: documented symptoms are coded instead', () => {
    const doc = { notes: 'Presents with cough and fever for 3 days.', diagnoses: [{ description: 'Suspected pneumonia' }] };
    const outpatient = codes(doc);
    expect(outpatient).toEqual(expect.arrayContaining(['R05.9', 'R50.9']));
    expect(outpatient).not.toContain('J18.9');
    expect(codes(doc, { placeOfService: '21' })).toEqual(['J18.9']);
  });

  it('laterality stated in the notes picks the sided code', () => {
    expect(codes({ notes: 'Left knee pain and swelling.', diagnoses: [{ description: 'Osteoarthritis of knee' }] })).toEqual(['M17.12']);
    expect(codes({ diagnoses: [{ description: 'osteoarthritis of right knee' }] })).toEqual(['M17.11']);
  });

  it('combination codes: type 2 diabetes with CKD becomes E11.22 plus the stage code, etiology first', () => {
    expect(codes({ diagnoses: [{ description: 'Type 2 DM' }, { description: 'CKD stage 4' }] })).toEqual(['E11.22', 'N18.4']);
    expect(codes({ diagnoses: [{ description: 'type 2 diabetes with chronic kidney disease stage 3a' }] })).toEqual(['E11.22', 'N18.31']);
    expect(codes({ diagnoses: [{ description: 'Hypertension' }, { description: 'Chronic systolic heart failure' }] })).toEqual([
      'I11.0',
      'I50.22',
    ]);
  });

  it('7th character: initial encounter by default, subsequent when documented', () => {
    expect(codes({ diagnoses: [{ description: 'Closed fracture of left distal radius' }] })).toEqual(['S52.502A']);
    expect(codes({ diagnoses: [{ description: 'Closed fracture of left distal radius, subsequent encounter, routine healing' }] })).toEqual(
      ['S52.502D'],
    );
  });

  it('validates a physician-written code and refines a header code', () => {
    expect(codes({ diagnoses: [{ description: 'Essential hypertension', code: 'i10' }] })).toEqual(['I10']);
    expect(codes({ diagnoses: [{ description: 'Type 2 diabetes', code: 'E11' }] })).toEqual(['E11.9']);
  });
});

describe('codeEncounter: physician queries', () => {
  it('missing laterality raises a compliant query; the answer re-codes without asking again', () => {
    const doc = { notes: 'Knee pain with morning stiffness.', diagnoses: [{ description: 'Osteoarthritis of knee' }] };
    const first = codeEncounter(input(doc), codeSets());
    expect(first.diagnoses.map((d) => d.code)).toEqual(['M17.9']);
    const q = first.clarification;
    expect(q).toBeDefined();
    if (!q) return;
    expect(q.options).toEqual(['Right', 'Left', 'Bilateral', OTHER_OPTION, UNDETERMINED_OPTION]);
    expect(q.clinicalIndicators.join(' ')).toContain('Osteoarthritis of knee');
    expect(`${q.question} ${q.options.join(' ')}`).not.toMatch(/pay|reimburs|revenue|DRG|money|\$/i);

    const answered = codeEncounter(input(doc, { answers: [{ question: q.question, option: 'Bilateral' }] }), codeSets());
    expect(answered.diagnoses.map((d) => d.code)).toEqual(['M17.0']);
    expect(answered.clarification).toBeUndefined();
    const freeText = codeEncounter(input(doc, { answers: [{ question: q.question, freeText: 'right knee only' }] }), codeSets());
    expect(freeText.diagnoses.map((d) => d.code)).toEqual(['M17.11']);
    expect(freeText.clarification).toBeUndefined();
    const undetermined = codeEncounter(input(doc, { answers: [{ question: q.question, option: UNDETERMINED_OPTION }] }), codeSets());
    expect(undetermined.diagnoses.map((d) => d.code)).toEqual(['M17.9']);
    expect(undetermined.clarification).toBeUndefined();
  });

  it('diabetes without a type is E11.9 by default; asked only when the record points at another type', () => {
    const plain = codeEncounter(input({ diagnoses: [{ description: 'Diabetes' }] }), codeSets());
    expect(plain.diagnoses.map((d) => d.code)).toEqual(['E11.9']);
    expect(plain.clarification).toBeUndefined();
    const doc = { notes: 'Diagnosed at 14. GAD65 antibodies positive.', diagnoses: [{ description: 'Diabetes' }] };
    const first = codeEncounter(input(doc), codeSets());
    expect(first.diagnoses.map((d) => d.code)).toEqual(['E11.9']);
    expect(first.clarification?.question).toMatch(/type of diabetes/);
    expect(first.clarification?.options).toContain('Type 1 diabetes mellitus');
    const q = first.clarification?.question ?? '';
    const again = codeEncounter(input(doc, { answers: [{ question: q, option: 'Type 1 diabetes mellitus' }] }), codeSets());
    expect(again.diagnoses.map((d) => d.code)).toEqual(['E10.9']);
    expect(again.clarification).toBeUndefined();
  });

  it('an Excludes1 conflict is asked about; choosing one condition drops the other', () => {
    const doc = { diagnoses: [{ description: 'Type 1 diabetes mellitus' }, { description: 'Type 2 diabetes mellitus' }] };
    const first = codeEncounter(input(doc), codeSets());
    expect(first.edits.map((e) => e.rule)).toContain('EXCLUDES1');
    const q = first.clarification;
    expect(q?.question).toMatch(/both/);
    expect(q?.options).toContain('Type 2 diabetes mellitus without complications');
    const again = codeEncounter(
      input(doc, { answers: [{ question: q?.question ?? '', option: 'Type 2 diabetes mellitus without complications' }] }),
      codeSets(),
    );
    expect(again.diagnoses.map((d) => d.code)).toEqual(['E11.9']);
    expect(again.edits.map((e) => e.rule)).not.toContain('EXCLUDES1');
    expect(again.clarification).toBeUndefined();
  });

  it('a sex conflict needs documentation and is asked about', () => {
    const r = codeEncounter(
      input({ diagnoses: [{ description: 'BPH', code: 'N40.0' }] }, { patient: { ageYears: 40, sex: 'F' } }),
      codeSets(),
    );
    expect(r.edits.find((e) => e.rule === 'SEX_CONFLICT')?.needsDocumentation).toBe(true);
    expect(r.clarification?.reason).toMatch(/SEX_CONFLICT/);
  });

  it('low-confidence documentation goes to a coder, not to the physician', () => {
    const r = codeEncounter(
      input({ diagnoses: [{ description: 'feeling off lately, vague malaise and something with the stomach' }] }),
      codeSets(),
    );
    expect(r.clarification).toBeUndefined();
    expect(r.straightThrough.eligible).toBe(false);
    expect(r.straightThrough.reasons).toContain('low-confidence');
  });
});

describe('codeEncounter: procedures', () => {
  it('validates documented codes, matches descriptions, defaults units and points to relevant diagnoses', () => {
    const r = codeEncounter(
      input({
        notes: 'Right knee pain.',
        diagnoses: [{ description: 'Hypertension' }, { description: 'Osteoarthritis of knee' }],
        procedures: [
          { description: 'office visit', code: '99213', modifiers: ['25'] },
          { description: 'injection of the knee joint' },
          { description: 'EKG' },
          { description: 'levitation therapy' },
        ],
      }),
      codeSets(),
    );
    expect(r.procedures.map((p) => [p.code, p.system, p.units])).toEqual([
      ['99213', 'CPT', 1],
      ['20610', 'CPT', 1],
      ['93000', 'CPT', 1],
    ]);
    expect(r.procedures[0]?.modifiers).toEqual(['25']);
    expect(r.procedures[0]?.diagnosisPointers).toEqual([1, 2]);
    expect(r.procedures[1]?.diagnosisPointers).toEqual([2]);
    expect(r.edits.map((e) => e.rule)).toContain('UNMATCHED_PROCEDURE');
    expect(r.edits.map((e) => e.rule)).not.toContain('PTP');
  });

  it('HCPCS codes from the catalog are labelled HCPCS', () => {
    const r = codeEncounter(
      input({
        diagnoses: [{ description: 'Low back pain' }],
        procedures: [{ description: 'ketorolac injection', code: 'J1885', units: 2 }],
      }),
      codeSets(),
    );
    expect(r.procedures[0]).toMatchObject({ code: 'J1885', system: 'HCPCS', units: 2, diagnosisPointers: [1] });
  });
});
