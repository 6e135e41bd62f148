// The one reader of a value denied just before it in a statement (coding/denial.ts): which words
// deny, and how far back each reach lets them.
import { describe, expect, it } from 'vitest';
import { deniedAt, denialBefore, DENIED_BEFORE } from '../../coding/denial.ts';
import { DENIED_BEFORE as FROM_CHARACTER_CONFLICT } from '../../coding/character-conflict.ts';

/** Whether `words`, at their first place in `statement`, are denied. */
const denied = (statement: string, words: string, denial?: RegExp) => deniedAt(statement, statement.indexOf(words), denial);

describe('DENIED_BEFORE (clause reach)', () => {
  it('denies a value after a denying or ruling-out word in its clause', () => {
    expect(denied('no bullae over the forearm', 'bullae')).toBe(true);
    expect(denied('wound not full thickness', 'full thickness')).toBe(true);
    expect(denied('she denied headache or visual change', 'visual change')).toBe(true);
    expect(denied('negative for proteinuria today', 'proteinuria')).toBe(true);
    expect(denied('r/o delayed union on the film', 'delayed union')).toBe(true);
    expect(denied('ruled out preeclampsia last week', 'preeclampsia')).toBe(true);
    expect(denied('free of eschar at the margin', 'eschar')).toBe(true);
    expect(denied('never had seizures', 'seizures')).toBe(true);
  });

  it('does not deny past a comma or semicolon, nor on a word that merely contains a denying word', () => {
    expect(denied('no fever, blisters on the palm', 'blisters')).toBe(false);
    expect(denied('no drainage; eschar present', 'eschar')).toBe(false);
    expect(denied('known nodule with blisters', 'blisters')).toBe(false);
    expect(denied('blisters on the palm', 'blisters')).toBe(false);
  });

  it('is the pattern character-conflict.ts hands its users', () => {
    expect(FROM_CHARACTER_CONFLICT).toBe(DENIED_BEFORE);
  });
});

describe("denialBefore({ reach: 'adjacent' })", () => {
  const adjacent = denialBefore({ reach: 'adjacent' });

  it('denies a word right after the denial, or one word after it', () => {
    expect(denied('this is not diagnostic', 'diagnostic', adjacent)).toBe(true);
    expect(denied('not a diagnostic study', 'diagnostic', adjacent)).toBe(true);
  });

  it('does not deny a word a denial further back in the clause is about something else', () => {
    expect(denied('no symptoms and she needs a diagnostic colonoscopy', 'diagnostic', adjacent)).toBe(false);
    expect(denied('no symptoms and she needs a diagnostic colonoscopy', 'diagnostic')).toBe(true);
    expect(denied('needs a diagnostic colonoscopy', 'diagnostic', adjacent)).toBe(false);
  });
});

describe("denialBefore({ reach: 'statement', rulingOut: false })", () => {
  const statement = denialBefore({ reach: 'statement', rulingOut: false });

  it('denies across commas in the statement', () => {
    expect(denied('Denies injury, pain began gradually after a fall', 'fall', statement)).toBe(true);
    expect(denied('Denies injury, pain began gradually after a fall', 'fall')).toBe(false);
  });

  it('does not take ruling out of one thing for a denial of what is told after it', () => {
    expect(denied('rule out a tear after the fall', 'fall', statement)).toBe(false);
    expect(denied('rule out a tear after the fall', 'fall', denialBefore({ reach: 'statement' }))).toBe(true);
    expect(denied('shoulder pain after a fall', 'fall', statement)).toBe(false);
  });
});
