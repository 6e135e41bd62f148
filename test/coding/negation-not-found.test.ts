// What an examination or a test did not find is negated, and leaves no affirmed condition behind
// (coding/context.ts assertionsOf). Statements are our own wording.
import { describe, expect, it } from 'vitest';
import { noteMentions } from '../../coding/context.ts';

const read = (notes: string) => noteMentions(notes).map((m) => [m.text, m.assertion]);
const affirmedText = (notes: string) =>
  noteMentions(notes)
    .filter((m) => m.assertion === 'affirmed')
    .map((m) => m.text)
    .join(' | ');

describe('a finding a test or an examination did not find', () => {
  it('is negated, and the test named before it is no affirmed condition', () => {
    for (const notes of [
      'CXR: no evidence of pneumonia.',
      'Chest film negative for pneumonia.',
      'XR right ankle negative for fracture.',
      'Skin: no signs of cellulitis.',
      'Swab neg for influenza.',
      'Duplex US without evidence of DVT.',
    ])
      expect(affirmedText(notes), notes).toBe('');
    expect(read('CT head: no evidence of bleed.')).toEqual([['bleed', 'negated']]);
  });

  it('the condition written before the test keeps no "without" of what the test did not find', () => {
    expect(affirmedText('A: Cough - CXR negative for pneumonia.')).toBe('Cough');
    expect(affirmedText('Erythema of right forearm, no signs of abscess.')).toBe('Erythema of right forearm');
  });

  it('a finding graded as present after a comma is affirmed', () => {
    expect(read('No signs of cellulitis, mild erythema around the sting.')).toEqual([
      ['cellulitis', 'negated'],
      ['mild erythema around the sting', 'affirmed'],
    ]);
  });
});

describe('an examination that is the encounter itself', () => {
  it('keeps what it did not find as its own "without abnormal findings"', () => {
    expect(affirmedText('Well child exam 12 month, no abnormal findings.')).toMatch(/^Well child exam .*without abnormal findings$/);
    expect(affirmedText('Annual physical exam - no abnormal findings.')).toMatch(/^Annual physical exam\W* without abnormal findings$/);
    // A test heading is still no condition, even with an examination word in it.
    expect(affirmedText('Exam: no signs of cellulitis.')).toBe('');
  });
});

describe('a feature a condition is said to be without', () => {
  it('still reads as the condition without it (chooses the "without" code)', () => {
    expect(affirmedText('Migraine, no aura.')).toBe('Migraine without aura');
    expect(read('No fever, chills or sweats.')).toEqual([['fever, chills or sweats', 'negated']]);
  });
});
