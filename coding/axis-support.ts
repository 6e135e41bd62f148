/**
 * Every axis value a chosen code's title names must be one the record states. A code titled "mild",
 * "stage 2", "unstageable", "acute", "chronic", "acute and chronic" or "in remission" says the
 * physician documented that value; when the record never does (the search took a sibling because
 * its other words fit, or the index assumed a value), the code invents a clinical fact. A coder
 * codes the classification's member for "not stated" instead (its title says "unspecified": the
 * unspecified stage, severity or acuity) and asks the physician when the value changes the code
 * (unstated-axis.ts raises that query from the unspecified member).
 *
 * Read from the titles, never from a list of diseases: the value-bearing words are fixed (they are
 * the axes themselves), the fallback is the entry of the same block naming the same condition with
 * the axis "unspecified". With no such entry (sinusitis: the classification has no code for sinusitis
 * of unstated acuity), the code stays as the index gives it.
 */
import type { CodingRun, MentionWork } from './coding-run.ts';
import { EntryKind, type Icd10Cm } from './icd10cm.ts';
import type { SearchHit } from './search.ts';
import { expandAbbreviations, tokenize } from './text.ts';

export interface AxisValue {
  axis: 'severity' | 'stage' | 'acuity' | 'course';
  /** The value as the title writes it ("mild", "stage 2", "unstageable", "acute and chronic"). */
  value: string;
}

/** Title text that names no value: ranges ("mild or moderate severity", "stage 1 through stage 4") and "not specified as acute or chronic". */
export const VALUE_RANGE = /\b(mild|moderate|severe|acute|chronic|subacute) or (mild|moderate|severe|acute|chronic|subacute)\b/gi;
const NO_VALUE = [
  VALUE_RANGE,
  /\bstage \w+ (through|to|or) (stage )?\w+\b/gi,
  /\bnot specified as [^,;]*/gi,
  /\bunspecified (severity|stage|acuity)\b|\b(severity|stage|acuity) unspecified\b/gi,
  /\([^)]*\)/g,
];

/** The title with what names no value left out (parenthesised nonessential words among them). */
export function valueText(title: string): string {
  return NO_VALUE.reduce((t, re) => t.replace(re, ' '), title.toLowerCase());
}

/** The axis values a title names. */
export function axisValuesOf(title: string): AxisValue[] {
  const t = valueText(title);
  const out: AxisValue[] = [];
  const severity = t.match(/\b(mild|moderate|severe)\b/);
  if (severity?.[1]) out.push({ axis: 'severity', value: severity[1] });
  const stage = t.match(/\bstage (\d[a-c]?|i{1,3}v?|iv|v)\b/);
  if (stage?.[1]) out.push({ axis: 'stage', value: `stage ${stage[1]}` });
  if (/\bunstageable\b/.test(t)) out.push({ axis: 'stage', value: 'unstageable' });
  if (/\bacute (and|on) chronic\b/.test(t)) out.push({ axis: 'acuity', value: 'acute and chronic' });
  else {
    const acuity = t.match(/\b(acute|chronic|subacute)\b/);
    if (acuity?.[1]) out.push({ axis: 'acuity', value: acuity[1] });
  }
  if (/\bin (partial |full )?remission\b/.test(t)) out.push({ axis: 'course', value: 'in remission' });
  return out;
}

const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4', v: '5' };

/** Words a record uses for an acuity without the word itself. */
const ACUTE_SAID = /\b(acute|exacerbat\w*|flare\w*|decompensat\w*|acute[- ]on[- ]chronic)\b/i;
const CHRONIC_SAID = /\b(chronic|long-?standing|acute[- ]on[- ]chronic)\b/i;
const UNSTAGEABLE_SAID = /\b(unstageable|unstagable|not stageable|cannot be staged|unable to (be )?stage\w*)\b/i;

/** Whether the record's words about the condition state the value. */
export function valueStated(v: AxisValue, said: string): boolean {
  const text = expandAbbreviations(said);
  const words = new Set(tokenize(text));
  switch (v.value) {
    case 'acute':
      return ACUTE_SAID.test(text);
    case 'chronic':
      return CHRONIC_SAID.test(text);
    case 'subacute':
      return words.has('subacute');
    case 'acute and chronic':
      return (ACUTE_SAID.test(text) && CHRONIC_SAID.test(text)) || /\bacute[- ]on[- ]chronic\b/i.test(text);
    case 'unstageable':
      return UNSTAGEABLE_SAID.test(text);
    case 'in remission':
      return words.has('remission');
  }
  if (v.axis === 'stage') {
    const n = v.value.slice('stage '.length);
    const arabic = ROMAN[n] ?? n;
    const romanOf = Object.entries(ROMAN).find(([, a]) => a === arabic)?.[0];
    return words.has(arabic) || (romanOf !== undefined && words.has(romanOf));
  }
  return words.has(v.value);
}

/** Title words that say an axis is open, not which condition it is. */
const OPEN_AXIS = /^(unspecified|severity|stage|acuity|whether|specified|nos)$/;

/** The entry and its ancestors below the block, from the entry up. */
function lineage(icd: Icd10Cm, index: number): number[] {
  const out: number[] = [];
  for (let i = index; i >= 0 && out.length < 8;) {
    const e = icd.entries[i];
    if (!e || e.kind === EntryKind.Block || e.kind === EntryKind.Chapter) break;
    out.push(i);
    i = e.parent;
  }
  return out;
}

function blockOf(icd: Icd10Cm, index: number): number | undefined {
  for (let i = index, depth = 0; i >= 0 && depth < 10; depth++) {
    const e = icd.entries[i];
    if (!e) return undefined;
    if (e.kind === EntryKind.Block) return i;
    i = e.parent;
  }
  return undefined;
}

function descendants(icd: Icd10Cm, index: number): number[] {
  const out: number[] = [];
  const stack = [...(icd.children.get(index) ?? [])];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    out.push(i);
    stack.push(...(icd.children.get(i) ?? []));
  }
  return out;
}

const tokensOf = (icd: Icd10Cm, i: number) => new Set(tokenize(valueText(icd.entries[i]?.description ?? '')));

/**
 * The entry of the block that names the same condition as the code with the axis of `v` left open:
 * its title carries every word of the highest entry that introduced the value (the value aside) and
 * "unspecified", adds at most one other word, and names no value of that axis; then the billable
 * code under it whose title shares most of the code's remaining words.
 */
export function unspecifiedCounterpart(icd: Icd10Cm, code: string, v: AxisValue, allowed: (code: string) => boolean): string | undefined {
  const index = icd.byCode.get(code);
  if (index === undefined) return undefined;
  const chain = lineage(icd, index);
  const introducing = [...chain].reverse().find((i) => axisValuesOf(icd.entries[i]?.description ?? '').some((x) => x.value === v.value));
  const block = blockOf(icd, index);
  if (introducing === undefined || block === undefined) return undefined;
  const valueWords = new Set(tokenize(v.value));
  const condition = [...tokensOf(icd, introducing)].filter((t) => !valueWords.has(t));
  let best: { i: number; extra: number } | undefined;
  for (const i of descendants(icd, block)) {
    const e = icd.entries[i];
    if (!e || chain.includes(i) || !/\bunspecified\b/i.test(e.description)) continue;
    if (axisValuesOf(e.description).some((x) => x.axis === v.axis)) continue;
    const words = tokensOf(icd, i);
    if (!condition.every((t) => words.has(t))) continue;
    const extra = [...words].filter((t) => !condition.includes(t) && !OPEN_AXIS.test(t)).length;
    if (extra > 1 || (best && extra >= best.extra) || (best && extra === best.extra && i > best.i)) continue;
    best = { i, extra };
  }
  if (!best) return undefined;
  return billableUnder(icd, best.i, new Set(tokenize(valueText(icd.entries[index]?.description ?? ''))), allowed);
}

/** The billable code at or under an entry whose title shares most words with the code it stands in for. */
function billableUnder(icd: Icd10Cm, index: number, words: ReadonlySet<string>, allowed: (code: string) => boolean): string | undefined {
  const e = icd.entries[index];
  if (!e) return undefined;
  if (e.kind === EntryKind.Billable) return allowed(e.code) ? e.code : undefined;
  const candidates = descendants(icd, index).filter((k) => {
    const c = icd.entries[k];
    return c?.kind === EntryKind.Billable && allowed(c.code);
  });
  const overlap = (k: number) => [...tokensOf(icd, k)].filter((t) => words.has(t)).length;
  const pick = candidates.reduce<number | undefined>((a, k) => (a === undefined || overlap(k) > overlap(a) ? k : a), undefined);
  return pick === undefined ? undefined : icd.entries[pick]?.code;
}

/**
 * Step of mention coding, on the ranked hits: when the best code names an axis value the record's
 * words about the condition (`said`: its statement, what other statements and answers add, the
 * related clauses) never state, the unspecified counterpart is coded in its place. Signs and
 * encounter reasons (R, Z) are coded as documented.
 */
export function withSupportedAxisValues(run: CodingRun, work: MentionWork, hits: SearchHit[], said: string): SearchHit[] {
  const top = hits[0];
  if (!top || /^[RZ]/.test(top.code) || work.mention.assertion !== 'affirmed') return hits;
  const icd = run.codeSets.icd;
  let code = top.code;
  const dropped: string[] = [];
  for (const v of axisValuesOf(top.description)) {
    if (valueStated(v, said)) continue;
    const fallback = unspecifiedCounterpart(icd, code, v, run.allowed);
    if (!fallback) continue;
    code = fallback;
    dropped.push(v.value);
  }
  const known = statusKnownSibling(icd, code, said, run.allowed);
  if (known) {
    dropped.push('status unknown');
    code = known;
  }
  if (code === top.code) return hits;
  const i = icd.byCode.get(code) as number;
  const description = icd.entries[i]?.description ?? code;
  work.notesDone.push(`"${dropped.join('", "')}" of ${top.code} not documented: ${code} coded`);
  const replaced: SearchHit = { ...top, entry: i, code, description, matchedText: description };
  return [replaced, ...hits.filter((h) => h.code !== code)];
}

/** A title for a record that does not say whether something happened ("with loss of consciousness status unknown"). */
const STATUS_UNKNOWN = /^(.*\bwith (.+?)) status unknown\b/i;

/**
 * A code titled "with X status unknown" when the record's words about the condition state X
 * ("concussion with LOC", "lost consciousness"): the status is known, its detail is not; the
 * sibling titled "with X of unspecified ..." is the classification's code for that record.
 */
function statusKnownSibling(icd: Icd10Cm, code: string, said: string, allowed: (code: string) => boolean): string | undefined {
  const index = icd.byCode.get(code);
  const chain = index === undefined ? [] : lineage(icd, index);
  const titled = [...chain].reverse().find((i) => STATUS_UNKNOWN.test(icd.entries[i]?.description ?? ''));
  const entry = titled === undefined ? undefined : icd.entries[titled];
  const m = entry ? STATUS_UNKNOWN.exec(entry.description) : null;
  if (!entry || !m?.[1] || !m[2]) return undefined;
  const what = tokenize(m[2]);
  const text = expandAbbreviations(said);
  // Stated: its words in one clause, not denied in it ("without loss of consciousness", "no LOC").
  const stated = text
    .split(/[.;\n]/)
    .some((c) => what.every((t) => tokenize(c).includes(t)) && !/\b(without|no|denies|denied|not|negative for|status unknown)\b/i.test(c));
  if (!stated) return undefined;
  const prefix = m[1].toLowerCase();
  const sibling = (icd.children.get(entry.parent) ?? []).find((k) => {
    const d = icd.entries[k]?.description.toLowerCase() ?? '';
    return k !== titled && d.startsWith(prefix) && /\bunspecified\b/.test(d);
  });
  return sibling === undefined
    ? undefined
    : billableUnder(icd, sibling, new Set(tokenize(valueText(icd.entries[index ?? -1]?.description ?? ''))), allowed);
}
