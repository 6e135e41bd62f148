/** web/coder-review.js: the note split into highlighted stretches from evidence spans (plain data, no DOM). */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const module = pathToFileURL(fileURLToPath(new URL('../../web/coder-review.js', import.meta.url))).href;

describe('evidence highlighting', () => {
  it('marks each code’s evidence, overlapping spans carrying both codes; bad spans are ignored', async () => {
    const { highlightSegments, spansFor, reasonLabel } = await import(module);
    const text = 'Sore throat and nasal congestion.';
    const segments = highlightSegments(text, [
      { code: 'J02.9', start: 0, end: 11 },
      { code: 'J06.9', start: 5, end: 32 },
      { code: 'X', start: 30, end: 99 },
      { code: 'Y' },
    ]);
    expect(segments.map((s: { text: string }) => s.text).join('')).toBe(text);
    expect(segments).toEqual([
      { text: 'Sore ', codes: ['J02.9'] },
      { text: 'throat', codes: ['J02.9', 'J06.9'] },
      { text: ' and nasal congestion', codes: ['J06.9'] },
      { text: '.', codes: [] },
    ]);
    const codes = {
      diagnoses: [
        {
          code: 'J02.9',
          evidence: [
            { section: 'notes', text: 'Sore throat', start: 0, end: 11 },
            { section: 'diagnoses', entry: 1, text: 'x', start: 0, end: 1 },
          ],
        },
      ],
      procedures: [],
    };
    expect(spansFor(codes, 'notes')).toEqual([{ section: 'notes', text: 'Sore throat', start: 0, end: 11, code: 'J02.9' }]);
    expect(spansFor(codes, 'diagnoses', 0)).toEqual([]);
    expect(spansFor(codes, 'diagnoses', 1)).toHaveLength(1);
    expect(reasonLabel('documented_code_changed')).toMatch(/physician-documented code/);
  });
});
