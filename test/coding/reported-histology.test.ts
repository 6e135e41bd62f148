// A neoplasm line coded to uncertain or unspecified behaviour (D37-D49) beside a pathology that
// names the histology is coded as that histology by site (coding/reported-histology.ts), and the
// search prefers the histology's member of a skin category over the unspecified one
// (coding/search.ts, coding/title-facts.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { codeEncounter } from '../../coding/index.ts';
import { codingInput, diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const patient = { ageYears: 71, sex: 'F' as const };
const code = recordCoder(codeSets, patient);

describe('uncertain behaviour beside a pathology naming the histology', () => {
  it('codes the reported basal cell carcinoma of the cheek, not D48.5', () => {
    const r = code(
      'Shave biopsy of a pearly papule, right cheek, sent.\nPath (final 3/2): basal cell carcinoma, infiltrative type, peripheral margin involved.\nPlan: Mohs referral.',
      [{ description: 'Neoplasm of uncertain behavior of skin', code: 'D48.5' }],
    );
    expect(diagnosisCodes(r)).toEqual(['C44.319']);
    expect(r.documentedCodes?.[0]?.outcome).toBe('changed');
  });

  it('codes a rule-out line from the signed result at its site (trunk)', () => {
    const r = code('Punch biopsy, lesion of the left flank.\nPathology 4/10: squamous cell carcinoma, well differentiated.', [
      { description: 'r/o SCC', code: 'D49.2' },
    ]);
    expect(diagnosisCodes(r)).toEqual(['C44.529']);
  });

  it('reads a pathology test result and a benign histology (melanocytic nevus of the back)', () => {
    const r = codeEncounter(
      codingInput(
        {
          notes: 'Excision of a changing mole of the upper back, specimen to pathology.',
          diagnoses: [{ description: 'Atypical mole upper back', code: 'D48.5' }],
          testResults: [{ name: 'Surgical pathology, back', value: 'Junctional melanocytic nevus, margins clear' }],
        },
        patient,
      ),
      codeSets(),
    );
    expect(diagnosisCodes(r)).toEqual(['D22.5']);
  });

  it('keeps D48.5 when the pathology itself says uncertain behaviour, or is only awaited', () => {
    const uncertain = code('Path: atypical spindle cell neoplasm of uncertain malignant potential, left forearm.', [
      { description: 'Neoplasm of uncertain behavior of skin', code: 'D48.5' },
    ]);
    expect(diagnosisCodes(uncertain)).toEqual(['D48.5']);
    const awaited = code('Shave biopsy of the right cheek lesion; specimen sent to dermpath, results pending.', [
      { description: 'Neoplasm of uncertain behavior of skin', code: 'D48.5' },
    ]);
    expect(diagnosisCodes(awaited)).toEqual(['D48.5']);
  });

  it('leaves a line coded otherwise alone', () => {
    const r = code('Path: basal cell carcinoma, nodular.', [{ description: 'Actinic keratosis', code: 'L57.0' }]);
    expect(diagnosisCodes(r)).toContain('L57.0');
    expect(diagnosisCodes(r)).not.toContain('C44.91');
  });
});

describe('the histology member of a skin category', () => {
  const codes = (line: string) => diagnosisCodes(code('', [{ description: line }]));

  it('ranks basal cell of other parts of face over the unspecified malignant neoplasm', () => {
    expect(codes('basal cell carcinoma, nodular, left cheek')).toEqual(['C44.319']);
    expect(codes('basal cell carcinoma of the back')).toEqual(['C44.519']);
  });

  it('is no skin code for a squamous cell carcinoma of an organ, and no invasive code in situ', () => {
    expect(codes('squamous cell carcinoma of lung')[0]).toMatch(/^C34\./);
    expect(codes('squamous cell carcinoma in situ of right forearm')).toEqual(['D04.61']);
  });
});
