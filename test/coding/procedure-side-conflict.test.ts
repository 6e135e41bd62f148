// A procedure stated on the other side than the condition it treats (coding/procedure-side-conflict.ts).
// Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/code-encounter.ts';
import { codingInput, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const SIDE = /side of the procedure/;
const run = (notes: string, dx: string) =>
  codeEncounter(
    codingInput(
      {
        notes,
        diagnoses: [{ description: dx }],
        procedures: [{ description: 'Arthrocentesis/injection major joint or bursa', code: '20610', units: 1 }],
      },
      { ageYears: 61, sex: 'F' },
    ),
    codeSets(),
  );

describe('the procedure side disagrees with the condition', () => {
  it("asks the procedure's side when the procedure names the site itself, the condition's side kept", () => {
    const r = run(
      'Knee pain, right, 6 months. Exam: R knee effusion, crepitus.\nAssessment: primary osteoarthritis right knee.\nProcedure: L knee intra-articular injection, triamcinolone 40 mg.',
      'Primary osteoarthritis right knee',
    );
    expect(r.clarification?.question).toMatch(SIDE);
    expect(diagnosisCodes(r)).toContain('M17.11');
  });

  it('reads a bursa of the shoulder as the shoulder', () => {
    const r = run(
      'Right shoulder pain with overhead reaching. Assessment: rotator cuff tendinitis right shoulder.\nProcedure: left subacromial injection, 40 mg triamcinolone.',
      'Rotator cuff tendinitis right shoulder',
    );
    expect(r.clarification?.question).toMatch(SIDE);
    expect(r.diagnoses[0]?.description).toMatch(/right shoulder/i);
  });
});

describe("the condition's own side against the procedure's (laterality.ts and this step agree)", () => {
  it("keeps the condition's side stated consistently in the exam and assessment, asking the procedure's side", () => {
    const r = run(
      'Knee pain, right. Exam: right knee crepitus.\nAssessment: primary osteoarthritis right knee.\nProcedure: left knee prepped and injected, triamcinolone 40 mg.',
      'Primary osteoarthritis right knee',
    );
    expect(r.clarification?.question).toMatch(SIDE);
    expect(diagnosisCodes(r)).toContain('M17.11');
  });

  it("codes the unspecified side only when the condition's own side is stated two ways", () => {
    const r = run(
      'Knee pain, left. Exam: left knee effusion, crepitus.\nAssessment: primary osteoarthritis right knee.\nProcedure: left knee prepped and injected, triamcinolone 40 mg.',
      'Primary osteoarthritis right knee',
    );
    expect(r.clarification?.question).toMatch(/side affected/);
    expect(diagnosisCodes(r)).toContain('M17.10');
  });
});

describe('the sides agree, or the procedure is of the past', () => {
  it('asks nothing', () => {
    for (const notes of [
      'Knee pain, right. L knee normal.\nAssessment: primary osteoarthritis right knee.\nProcedure: R knee intra-articular injection, triamcinolone 40 mg.',
      'Knee pain, right. Prior left knee injection 2022 helped.\nAssessment: primary osteoarthritis right knee.\nProcedure: right knee injection, triamcinolone 40 mg.',
      'Knee pain, right. Assessment: primary osteoarthritis right knee.\nProcedure: right knee injection, triamcinolone 40 mg. Left knee aches a little, no injection today.',
      'Knee pain, right. PMH: left knee injected. Left knee injected 2021 with relief.\nAssessment: primary osteoarthritis right knee.',
    ]) {
      const r = run(notes, 'Primary osteoarthritis right knee');
      expect(r.clarification?.question ?? '').not.toMatch(SIDE);
      expect(diagnosisCodes(r)).toContain('M17.11');
    }
  });
});
