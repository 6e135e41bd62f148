/**
 * coder_review end to end over HTTP on the real stack (API, Temporal server and worker with the
 * real coding engine and activities, PostgreSQL, insurer and clearinghouse sandboxes): an
 * encounter the engine is unsure of waits for a coder, whose accept bills it; an invalid code
 * is refused with a 422 naming it; a physician's code is kept or the encounter routed, never
 * rewritten on the way to the claim.
 */
import { describe, expect, it } from 'vitest';
import type { EvidenceSpan } from '../../domain/evidence.ts';
import type { EncounterDocumentation } from '../../domain/encounter.ts';
import type { Stage } from '../../workflows/stages.ts';
import { TOKENS, call, submitEncounter, validSubmission, waitForEncounterStage, waitForWorklistItem } from '../../testkit/http.ts';
import { useTestStack } from '../../testkit/fixtures.ts';

const stack = useTestStack();

const submit = (documentation: EncounterDocumentation) => submitEncounter(stack.apiUrl, { ...validSubmission(), documentation });

async function view(id: string, token: string = TOKENS.coder) {
  const response = await call(stack.apiUrl, 'GET', `/encounters/${id}`, { token });
  expect(response.status).toBe(200);
  return response.body;
}

const waitForStage = (id: string, stage: Stage) => waitForEncounterStage(stack.apiUrl, id, stage);

const review = (id: string, body: object) => call(stack.apiUrl, 'POST', `/encounters/${id}/coder-review`, { token: TOKENS.coder, body });

async function claimLines(id: string) {
  const lines = await stack.db.prisma.claimLine.findMany({ where: { claim: { encounterId: id } }, orderBy: { lineNumber: 'asc' } });
  return lines.map((l) => l.code);
}

describe('coder_review over HTTP', () => {
  it('holds an encounter the engine is not confident about for a coder, with rationale and evidence; the coder’s accept bills it', async () => {
    const documentation = {
      notes: 'Chest discomfort, atypical.',
      diagnoses: [{ description: 'Chest discomfort, atypical' }],
      procedures: [{ description: 'Office visit', code: '99213', units: 1 }],
      testResults: [],
    };
    const id = await submit(documentation);
    const waiting = await waitForStage(id, 'coder_review');
    expect(waiting.coderReview?.reasons.map((r) => r.kind)).toEqual(['low_confidence']);
    expect(waiting.coderReview?.reasons[0]!.detail).toMatch(/confidence [\d.]+ < [\d.]+/);
    expect(await claimLines(id)).toEqual([]);

    const item = await waitForWorklistItem(stack.apiUrl, '/coder-review/worklist', TOKENS.coder, id);
    expect(item).toMatchObject({ id, reason: expect.stringContaining('not confident') });
    expect((await call(stack.apiUrl, 'GET', '/coder-review/worklist', { token: TOKENS.biller })).status).toBe(403);

    // The coder sees each code's rationale and evidence; the offsets point at the quoted words.
    const coderView = await view(id);
    const [diagnosis] = coderView.codes.diagnoses;
    expect(diagnosis.rationale.length).toBeGreaterThan(0);
    const spans = diagnosis.evidence as EvidenceSpan[];
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans.filter((s) => s.start !== undefined)) {
      const text =
        span.section === 'notes'
          ? documentation.notes
          : span.section === 'diagnoses'
            ? documentation.diagnoses[span.entry!]!.description
            : documentation.procedures[span.entry!]!.description;
      expect(text.slice(span.start, span.end)).toBe(span.text);
    }
    // A biller sees the codes and why the encounter waits, not the quotes of the record.
    const billerView = await view(id, TOKENS.biller);
    expect(billerView.codes.diagnoses[0]).not.toHaveProperty('evidence');
    expect(billerView.status.coderReview.reasons[0].kind).toBe('low_confidence');

    const accepted = await review(id, { action: 'accept', note: 'both documented' });
    expect([accepted.status, accepted.body]).toEqual([200, { accepted: true }]);
    const billed = await waitForStage(id, 'billed');
    expect(billed.history.map((t) => t.to)).toEqual(['eligibility', 'coding', 'coder_review', 'billing', 'awaiting_remittance', 'billed']);
    expect(await claimLines(id)).toEqual(['99213']);
    const audit = await stack.db.prisma.auditEvent.findMany({ where: { encounterId: id } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['coder.reviewed', 'coder_review:accept']));
    expect((await review(id, { action: 'accept' })).status).toBe(409);
  }, 90_000);

  it('corrects a physician’s code a rule shows wrong (99395 for a 46-year-old is 99396) and routes it to a coder, never billed as written; invalid codes are refused with a 422 naming them', async () => {
    const id = await submit({
      notes: 'Annual preventive visit, established patient. Healthy.',
      diagnoses: [{ description: 'Encounter for general adult medical examination without abnormal findings', code: 'Z00.00' }],
      procedures: [{ description: 'Preventive visit established patient', code: '99395', units: 1 }],
      testResults: [],
    });
    const waiting = await waitForStage(id, 'coder_review');
    const changed = waiting.coderReview!.reasons.find((r) => r.kind === 'documented_code_changed');
    expect(changed?.codes).toEqual(['99395']); // the coder is told the written code was changed, and why
    expect(changed?.detail).toContain('99396');
    expect(waiting.codes.procedures.map((p) => p.code)).toEqual(['99396']); // corrected to the age band, not billed as written
    expect(await claimLines(id)).toEqual([]);

    const invalid = await review(id, {
      action: 'edit',
      diagnoses: [{ code: 'Z00.00' }, { code: 'Z99.999' }],
      procedures: [{ code: '99396' }],
    });
    expect(invalid.status).toBe(422);
    expect(invalid.contentType).toMatch(/problem\+json/);
    expect(invalid.body.detail).toContain('Z99.999');
    expect(invalid.body.errors).toEqual([{ field: 'diagnoses.1.code', message: expect.stringContaining('Z99.999') }]);
    // The old override path answers the same way now (it was a 202 and a silent drop); the age band is refused naming 99395.
    const viaPut = await call(stack.apiUrl, 'PUT', `/encounters/${id}/codes`, {
      token: TOKENS.coder,
      body: { diagnoses: [{ code: 'Z00.00' }], procedures: [{ code: '99395' }] },
    });
    expect([viaPut.status, viaPut.body.errors?.[0]?.field]).toEqual([422, 'procedures.0.code']);
    expect(viaPut.body.detail).toContain('99395');
    expect((await waitForStage(id, 'coder_review')).coderReview?.id).toBe(waiting.coderReview!.id);

    const edited = await review(id, {
      action: 'edit',
      diagnoses: [{ code: 'Z00.00' }],
      procedures: [{ code: '99396', units: 1 }],
      note: 'age band 40-64',
    });
    expect(edited.status).toBe(200);
    // The coder's 99396 goes out on the claim (it once stopped in needs_review: the fee schedule had no price for it).
    const billed = await waitForStage(id, 'billed');
    expect(billed.history.map((t) => t.to)).toEqual(['eligibility', 'coding', 'coder_review', 'billing', 'awaiting_remittance', 'billed']);
    expect(await claimLines(id)).toEqual(['99396']);
    const coderRows = await stack.db.prisma.codeAssignment.findMany({ where: { encounterId: id, source: 'coder' } });
    expect(coderRows.map((r) => r.rationale)).toEqual(expect.arrayContaining([expect.stringContaining('age band 40-64')]));
  }, 90_000);

  it('keeps the codes a physician wrote when nothing asks for review: no coder, no rewrite', async () => {
    const id = await submit(validSubmission().documentation);
    const billed = await waitForStage(id, 'billed');
    expect(billed.history.map((t) => t.to)).toEqual(['eligibility', 'coding', 'billing', 'awaiting_remittance', 'billed']);
    expect(billed.codes.diagnoses).toEqual(['E11.9']);
    expect(await claimLines(id)).toEqual(['99213']);
  }, 60_000);
});
