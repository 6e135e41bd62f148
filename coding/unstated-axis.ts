/**
 * A query read from the tabular itself: the classification splits the condition's family by an axis
 * (severity, stage, acuity, course) and the record states no value of it, so the code is the
 * family's "unspecified" member or a value the index assumed. The classification has a code for each
 * value, so the value changes the code: the physician is asked (guideline I.A.9 "unspecified" codes
 * are for when the record lacks the detail, and the query is how a coder gets it).
 *
 * Two readings of the tabular, both from titles, never from a list of diseases:
 * - siblings: the code (or a branch above it) is "unspecified" and most of its siblings differ from
 *   it by a value of an axis (asthma: mild intermittent ... severe persistent; depressive episode:
 *   mild, moderate, severe ..., in remission; dementia: mild, moderate, severe; pressure ulcer:
 *   stage 1-4; cholecystitis: acute, chronic);
 * - counterparts: the condition's block holds it both as acute and as chronic (deep vein thrombosis
 *   I82.4-/I82.5-, pancreatitis K85/K86.1, hepatitis B16/B18) and the record says neither, so the
 *   code carries an acuity the index assumed or none at all.
 *
 * Over 300 lines because both readings share the axis vocabulary, the record's statements of a value
 * and the question's wording; split it when a third reading comes.
 *
 * Not asked when the documented words are an inclusion term of the code itself (the tabular puts
 * that phrase there on purpose), when the code's own title says the axis is not specified ("not
 * specified as acute or chronic": the classification's code for exactly that record), or when the
 * record states a value.
 *
 * Over 300 lines because the two readings of the tabular share the axis vocabulary and the values
 * the record states.
 */
import type { ClarificationOption } from './clarification.ts';
import type { CodingRun } from './coding-run.ts';
import { EntryKind, type Icd10Cm } from './icd10cm.ts';
import type { SearchHit } from './search.ts';
import { VALUE_RANGE } from './axis-support.ts';
import { partUnstated } from './unstated-part.ts';
import { expandAbbreviations, LATERALITY_WORDS, tokenize } from './text.ts';

/**
 * Words (stemmed tokens) that name a value on an axis of severity, acuity or course; the course of
 * an arrhythmia (paroxysmal, persistent, permanent: atrial fibrillation I48.0/I48.1-/I48.2-) too.
 */
const AXIS_WORD =
  /^(mild|moderate|severe|intermittent|persistent|acute|chronic|subacute|remission|paroxysmal|permanent|longstanding|[1-5][a-c])$/;
/** Values that name the type of a course (an arrhythmia's), not a severity or an acuity. */
const COURSE_TYPE = /^(paroxysmal|permanent|longstanding)$/;
/** A stage number names a value only in a family whose titles speak of stages. */
const STAGE_NUMBER = /^[1-5][a-c]?$/;
const UNSPECIFIED = /\bunspecified\b/i;
const ACUITY = ['acute', 'chronic'] as const;
/** Title words that name no condition ("other chronic pancreatitis", "... without hepatic coma"). */
const GENERIC = /^(other|unspecified|nos|without|with|hepatic|coma|complication|specified|site)$/;
/** A title's default qualifier ("without delta-agent", "without hepatic coma"). */
const WITHOUT_CLAUSE = /\bwithout\b[^,]*/gi;
/** Words the record uses for an acuity without naming it ("acute on chronic", "flare", "exacerbation"). */
const ACUITY_STATED = /\b(acute|chronic|subacute|exacerbat\w*|flare|decompensat\w*|longstanding|long-standing)\b/i;

export interface UnstatedAxis {
  /** The axis in words, for the question ("severity", "stage"). */
  aspect: string;
  options: ClarificationOption[];
  /** The members the options stand for. */
  codes: string[];
  /** Why the value changes the code, for the query's reason. */
  reason: string;
}

/** Which axis a value word belongs to (values of one axis exclude each other). */
function axisGroup(value: string): string {
  if (/^(mild|moderate|severe)$/.test(value)) return 'severity';
  if (/^(acute|chronic|subacute)$/.test(value)) return 'acuity';
  if (STAGE_NUMBER.test(value)) return 'stage';
  return value;
}

function aspectOf(words: ReadonlySet<string>): string {
  const has = (re: RegExp) => [...words].some((w) => re.test(w));
  // Paroxysmal, persistent, chronic: one axis, the type (of atrial fibrillation), not a severity and an acuity.
  if (has(COURSE_TYPE)) return 'type';
  const parts: string[] = [];
  if (has(/^(mild|moderate|severe|intermittent|persistent)$/)) parts.push('severity');
  if (has(STAGE_NUMBER)) parts.push('stage');
  if (has(/^(acute|chronic|subacute)$/)) parts.push('acuity');
  if (parts.length === 0 && has(/^remission$/)) parts.push('course');
  return parts.join(' and ');
}

/**
 * The axis the record leaves open for a code; `documented` is what the record says about the
 * condition (its statement and the notes about it), `record` every statement of the record.
 */
export function unstatedAxis(run: CodingRun, top: SearchHit, documented: string, record: readonly string[]): UnstatedAxis | undefined {
  // Signs, symptoms and factors (chapters 18 and 21) are coded as documented: an axis of a cough
  // or of an encounter reason is not worth a physician's query.
  if (/^[RZ]/.test(top.code)) return undefined;
  const said = saidValues(aboutTheCondition(top.description, documented));
  if (isInclusionTerm(run.codeSets.icd, top, said)) return undefined;
  return (
    axisAmongSiblings(run, top.code, said, record, documented) ??
    acuityAmongCounterparts(run, top.code, documented, said) ??
    partUnstated(run, top.code, [documented, ...record])
  );
}

/**
 * What the documented text says about the condition itself: its own statement (the first line) and,
 * of the notes found related to it, the sentences that name the condition (a word of the code's
 * title before its qualifiers). A value in a
 * related line about something else ("Skin: mild xerosis, no active eczema flare" beside an asthma
 * exacerbation) is no value of this condition.
 */
function aboutTheCondition(title: string, documented: string): string {
  // The condition's own words: the title before its first qualifier (", unspecified", "with ...").
  const head = title.split(/,|\s\(|\bwith(out)?\b/i)[0] ?? title;
  const condition = new Set(tokenize(head).filter((t) => !AXIS_WORD.test(t) && !GENERIC.test(t) && t !== 'unspecifi'));
  const [own = '', ...related] = documented.split('\n');
  const sentences = related.flatMap((l) => l.split(/[.;]\s/)).filter((s) => tokenize(expandAbbreviations(s)).some((t) => condition.has(t)));
  return [own, ...sentences].join('\n');
}

/** A stage written as one ("stage 3", "stage III", "stg 2"), or a sub-stage that can be nothing else ("3b"). */
const STAGE_WRITTEN = /\b(?:stage|stg)\s*(\d[a-c]?|iv|v|i{1,3})\b|\b([1-5][a-c])\b/gi;
const ROMAN_STAGE: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4', v: '5' };

/**
 * The words of the record about the condition, with its numbers kept only where they are written as
 * a stage: a weight of "51 kg" or a temperature of "98.1" states no stage 1 of a pressure ulcer.
 */
function saidValues(documented: string): Set<string> {
  const text = expandAbbreviations(documented);
  const said = new Set(tokenize(text).filter((t) => !STAGE_NUMBER.test(t)));
  for (const m of text.matchAll(STAGE_WRITTEN)) {
    const v = (m[1] ?? m[2] ?? '').toLowerCase();
    said.add(ROMAN_STAGE[v] ?? v);
  }
  return said;
}

interface Member {
  code: string;
  description: string;
  values: string[];
}

/**
 * The siblings reading: walk up from the code while the branch it sits on is the "unspecified" one,
 * and stop at the first level where most siblings are values of one axis.
 */
export function axisAmongSiblings(
  run: CodingRun,
  code: string,
  said: ReadonlySet<string>,
  record: readonly string[],
  documented = '',
): UnstatedAxis | undefined {
  const icd = run.codeSets.icd;
  let index = icd.byCode.get(code);
  for (let depth = 0; index !== undefined && depth < 4; depth++) {
    const node = icd.entries[index];
    if (!node || node.parent < 0 || !UNSPECIFIED.test(node.description)) return undefined;
    const parent = icd.entries[node.parent];
    if (!parent || parent.kind > EntryKind.Billable) return undefined;
    // The entry names a value the record states ("stage 3" of "stage 3 unspecified"): the record
    // states the axis as far as the physician documented it; a finer value is not asked.
    if (ownStatedValue(node.description, said)) return undefined;
    const named = namedAxis(icd, index, run.allowed, said, documented);
    if (named !== undefined) return named ?? undefined;
    const members = axisMembers(icd, index, run.allowed);
    if (members) {
      const values = new Set(members.flatMap((m) => m.values));
      if ([...values].some((v) => said.has(v))) return undefined;
      if (statedElsewhere(record, members)) return undefined;
      // Severity words in a family whose titles speak of stages ("mild stage" of glaucoma) name its stage.
      const aspect = /\bstage\b/i.test(node.description) ? 'stage' : aspectOf(values);
      if (aspect === 'type' && foundToday(record, members)) return undefined;
      return {
        aspect,
        options: members.map((m) => ({ label: m.description, refine: m.values.join(' ') })),
        codes: members.map((m) => m.code),
        reason: `${code} is the unspecified member of a family coded by ${aspect} (${members.map((m) => m.code).join(', ')})`,
      };
    }
    index = node.parent;
  }
  return undefined;
}

/** Said of a condition found at this visit: its course (paroxysmal, persistent, permanent) cannot be known yet. */
const FOUND_TODAY =
  /\b(new|newly|new-onset|first (episode|detected|diagnosed|documented)|found (on|today)|detected (on|today)|(ecg|ekg|electrocardiogram|monitor|holter)\s+(today\s+)?(shows?|showed|reveals?|revealed|demonstrates?|confirms?))\b/i;

/**
 * A statement naming the condition (the words its typed members share, "atrial fibrillation") says
 * it was found at this visit: a course type is then nothing the physician can state, nothing to ask.
 */
function foundToday(record: readonly string[], members: readonly Member[]): boolean {
  const shared = members
    .map((m) => new Set(tokenize(m.description).filter((t) => !m.values.includes(t))))
    .reduce((a, b) => new Set([...a].filter((t) => b.has(t))));
  if (shared.size === 0) return false;
  return record.some((s) => {
    const text = expandAbbreviations(s);
    const tokens = new Set(tokenize(text));
    return [...shared].every((t) => tokens.has(t)) && FOUND_TODAY.test(text);
  });
}

/** The entry's title names a stage itself ("Chronic kidney disease, stage 3 unspecified") that the record states. */
function ownStatedValue(title: string, said: ReadonlySet<string>): boolean {
  const own = tokenize(title.replace(VALUE_RANGE, ' '));
  return own.includes('stage') && own.some((t) => STAGE_NUMBER.test(t) && said.has(t));
}

/**
 * Axes a title names by their own noun ("Burn of unspecified degree of wrist and hand",
 * "Concussion with loss of consciousness of unspecified duration"), with what in a record states a
 * value of them in words the titles do not use.
 */
const NAMED_AXES: Record<string, RegExp> = {
  degree: /\b(first|second|third|1st|2nd|3rd)[- ]degree\b|\b(superficial|partial[- ]thickness|full[- ]thickness|deep)\b/i,
  duration: /\b\d+(\.\d+)?\s*(-\s*\d+\s*)?(sec|secs|seconds?|min|mins|minutes?|h|hrs?|hours?)\b/i,
  // The depth of a non-pressure chronic ulcer (L97.-, L98.4-): the layer it reaches, as a wound is described.
  severity:
    /\b(skin breakdown|partial[- ]thickness|full[- ]thickness|(subcutaneous|fat|adipose)( tissue| layer)? (is |was )?(exposed|visible)|(exposed|visible) (subcutaneous|fat|adipose|muscle|tendon|bone)|(muscle|tendon|bone|fascia) (is |was )?(exposed|visible|involvement|involved)|necrosis|necrotic|gangren\w*|osteomyelitis|wagner (grade )?[0-5])\b/i,
};
/** A clause that says the wound has none of it ("no exposed bone", "probe does not reach bone"). */
const DENIED = /\b(no|not|without|denies|negative)\b/i;
/** Connectives a title puts between the condition and its value ("with fat layer exposed"). */
const CONNECTIVE = new Set(tokenize('with'));
const NAMED_AXIS = new RegExp(`\\bunspecified (${Object.keys(NAMED_AXES).join('|')})\\b`, 'i');

/** A title that names the axis it leaves open ("with unspecified severity", "of unspecified degree"). */
export const namesUnspecifiedAxis = (title: string): boolean => NAMED_AXIS.test(title);

/** A value of the axis said in other words than the titles', in a clause that does not deny it. */
function statedInOtherWords(noun: string, documented: string): boolean {
  const words = NAMED_AXES[noun];
  if (!words) return false;
  return documented.split(/[.;,\n]/).some((clause) => {
    const m = words.exec(clause);
    return m !== null && !DENIED.test(clause.slice(0, m.index));
  });
}

/**
 * The record states a member's value as its title does: the value's words in a row, and the axis's
 * noun after them when the title has it there ("second degree"; "for about a second" states no degree).
 */
function statesMember(documentedTokens: readonly string[], values: readonly string[], noun: readonly string[], titled: boolean): boolean {
  const phrase = titled ? [...values, ...noun] : [...values];
  if (phrase.length === 0) return false;
  return documentedTokens.some((_, i) => phrase.every((t, k) => documentedTokens[i + k] === t));
}
/** A sibling standing for no value: the classification's own "not known" or catch-all. */
const NO_VALUE_TITLE = /\b(unknown|unspecified|other|NOS)\b/i;

/**
 * The title reading: the entry's own title names the axis it leaves open ("of unspecified
 * duration", "of unspecified degree") and siblings carry the same title with a value in its place
 * (every other word of the entry's title, and more): each is an option, even one alone (loss of
 * consciousness of 30 minutes or less). Undefined when the title names no such axis; null when it
 * does and the record states a value (nothing to ask, nothing further up to read).
 */
function namedAxis(
  icd: Icd10Cm,
  index: number,
  allowed: (code: string) => boolean,
  said: ReadonlySet<string>,
  documented: string,
): UnstatedAxis | null | undefined {
  const node = icd.entries[index];
  const noun = node ? NAMED_AXIS.exec(node.description)?.[1]?.toLowerCase() : undefined;
  if (!node || !noun) return undefined;
  const nounTokens = tokenize(noun);
  const own = tokenize(node.description).filter(
    (t) => t !== 'unspecifi' && t !== 'unspecified' && !nounTokens.includes(t) && !CONNECTIVE.has(t),
  );
  const members: Member[] = [];
  for (const k of icd.children.get(node.parent) ?? []) {
    const e = icd.entries[k];
    if (!e || k === index || NO_VALUE_TITLE.test(e.description) || !allowed(e.code)) continue;
    const words = tokenize(e.description);
    if (!own.every((t) => words.includes(t))) continue;
    const values = words.filter((t) => !own.includes(t) && !nounTokens.includes(t) && !CONNECTIVE.has(t));
    if (values.length > 0) members.push({ code: e.code, description: e.description, values });
  }
  if (members.length === 0) return undefined;
  // "Unspecified degree" written in the record is the physician's own answer; a value in other words is one too.
  if (new RegExp(`\\bunspecified ${noun}\\b`, 'i').test(documented) || statedInOtherWords(noun, documented)) return null;
  const documentedTokens = tokenize(expandAbbreviations(documented));
  const titled = (m: Member) => new RegExp(`\\b${noun}\\b`, 'i').test(m.description);
  if (members.some((m) => m.values.every((v) => said.has(v)) && statesMember(documentedTokens, m.values, nounTokens, titled(m))))
    return null;
  return {
    aspect: noun,
    options: members.map((m) => {
      const words = new RegExp(`\\b${noun}\\b`, 'i').test(m.description) ? [...m.values, noun] : m.values;
      return { label: m.description, refine: words.join(' ') };
    }),
    codes: members.map((m) => m.code),
    reason: `${node.code} is the unspecified member of a family coded by ${noun} (${members.map((m) => m.code).join(', ')})`,
  };
}

/**
 * The siblings of an "unspecified" entry that differ from it by an axis value (their value: the
 * words they add), when they are most of the family (a catch-all "other" aside) and name at least
 * two values; undefined when the family is not split that way.
 */
function axisMembers(icd: Icd10Cm, index: number, allowed: (code: string) => boolean): Member[] | undefined {
  const node = icd.entries[index];
  if (!node) return undefined;
  // A range ("mild or moderate severity, unspecified") is no value of the entry's own: its values are options.
  const own = new Set(tokenize(node.description.replace(VALUE_RANGE, ' ')));
  const staged = own.has('stage');
  const isValue = (t: string) => AXIS_WORD.test(t) || (staged && STAGE_NUMBER.test(t));
  // The entry names a value itself ("Unspecified dementia, mild"): a sibling's other value of the
  // same axis is no option for it; a finer value is ("stage 3" before "stage 3a", "stage 3b").
  const ownValues = [...own].filter(isValue);
  const rival = (v: string) => ownValues.some((o) => axisGroup(o) === axisGroup(v) && !v.startsWith(o));
  const members: Member[] = [];
  const pure = new Set<string>();
  let others = 0;
  for (const k of icd.children.get(node.parent) ?? []) {
    const e = icd.entries[k];
    if (!e || k === index || /^other\b/i.test(e.description)) continue;
    const added = tokenize(e.description).filter((t) => !own.has(t));
    const values = added.filter((t) => isValue(t) && !rival(t));
    if (values.length > 0) {
      if (!allowed(e.code)) continue;
      members.push({ code: e.code, description: e.description, values: added });
      if (values.length === added.length) for (const v of values) pure.add(v);
    } else others++;
  }
  // The axis is the family's own split when at least two siblings differ by nothing but a value
  // (not "acute suppurative": a type comes with it) and value-bearing siblings are the majority.
  return pure.size >= 2 && members.length > others ? members : undefined;
}

/**
 * The counterparts reading: the record states no acuity for the condition, and the block the code
 * sits in codes the condition (the documented words its titles carry) both as acute and as chronic.
 */
function acuityAmongCounterparts(run: CodingRun, code: string, documented: string, said: ReadonlySet<string>): UnstatedAxis | undefined {
  if (ACUITY_STATED.test(expandAbbreviations(documented))) return undefined;
  const icd = run.codeSets.icd;
  const chain = ancestry(icd, code);
  const block = chain.find((i) => icd.entries[i]?.kind === EntryKind.Block);
  if (block === undefined) return undefined;
  const titles = chain.filter((i) => i !== block).map((i) => icd.entries[i]?.description ?? '');
  // The classification's own code for a record that does not say ("bronchitis, not specified as acute or chronic").
  if (titles.some((t) => /\bnot specified as\b/i.test(t))) return undefined;
  const own = new Set(titles.flatMap((t) => tokenize(t)));
  // Below the category: the words the chosen code already commits to ("embolism" of a thrombosis).
  const committed = new Set(
    chain
      .filter((i) => (icd.entries[i]?.code.length ?? 0) > 3 && icd.entries[i]?.kind !== EntryKind.Block)
      .flatMap((i) => tokenize(icd.entries[i]?.description ?? '')),
  );
  const condition = [...said].filter(
    (t) => own.has(t) && !AXIS_WORD.test(t) && !(LATERALITY_WORDS as readonly string[]).includes(t) && (icd.idf.get(t) ?? 0) >= 3.5,
  );
  if (condition.length === 0) return undefined;
  const found = new Map<string, string>();
  for (const i of acuityTitled(icd, block)) {
    const e = icd.entries[i];
    if (!e || !run.allowed(e.code)) continue;
    // A default qualifier ("without delta-agent") names no other type.
    const words = new Set(tokenize(e.description.replace(WITHOUT_CLAUSE, ' ')));
    const value = ACUITY.find((a) => words.has(a));
    if (!value || found.has(value) || ACUITY.every((a) => words.has(a))) continue;
    // The counterpart is the same condition at the other acuity, not another type that has one
    // ("acute suppurative otitis media", "acute posthemorrhagic anemia").
    if ([...words].some((t) => t !== value && !said.has(t) && !committed.has(t) && !GENERIC.test(t))) continue;
    const lineage = new Set(ancestry(icd, e.code).flatMap((a) => tokenize(icd.entries[a]?.description ?? '')));
    if (condition.every((t) => lineage.has(t))) found.set(value, e.code);
  }
  if (found.size < ACUITY.length) return undefined;
  return {
    aspect: 'acuity',
    options: ACUITY.map((a) => ({ label: a[0]?.toUpperCase() + a.slice(1), refine: a })),
    codes: ACUITY.map((a) => found.get(a) ?? ''),
    reason: `the classification codes the condition of ${code} as acute (${found.get('acute') ?? ''}) or chronic (${found.get('chronic') ?? ''})`,
  };
}

/** The entry and its ancestors up to the chapter, by index. */
function ancestry(icd: Icd10Cm, code: string): number[] {
  const out: number[] = [];
  let i = icd.byCode.get(code);
  while (i !== undefined && i >= 0 && out.length < 10) {
    out.push(i);
    const e = icd.entries[i];
    if (!e || e.kind === EntryKind.Chapter) break;
    i = e.parent;
  }
  return out;
}

const acuityTitledByBlock = new WeakMap<Icd10Cm, Map<number, number[]>>();

/** The entries under a block whose title names an acuity (computed once per block). */
function acuityTitled(icd: Icd10Cm, block: number): number[] {
  let byBlock = acuityTitledByBlock.get(icd);
  if (!byBlock) acuityTitledByBlock.set(icd, (byBlock = new Map()));
  const known = byBlock.get(block);
  if (known) return known;
  const out: number[] = [];
  const stack = [...(icd.children.get(block) ?? [])];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    const e = icd.entries[i];
    if (!e) continue;
    if (/\b(acute|chronic)\b/i.test(e.description)) out.push(i);
    stack.push(...(icd.children.get(i) ?? []));
  }
  byBlock.set(block, out);
  return out;
}

/**
 * The documented words are (all of) one of the code's own inclusion terms. A term "... NOS" (not
 * otherwise specified) is the tabular's name for a record that says no more: no reason not to ask.
 */
function isInclusionTerm(icd: Icd10Cm, top: SearchHit, said: ReadonlySet<string>): boolean {
  if (top.matchedText === top.description || /\bNOS\b/.test(top.matchedText)) return false;
  // The title of a header the code was reached through (a 7th character added: "Unspecified
  // open-angle glaucoma" for H40.10X0) is no inclusion term.
  if (headerTitles(icd, top.code).includes(top.matchedText)) return false;
  const term = tokenize(top.matchedText);
  return term.length > 0 && [...said].every((t) => term.includes(t));
}

/** Another statement of the record names a member in full (its words and its value). */
function statedElsewhere(record: readonly string[], members: ReadonlyArray<{ description: string }>): boolean {
  const statements = record.map((s) => new Set(tokenize(expandAbbreviations(s))));
  return members.some((m) => {
    const words = tokenize(m.description);
    return statements.some((s) => words.every((w) => s.has(w)));
  });
}

/** The titles of the headers above a code. */
function headerTitles(icd: Icd10Cm, code: string): string[] {
  return ancestry(icd, code)
    .slice(1)
    .map((i) => icd.entries[i])
    .filter((e) => e !== undefined && e.kind === EntryKind.Header)
    .map((e) => e?.description ?? '');
}
