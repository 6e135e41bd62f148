/**
 * A value the engine chose that the record never states: a code whose title names a severity, a
 * stage, an acuity or a course ("severe", "stage 3", "acute", "in partial remission") while no
 * statement of the record says it. The classification codes each value apart, so the value decides
 * the code; when the record does not give it, the engine picked one member of the family by the words
 * the record does share with its title (an inclusion term's "with psychotic features", an index
 * entry's "most recent episode"), not by evidence. Guideline I.A.9: the unspecified member is for a
 * record that lacks the detail, and a coder (or a query) settles it; never billed unseen.
 *
 * The coding step withSupportedAxisValues (axis-support.ts) already codes the unspecified member in
 * place of an unstated value when the block has one; this is the gate for what it leaves: a family
 * with no unspecified member at the same place ("Bipolar disorder, current episode depressed,
 * severe, with psychotic features" has no sibling "..., unspecified, with psychotic features").
 *
 * Not a choice among members, so no reason:
 * - a value every code of the category carries ("Acute bronchiolitis" J21, "Chronic sinusitis" J32):
 *   the index sends the bare condition there;
 * - a value inside the title's default clause ("without acute cor pulmonale");
 * - a code whose own title or inclusion term the code's statement says word for word ("Dawson's
 *   inclusion body encephalitis" is listed under subacute sclerosing panencephalitis): the tabular
 *   puts the phrase there on purpose, and the value is the classification's reading of it.
 * Signs and factors (R, Z) are coded as documented.
 */
import type { CodedDiagnosis } from '../domain/coding.ts';
import { axisValuesOf, valueStated, type AxisValue } from './axis-support.ts';
import type { Icd10Cm } from './icd10cm.ts';
import { textsOfEntry } from './title-facts.ts';
import { expandAbbreviations, tokenize } from './text.ts';

/** A title's default clause: what it says the condition is without. */
const WITHOUT_CLAUSE = /\bwithout\b[^,]*/gi;

/**
 * The episode axis of the depressive families: one episode (F32) or recurrent (F33). The index takes
 * "single" when the record says neither; a record states it by "single", "first" or "only" episode.
 */
const SINGLE_EPISODE = /\bsingle episode\b/i;
const SINGLE_STATED = /\b(single|first|1st|only|initial)\b(\s+[\w-]+){0,3}\s+episode\b|\bsingle episode\b|\bfirst[- ]episode\b/i;

/** The values the title asserts: its axis values (axis-support.ts) outside its default clause, and a single episode. */
function assertedValues(title: string): Array<AxisValue | { axis: 'episode'; value: 'single episode' }> {
  const values: Array<AxisValue | { axis: 'episode'; value: 'single episode' }> = axisValuesOf(title.replace(WITHOUT_CLAUSE, ' '));
  if (SINGLE_EPISODE.test(title)) values.push({ axis: 'episode', value: 'single episode' });
  return values;
}

const stated = (v: ReturnType<typeof assertedValues>[number], record: string) =>
  v.axis === 'episode' ? SINGLE_STATED.test(record) : valueStated(v, record);

/** The code's own title or one of its inclusion terms, every word of it in the statement. */
function ownTermSaid(icd: Icd10Cm, code: string, statements: readonly string[]): boolean {
  const index = icd.byCode.get(code);
  if (index === undefined) return false;
  // The statement's words as written and as expanded ("grade II" is also "grade 2", "partial thickness" a "second degree").
  const said = statements.map((s) => new Set([...tokenize(s), ...tokenize(expandAbbreviations(s))]));
  return textsOfEntry(icd, index).some((ti) => {
    const tokens = icd.texts[ti]?.tokens ?? [];
    return tokens.length > 0 && said.some((words) => tokens.every((t) => words.has(t)));
  });
}

/** The codes whose title names a value of an axis that no statement of the record states, each with that value. */
export function valuesAssertedUnstated(
  icd: Icd10Cm,
  statements: readonly string[],
  diagnoses: readonly CodedDiagnosis[],
): Array<{ code: string; value: string }> {
  const record = statements.join('\n');
  const out: Array<{ code: string; value: string }> = [];
  for (const d of diagnoses) {
    if (/^[RZ]/.test(d.code)) continue;
    const category = icd.entries[icd.byCode.get(d.code.slice(0, 3)) ?? -1]?.description ?? '';
    const ofCategory = new Set(assertedValues(category).map((v) => v.value));
    const unstated = assertedValues(d.description).filter((v) => !ofCategory.has(v.value) && !stated(v, record));
    if (
      unstated.length === 0 ||
      ownTermSaid(
        icd,
        d.code,
        d.evidence.map((e) => e.text),
      )
    )
      continue;
    for (const v of unstated) out.push({ code: d.code, value: v.value });
  }
  return out;
}
