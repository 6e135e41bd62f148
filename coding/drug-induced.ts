/**
 * A condition the record says a drug caused is coded to the family's drug-induced member when the
 * tabular has one (hypothyroidism due to amiodarone: E03.2 "due to medicaments", not E03.9; Cushing's
 * syndrome from steroids: E24.2), with the drug's adverse-effect T code beside it (drug-effects.ts,
 * guideline I.C.19.e.5.a). The member is found in the tabular, among the siblings of the code and of
 * its ancestors within the category, never from a list of conditions.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { drugEffectCode } from './drug-effects.ts';
import { EntryKind, type Icd10Cm } from './icd10cm.ts';
import { tokenize } from './text.ts';

/** A title that names a drug as the cause. */
const DRUG_CAUSED_TITLE = /\bdrug-induced\b|\bdue to (?:drugs|medicaments)\b|\binduced by\b[^,]*\bdrugs?\b/i;
/** The words such a title adds for the cause (they are not a type of the condition). */
const CAUSE_WORDS = new Set(
  tokenize('drug induced due medicaments medicament drugs other exogenous substances toxins taken internally biological'),
);
/** A statement that names a drug cause without naming the drug. */
const DRUG_CAUSE_WORDS =
  /\b(?:drug|medication|medicine)[\s-]+(?:induced|related)\b|\b(?:due to|from|caused by)\s+(?:a |the |his |her )?(?:drugs?|medications?|medicines?)\b/i;

/** The drug-caused member of the code's family whose other words the code or the statement already says. */
export function drugInducedMember(icd: Icd10Cm, code: string, statement: string, allowed: (c: string) => boolean): string | undefined {
  const start = icd.byCode.get(code);
  const own = icd.entries[start ?? -1];
  if (start === undefined || !own || DRUG_CAUSED_TITLE.test(own.description)) return undefined;
  const said = new Set([...tokenize(own.description), ...tokenize(statement)]);
  const category = code.slice(0, 3);
  let node: number = start;
  while (node >= 0) {
    const entry = icd.entries[node];
    if (!entry || entry.kind > EntryKind.Billable || entry.parent < 0 || !entry.code.startsWith(category)) break;
    const found = (icd.children.get(entry.parent) ?? [])
      .map((k) => icd.entries[k])
      .filter((e) => e !== undefined && e.kind === EntryKind.Billable && allowed(e.code) && DRUG_CAUSED_TITLE.test(e.description))
      .filter((e) => tokenize(e?.description ?? '').every((t) => CAUSE_WORDS.has(t) || said.has(t)));
    if (found.length === 1) return found[0]?.code;
    if (found.length > 1) return undefined;
    if (entry.code.length <= 3) break;
    node = entry.parent;
  }
  return undefined;
}

/** Step: a condition its statement ties to a drug, coded to the tabular's drug-induced member of its family. */
export function drugInducedMembers(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const icd = run.codeSets.icd;
  const converted = new Set<string>();
  const out = drafts.map((d) => {
    const statement = d.evidence[0]?.text ?? '';
    if (!DRUG_CAUSE_WORDS.test(statement) && !drugEffectCode(icd, statement, statement)) return d;
    const member = drugInducedMember(icd, d.code, statement, run.allowed);
    if (!member) return d;
    converted.add(statement);
    return recoded(
      run.codeSets,
      d,
      member,
      `"${statement}" names a drug as the cause: the family's drug-induced code ${member} in place of ${d.code}.`,
    );
  });
  // A second code the same statement's cause words found by themselves ("drug-induced" gout beside
  // drug-induced hypothyroidism) named no second condition.
  return out.filter((d) => !(converted.has(d.evidence[0]?.text ?? '') && d.order % 1 !== 0 && DRUG_CAUSED_TITLE.test(d.description)));
}
