// History, status and chronic-condition conventions (issue 10 item 4, session 19): each test names
// the index entry, tabular note or guideline it follows. Our own wording.
import { describe, expect, it } from 'vitest';
import { codesFor, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const codes = codesFor(codeSets, { ageYears: 57, sex: 'M' }, { sorted: true });

describe('tobacco dependence is nicotine dependence (Index: Dependence, tobacco - see Dependence, drug, nicotine)', () => {
  it('with no product named it is F17.200, never the chewing tobacco of F17.22-', () => {
    expect(codes(['Tobacco dependence'])).toEqual(['F17.200']);
  });

  it('packs a day in the note name cigarettes (F17.210)', () => {
    expect(codes(['Tobacco dependence'], 'Still smoking 1/2 ppd; wants to quit, NRT patch started.')).toEqual(['F17.210']);
    expect(codes(['Tobacco dependence'], 'Smokes 1 ppd x 20 years.')).toEqual(['F17.210']);
  });

  it('a product the line names is kept', () => {
    expect(codes(['Chewing tobacco dependence'])).toEqual(['F17.220']);
    expect(codes(['Tobacco dependence, cigarettes'])).toEqual(['F17.210']);
  });
});

describe('a history of myocardial infarction is the old MI, I25.2 (Z86.7 Excludes2: old myocardial infarction; guideline I.C.9.e)', () => {
  it('history, hx and h/o an MI, written short or in full, are I25.2, not a Z86.7- history code', () => {
    expect(codes(['History of MI'])).toEqual(['I25.2']);
    expect(codes(['Hx myocardial infarction 2019'])).toEqual(['I25.2']);
    expect(codes(['History of NSTEMI'])).toEqual(['I25.2']);
    expect(codes(['Coronary artery disease', 'h/o MI'])).toEqual(['I25.10', 'I25.2']);
  });

  it('a prior or past MI is old (Index: Infarct, myocardial, old, past); a heart attack is an MI', () => {
    expect(codes(['Prior MI'])).toEqual(['I25.2']);
    expect(codes(['Hx of heart attack'])).toEqual(['I25.2']);
  });

  it('a history of stroke keeps its history code, an acute MI its I21 code', () => {
    expect(codes(['History of stroke'])).toEqual(['Z86.73']);
    expect(codes(['Acute MI'])).toEqual(['I21.9']);
  });
});

describe('earlier episodes the record denies: a single episode (F32), not recurrent (F33)', () => {
  it('"no prior episodes" on the line is a single episode at the stated severity', () => {
    expect(codes(['MDD, moderate, no prior episodes'])).toEqual(['F32.1']);
    expect(codes(['Major depressive disorder, severe, no previous episodes'])).toEqual(['F32.2']);
  });

  it('a recurrence the line states stays recurrent', () => {
    expect(codes(['MDD, recurrent, moderate'])).toEqual(['F33.1']);
  });
});

describe("a former smoker's history beside a lung disease tobacco causes (J44/C34 notes: use additional code, history of tobacco dependence Z87.891)", () => {
  it('stated in the social history it is coded beside COPD and lung cancer', () => {
    expect(codes(['COPD'], 'SH: former smoker, quit 2010. 30 pack-years.')).toEqual(['J44.9', 'Z87.891']);
    expect(codes(['Lung cancer RUL'], 'Social history: ex-smoker, quit 5 years ago.')).toEqual(['C34.11', 'Z87.891']);
  });

  it('beside a condition tobacco history does not bear on, the social history is not coded', () => {
    expect(codes(['Hypertension'], 'SH: former smoker, quit 2010.')).toEqual(['I10']);
  });
});
