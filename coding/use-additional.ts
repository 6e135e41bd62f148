/**
 * "Use additional code" notes: the codes a chosen code's note asks for, added when the record
 * documents them (the drug in use, weeks of gestation, the stage, a history the screening is for).
 */
import { documentedAdditionalCodes, type RecordStatement } from './additional.ts';
import { round, SECTION_WEIGHT, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { queryText, rank, searchFilter } from './ranking.ts';
import { buildQuery, useAdditionalFilter } from './search.ts';
import { coreTokens } from './text.ts';

/** Step: the codes "use additional code" notes ask for, when the record documents them. */
export function addUseAdditional(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const out = [...drafts];
  const doc = run.input.documentation;
  const statements: RecordStatement[] = [
    ...doc.diagnoses.map((d) => ({ section: 'diagnoses' as const, text: d.description })),
    ...clausesOf(doc.notes).map((text) => ({ section: 'notes' as const, text })),
  ];
  // Codes the notes cite and the record documents (drug in use, weeks of gestation, tobacco history).
  for (const d of drafts) {
    for (const add of documentedAdditionalCodes(run.codeSets.icd, d.code, statements, out.map((o) => o.code), run.input.patient.ageYears)) {
      if (!run.allowed(add.code)) continue;
      const i = run.codeSets.icd.byCode.get(add.code) as number;
      out.push({
        system: 'ICD-10-CM', code: add.code, description: run.codeSets.icd.entries[i]?.description ?? add.code,
        confidence: round(0.9 * SECTION_WEIGHT[add.statement.section]), order: d.order + 0.25, alternatives: [],
        evidence: [{ section: add.statement.section, text: add.statement.text }],
        rationale: `"Use additional code" note at ${d.code}: the record documents ${add.what} (${add.statement.section}: "${add.statement.text}").`,
      });
    }
  }
  for (const d of drafts) {
    const cited = useAdditionalFilter(run.codeSets.icd, d.code);
    const m = run.mentions.get(d.order);
    if (!cited || !m || out.some((o) => o !== d && cited.filter(o.code))) continue;
    const { filter, categories } = cited;
    let hit = rank(run, buildQuery(m.text), m.text, filter, categories)[0];
    let source = m;
    if (!hit || hit.score < 0.75) {
      // The history the note asks for, stated in the notes ("mother had colon cancer" with a screening).
      for (const n of run.notes.filter((x) => x.assertion === 'family-history' || x.assertion === 'personal-history')) {
        const h = rank(run, buildQuery(queryText(n, [])), n.text, (c) => filter(c) && (searchFilter(n)?.(c) ?? true), categories)[0];
        if (h && h.score >= 0.75 && (!hit || h.score > hit.score)) { hit = h; source = n; }
      }
    }
    // From the condition's own words, every core word of the added code must be documented
    // ("asthma" alone is not eosinophilic asthma; "with CKD" is CKD, stage unspecified).
    if (hit && source === m) {
      const q = new Set(buildQuery(m.text).tokens);
      if (!coreTokens(hit.matchedText).every((t) => q.has(t))) hit = undefined;
    }
    if (hit && hit.score >= 0.75) {
      const m = source;
      out.push({
        system: 'ICD-10-CM', code: hit.code, description: hit.description, confidence: round(hit.score * SECTION_WEIGHT[m.section]),
        order: d.order + 0.25, alternatives: [], evidence: m === source && source.section === 'diagnoses' ? d.evidence : [{ section: m.section, text: m.original }],
        rationale: `"Use additional code" note at ${d.code}; "${hit.matched.join(' ')}" documented in ${m.section} ("${m.original}").`,
      });
    }
  }
  return out;
}
