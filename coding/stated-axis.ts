/**
 * The value of an axis (acuity, severity, stage) as the record's statements about one condition give
 * it, read the way a coder reads a chart: one statement naming a value where the others name none is
 * that value (coded, nothing asked: "DVT" in the diagnoses, "chronic DVT of the left femoral vein" in
 * the assessment); two statements naming different values of the same axis ("chronic pancreatitis" in
 * the history, "acute pancreatitis" in the assessment) are a conflict only the physician can settle.
 * "Acute on chronic" (an exacerbation, a flare) agrees with either. A statement is about the condition when it carries every
 * distinctive word of the condition's own statement.
 */
import { detailConflictQuestion, dropLessPrecise, resolutionFor, resolvedWords, type ClarificationIssue } from './clarification.ts';
import { perRecord, recordText, type CodingRun, type MentionWork } from './coding-run.ts';
import { acuteOnChronicParts } from './acute-on-chronic.ts';
import { diagnosisMentions } from './context.ts';
import { eyeSideByInitials } from './eye-abbreviations.ts';
import { ENCOUNTER_WORDS } from './ranking.ts';
import { describedStage, OTHER_WOUND } from './wound-stage.ts';
import {
  escapeRegExp,
  expandAbbreviations,
  isNeutral,
  lateralityOf,
  LATERALITY_WORDS,
  namesAsFormer,
  tokenize,
  type Laterality,
} from './text.ts';

interface Axis {
  aspect: string;
  /** Value words (stemmed tokens) and the comparable value each names. */
  value: (token: string, next: string | undefined) => string | undefined;
  /** The value word must come before the condition's words ("acute pancreatitis", not "COPD with acute exacerbation"). */
  before: boolean;
}

const AXES: readonly Axis[] = [
  { aspect: 'acuity', value: (t) => (/^(acute|chronic|subacute)$/.test(t) ? t : undefined), before: true },
  { aspect: 'severity', value: (t) => (/^(mild|moderate|severe)$/.test(t) ? t : undefined), before: false },
  { aspect: 'stage', value: (t, next) => (t === 'stage' && next && /^[1-5][ab]?$/.test(next) ? next : undefined), before: false },
];
/** An acuity standing alone between commas after the condition ("..., chronic, ..."). */
const POSTPOSITIVE = /,\s*(acute|chronic|subacute)\s*(?=[,;.]|$)/i;
/** How near the condition's words a value word must be, in words. */
const NEAR = 3;

/** A value that agrees with every other ("acute on chronic"): the axis is then left to the search. */
const AGREES = 'agrees';
const AXIS_WORDS = /^(acute|chronic|subacute|mild|moderate|severe|stage|[1-5][ab]?)$/;
/** Words rarer than this name the condition (the same cut the rest of the engine uses for "distinctive"). */
const DISTINCTIVE_IDF = 3.5;

/** A span of stages ("CKD stage 1-4", a title's range): no value of the patient's. */
const STAGE_SPAN = /\bstage\s*[1-5][ab]?\s*(?:-|\u2013|to|through|thru)\s*(?:stage\s*)?[1-5][ab]?\b/gi;

/** The value a statement gives the condition: a value word near the condition's own words. */
function valueNear(axis: Axis, text: string, key: readonly string[]): string | undefined {
  if (axis.aspect === 'stage') text = text.replace(STAGE_SPAN, ' ');
  // An exacerbation or flare of a chronic condition is acute on chronic: it agrees with either.
  if (axis.aspect === 'acuity' && /\bacute[- ]on[- ]chronic\b|\bexacerbat|\bflare|\bdecompensat/i.test(text)) return AGREES;
  // An acute condition on a chronic one ("AKI on CKD 3a") is two conditions, each with its own
  // acuity: the condition's is read from the part naming it (acute-on-chronic.ts); both parts
  // naming it (acute and chronic respiratory failure) is acute on chronic.
  const parts = axis.aspect === 'acuity' ? acuteOnChronicParts(text) : undefined;
  if (parts) {
    const naming = parts.filter((p) => {
      const words = tokenize(expandAbbreviations(p));
      return key.every((t) => words.includes(t));
    });
    if (naming.length !== 1) return AGREES;
    text = naming[0] as string;
  }
  // The value written after the condition on its own ("hepatitis C, chronic, untreated"): the
  // tabular's own postpositive style, a value of that condition alone.
  const post = axis.before ? POSTPOSITIVE.exec(text) : null;
  if (post?.[1]) {
    const head = tokenize(text.slice(0, post.index).split(/[;.]/).pop() ?? '');
    if (key.every((t) => head.includes(t))) return post[1].toLowerCase();
  }
  // Each token with the clause it is in: a value is not read forward across a comma, slash or
  // semicolon into the next condition's words ("CKD stage 4, HTN": the stage is the CKD's).
  const tokens: string[] = [];
  const clauseEnd: number[] = [];
  for (const clause of text.split(/[,;/]/)) {
    const words = tokenize(clause);
    tokens.push(...words);
    clauseEnd.push(...words.map(() => tokens.length));
  }
  for (let i = 0; i < tokens.length; i++) {
    const v = axis.value(tokens[i] as string, tokens[i + 1]);
    if (!v) continue;
    // The value nearest the condition is its own ("acute exacerbation of chronic obstructive ...": chronic).
    const following = tokens.slice(i + 1, Math.min(i + 1 + NEAR, clauseEnd[i] ?? tokens.length));
    const stop = following.findIndex((t, k) => axis.value(t, following[k + 1]) !== undefined);
    const after = stop < 0 ? following : following.slice(0, stop);
    const before = axis.before ? [] : tokens.slice(Math.max(0, i - NEAR), i);
    if ([...after, ...before].some((t) => key.includes(t))) return v;
  }
  return undefined;
}

/** Step of mention coding: an axis value another statement gives (added), or two statements disagreeing (asked). */
interface Statement {
  original: string;
  text: string;
  words: ReadonlySet<string>;
  /** The next clause of the notes when it is a value alone ("...20% yellow slough. Stage 3."): a value of this statement's condition. */
  valueAfter?: string;
}

/** A clause that is nothing but an axis value ("Stage 3", "Moderate."). */
const VALUE_ALONE = /^\W*(stage\s*[1-5][ab]?|mild|moderate|severe|acute|chronic|subacute)\W*$/i;

/** Each note clause followed by a clause that is a value alone, with that value. */
function valuesAfter(run: CodingRun): Map<string, string> {
  const originals = run.notes.map((n) => n.original).filter((o, i, all) => i === 0 || all[i - 1] !== o);
  const out = new Map<string, string>();
  originals.forEach((o, i) => {
    const next = originals[i + 1];
    if (next !== undefined && VALUE_ALONE.test(next) && !VALUE_ALONE.test(o)) out.set(o, expandAbbreviations(next));
  });
  return out;
}

/** The side a statement names ("left", "R knee", "OD"), if one. */
function sideOf(original: string): Laterality | undefined {
  return lateralityOf(tokenize(expandAbbreviations(original))) ?? eyeSideByInitials(original);
}

/** Two statements each naming one side, not the same: a value of each is said of a different site, no conflict. */
const otherSides = (a: Laterality | undefined, b: Laterality | undefined) =>
  a !== undefined && b !== undefined && a !== 'bilateral' && b !== 'bilateral' && a !== b;

/**
 * The record's affirmed statements (diagnosis lines, then clauses of the notes) that contain every
 * key word, in the record's order. The statements and the index of their words are read once per run.
 */
function statementsWith(run: CodingRun, key: readonly string[]): Statement[] {
  const { statements, byWord } = perRecord(run, 'affirmedStatements', () => {
    const after = valuesAfter(run);
    const statements: Statement[] = [
      ...diagnosisMentions(run.input.documentation.diagnoses).filter((d) => d.assertion === 'affirmed'),
      ...run.notes.filter((n) => n.assertion === 'affirmed'),
    ].map((s) => {
      const text = expandAbbreviations(s.text);
      const valueAfter = s.section === 'notes' ? after.get(s.original) : undefined;
      return { original: s.original, text, words: new Set(tokenize(text)), ...(valueAfter ? { valueAfter } : {}) };
    });
    const byWord = new Map<string, number[]>();
    statements.forEach((s, i) => {
      for (const w of s.words) {
        const list = byWord.get(w);
        if (list) list.push(i);
        else byWord.set(w, [i]);
      }
    });
    return { statements, byWord };
  });
  return (byWord.get(key[0] ?? '') ?? []).map((i) => statements[i] as Statement).filter((s) => key.every((t) => s.words.has(t)));
}

/** The statement without its own value of the axis ("stage 2" of "sacral pressure ulcer, stage 2"). */
function withoutValue(text: string, axis: Axis, value: string): string {
  const written = axis.aspect === 'stage' ? `stage\\s*${escapeRegExp(value)}` : escapeRegExp(value);
  return text
    .replace(new RegExp(`\\b${written}\\b`, 'i'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const PRESSURE_ULCER = /\b(pressure (ulcer|injur\w*|sore)s?|decubitus|bed ?sores?)\b/i;

/**
 * The stage the record's description of the wound fits, for a statement of the one pressure ulcer
 * of a record describing no wound of another kind.
 */
function describedAgainst(run: CodingRun, own: string): { value: string; source: string } | undefined {
  if (!PRESSURE_ULCER.test(own)) return undefined;
  const diagnoses = run.input.documentation.diagnoses.filter((d) => PRESSURE_ULCER.test(expandAbbreviations(d.description)));
  if (diagnoses.length > 1 || OTHER_WOUND.test(recordText(run))) return undefined;
  return describedStage([...new Set(run.notes.map((n) => n.original))]);
}

export function checkStatedAxis(run: CodingRun, work: MentionWork): void {
  const m = work.mention;
  if (m.assertion !== 'affirmed' || work.conflicts.length > 0) return;
  const icd = run.codeSets.icd;
  const own = expandAbbreviations(m.text);
  const key = tokenize(own).filter(
    (t) =>
      (icd.idf.get(t) ?? 0) >= DISTINCTIVE_IDF &&
      !AXIS_WORDS.test(t) &&
      !(LATERALITY_WORDS as readonly string[]).includes(t) &&
      !ENCOUNTER_WORDS.has(t) &&
      !isNeutral(t),
  );
  if (key.length === 0) return;
  const statements = statementsWith(run, key).filter((s) => s.original !== m.original);
  for (const axis of AXES) {
    if (work.statedElsewhere.has(axis.aspect)) continue;
    const values = new Map<string, string>();
    const ownValue = valueNear(axis, own, key);
    if (ownValue) values.set(ownValue, m.original);
    for (const s of statements) {
      const v = valueNear(axis, s.text, key) ?? (s.valueAfter ? valueNear(axis, `${key.join(' ')} ${s.valueAfter}`, key) : undefined);
      if (v && !values.has(v)) values.set(v, s.original);
    }
    // Values said per side ("moderate ... right eye", "mild ... left eye") describe two sites, each coded on its own.
    const sides = [...values.values()].map(sideOf);
    if (values.size >= 2 && sides.every((a, i) => sides.every((b, k) => k === i || otherSides(a, b)))) continue;
    if (values.has(AGREES)) continue;
    // A value the record calls the former one ("progressed from stage 4") is superseded, not in conflict.
    for (const v of [...values.keys()]) {
      const value = new RegExp(`\\b${axis.aspect === 'stage' ? `stage\\s*${escapeRegExp(v)}` : escapeRegExp(v)}\\b`, 'gi');
      if (v !== ownValue && [own, ...run.notes.map((n) => n.text)].some((t) => namesAsFormer(expandAbbreviations(t), value)))
        values.delete(v);
    }
    // A value the record says the condition has now ("declining, now 3b"): the other values are former.
    const now = [...values.keys()].find((v) =>
      [m.original, ...run.notes.map((n) => n.original)].some((t) =>
        new RegExp(`\\bnow (?:at )?(?:${axis.aspect === 'stage' ? 'stage |ckd |' : ''})?${escapeRegExp(v)}\\b`, 'i').test(t),
      ),
    );
    if (now) for (const v of [...values.keys()]) if (v !== now) values.delete(v);
    // A stated stage the wound's description does not fit (wound-stage.ts) is a conflict too; coded
    // at the unspecified stage until the physician answers.
    const described = axis.aspect === 'stage' && ownValue && values.size === 1 ? describedAgainst(run, own) : undefined;
    if (described && !values.has(described.value)) values.set(described.value, described.source);
    dropLessPrecise(values);
    const ownStands = ownValue !== undefined && values.has(ownValue);
    if (values.size === 1 && !ownStands) {
      const [[value, source]] = [...values.entries()] as [[string, string]];
      work.extra.push(axis.aspect === 'stage' ? `stage ${value}` : value);
      work.inferred.push(`${axis.aspect} from the notes`);
      work.notesDone.push(`${axis.aspect} ("${value}") documented in "${source}"`);
      work.evidence.push({ section: 'notes', text: source });
    }
    if (values.size < 2) continue;
    const [a, b] = [...values.values()] as [string, string];
    const issue: ClarificationIssue = {
      kind: 'specificity',
      question: detailConflictQuestion(a, b, `${axis.aspect} of the condition`),
      clinicalIndicators: [...values.values()].map((v) => `Documented: "${v}"`),
      options: [...values.keys()].map((v) => ({
        label: axis.aspect === 'stage' ? `Stage ${v}` : v[0]?.toUpperCase() + v.slice(1),
        refine: axis.aspect === 'stage' ? `stage ${v}` : v,
      })),
      reason: `Conflicting documentation of the ${axis.aspect}: ${[...values.keys()].join(' vs ')}.`,
      betweenStatements: true,
    };
    work.statedElsewhere.add(axis.aspect);
    const resolution = resolutionFor(issue, run.input.answers);
    if (!resolution) {
      work.conflicts.push(issue);
      if (described && ownValue) work.mention = { ...work.mention, text: withoutValue(own, axis, ownValue) };
      continue;
    }
    const chosen = resolvedWords(resolution);
    if (ownValue) work.mention = { ...m, text: withoutValue(own, axis, ownValue) };
    if (chosen) {
      work.extra.push(chosen);
      work.evidence.push({ section: m.section, text: `Physician answer: ${chosen}` });
    }
  }
}
