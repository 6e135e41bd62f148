/**
 * Coding one mention, as a coder does it: take the physician's own code when it is valid; settle the
 * side; bring in the type or stage the record states elsewhere; search, asking (or applying the
 * answer to) what the record leaves open; then the draft, and a second condition the same words name.
 *
 * Over 300 lines because it is one coder's sequence for a mention, in order, its steps sharing the
 * mention's work.
 */
import type { CodeCandidate } from '../domain/coding.ts';
import { keptWrittenCode } from './written-code-support.ts';
import { followExcludes1 } from './excluded-statement.ts';
import { lateralityQuestion, resolutionFor, type ClarificationIssue, type Resolution } from './clarification.ts';
import { axisIssue, encounterTypeIssue, mentionIssue, relationIssues } from './clarification-issues.ts';
import { sexFilter } from './chapters.ts';
import {
  candidate,
  describeIcd,
  newDraft,
  recoded,
  SECTION_WEIGHT,
  titleShare,
  type CodingRun,
  type DiagnosisDraft,
  type MentionWork,
} from './coding-run.ts';
import type { Mention } from './context.ts';
import { drugEffectCode } from './drug-effects.ts';
import { familyHistoryOfClass, historyAsOldCondition, historyOfClassifiable } from './history-classifiable.ts';
import { isBillable, matchesPattern, normalizeIcdCode, notesFor, type Icd10Cm } from './icd10cm.ts';
import { withSupportedAxisValues } from './axis-support.ts';
import { addSideFromRecord, checkSideConflict, codedBySide, sideOf, unspecifiedSide } from './laterality.ts';
import { withdrawSideConflictWithoutSides } from './side-changes-code.ts';
import {
  conditionWords,
  ENCOUNTER_WORDS,
  historyFilter,
  namesACondition,
  namesTitleHead,
  oneWordOfTitle,
  queryText,
  rank,
  relatedClauses,
  searchFilter,
  wellSupported,
  withoutPregnancyQualifiers,
} from './ranking.ts';
import { buildQuery, withSeventhCharacter, type SearchHit, type SearchQuery } from './search.ts';
import { tabularWordingCategory, tabularWordingEntry } from './tabular-wording.ts';
import { addDetailsFromRecord, checkDetailConflict } from './specificity.ts';
import { checkStatedAxis } from './stated-axis.ts';
import { bothSides } from './both-sides.ts';
import { acuteOnChronicParts } from './acute-on-chronic.ts';
import { encounterOfWrittenCode } from './written-encounter.ts';
import { checkRemissionAgainstUse } from './remission-conflict.ts';
import { checkAbsenceAgainstRecord } from './absence-conflict.ts';
import { expandWithGroups, LATERALITY_WORDS, tokenize } from './text.ts';

/** What the search found for a mention, and the clarification still open about it. */
interface Search {
  query: SearchQuery;
  hits: SearchHit[];
  issue?: ClarificationIssue;
  /** The hit is the code the mention names in the tabular's own wording (tabular-wording.ts). */
  wording?: boolean;
}

/** Codes one mention; may add clarifications. Returns zero, one or two diagnoses (two when the text names two conditions). */
export function codeMention(run: CodingRun, m: Mention, order: number): DiagnosisDraft[] {
  const work: MentionWork = {
    mention: { ...m },
    order,
    evidence: [{ section: m.section, text: m.original }],
    extra: [],
    notesDone: [],
    statedElsewhere: new Set(),
    related: [],
    conflicts: [],
    inferred: [],
  };
  const documented = documentedCode(run, work);
  const encounter = documented ? encounterOfWrittenCode(run, work.mention, documented.code) : undefined;
  if (documented && encounter)
    return [
      recoded(
        run.codeSets,
        documented,
        encounter.code,
        `The record states the encounter as ${encounter.phase} (guideline I.C.19.a): the 7th character of ${encounter.code}, reported as changed.`,
      ),
    ];
  if (documented) {
    const better = saysMoreThanDocumented(run, work.mention, documented.code);
    if (!better) {
      const kept = keptWrittenCode(run, work, documented);
      if (kept) return kept;
    } else {
      // Coded from the line, as if no code were written; documented-codes.ts reports the change and
      // the encounter goes to a coder, never straight through.
      work.mention = { ...work.mention, documentedCode: undefined };
      work.notesDone.push(`the documented ${documented.code} says less than its line, which states "${better}"`);
    }
  }
  const old = historyAsOldCondition(run, work.mention, order);
  if (old) return [old];
  checkSideConflict(run, work);
  addSideFromRecord(run, work);
  checkDetailConflict(run, work);
  addDetailsFromRecord(run, work);
  checkStatedAxis(run, work);
  checkRemissionAgainstUse(run, work);
  checkAbsenceAgainstRecord(run, work);
  work.related = relatedClauses(run, work.mention).filter((c) => !work.setAside?.includes(c));
  const search = tabularWordingSearch(run, work) ?? searchWithAnswers(run, work);
  for (const conflict of work.conflicts) run.issues.push({ ...conflict, order });
  if (search.issue) run.issues.push({ ...search.issue, order });
  unspecifiedSideWhileAsked(run, work, search);
  if (!search.wording && !search.issue) preferNamedCondition(run, work, search);
  if (!search.wording) withoutWordMatches(run, work, search);
  const ofClass = familyHistoryOfClass(run, work.mention, search.hits[0]?.code);
  if (ofClass) search.hits = [ofClass, ...search.hits.filter((h) => h.code !== ofClass.code)];
  const first = draftFromBestHit(run, work, search);
  if (!first) {
    // A drug taken wrongly with nothing else that codes ("Accidental overdose of acetaminophen") is
    // the poisoning itself; drug-effects.ts orders it with any manifestation.
    const poisoning = drugStatement(run, work);
    if (poisoning) return [poisoning];
    // A history no history title names is coded where the classification sends its condition.
    const history = historyOfClassifiable(run, work.mention, order);
    return history ? [history] : [];
  }
  const sides = bothSides(run, first, search.query.laterality);
  if (sides) return sides;
  // The tabular's wording for one code names that one condition.
  if (search.wording) return [first];
  const second = secondCondition(run, work, search);
  const drafts = second ? [first, second] : [first];
  withdrawSideConflictWithoutSides(
    run,
    work,
    drafts.map((d) => d.code),
  );
  return drafts;
}

/** How close to the best score a hit that names its condition must come to be preferred over one that does not. */
const NAMED_CONDITION_SCORE = 0.5;

/**
 * A best hit whose matched words only qualify its title's condition ("complicating pregnancy, second
 * trimester" matching eclampsia's title in "hypothyroidism complicating pregnancy") gives way to the
 * next hit that names its own condition: the condition is what the statement is about.
 */
function preferNamedCondition(run: CodingRun, work: MentionWork, search: Search): void {
  const icd = run.codeSets.icd;
  const [top, ...rest] = search.hits;
  if (!top || namesACondition(icd, top)) return;
  const named = rest.find((h) => h.score >= NAMED_CONDITION_SCORE && namesACondition(icd, h) && wellSupported(icd, h, search.query.tokens));
  if (named) {
    search.hits = [named, ...search.hits.filter((h) => h !== named)];
    return;
  }
  // None: the condition's own words searched without the pregnancy's (chapter 15 routing follows in its step).
  const tokens = withoutPregnancyQualifiers(search.query.tokens);
  if (tokens.length === search.query.tokens.length || tokens.length === 0) return;
  const hits = rank(run, { ...search.query, tokens }, phaseContext(work), searchFilter(work.mention));
  const best = hits[0];
  if (best && best.score >= NAMED_CONDITION_SCORE && namesACondition(icd, best) && wellSupported(icd, best, tokens))
    search.hits = [best, ...search.hits];
}

/**
 * Hits that one word of the line supports while their titles name another condition are word
 * matches (oneWordOfTitle): a line that names nothing else codes nothing rather than them. Not
 * for a line in a category's tabular wording ("Kahler's disease" is C90.0's), which is coded inside it.
 */
function withoutWordMatches(run: CodingRun, work: MentionWork, search: Search): void {
  const icd = run.codeSets.icd;
  // A line in a category's tabular wording is coded inside it (categoryHits): the wording is the support.
  if (tabularWordingCategory(icd, work.mention.original)) return;
  // A hit that explains only where ("scalp", "right forearm") is another condition of that site when
  // the line names a condition (a laceration, a fracture): tinea of the scalp, a neuropathy of the limb.
  const named = conditionWords(search.query.tokens, icd).size > 0;
  search.hits = search.hits.filter(
    (h) =>
      !oneWordOfTitle(icd, h, search.query.tokens) &&
      !(named && conditionWords(h.matched, icd).size === 0 && !namesTitleHead(icd, h, search.query.tokens)),
  );
}

/** The T code of a statement that names a drug taken wrongly or as a cause, when the search found no condition. */
function drugStatement(run: CodingRun, work: MentionWork): DiagnosisDraft | undefined {
  const m = work.mention;
  if (m.assertion !== 'affirmed') return undefined;
  const effect = drugEffectCode(run.codeSets.icd, m.original, phaseContext(work));
  if (!effect) return undefined;
  return newDraft(run.codeSets, effect.code, {
    confidence: SECTION_WEIGHT[m.section],
    order: work.order,
    evidence: [...work.evidence],
    rationale: `"${m.original}" documents a drug's ${effect.kind} and names no other condition: ${effect.code}.`,
  });
}

/** The physician's own code, when it is a valid billable code. */
function documentedCode(run: CodingRun, work: MentionWork): DiagnosisDraft | undefined {
  const m = work.mention;
  if (!m.documentedCode) return undefined;
  const icd = run.codeSets.icd;
  const code = normalizeIcdCode(m.documentedCode);
  if (!isBillable(icd, code)) return undefined;
  return newDraft(run.codeSets, code, {
    confidence: 0.95,
    order: work.order,
    evidence: work.evidence,
    rationale: `Code ${code} documented by the physician with "${m.original}" (diagnoses); validated as billable in ${icd.release}.`,
  });
}

/** A title that leaves its category's axis open, stands for what the category does not name, or for the condition with nothing added ("uncomplicated"). */
const RESIDUAL_TITLE = /\bunspecified\b|^other\b|\bNEC\b|\buncomplicated\b/i;

/**
 * The physician's code says less than the line it was written with (a code is reported to the
 * highest specificity documented: guideline I.B.2, level of detail in coding), when
 * - its title excludes what the line states (statedDespiteWithout), or
 * - the line states a side the code contradicts or, its family being coded by side, leaves open
 *   (sideAgainstWritten), or
 * - it is its category's residual (RESIDUAL_TITLE) and the line states what another code names: in
 *   the tabular's own wording ("COVID-19" written with B97.29, other coronavirus, names U07.1), or
 *   by words of the line a non-residual code of the same category matches and the written code's
 *   title lacks ("COPD with acute exacerbation" written J44.9: J44.1).
 * The words of the line that decide are returned.
 */
export function saysMoreThanDocumented(run: CodingRun, m: Mention, code: string, statement = false): string | undefined {
  const icd = run.codeSets.icd;
  if (m.assertion !== 'affirmed') return undefined;
  const title = describeIcd(run.codeSets, code);
  const contradicted = statedDespiteWithout(title, m.original, statement) ?? remissionDespiteTitle(title, m.original);
  if (contradicted) return contradicted;
  const side = sideAgainstWritten(run, m, code, title);
  if (side) return side;
  if (!RESIDUAL_TITLE.test(title)) return undefined;
  const worded = tabularWordingEntry(icd, m.original);
  const wordedCode = worded === undefined ? undefined : icd.entries[worded]?.code;
  if (wordedCode && wordedCode !== code && !code.startsWith(wordedCode) && isBillable(icd, wordedCode)) return m.original;
  const category = code.slice(0, 3);
  const query = buildQuery(queryText(m, []), true);
  const top = rank(run, query, m.text, (c) => c.startsWith(category))[0];
  if (!top || top.code === code || !isBillable(icd, top.code) || RESIDUAL_TITLE.test(top.description)) return undefined;
  const own = new Set(tokenize(title));
  const deciding = top.matched.filter(
    (t) => !own.has(t) && (icd.idf.get(t) ?? 0) > 0 && !(LATERALITY_WORDS as readonly string[]).includes(t),
  );
  return deciding.length > 0 && wellSupported(icd, top, query.tokens) ? deciding.join(' ') : undefined;
}

/**
 * The side the line states when the written code says another side, or none while its family is
 * coded by side ("Carpal tunnel syndrome, left wrist" written G56.00, unspecified upper limb; "Primary
 * OA left knee" written M17.11, right knee): guideline I.B.13, the side documented is coded.
 */
function sideAgainstWritten(run: CodingRun, m: Mention, code: string, title: string): string | undefined {
  const side = buildQuery(queryText(m, [])).laterality;
  if (!side) return undefined;
  const written = sideOf(title);
  if (written === side) return undefined;
  if (written) return `${side} (the code says ${written})`;
  return codedBySide(run.codeSets.icd, code) ? side : undefined;
}

/** A title that says the disease has not achieved remission (C90-C95's "not having achieved remission"). */
const REMISSION_NOT_ACHIEVED = /\bnot having achieved remission\b/i;
/** A statement putting the disease in remission ("in remission", "in stringent complete remission"), not denied or past. */
const IN_REMISSION =
  /(?<!\b(?:not|never|no longer|out of|relapse\w* from)\s+)\bin\s+(?:(?:stringent|complete|partial|full|sustained|continued|ongoing|molecular|cytogenetic|hematologic|first|second|cr\d?)\s+){0,3}remission\b/i;

/** What the statement says against a written "not having achieved remission": the remission it states. */
function remissionDespiteTitle(title: string, line: string): string | undefined {
  if (!REMISSION_NOT_ACHIEVED.test(title)) return undefined;
  return IN_REMISSION.exec(line)?.[0];
}

/** A negation before a word of the line, within its clause ("without hematuria", "no aura", "w/o"). */
const NEGATED_BEFORE = /\b(?:without|no|not|w\/o|denies|negative for)\b[^,;]*$/i;

/**
 * What the line states that the written code's title says is absent: "Acute cystitis with
 * hematuria" written N30.00 (Acute cystitis without hematuria). The title's "without X" is read by
 * X's last word; the line must state that word, not negated. Narrower than icd10cm.ts's negatedOf
 * (which also reads "not X" and every word after "without"), on purpose: only what a title says is
 * absent, read as the line would state it (a statement of the notes, `everyWord`: all the words the
 * title denies, not only the last). A title's "not X" of one word ("Chronic migraine
 * without aura, not intractable") is read the same way: "intractable" stated is what it denies.
 */
function statedDespiteWithout(title: string, line: string, everyWord = false): string | undefined {
  for (const w of title.matchAll(/\b(?:without ([a-z][a-z -]*?)|not ([a-z]+))(?=,|$| and | or )/gi)) {
    const words = (w[1] ?? w[2] ?? '').trim();
    const head = words.split(/\s+/).pop() ?? '';
    if (head.length < 4) continue;
    const at = line.search(new RegExp(`\\b${head}\\b`, 'i'));
    if (at < 0 || NEGATED_BEFORE.test(line.slice(0, at))) continue;
    // Another statement of the notes is about more than the condition ("prior fragility fracture"
    // beside "without current pathological fracture"): it must state every word the title denies.
    if (everyWord && !words.split(/\s+/).every((t) => t.length < 4 || new RegExp(`\\b${t}\\b`, 'i').test(line))) continue;
    return words;
  }
  return undefined;
}

/** The mention's text with what the record adds, and the notes about the same condition (for the 7th character). */
const phaseContext = (work: MentionWork) => [`${work.mention.text} ${work.extra.join(' ')}`, ...work.related].join('\n');

/**
 * Searches the code set; each open question is either applied from an answer already given (which
 * may lead to another question) or left open, with the classification's default coded meanwhile.
 */
function searchWithAnswers(run: CodingRun, work: MentionWork): Search {
  let m = work.mention;
  const icd = run.codeSets.icd;
  // While a side conflict is open, the plain side question is not asked as well.
  const answered = new Set<string>();
  if (work.sideConflict) answered.add(lateralityQuestion(m.original));
  let query = buildQuery(queryText(m, work.extra), true);
  let hits: SearchHit[] = [];
  let issue: ClarificationIssue | undefined;
  for (let round_ = 0; round_ < 4; round_++) {
    query = buildQuery(queryText(m, work.extra), true);
    const documented = m.documentedCode ? normalizeIcdCode(m.documentedCode) : undefined;
    const headerFilter = documented && icd.byCode.has(documented) ? (c: string) => c.startsWith(documented) : undefined;
    hits = (!headerFilter && categoryHits(run, work, query)) || rank(run, query, phaseContext(work), headerFilter ?? searchFilter(m));
    hits = withSupportedAxisValues(run, work, hits, phaseContext(work));
    // An Excludes1 note of the best match that names the statement sends it to the code it cites (excluded-statement.ts).
    if (!headerFilter) hits = followExcludes1(run, query, hits, (filter) => rank(run, query, phaseContext(work), filter));
    issue = mentionIssue(run, m, query, hits, answered, work.extra, work.statedElsewhere, phaseContext(work));
    if (!issue) break;
    const resolution = resolutionFor(issue, run.input.answers);
    if (!resolution) {
      if (issue.defaultRefine) {
        // Code the classification's default while the question is open (e.g. diabetes NOS: type 2).
        query = buildQuery(queryText(m, [...work.extra, issue.defaultRefine]));
        hits = rank(run, query, phaseContext(work), searchFilter(m));
        work.notesDone.push(`${issue.defaultRefine} assumed by the classification's default until the physician answers`);
        work.inferred.push(issue.defaultRefine);
      }
      break;
    }
    answered.add(issue.question);
    work.evidence.push({
      section: m.section,
      text: `Physician answer: ${answerLabel(resolution)}`,
    });
    if (resolution.kind === 'option' && resolution.option.code) {
      const chosen = hits.find((h) => h.code === resolution.option.code);
      if (chosen) hits = [chosen, ...hits.filter((h) => h !== chosen)];
      issue = undefined;
      break;
    }
    if (resolution.kind === 'option' && resolution.option.replaces && resolution.option.refine) {
      work.mention = { ...work.mention, text: resolution.option.refine };
      m = work.mention;
    } else if (resolution.kind === 'option' && resolution.option.refine) work.extra.push(resolution.option.refine);
    else if (resolution.kind === 'free-text') work.extra.push(resolution.text);
    issue = undefined;
    if (resolution.kind === 'undetermined') {
      hits = rank(run, query, [m.text, ...work.related].join('\n'), searchFilter(m));
      break;
    }
  }
  if (work.sideConflict) issue = work.sideConflict;
  return issue ? { query, hits, issue } : { query, hits };
}

/**
 * A mention written in the tabular's own wording for one code (its title or an inclusion term) is
 * that code: nothing to ask about its type, stage or side, which the wording settles, and no word
 * match to weigh. Only a 7th character the record leaves open is still asked. Not when the record
 * adds a detail of its own to the mention (a side, a stage from another statement) or the
 * documented code's family is given: the search weighs those.
 */
function tabularWordingSearch(run: CodingRun, work: MentionWork): Search | undefined {
  const m = work.mention;
  if (work.extra.length > 0 || work.conflicts.length > 0 || work.sideConflict || m.documentedCode || m.restated) return undefined;
  const icd = run.codeSets.icd;
  const entry = tabularWordingEntry(icd, m.original);
  const e = entry === undefined ? undefined : icd.entries[entry];
  if (entry === undefined || !e) return undefined;
  // A history or family history is coded as one only in the wording of a status code (Z80-Z87).
  if (m.assertion !== 'affirmed' && !e.code.startsWith('Z')) return undefined;
  if (!sexFilter(icd, run.input.patient.sex)(e.code)) return undefined;
  const query = buildQuery(queryText(m, work.extra));
  const named: SearchHit = { entry, code: e.code, description: e.description, score: 1, matched: query.tokens, matchedText: m.original };
  let context = phaseContext(work);
  const asked = encounterTypeIssue(run, m, withSeventhCharacter(icd, named, context, query.laterality).code, context);
  const answer = asked ? resolutionFor(asked, run.input.answers) : undefined;
  if (answer?.kind === 'option' && answer.option.refine) context = `${answer.option.refine}\n${context}`;
  else if (answer?.kind === 'free-text') context = `${answer.text}\n${context}`;
  // A relation the record leaves open is asked here too; once answered, the search applies the answer.
  const relation = asked ? undefined : relationIssues(run, m, named, m.text)[0];
  if (relation && resolutionFor(relation, run.input.answers)) return undefined;
  if (answer) work.evidence.push({ section: m.section, text: `Physician answer: ${answerLabel(answer)}` });
  const hit = withSeventhCharacter(icd, named, context, query.laterality);
  // A 7th character that is a value of an axis (a glaucoma's stage) is the record's to state too:
  // asked when it is the family's unspecified one; once answered, the search applies the answer.
  const axis = asked || hit.code === named.code ? undefined : axisIssue(run, m, hit, context);
  if (axis && resolutionFor(axis, run.input.answers)) return undefined;
  work.notesDone.push(`written as the tabular words ${hit.code}`);
  // The other codes the words match are alternatives to a choice the tabular's own wording made:
  // they count for less than the search alone would give them (no single word can flip it).
  const others = rank(run, query, context, searchFilter(m))
    .filter((h) => h.code !== hit.code)
    .map((h) => ({ ...h, score: h.score * ALTERNATIVE_TO_WORDING }));
  const issue = asked && !answer ? asked : (axis ?? relation);
  return { query, hits: [hit, ...others], wording: true, ...(issue ? { issue } : {}) };
}

const ALTERNATIVE_TO_WORDING = 0.9;

/**
 * A mention written in the tabular's wording of a category (its title or an inclusion term listed
 * under it: "Kahler's disease" under C90.0) is coded inside that category, as a coder goes from the
 * tabular entry to its subcodes; undefined when the category has no code the record allows.
 */
function categoryHits(run: CodingRun, work: MentionWork, query: SearchQuery): SearchHit[] | undefined {
  const m = work.mention;
  // A conflict that set the statement's wording aside (absence-conflict.ts) leaves no category by it.
  if (work.setAside?.length || m.restated) return undefined;
  const category = tabularWordingCategory(run.codeSets.icd, m.original);
  // A history is coded in a category's wording only when that category is a status code's (Z80-Z87).
  if (!category || (m.assertion !== 'affirmed' && !category.startsWith('Z'))) return undefined;
  // The wording is the support a word match would need ("Myelomatosis" is a neoplasm without saying so).
  const history = m.assertion === 'affirmed' ? historyFilter(m) : undefined;
  const hits = rank(run, query, phaseContext(work), (c) => c.startsWith(category) && (!history || history(c)));
  return hits.length > 0 ? hits : undefined;
}

const answerLabel = (r: Resolution) => (r.kind === 'option' ? r.option.label : r.kind === 'free-text' ? r.text : 'clinically undetermined');

/** While the side is asked, the code is the family's unspecified-side code, not one of the sides. */
function unspecifiedSideWhileAsked(run: CodingRun, work: MentionWork, search: Search): void {
  const top = search.hits[0];
  if (search.issue?.kind !== 'laterality' || search.query.laterality || !top) return;
  const unsided = unspecifiedSide(run, work.mention, search.query, top, phaseContext(work));
  if (!unsided) return;
  search.hits = [unsided, ...search.hits.filter((h) => h.code !== unsided.code)];
  work.notesDone.push(`side not documented: unspecified-side code ${unsided.code} until the physician answers`);
}

function draftFromBestHit(run: CodingRun, work: MentionWork, search: Search): DiagnosisDraft | undefined {
  const m = work.mention;
  const top = search.hits[0];
  if (!top) return undefined;
  const weight = SECTION_WEIGHT[m.section];
  const evidence: CodeCandidate['evidence'] = work.evidence;
  const confidence = Math.min(1, top.score) * weight;
  const alternatives = search.hits
    .slice(1, 4)
    .map((h) => candidate(h, Math.min(1, h.score) * weight, `Also matched "${h.matched.join(' ')}" (${h.matchedText}).`, evidence));
  const assertionNote =
    m.assertion === 'personal-history'
      ? ' Documented as history: personal-history code, not the active condition.'
      : m.assertion === 'family-history'
        ? ' Documented as family history.'
        : '';
  return newDraft(run.codeSets, top.code, {
    confidence,
    order: work.order,
    titleShare: titleShare(top.matchedText, queryText(m, work.extra)),
    ...(work.inferred.length ? { inferred: [...work.inferred] } : {}),
    alternatives,
    evidence: [...evidence],
    rationale: `Matched "${top.matched.join(' ')}" in ${m.section} ("${m.original}") to "${top.matchedText}"${work.notesDone.length ? `; ${work.notesDone.join('; ')}` : ''}; most specific billable code the documentation supports.${assertionNote}`,
  });
}

const NEOPLASM_CODE = /^(C|D[0-4])/;

/**
 * Whether `code`'s Excludes1 notes (its own or its ancestors') cite `other` as the condition NOS
 * ("tobacco use NOS (Z72.0)" at F17.2): the less specific form of what `code` codes. (An Excludes1
 * citing a specified form, "cystitis (N30.-)" at N39.0, sends to the more specific code instead.)
 */
const excludedAsNos = (icd: Icd10Cm, code: string, other: string) =>
  notesFor(icd, code, 'ex1').some(([text, patterns]) => /\bNOS\b/.test(text) && patterns.some((p) => matchesPattern(other, p)));

/** A second condition named in the same text ("diabetes with CKD stage 3a"): the words the first code left over. */
/** Of an acute condition stated on a chronic one, the tokens of the part the hit does not name, when it names one part only. */
function otherPart(text: string, top: SearchHit): string[] | undefined {
  const parts = acuteOnChronicParts(text);
  if (!parts) return undefined;
  const matched = new Set(top.matched);
  const [acute, chronic] = parts.map((p) => buildQuery(p).tokens);
  if (!acute || !chronic) return undefined;
  const acuteNamed = matched.has('acute');
  const chronicNamed = matched.has('chronic');
  if (acuteNamed === chronicNamed) return undefined;
  return acuteNamed ? chronic : acute;
}

/** An Excludes1 note of either code (or its categories) cites the other. */
function excludesEither(icd: Icd10Cm, a: string, b: string): boolean {
  const cites = (x: string, y: string) => notesFor(icd, x, 'ex1').some(([, patterns]) => patterns.some((p) => matchesPattern(y, p)));
  return cites(a, b) || cites(b, a);
}

function secondCondition(run: CodingRun, work: MentionWork, search: Search): DiagnosisDraft | undefined {
  const icd = run.codeSets.icd;
  const m = work.mention;
  const top = search.hits[0];
  const query = search.query;
  if (!top) return undefined;
  const covered = new Set([...top.matched, ...tokenize(top.description)]);
  // Words one documented word expanded to ("colon": "colon large intestine") are consumed together.
  const groups = expandWithGroups(queryText(m, work.extra)).groups;
  for (const g of groups) if (g.some((t) => covered.has(t))) for (const t of g) covered.add(t);
  // The pregnancy's qualifiers ("in pregnancy, 2nd trimester") are the first condition's, for chapter 15 to code.
  const leftOver = withoutPregnancyQualifiers(query.tokens).filter(
    (t) => !covered.has(t) && !(LATERALITY_WORDS as readonly string[]).includes(t) && !ENCOUNTER_WORDS.has(t),
  );
  // An acute condition on a chronic one: the part the first code does not name is searched with all
  // its own words, those it shares with the first ("kidney") too (acute-on-chronic.ts).
  const rest = otherPart(m.text, top) ?? leftOver;
  const total = query.tokens.reduce((s, t) => s + (icd.idf.get(t) ?? 0), 0);
  const restWeight = rest.reduce((s, t) => s + (icd.idf.get(t) ?? 0), 0);
  if (rest.length === 0 || total <= 0 || restWeight / total < 0.2) return undefined;
  // Words that only say where or how ("acute ... great toe" left over from gout of the foot) name no second condition.
  if (conditionWords(rest, icd).size === 0) return undefined;
  const q2: SearchQuery = query.laterality ? { tokens: [...rest, query.laterality], laterality: query.laterality } : { tokens: rest };
  const second = rank(run, q2, m.text, searchFilter(m))[0];
  if (
    !second ||
    second.score < 0.75 ||
    second.code.slice(0, 3) === top.code.slice(0, 3) ||
    !wellSupported(icd, second, rest, groups) ||
    // The leftover words must name the second code's condition, not only qualify one ("pregnancy, third trimester").
    !namesACondition(icd, second)
  )
    return undefined;
  // One neoplasm statement names one neoplasm: its leftover words are the morphology ("squamous cell
  // carcinoma of the lung" is not also a skin carcinoma); spread to another site is metastasis.ts.
  if (NEOPLASM_CODE.test(top.code) && NEOPLASM_CODE.test(second.code)) return undefined;
  // Leftover words naming what the first code's Excludes1 note calls its condition NOS ("tobacco use"
  // of "tobacco use 1 ppd" coded nicotine dependence, F17.2 Excludes1 "tobacco use NOS (Z72.0)") are
  // the first condition said again, not a second one: the two are never coded together. Only a factor
  // (chapter 21): a disorder cited NOS (G30's "senile dementia NOS (F03)") is still coded, as its own note asks.
  if (second.code.startsWith('Z') && excludedAsNos(icd, top.code, second.code)) return undefined;
  // The acute and the chronic form the classification never codes together (an Excludes1 note of
  // either citing the other): the first code stands alone.
  if (otherPart(m.text, top) && excludesEither(icd, top.code, second.code)) return undefined;
  return newDraft(run.codeSets, second.code, {
    confidence: second.score * SECTION_WEIGHT[m.section] * 0.95,
    order: work.order + 0.5,
    titleShare: titleShare(second.matchedText, m.text),
    evidence: [...work.evidence],
    rationale: `The same documentation ("${m.original}") also names "${second.matched.join(' ')}", coded separately as "${second.matchedText}".`,
  });
}
