// Session twenty-six: statements of one record that disagree, which a coder asks the physician about
// (coding/laterality.ts, coding/pregnancy-hypertension.ts, coding/clinical-picture.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const adult = recordCoder(codeSets, { ageYears: 54, sex: 'M' });
const pregnant = recordCoder(codeSets, { ageYears: 29, sex: 'F' });
/** The adult's record coded again once the physician has answered the question it raised. */
function answered(notes: string, lines: Array<{ description: string; code?: string }>, answer: { option?: string; freeText?: string }) {
  const question = adult(notes, lines).clarification!.question;
  return adult(notes, lines, [{ question, ...answer }]);
}

describe('an examination of one side beside a diagnosis of the other', () => {
  const notes =
    'Swollen painful shin for 4 days.\nExam: R lower leg anterior - 9 x 7 cm erythema, warm, tender, no fluctuance.\nL leg normal.\nA: Cellulitis of left lower limb.';
  const lines = [{ description: 'Cellulitis of left lower limb', code: 'L03.116' }];

  it('asks the side, though the same statement denies another finding', () => {
    const r = adult(notes, lines);
    expect(r.clarification?.question).toMatch(/side affected/i);
    expect(r.straightThrough.eligible).toBe(false);
  });

  it("codes the answer's side", () => {
    const r = answered(notes, lines, { option: 'Right' });
    expect(diagnosisCodes(r)).toContain('L03.115');
  });

  it('asks nothing when the other side is only stated normal', () => {
    const r = adult(
      'Exam: L lower leg 9 x 7 cm erythema, warm, tender.\nR leg normal, no edema.\nA: Cellulitis of left lower limb.',
      lines,
    );
    expect(r.clarification?.question ?? '').not.toMatch(/side affected/i);
    expect(diagnosisCodes(r)).toContain('L03.116');
  });
});

describe('gestational hypertension whose pressure was high before the 20th week', () => {
  const lines = [
    { description: 'Gestational hypertension', code: 'O13.2' },
    { description: '24 weeks', code: 'Z3A.24' },
  ];

  it('is asked (hypertension before 20 weeks is pre-existing), O16 meanwhile', () => {
    const r = pregnant(
      'G1P0 at 24w0d.\nHPI: BP elevated at first prenatal visit at 9 wks (146/94), labetalol started at 10 wks.\nToday BP 128/80.\nA/P: Gestational hypertension - continue labetalol, weekly BP.',
      lines,
    );
    expect(diagnosisCodes(r)).toContain('O16.2');
    expect(r.clarification?.question).toMatch(/type of hypertension in this pregnancy/i);
  });

  it('is not asked when the pressure rose after the 20th week', () => {
    const r = pregnant(
      'G1P0 at 24w0d.\nHPI: BP normal through 20 wks, first elevated at 22 wks (144/92).\nA/P: Gestational hypertension - home BP, labs for preeclampsia.',
      lines,
    );
    expect(diagnosisCodes(r)).toContain('O13.2');
  });
});

describe("an imaging report's impression naming another injury than the physician's", () => {
  const lines = [{ description: 'R proximal hamstring strain', code: 'S76.311A' }];

  it('is asked, the report read sentence by sentence, a tender site elsewhere naming no fracture', () => {
    const r = adult(
      "Pain R buttock crease after sprint 1 wk ago.\nMRI R pelvis (radiology): 'Bone marrow edema at the ischial tuberosity. Impression: nondisplaced ischial tuberosity avulsion fracture.'\nExam: TTP R ischial tuberosity.\nA/P: R proximal hamstring strain - PT, no running.",
      lines,
    );
    expect(diagnosisCodes(r)).toContain('S76.311A');
    expect(r.clarification?.question).toMatch(/imaging report/i);
    expect(r.clarification?.options[0]).toMatch(/avulsion fracture \(imaging impression\)/i);
  });

  it('an ischial tuberosity avulsion fracture is a fracture of the ischium', () => {
    const r = adult('Avulsion fx R ischial tuberosity, nondisplaced, seen on MRI today.\nA/P: fracture - protected weight bearing.', [
      { description: 'Nondisplaced avulsion fracture of right ischial tuberosity, initial' },
    ]);
    expect(diagnosisCodes(r)[0]).toMatch(/^S32\.61/);
  });

  it('is not asked when the physician names the fracture', () => {
    const r = adult(
      "MRI R pelvis (radiology): 'Impression: nondisplaced ischial tuberosity avulsion fracture.'\nA/P: avulsion fracture R ischial tuberosity with hamstring strain - PT.",
      [...lines, { description: 'Avulsion fracture of right ischium, nondisplaced, initial', code: 'S32.614A' }],
    );
    expect(r.clarification?.question ?? '').not.toMatch(/imaging report/i);
  });
});

describe("a written pressure ulcer stage the wound nurse's description does not fit", () => {
  const notes =
    "Physician exam: sacral pressure injury 3 x 2 cm, stage 2, clean base.\nWound RN (same visit): 'Sacrum: full-thickness tissue loss, adipose visible in base, no bone or tendon palpable.'\nA/P: pressure ulcer of sacrum - offloading, foam dressing.";
  const lines = [{ description: 'Pressure ulcer sacrum stage 2', code: 'L89.152' }];

  it('is asked, the written code on the claim meanwhile', () => {
    const r = adult(notes, lines);
    expect(r.clarification?.question).toMatch(/stage of the condition/i);
    expect(diagnosisCodes(r)).toContain('L89.152');
  });

  it("the answer's stage codes the line", () => {
    const r = answered(notes, lines, { option: 'Stage 3' });
    expect(diagnosisCodes(r)).toContain('L89.153');
  });

  it('a severity of another condition in the statement is no question for a family without severities', () => {
    const r = adult(
      'HPI: severe COPD on home O2, and pulmonary hypertension on RHC.\nA/P: Pulmonary hypertension - mild, follow with cardiology. COPD - continue inhalers.',
      [
        { description: 'Pulmonary hypertension', code: 'I27.20' },
        { description: 'COPD', code: 'J44.9' },
      ],
    );
    expect(r.clarification?.question ?? '').not.toMatch(/severity of the condition/i);
  });
});

describe("a diagnosis the record's own imaging or duplex contradicts", () => {
  it('a radiculopathy due to a disc herniation beside an MRI showing none is asked', () => {
    const r = adult(
      "L leg pain 2 months.\nMRI L-spine (radiology): 'No disc herniation at any level. Severe L5-S1 foraminal stenosis from facet hypertrophy.'\nA/P: L5 radiculopathy due to L4-5 HNP - TFESI.",
      [{ description: 'Lumbar radiculopathy due to HNP', code: 'M51.16' }],
    );
    expect(r.clarification?.question).toMatch(/No disc herniation/);
    expect(diagnosisCodes(r)).toContain('M51.16');
  });

  it('an MRI that shows the herniation is no question', () => {
    const r = adult(
      'MRI L-spine: L4-5 right paracentral disc herniation compressing the L5 root.\nA/P: L5 radiculopathy due to L4-5 HNP.',
      [{ description: 'Lumbar radiculopathy due to HNP', code: 'M51.16' }],
    );
    expect(r.clarification?.question ?? '').not.toMatch(/clarify the diagnosis/);
  });

  it('a deep vein thrombosis beside a negative duplex in the test results is asked', () => {
    const r = codeEncounter(
      codingInput(
        {
          notes: 'Calf swelling after a flight.\nA/P: DVT L leg - start apixaban.',
          diagnoses: [{ description: 'Acute DVT left popliteal vein', code: 'I82.432' }],
          testResults: [{ name: 'LE venous duplex L', value: 'No evidence of DVT; veins fully compressible' }],
        },
        { ageYears: 54, sex: 'M' },
      ),
      codeSets(),
    );
    expect(r.clarification?.question).toMatch(/No evidence of DVT/);
  });
});

describe('a burn coded shallower than the examination describes it', () => {
  const notes =
    'Hot oil splash to R forearm 2 h ago.\nExam: R forearm 4 x 5 cm erythema with 2 intact bullae, moist pink base where one unroofed.\nA/P: First degree burn R forearm - dressing.';
  const lines = [{ description: '1st degree burn R forearm', code: 'T22.111A' }];

  it('is asked, of unspecified degree meanwhile', () => {
    const r = adult(notes, lines);
    expect(r.clarification?.question).toMatch(/degree of the burn/);
    expect(diagnosisCodes(r)).toEqual(['T22.011A']);
  });

  it("the answer's degree is coded", () => {
    const r = answered(notes, lines, { freeText: 'Second-degree burn, superficial partial thickness.' });
    expect(diagnosisCodes(r)).toEqual(['T22.211A']);
  });

  it('an examination of redness only, or blisters denied, asks nothing', () => {
    const r = adult('Exam: R forearm 4 x 5 cm erythema, no blisters, blanches.\nA/P: First degree burn R forearm.', lines);
    expect(r.clarification?.question ?? '').not.toMatch(/degree of the burn/);
    expect(diagnosisCodes(r)).toEqual(['T22.111A']);
  });
});

describe('a sided code beside findings on both sides', () => {
  const child = recordCoder(codeSets, { ageYears: 2, sex: 'M' });
  const lines = [{ description: 'AOM R ear', code: 'H66.001' }];

  it('goes to a coder when the other eardrum has findings too', () => {
    const r = child(
      'Pulling R ear, fever.\nExam: R TM: bulging, erythematous, purulent effusion. L TM: bulging, opaque, yellow effusion.\nA/P: R acute suppurative otitis media - amoxicillin.',
      lines,
    );
    expect(r.straightThrough.reasons).toContain('detail-inferred');
    expect(diagnosisCodes(r)).toEqual(['H66.001']);
  });

  it('not when the other eardrum is described as normal ("pearly")', () => {
    const r = child(
      'Pulling R ear, fever.\nExam: R TM bulging, erythematous w/ purulent effusion; L TM pearly, nl landmarks.\nA/P: R acute suppurative otitis media - amoxicillin.',
      lines,
    );
    expect(r.straightThrough.reasons).not.toContain('detail-inferred');
  });
});

describe('a stage that is not a conflict', () => {
  it('the span of stages of a written title ("hypertensive CKD stage 1-4") is no stage', () => {
    const r = adult('CC: CKD 4 follow-up.\nA/P: CKD stage 4 due to hypertensive nephrosclerosis - stable.', [
      { description: 'Hypertensive CKD stage 1-4', code: 'I12.9' },
      { description: 'CKD stage 4', code: 'N18.4' },
    ]);
    expect(r.clarification?.question ?? '').not.toMatch(/stage of the chronic kidney disease/);
  });

  it('nor beside a short statement of the stage ("CC: CKD 4 follow-up")', () => {
    const r = adult('CC: CKD 4 follow-up.\nHPI: CKD from long-standing HTN, eGFR 22-25.\nA/P: CKD - stable, continue.', [
      { description: 'Hypertensive CKD stage 1-4', code: 'I12.9' },
      { description: 'CKD stage 4', code: 'N18.4' },
    ]);
    expect(r.clarification?.question ?? '').not.toMatch(/clarify the stage/);
  });

  it('a problem-list entry dated with a comment ("CKD stage 3 (2023 - during AKI)") is the former stage', () => {
    const r = adult('Problem list:\n- CKD stage 3 (2023 - single value during AKI)\nA/P: Diabetic CKD stage 2, eGFR 79 - continue.', [
      { description: 'CKD stage 2', code: 'N18.2' },
    ]);
    expect(r.clarification?.question ?? '').not.toMatch(/clarify the stage/);
  });

  it('a dated problem-list entry ("CKD stage 4 (2024)") is the former stage', () => {
    const r = adult('Problem list:\n- CKD stage 4 (2024)\nA/P: CKD stage 5, not on dialysis - AVF planning.', [
      { description: 'CKD stage 5', code: 'N18.5' },
    ]);
    expect(r.clarification?.question ?? '').not.toMatch(/stage of the chronic kidney disease/);
    expect(diagnosisCodes(r)).toContain('N18.5');
  });
});
