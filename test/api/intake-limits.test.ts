// The coding engine's input limits (coding/limits.ts) at intake: a record over them is refused with a
// problem naming the field (400), a body over the byte limit with 413; nothing is stored either way.
import { describe, expect, it } from 'vitest';
import { CODING_INPUT_LIMITS, codingInputProblems } from '../../coding/limits.ts';
import { call, TOKENS, useApiUnderTest, validSubmission } from './support.ts';

const api = useApiUnderTest();

const post = (body: unknown) => call(api.baseUrl, 'POST', '/encounters', { token: TOKENS.intake, body });
const fields = (response: { body: any }): string[] => (response.body?.errors ?? []).map((e: { field: string }) => e.field);
const L = CODING_INPUT_LIMITS;

describe('coding input limits at intake', () => {
  it.each([
    ['notes one character over the limit', (s: any) => (s.documentation.notes = 'a'.repeat(L.notesChars + 1)), 'documentation.notes'],
    [
      'one diagnosis too many',
      (s: any) => (s.documentation.diagnoses = Array.from({ length: L.diagnoses + 1 }, (_, i) => ({ description: `condition ${i}` }))),
      'documentation.diagnoses',
    ],
    [
      'one procedure too many',
      (s: any) => (s.documentation.procedures = Array.from({ length: L.procedures + 1 }, () => ({ description: 'office visit' }))),
      'documentation.procedures',
    ],
    [
      'a diagnosis line over the line limit',
      (s: any) => (s.documentation.diagnoses[0].description = 'x'.repeat(L.lineChars + 1)),
      'documentation.diagnoses.0.description',
    ],
  ])('400 problem+json naming the field for %s, nothing stored', async (_name, spoil, field) => {
    const before = await api.db.prisma.encounter.count();
    const submission: any = validSubmission();
    spoil(submission);
    const response = await post(submission);
    expect(response.status).toBe(400);
    expect(response.contentType).toMatch(/application\/problem\+json/);
    expect(fields(response)).toContain(field);
    expect(await api.db.prisma.encounter.count()).toBe(before);
  });

  it('a record exactly at the limits is accepted', async () => {
    const submission: any = validSubmission();
    submission.documentation.notes = 'Assessment: essential hypertension. '.repeat(L.notesChars / 40).slice(0, L.notesChars);
    submission.documentation.diagnoses = Array.from({ length: L.diagnoses }, (_, i) => ({ description: `condition ${i}` }));
    const response = await post(submission);
    expect(response.status).toBe(201);
  });

  it('413 problem+json naming the body when it is over the byte limit', async () => {
    const submission: any = validSubmission();
    submission.documentation.notes = 'a'.repeat(L.requestBytes + 10);
    const response = await post(submission);
    expect(response.status).toBe(413);
    expect(response.contentType).toMatch(/application\/problem\+json/);
    expect(fields(response)).toEqual(['(body)']);
    expect(response.body.detail).toContain(String(L.requestBytes));
  });
});

describe('codingInputProblems (the coding activity checks a stored record again)', () => {
  const doc = { notes: 'ok', diagnoses: [{ description: 'hypertension' }], procedures: [], testResults: [] };

  it('is empty for a record within the limits', () => {
    expect(codingInputProblems(doc)).toEqual([]);
  });

  it('names each field over its limit', () => {
    const problems = codingInputProblems(
      { ...doc, notes: 'a'.repeat(L.notesChars + 1), diagnoses: Array.from({ length: L.diagnoses + 1 }, () => ({ description: 'x' })) },
      [{ freeText: 'b'.repeat(L.answerChars + 1) }],
    );
    expect(problems.map((p) => p.field)).toEqual(['documentation.notes', 'documentation.diagnoses', 'answers.0.freeText']);
  });
});
