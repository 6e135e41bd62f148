/**
 * "Use additional code" notes: the codes a chosen code's note asks for, added when the record
 * documents them (the drug in use, weeks of gestation, the stage, a history the screening is for).
 */
import { documentedAdditionalCodes, type RecordStatement } from './additional.ts';
import { describeIcd, newDraft, SECTION_WEIGHT, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesWithOffsets } from './context.ts';
import { queryText, rank, searchFilter, supportFilter } from './ranking.ts';
import { buildQuery, categoryTextWords, useAdditionalFilter, type SearchHit, type SearchQuery } from './search.ts';
import { noteParts, partAt, type NotePart } from './sections.ts';
import { coreTokens, isNeutral, tokenize } from './text.ts';

/** Follow-up after completed treatment (Z08, Z09): what the title names after "for" is the condition treated. */
const COMPLETED_TREATMENT_TITLE = /\bafter completed treatment\b/i;
/** A malignancy still present or under treatment is not history (guideline I.C.2.d). */
export const ACTIVE_DISEASE =
  /\b(recurren\w*|recurred|metasta\w*|progressi\w*|persistent|residual|active|currently (on|receiving|undergoing)|on (chemo\w*|radiation|immunotherapy|hormon\w* therapy|tamoxifen|letrozole|anastrozole)|undergoing|receiving)\b/i;

/**
 * After completed treatment the condition the encounter is for is history (guideline I.C.21.c.8):
 * the documented words minus the encounter words of the follow-up title, as a personal history, with
 * the classification's own name for the condition: the title of the category the words find
 * ("melanoma of the back" is C43.59, under "Malignant melanoma of skin": its history is Z85.820).
 */
function historyQuery(run: CodingRun, text: string, encounterPart: string): SearchQuery {
  const encounterWords = new Set(tokenize(encounterPart));
  const q = buildQuery(text);
  const words = q.tokens.filter((t) => !encounterWords.has(t));
  const condition = words.length
    ? rank(
        run,
        { tokens: words },
        text,
        (c) => !c.startsWith('Z') && supportFilter({ section: 'notes', original: text, text, assertion: 'affirmed' })(c),
      )[0]
    : undefined;
  const named = condition && condition.score >= CONDITION_NAMED ? tokenize(describeIcd(run.codeSets, condition.code.slice(0, 3))) : [];
  return { ...q, tokens: [...new Set(['personal', 'history', ...words, ...named.filter((t) => !isNeutral(t))])] };
}
/** How well the condition's words must find its code for the category's title to name it. */
const CONDITION_NAMED = 0.7;

/**
 * The noun of an axis a title names after its value ("Dysphagia, oropharyngeal phase"): the record
 * names the value, and the index holds the noun as a nonessential modifier ("Dysphagia,
 * oropharyngeal (phase) R13.12"), so it need not be documented.
 */
const AXIS_NOUNS = new Set(['phase']);

/** A joint the record says was replaced ("right total knee replacement", "left hip arthroplasty"). */
const REPLACED_JOINT =
  /\b(?:(?:total|partial|hemi|reverse)\s+)?(knee|hip|shoulder|elbow|ankle|wrist)\s+(?:joint\s+)?(?:replacement|arthroplasty)\b/i;

/**
 * The index: Replacement by artificial or mechanical device, joint, knee Z96.65- (so for each
 * joint): a replaced joint is the presence of an artificial joint, with the side stated. Used where
 * a note asks for the joint (Z47.1 "use additional code to identify the joint").
 */
function replacedJointAsPresence(text: string): string | undefined {
  const joint = REPLACED_JOINT.exec(text)?.[1];
  if (!joint) return undefined;
  return `presence of artificial ${joint.toLowerCase()} joint ${buildQuery(text).laterality ?? ''}`.trim();
}

/**
 * On one line naming both the condition and what its note asks for ("Type 2 diabetes mellitus with
 * diabetic CKD stage 4", "CKD stage 4 - hypertensive nephrosclerosis"), the added code is searched
 * without the words only the condition's own category uses (diabetes, mellitus; hypertensive,
 * nephrosclerosis), which would otherwise outweigh what is left for it ("CKD stage 4").
 */
function withoutConditionWords(run: CodingRun, code: string, q: SearchQuery, cited: readonly string[]): SearchQuery {
  const icd = run.codeSets.icd;
  const own = categoryTextWords(icd, code.slice(0, 3));
  const theirs = new Set(cited.flatMap((c) => [...categoryTextWords(icd, c)]));
  return { ...q, tokens: q.tokens.filter((t) => !own.has(t) || theirs.has(t)) };
}

/** The clauses of the notes with the part of the note each is written in. */
export function clausesWithParts(notes: string): Array<{ text: string; part: NotePart }> {
  const parts = noteParts(notes);
  return clausesWithOffsets(notes).map((c) => ({ text: c.text, part: partAt(parts, c.start + c.text.length) }));
}

/** Step: the codes "use additional code" notes ask for, when the record documents them. */
export function addUseAdditional(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const out = [...drafts];
  const doc = run.input.documentation;
  const statements: RecordStatement[] = [
    ...doc.diagnoses.map((d) => ({ section: 'diagnoses' as const, text: d.description })),
    ...clausesWithParts(doc.notes).map(({ text, part }) => ({ section: 'notes' as const, text, part })),
  ];
  // Codes the notes cite and the record documents (drug in use, weeks of gestation, tobacco history).
  const foundFor = new Map<DiagnosisDraft, Set<string>>();
  for (const d of drafts) {
    for (const add of documentedAdditionalCodes(
      run.codeSets.icd,
      d.code,
      statements,
      out.map((o) => o.code),
      run.input.patient.ageYears,
    )) {
      if (!run.allowed(add.code)) continue;
      foundFor.set(d, new Set([...(foundFor.get(d) ?? []), add.code.slice(0, 3)]));
      out.push(
        newDraft(run.codeSets, add.code, {
          confidence: 0.9 * SECTION_WEIGHT[add.statement.section],
          order: d.order + 0.25,
          evidence: [{ section: add.statement.section, text: add.statement.text }],
          rationale: `"Use additional code" note at ${d.code}: the record documents ${add.what} (${add.statement.section}: "${add.statement.text}").`,
        }),
      );
    }
  }
  for (const d of drafts) {
    const cited = useAdditionalFilter(run.codeSets.icd, d.code);
    const m = run.mentions.get(d.order);
    const followUp = COMPLETED_TREATMENT_TITLE.exec(d.description);
    // After completed treatment the history of the condition treated is asked for on its own: an
    // acquired absence (Z90, the other code the note cites) does not stand for it.
    // What a finder added for this code answers that part of its note (the drug in use), not the rest
    // (E11.22's note asks for the insulin or oral drug and, apart, the CKD stage).
    const found = foundFor.get(d) ?? new Set<string>();
    const answers = (o: DiagnosisDraft) =>
      o !== d && cited?.filter(o.code) === true && !found.has(o.code.slice(0, 3)) && (!followUp || /^Z8[5-7]/.test(o.code));
    if (!cited || !m || out.some(answers)) continue;
    const filter = (c: string) => cited.filter(c) && !found.has(c.slice(0, 3));
    const categories = cited.categories.filter((c) => !found.has(c));
    const ownQuery = followUp
      ? historyQuery(run, m.text, d.description.slice(0, followUp.index + followUp[0].length))
      : buildQuery(replacedJointAsPresence(m.text) ?? m.text);
    // From the condition's own words, every core word of the added code must be documented
    // ("asthma" alone is not eosinophilic asthma; "with CKD" is CKD, stage unspecified).
    const documented = new Set(ownQuery.tokens);
    const explains = (h: SearchHit | undefined) =>
      h !== undefined && coreTokens(h.matchedText).every((t) => documented.has(t) || AXIS_NOUNS.has(t));
    // Searched without the condition's own words, a code is taken only when it says something the
    // condition's code does not ("stage 4" beside diabetic CKD; not "alcohol abuse" beside its counselling).
    const own = new Set(tokenize(d.description));
    const besides = (h: SearchHit | undefined) => h !== undefined && coreTokens(h.matchedText).some((t) => !own.has(t));
    const whole = rank(run, ownQuery, m.text, filter, categories)[0];
    const rest = rank(run, withoutConditionWords(run, d.code, ownQuery, categories), m.text, filter, categories)[0];
    let hit = [whole, besides(rest) ? rest : undefined].filter(explains).sort((a, b) => (b?.score ?? 0) - (a?.score ?? 0))[0];
    let source = m;
    let needed = 0.75;
    if (!hit || hit.score < 0.75 || (followUp && /\bunspecified\b/i.test(hit.description))) {
      // The history the note asks for, stated in the notes ("mother had colon cancer" with a screening;
      // after completed treatment, the condition treated as the notes name it).
      const sources = run.notes.filter(
        (x) =>
          x.assertion === 'family-history' ||
          x.assertion === 'personal-history' ||
          (followUp !== null && x.assertion === 'affirmed' && supportFilter(x)('Z85') && !ACTIVE_DISEASE.test(x.original)),
      );
      for (const n of sources) {
        const q = n.assertion === 'affirmed' ? historyQuery(run, n.text, '') : buildQuery(queryText(n, []));
        const h = rank(
          run,
          q,
          n.text,
          (c) => filter(c) && (n.assertion === 'affirmed' ? supportFilter(n)(c) : searchFilter(n)(c)),
          categories,
        )[0];
        // A clause of the notes says more than the history: the history's whole title must be documented in it.
        if (h && n.assertion === 'affirmed' && !coreTokens(h.matchedText).every((t) => q.tokens.includes(t))) continue;
        const better =
          !hit ||
          (h?.score !== undefined &&
            (h.score > hit.score || (/\bunspecified\b/i.test(hit.description) && !/\bunspecified\b/i.test(h.description))));
        const floor = n.assertion === 'affirmed' ? 0.5 : 0.75;
        if (h && h.score >= floor && better) {
          hit = h;
          source = n;
          needed = floor;
        }
      }
    }
    if (hit && hit.score >= needed) {
      const m = source;
      out.push(
        newDraft(run.codeSets, hit.code, {
          confidence: Math.min(1, hit.score) * SECTION_WEIGHT[m.section],
          order: d.order + 0.25,
          evidence: m === source && source.section === 'diagnoses' ? d.evidence : [{ section: m.section, text: m.original }],
          rationale: `"Use additional code" note at ${d.code}; "${hit.matched.join(' ')}" documented in ${m.section} ("${m.original}").`,
        }),
      );
    }
  }
  return out;
}
