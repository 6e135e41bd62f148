// Clinical validation of the graver finding (coding/finding-validations.ts, asked by
// coding/result-contradicts.ts): a documented diagnosis the record's own imaging or examination
// shows to be graver is asked, the documented code standing meanwhile. Each row with a record that
// must raise the query and records that must not. Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 68, sex: 'M' });
type Lines = Array<{ description: string; code?: string }>;
const question = (notes: string, lines: Lines) => code(notes, lines).clarification?.question ?? '';
const VALIDATION = /is documented while a result or statement of the record contradicts it/;

describe('a transient ischemic attack beside an acute infarct on imaging', () => {
  const tia = [{ description: 'Transient ischemic attack' }];

  it('is asked, G45.9 standing until answered', () => {
    const r = code(
      'Word-finding trouble for 40 min this morning, now back to normal.\nMRI brain w/o: small focus of diffusion restriction in the L insula, acute embolic infarct.\nA/P: TIA, start DAPT.',
      tia,
    );
    expect(diagnosisCodes(r)).toEqual(['G45.9']);
    expect(r.clarification?.question).toMatch(/diffusion restriction/);
    expect(r.clarification?.reason).toMatch(VALIDATION);
    expect(r.clarification?.options).toContain('Cerebral infarction, unspecified');
  });

  it('an answer naming the infarct codes a cerebral infarction', () => {
    const notes = 'Transient L arm numbness. MRI: acute R frontal infarct on DWI.\nImpression: TIA.';
    const q = code(notes, tia).clarification!.question;
    const r = code(notes, tia, [{ question: q, freeText: 'Acute ischemic stroke, R frontal.' }]);
    expect(diagnosisCodes(r).some((c) => c.startsWith('I63'))).toBe(true);
    expect(diagnosisCodes(r)).not.toContain('G45.9');
  });

  it('imaging with no acute infarct, an infarct of the past, or a signal read as artifact is not asked', () => {
    for (const notes of [
      'Transient vertigo and diplopia. MRI brain: no acute infarct, chronic microvascular change.\nA/P: TIA.',
      'Transient L hand weakness. CT head: no evidence of acute stroke or hemorrhage.\nA/P: TIA.',
      'Transient aphasia. Prior MRI in 2019 showed an acute lacunar infarct.\nA/P: TIA.',
      'Brief R arm weakness. MRI: punctate restricted diffusion, likely artifact.\nA/P: TIA.',
    ])
      expect(question(notes, tia)).not.toMatch(/clarify the diagnosis/);
  });

  it('transient global amnesia with a hippocampal diffusion dot is not asked', () => {
    const r = code('Repetitive questioning for 6 h. MRI: punctate restricted diffusion L hippocampus.\nA/P: Transient global amnesia.', [
      { description: 'Transient global amnesia' },
    ]);
    expect(r.clarification?.reason ?? '').not.toMatch(VALIDATION);
  });
});

describe('uncomplicated diverticulitis beside an abscess or perforation on imaging', () => {
  const diverticulitis = [{ description: 'Diverticulitis of sigmoid colon' }];

  it('a rim-enhancing collection is asked, K57.32 standing, the abscess code offered', () => {
    const r = code(
      'LLQ pain, T 38.2.\nCT abdomen/pelvis: sigmoid diverticulitis with a 3 cm rim-enhancing fluid collection.\nA/P: Sigmoid diverticulitis, cipro/flagyl.',
      diverticulitis,
    );
    expect(diagnosisCodes(r)).toEqual(['K57.32']);
    expect(r.clarification?.question).toMatch(/rim-enhancing/);
    expect(r.clarification?.options).toContain('Diverticulitis of large intestine with perforation and abscess without bleeding');
  });

  it('a microabscess is asked too', () => {
    expect(
      question(
        'LLQ pain.\nCT: descending colon diverticulitis with a small adjacent microabscess.\nA/P: Diverticulitis of colon.',
        diverticulitis,
      ),
    ).toMatch(/microabscess/);
  });

  it('an answer naming the abscess codes diverticulitis with abscess', () => {
    const notes =
      'LLQ pain.\nCT A/P: sigmoid diverticulitis, small pericolic collection with extraluminal gas.\nA/P: Sigmoid diverticulitis, augmentin.';
    const q = code(notes, diverticulitis).clarification!.question;
    const r = code(notes, diverticulitis, [{ question: q, freeText: 'Yes, diverticulitis with pericolic abscess.' }]);
    expect(diagnosisCodes(r)).toEqual(['K57.20']);
  });

  it('imaging without abscess or perforation, or calling it uncomplicated, is not asked', () => {
    for (const notes of [
      'LLQ pain.\nCT A/P: sigmoid diverticulitis, no abscess or free air.\nA/P: Sigmoid diverticulitis, augmentin.',
      'LLQ pain.\nCT: uncomplicated sigmoid diverticulitis with pericolic fat stranding.\nA/P: Sigmoid diverticulitis.',
      'LLQ pain, improving.\nA/P: Sigmoid diverticulitis, augmentin. CT if not better.',
    ])
      expect(question(notes, diverticulitis)).not.toMatch(/clarify the diagnosis/);
  });
});

describe('a history of stroke without residual deficits beside deficits on examination', () => {
  const history = [{ description: 'History of CVA without residual deficits', code: 'Z86.73' }];

  it('is asked, quoting the examination', () => {
    const r = code(
      'Yearly visit, ischemic stroke 2022.\nNeuro exam: L facial droop, L pronator drift, L grip 4-/5, mild dysarthria.\nA/P: Hx CVA, no residual deficits. Continue statin.',
      history,
    );
    expect(diagnosisCodes(r)).toContain('Z86.73');
    expect(r.clarification?.question).toMatch(/the examination "Neuro exam: L facial droop/);
  });

  it('a normal examination, deficits the record calls residual, or a history of TIA only is not asked', () => {
    expect(
      question('Stroke 2022.\nNeuro exam: nonfocal, strength 5/5 throughout, no drift.\nA/P: Hx CVA, no residual deficits.', history),
    ).not.toMatch(/the examination/);
    expect(
      question('Stroke 2022.\nExam: R pronator drift, R grip 4/5.\nA/P: Residual R hemiparesis after 2022 stroke. Hx CVA.', history),
    ).not.toMatch(/the examination/);
    expect(
      question('TIA 2021, no events since.\nExam: L facial droop since childhood Bell palsy.\nA/P: Hx TIA.', [
        { description: 'History of TIA', code: 'Z86.73' },
      ]),
    ).not.toMatch(/the examination/);
  });
});
