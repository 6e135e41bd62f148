// The relation questions search for a cause's combination code only for a condition in a chapter
// that holds one (the search scores thousands of titles; it ran for every diagnosis of a record
// that mentions COPD or alcohol anywhere). The chapters come from the tabular's titles.
import { describe, expect, it } from 'vitest';
import { causeLinkChapters } from '../../coding/cause-link.ts';
import { answeredBy, diagnosisCodes, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();

describe('chapters that hold a cause link', () => {
  it('are read from the titles: lung-disease and endocrine links only in I, chemotherapy in D, alcohol in several', () => {
    const chapters = causeLinkChapters(codeSets());
    expect(chapters.get('the lung disease or hypoxia')).toEqual(['I']);
    expect(chapters.get('the endocrine disorder')).toEqual(['I']);
    expect(chapters.get('antineoplastic chemotherapy')).toContain('D');
    expect(chapters.get('alcohol use')).toEqual(expect.arrayContaining(['F', 'G', 'I', 'K']));
  });

  it('a condition outside those chapters beside COPD is coded as written and not asked about the lung disease', () => {
    const run = answeredBy(codeSets, { ageYears: 70, sex: 'M' });
    const result = run(['Osteoarthritis of right knee', 'COPD'], 'Knee pain, on 2 L oxygen for COPD.');
    expect(diagnosisCodes(result)).toContain('M17.11');
    expect(result.clarification?.question ?? '').not.toMatch(/due to the lung disease/);
  });
});
