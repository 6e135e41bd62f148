import { describe, expect, it } from 'vitest';
import { expandAbbreviations, expansionPatterns } from '../../coding/text.ts';

/**
 * The expansions are applied to every text the engine reads, the whole notes included (up to
 * 50,000 characters). A lookaround that can run over any number of characters of any kind
 * ("(?<=\b(?:eye|...)\b[\s\S]*)\bod\b", "(?<=\b(?:lac|...)\b[^.;\n]*)\bchin\b") is run again from
 * every place the pattern is tried, so one pass costs the square of the text: session 18's eye
 * initials and lung lobes made a 50,000-character record cost 213 s of CPU. The steps a regular
 * expression takes cannot be counted from JavaScript, so this counts the patterns able to take
 * them: a lookaround may span a word or the gap between words (\w+, \s*), never a run of any
 * character (a lookbehind not even over a clause); a condition on the text around a word is an
 * ExpansionScope, tested once per text or clause.
 */

/** An atom matching any character, then a quantifier with no upper bound: a run over the whole text. */
const TEXT_RUN = /^(?:\[\\s\\S\]|\[\\S\\s\]|\[\\w\\W\]|\[\\d\\D\]|\[\^\]|\.)(?:\*|\+|\{\d+,\})/;
/** Any character but a few (a clause: '[^.;\n]*'), with no upper bound. */
const CLAUSE_RUN = /^\[\^[^\]]+\](?:\*|\+|\{\d+,\})/;

/**
 * The lookarounds of a pattern that may run over the text (any character, any number of times), and
 * the lookbehinds that may run over a clause: a lookbehind is tried at every place, a lookahead
 * after a word only where the word is (a lookahead over the rest of the clause is left to it).
 */
function unboundedLookarounds(pattern: RegExp): string[] {
  const src = pattern.source;
  const found: string[] = [];
  const open: Array<{ start: number; look: boolean; behind: boolean }> = [];
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    const look = open.findLast((g) => g.look);
    const rest = src.slice(i);
    if (look && (TEXT_RUN.test(rest) || (open.some((g) => g.behind) && CLAUSE_RUN.test(rest)))) {
      found.push(src.slice(look.start, look.start + 60));
    }
    if (c === '[') inClass = true;
    else if (c === '(') {
      const head = src.slice(i, i + 4);
      open.push({ start: i, look: /^\(\?<?[=!]/.test(head), behind: /^\(\?<[=!]/.test(head) });
    } else if (c === ')') open.pop();
  }
  return found;
}

describe('the cost of expanding a text', () => {
  it('finds the unbounded lookarounds it is meant to find', () => {
    expect(unboundedLookarounds(/(?<=\beye\b[\s\S]*)\bod\b/g)).toHaveLength(1);
    expect(unboundedLookarounds(/\bod\b(?=[\s\S]*\beye\b)/g)).toHaveLength(1);
    expect(unboundedLookarounds(/(?<=\blac\b[^.;\n]*)\bchin\b/g)).toHaveLength(1);
    expect(unboundedLookarounds(/(?<=\bfracture\s+(?:\w+\s+){0,2})wrist\b/g)).toHaveLength(0);
    expect(unboundedLookarounds(/(?<!\b(?:rtc|return)\b[^.;\n]{0,24})\bsuture\b/g)).toHaveLength(0);
    expect(unboundedLookarounds(/[^.]*\bchin\b/g)).toHaveLength(0);
    expect(unboundedLookarounds(/\bchin\b(?=[^.;\n]*\blac\b)/g)).toHaveLength(0);
  });

  it('no expansion pattern has a lookaround running over the text, so expanding costs one pass per pattern', () => {
    const unbounded = expansionPatterns().flatMap(unboundedLookarounds);
    expect(unbounded).toEqual([]);
  });

  it('an expansion conditioned on other words still applies where they are, before or after it', () => {
    expect(expandAbbreviations('Cataract OD, glaucoma suspect OS')).toContain('right eye');
    expect(expandAbbreviations('IOP 18 OU. Plan: recheck')).toContain('bilateral');
    expect(expandAbbreviations('Tylenol OD, no eye complaints')).toContain('right eye');
    expect(expandAbbreviations('Tylenol OD as needed')).not.toContain('right eye');
    expect(expandAbbreviations('RLL mass on CT')).toContain('right lower lobe of lung');
    expect(expandAbbreviations('RLL infiltrate')).toContain('pulmonary');
    expect(expandAbbreviations('Chin laceration. Forehead normal')).toMatch(/^other part of head laceration\. forehead normal$/);
    expect(expandAbbreviations('Abrasion of the brow')).toContain('periocular area');
    expect(expandAbbreviations('Right wrist fracture')).toContain('wrist carpal bone');
    expect(expandAbbreviations('Wrist fracture, distal radius')).not.toContain('carpal');
  });
});
