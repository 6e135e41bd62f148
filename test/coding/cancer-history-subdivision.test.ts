// A history of a malignancy of a site whose Z85 category has subdivisions is coded to the site's own
// subdivision (coding/search.ts mostSpecificBillable), and an organ's adjective before a malignancy
// reads as the organ (coding/text.ts). Records are our own wording.
import { describe, expect, it } from 'vitest';
import { diagnosisCodes, recordCoder, useCodeSets } from '../../testkit/coding-input.ts';

const codeSets = useCodeSets();
const code = recordCoder(codeSets, { ageYears: 68, sex: 'M' });
const codes = (line: string) => diagnosisCodes(code('', [{ description: line }]));

describe('history of a malignancy by subdivision', () => {
  it('lung: the other malignant neoplasm of bronchus and lung, not the trachea', () => {
    expect(codes('h/o lung cancer')).toEqual(['Z85.118']);
    expect(codes('history of RUL adenocarcinoma')).toEqual(['Z85.118']);
  });

  it('rectum and kidney: the other (not carcinoid) member', () => {
    expect(codes('history of rectal cancer')).toEqual(['Z85.048']);
    expect(codes('hx renal cell ca')).toEqual(['Z85.528']);
  });

  it('a carcinoid the record names keeps the carcinoid member', () => {
    expect(codes('history of carcinoid tumor of lung')).toEqual(['Z85.110']);
  });

  it('an organ adjective is the organ for a current malignancy too', () => {
    expect(codes('gastric cancer')[0]).toMatch(/^C16\./);
    expect(codes('ovarian cancer')[0]).toMatch(/^C56\./);
  });

  it('a single leaf keeps the unspecified preference (ankle sprain)', () => {
    const r = code('Twisted the left ankle on a curb yesterday.', [{ description: 'Left ankle sprain' }]);
    expect(diagnosisCodes(r)).toEqual(['S93.402A']);
  });
});
