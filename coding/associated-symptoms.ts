/**
 * A condition written with a symptom its "with ..." code lists in its own "use additional code for
 * associated symptoms" note (benign prostatic hyperplasia with nocturia: N40.1 "with lower urinary
 * tract symptoms", whose note lists nocturia R35.1) is that "with" code, and the symptom is coded
 * beside it as the note asks; the "without" sibling the words alone reach (N40.0) is not. Read from
 * the tabular's notes, never from a list of conditions.
 */
import { describeIcd, newDraft, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { EntryKind, type Icd10Cm } from './icd10cm.ts';
import { coreTokens, expandAbbreviations, tokenize } from './text.ts';

/** The "with" sibling of a "without" code whose associated-symptom note names a symptom the statement says, and that symptom's code. */
export function withAssociatedSymptom(
  icd: Icd10Cm,
  code: string,
  statement: string,
  mustNameCondition = false,
): { code: string; symptom: string } | undefined {
  const index = icd.byCode.get(code);
  const own = icd.entries[index ?? -1];
  if (!own || !/\bwithout\b/i.test(own.description)) return undefined;
  const said = new Set(tokenize(expandAbbreviations(statement)));
  // A statement other than the condition's own must name the condition itself (the symptom is its symptom).
  if (mustNameCondition && !coreTokens(own.description.split(/\bwithout\b/i)[0] ?? '').every((t) => said.has(t))) return undefined;
  for (const k of icd.children.get(own.parent) ?? []) {
    const sibling = icd.entries[k];
    if (!sibling || k === index || sibling.kind !== EntryKind.Billable) continue;
    // The sibling is the same title with "with" for "without".
    if (sibling.description.toLowerCase() !== own.description.toLowerCase().replace(/\bwithout\b/, 'with')) continue;
    const notes = icd.notes[sibling.code]?.ua ?? [];
    if (!notes.some(([text]) => /associated symptoms/i.test(text))) continue;
    for (const [text, patterns] of notes) {
      const symptom = patterns.length === 1 ? patterns[0] : undefined;
      const words = tokenize(text.replace(/\([^)]*\)/g, ' '));
      if (!symptom || symptom.endsWith('-') || words.length === 0 || !words.every((w) => said.has(w))) continue;
      return { code: sibling.code, symptom };
    }
  }
  return undefined;
}

/** Step: a "without" code whose statement names a listed associated symptom becomes the "with" code, the symptom coded beside it. */
export function associatedSymptoms(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const icd = run.codeSets.icd;
  let out = drafts;
  for (const d of drafts) {
    const statement = d.evidence[0]?.text ?? '';
    const found =
      withAssociatedSymptom(icd, d.code, statement) ??
      run.notes
        .filter((n) => n.assertion === 'affirmed')
        .map((n) => withAssociatedSymptom(icd, d.code, n.text, true))
        .find((f) => f !== undefined);
    if (!found || !run.allowed(found.code)) continue;
    const why = `"${statement}" names ${describeIcd(run.codeSets, found.symptom).toLowerCase()}, an associated symptom ${found.code}'s use-additional note lists`;
    out = out.map((o) => (o === d ? recoded(run.codeSets, o, found.code, `${why}: ${found.code} in place of ${d.code}.`) : o));
    if (out.some((o) => o.code === found.symptom) || !run.allowed(found.symptom)) continue;
    out = [
      ...out,
      newDraft(run.codeSets, found.symptom, {
        confidence: d.confidence,
        order: d.order + 0.3,
        evidence: [...d.evidence],
        rationale: `${why}: coded beside it as the note asks.`,
      }),
    ];
  }
  return out;
}
