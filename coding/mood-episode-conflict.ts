/**
 * A major depressive disorder or a bipolar disorder whose episode the record states two ways: a
 * single episode on the problem list while the history describes a third episode (F32 vs F33); a
 * "severe depressive episode" in the history beside "MDD, single episode, mild" in the assessment
 * (the 4th character); with psychotic features in one statement, without in another; a bipolar
 * disorder's current episode manic in one statement and depressed in another (F31.1- vs F31.3-). A
 * coder may pick neither, so the physician is asked, both statements quoted. Until answered the code
 * is the less specific one: the severity left open (F32.9, F33.9), a bipolar disorder unspecified
 * (F31.9); for single against recurrent, the code as written (the classification has no code that
 * leaves the episode open). An answer naming the episode, severity and features codes them.
 *
 * Not a second statement: a severity of another time ("prior episode was severe", "in 2019",
 * "was severe last year"), a range ("moderate to severe"), a screening score's band ("PHQ-9 22,
 * severe"), a relative's condition (family history); a current episode dated to the past ("last
 * episode was manic in 2024").
 */
import { askCharacter } from './character-conflict.ts';
import { detailConflictQuestion, type ClarificationOption } from './clarification.ts';
import { describeIcd, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import type { NotePart } from './sections.ts';
import { EARLIER_DEPRESSIVE_EPISODE } from './specificity.ts';

type Severity = 'mild' | 'moderate' | 'severe';
type Features = 'with' | 'without';
type Episode = 'single' | 'recurrent';
type Pole = 'hypomanic' | 'manic' | 'depressed' | 'mixed';

const DEPRESSION = String.raw`(?:mdd|major depressive disorder|major depression|depression|depressive (?:episode|disorder))`;
const SEVERITY_BEFORE = new RegExp(
  String.raw`\b(mild|moderate|severe)\s+(?:(?:major|recurrent|unipolar|single[- ]episode)\s+)*${DEPRESSION}\b`,
  'gi',
);
const SEVERITY_AFTER = new RegExp(
  String.raw`\b${DEPRESSION}\b(?:\s*[,:(-]?\s*(?:single episode|recurrent(?: episode)?|current episode|unspecified))*\s*[,:(-]?\s*(?:is |now |currently )?(mild|moderate|severe)\b`,
  'gi',
);
/** A range or a change of severity around the word ("moderate to severe", "severe-to-moderate"): no one value. */
const RANGE_BEFORE = /(mild|moderate|severe)(?:\s*(?:to|-|–|\/)\s*)+$/i;
const RANGE_AFTER = /^(?:\s*(?:to|-|–|\/)\s*)+(mild|moderate|severe)/i;
/** Another time, a screening score, a denial: the severity is not today's statement of the episode. */
const NOT_TODAY_SEVERITY =
  /\b(prior|previous|past|history of|hx of|h\/o|last episode|years? ago|last year|was|were|had|used to|phq-?\d*|score|screen\w*)\b|(?:19|20)\d\d/i;
const DENIED_BEFORE = /\b(no|not|denies|denied|without|r\/o|rule out|negative for)\b[^,;]*$/i;
const WITH_FEATURES = /\bwith psychotic (?:features|symptoms)\b|\bpsychotic features (?:present|noted)\b/i;
const WITHOUT_FEATURES = /\b(?:without|w\/o|no)\s+psychotic (?:features|symptoms|sx)\b|\bnon-?psychotic\b/i;
const RECURRENT = new RegExp(
  String.raw`\brecurrent\s+(?:major\s+)?(?:depression|depressive|mdd)\b|\b${DEPRESSION}\b[^.;]{0,20}\brecurrent\b`,
  'i',
);
const NTH_EPISODE = /\b(?:2nd|3rd|[4-9]th|second|third|fourth|fifth)\s+(?:major\s+)?(?:depressive\s+)?episode\b/i;
const SINGLE = /\bsingle episode\b|\bfirst (?:major )?(?:depressive )?episode\b/i;
const SINGLE_ANOTHER_TIME = /\b(had|was|when|added|prior|previous|history of|hx of|h\/o|years? ago)\b|(?:19|20)\d\d/i;
const NOT_RECURRENT = /\bnot recurrent\b|\bno (?:prior|previous|other) (?:depressive )?episodes?\b/i;
const POLE =
  /\bcurrent(?:ly)?\s+(?:episode\s+)?(?:is\s+)?(hypomanic|manic|depressed|depressive|mixed)\b|\b(hypomanic|manic|depressed|depressive|mixed)\s+(?:episode|phase)\b/gi;
const POLE_ANOTHER_TIME = /\b(last|prior|previous|past|history of|hx of|h\/o|was|were|years? ago)\b[^.;]*$|(?:19|20)\d\d/i;
const RELATIVE = /\b(mother|father|mom|dad|sister|brother|sibling|aunt|uncle|grandmother|grandfather|fhx|family history)\b/i;
const OTHER_CONTEXT: ReadonlySet<NotePart> = new Set(['family-history', 'social-history', 'medications', 'allergies']);

/** The one severity a statement gives the depression today, if it gives exactly one. */
export function severityStated(text: string): Severity | undefined {
  if (NOT_TODAY_SEVERITY.test(text)) return undefined;
  const found = new Set<Severity>();
  for (const pattern of [SEVERITY_BEFORE, SEVERITY_AFTER])
    for (const m of text.matchAll(pattern)) {
      const value = m[1]?.toLowerCase() as Severity;
      const at = (m.index ?? 0) + m[0].toLowerCase().lastIndexOf(value);
      if (RANGE_BEFORE.test(text.slice(0, m.index)) || RANGE_AFTER.test(text.slice(at + value.length))) return undefined;
      if (DENIED_BEFORE.test(text.slice(0, m.index))) continue;
      found.add(value);
    }
  return found.size === 1 ? [...found][0] : undefined;
}

function featuresStated(text: string): Features | undefined {
  if (WITHOUT_FEATURES.test(text)) return 'without';
  return WITH_FEATURES.test(text) ? 'with' : undefined;
}

function episodeStated(text: string): Episode | undefined {
  // A first episode of another time ("her first episode in 2021", "single episode (added 2021)") is history.
  if (SINGLE.test(text) && SINGLE_ANOTHER_TIME.test(text)) return undefined;
  if (SINGLE.test(text) || NOT_RECURRENT.test(text)) return NOT_RECURRENT.test(text) && !/depress|mdd/i.test(text) ? undefined : 'single';
  if (RECURRENT.test(text) || NTH_EPISODE.test(text) || (/depress|mdd/i.test(text) && EARLIER_DEPRESSIVE_EPISODE.test(text)))
    return 'recurrent';
  return undefined;
}

/** The current episode of a bipolar disorder a statement gives today, if one. */
function poleStated(text: string): Pole | undefined {
  const found = new Set<Pole>();
  for (const m of text.matchAll(POLE)) {
    if (POLE_ANOTHER_TIME.test(text.slice(0, m.index)) || /^[^.;]*(?:19|20)\d\d/.test(text.slice((m.index ?? 0) + m[0].length))) continue;
    const word = (m[1] ?? m[2] ?? '').toLowerCase();
    found.add(word === 'depressive' ? 'depressed' : (word as Pole));
  }
  return found.size === 1 ? [...found][0] : undefined;
}

interface Coded {
  kind: 'depressive' | 'bipolar';
  episode?: Episode;
  severity?: Severity;
  features?: Features;
  pole?: Pole;
}

/** What a mood disorder's code states. */
function codedValues(code: string): Coded | undefined {
  const dep = /^F3([23])\.([0-3])$/.exec(code);
  if (dep) {
    const n = Number(dep[2]);
    return {
      kind: 'depressive',
      episode: dep[1] === '2' ? 'single' : 'recurrent',
      severity: (['mild', 'moderate', 'severe', 'severe'] as const)[n],
      ...(n >= 2 ? { features: n === 3 ? ('with' as const) : ('without' as const) } : {}),
    };
  }
  if (/^F32\.(9|[45])$/.test(code)) return { kind: 'depressive', episode: 'single' };
  if (/^F33\.(9|4\d|8)$/.test(code)) return { kind: 'depressive', episode: 'recurrent' };
  const bip = /^F31\.(\d)/.exec(code);
  if (!bip) return undefined;
  const pole: Pole | undefined = (
    { '0': 'hypomanic', '1': 'manic', '2': 'manic', '3': 'depressed', '4': 'depressed', '5': 'depressed', '6': 'mixed' } as Record<
      string,
      Pole
    >
  )[bip[1] ?? ''];
  return pole ? { kind: 'bipolar', pole } : undefined;
}

const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

/** The code an answer in the physician's own words names. */
export function answeredMoodCode(kind: Coded['kind'], words: string, writtenEpisode: Episode | undefined): string | undefined {
  const severity = /\bsevere\b/i.test(words)
    ? 'severe'
    : /\bmoderate\b/i.test(words)
      ? 'moderate'
      : /\bmild\b/i.test(words)
        ? 'mild'
        : undefined;
  const psychotic = WITHOUT_FEATURES.test(words) ? false : WITH_FEATURES.test(words);
  if (kind === 'depressive') {
    const episode = /\brecurrent\b|\b(?:2nd|3rd|second|third)\b/i.test(words)
      ? 'recurrent'
      : SINGLE.test(words)
        ? 'single'
        : writtenEpisode;
    if (!episode) return undefined;
    const c = episode === 'single' ? 'F32' : 'F33';
    const n = severity === 'mild' ? '0' : severity === 'moderate' ? '1' : severity === 'severe' ? (psychotic ? '3' : '2') : '9';
    return `${c}.${n}`;
  }
  const pole = /\bhypomani/i.test(words)
    ? 'hypomanic'
    : /\bmixed\b/i.test(words)
      ? 'mixed'
      : /\bmani/i.test(words)
        ? 'manic'
        : /\bdepress/i.test(words)
          ? 'depressed'
          : undefined;
  if (!pole) return undefined;
  if (pole === 'hypomanic') return 'F31.0';
  const bySeverity: Record<Exclude<Pole, 'hypomanic'>, Record<string, string>> = {
    manic: { mild: 'F31.11', moderate: 'F31.12', severe: psychotic ? 'F31.2' : 'F31.13', none: 'F31.10' },
    depressed: { mild: 'F31.31', moderate: 'F31.32', severe: psychotic ? 'F31.5' : 'F31.4', none: 'F31.30' },
    mixed: { mild: 'F31.61', moderate: 'F31.62', severe: psychotic ? 'F31.64' : 'F31.63', none: 'F31.60' },
  };
  return bySeverity[pole][severity ?? 'none'];
}

/** Statements of the record (diagnosis lines and notes), each once, not of a relative or a drug list. */
function statements(run: CodingRun): string[] {
  const out = new Set<string>(run.input.documentation.diagnoses.map((d) => d.description));
  for (const n of run.notes)
    if (!(n.part && OTHER_CONTEXT.has(n.part)) && n.assertion !== 'family-history' && !RELATIVE.test(n.original)) out.add(n.original);
  return [...out].map((s) => s.trim());
}

/** The first statement giving a value other than the coded one, and one giving the coded one (or the draft's own). */
function against<V>(said: ReadonlyArray<{ text: string; value: V | undefined }>, coded: V | undefined, own: string) {
  const values = said.filter((s): s is { text: string; value: V } => s.value !== undefined);
  const base = coded ?? values[0]?.value;
  if (base === undefined) return undefined;
  const other = values.find((s) => s.value !== base);
  if (!other) return undefined;
  return [values.find((s) => s.value === base)?.text ?? own, other.text] as const;
}

/**
 * Step: a depressive or bipolar disorder whose episode, severity, psychotic features or current
 * episode the record states two ways is asked; the less specific code until answered.
 */
export function moodEpisodeStatedTwoWays(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const d = drafts.find((x) => codedValues(x.code) !== undefined);
  if (!d || run.issues.some((i) => i.order === d.order) || d.evidence.some((e) => e.text.startsWith('Physician answer:'))) return drafts;
  const kind = codedValues(d.code)!.kind;
  const said = statements(run);
  // What the draft's own statements say (a code the engine or the physician gave words that state
  // nothing, "Depression" as F32.9, is no statement of an episode or a severity).
  const ownTexts = d.evidence.map((e) => e.text);
  const ownValue = <V>(read: (t: string) => V | undefined) => ownTexts.map(read).find((v) => v !== undefined);
  const coded: Coded =
    kind === 'bipolar'
      ? { kind, ...optional('pole', ownValue(poleStated)) }
      : {
          kind,
          ...optional('episode', ownValue(episodeStated)),
          ...optional('severity', ownValue(severityStated)),
          ...optional('features', ownValue(featuresStated)),
        };
  const own = d.evidence[0]?.text ?? d.description;
  const icd = run.codeSets.icd;
  let pair: readonly [string, string] | undefined;
  let aspect: string;
  let held: string;
  let options: ClarificationOption[];
  if (kind === 'bipolar') {
    if (!said.some((s) => /\bbipolar\b/i.test(s))) return drafts;
    pair = against(
      said.map((text) => ({ text, value: poleStated(text) })),
      coded.pole,
      own,
    );
    aspect = 'current episode of the bipolar disorder (manic, hypomanic, depressed or mixed)';
    held = 'F31.9';
    // Labelled with the codes' own titles: an answer naming a severity too is read in full, not as the bare pole.
    options = ['F31.0', 'F31.10', 'F31.30', 'F31.60'].map((code) => ({ label: describeIcd(run.codeSets, code), code }));
  } else {
    const category = d.code.slice(0, 3);
    const episode = against(
      said.map((text) => ({ text, value: episodeStated(text) })),
      coded.episode,
      own,
    );
    const severity = against(
      said.map((text) => ({ text, value: severityStated(text) })),
      coded.severity,
      own,
    );
    const features =
      codedValues(d.code)?.severity === 'severe'
        ? against(
            said.map((text) => ({ text, value: featuresStated(text) })),
            coded.features,
            own,
          )
        : undefined;
    pair = episode ?? severity ?? features;
    aspect = episode
      ? 'episode of the major depressive disorder (single or recurrent)'
      : 'severity of the current depressive episode (mild, moderate, severe, with or without psychotic features)';
    held = severity || features ? `${category}.9` : d.code;
    const categories = episode ? ['F32', 'F33'] : [category];
    options = categories.flatMap((c) =>
      (
        [
          ['0', 'mild'],
          ['1', 'moderate'],
          ['2', 'severe without psychotic features'],
          ['3', 'severe with psychotic features'],
        ] as const
      ).map(([n, label]) => ({ label: `${c === 'F32' ? 'Single episode' : 'Recurrent'}, ${label}`, code: `${c}.${n}` })),
    );
  }
  if (!pair || pair[0] === pair[1] || !icd.byCode.has(held)) return drafts;
  const [first, second] = pair;
  return askCharacter(run, drafts, {
    draft: d,
    question: detailConflictQuestion(first, second, aspect),
    clinicalIndicators: [`Documented: "${first}"`, `Documented: "${second}"`],
    options: options.filter((o) => o.code && icd.byCode.has(o.code)),
    reason: `The record states the ${aspect.replace(/ \(.*$/, '')} two ways; ${held} until the physician answers.`,
    held,
    fromWords: (words) => answeredMoodCode(kind, words, codedValues(d.code)?.episode),
    heldWhy: `The ${aspect.replace(/ \(.*$/, '')} is documented two ways: ${held} until the physician answers.`,
    answeredWhy: (code) => `The physician answered the ${aspect.replace(/ \(.*$/, '')}: ${code}.`,
  });
}
