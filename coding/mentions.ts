/**
 * Finding what to code: each diagnosis line (negated ones left out; uncertain ones, outpatient,
 * coded by their signs and symptoms), or, with no diagnosis list, the affirmed statements of the
 * notes that the encounter addresses: its assessment and plan when the note has one, else every
 * part but the review of systems, history and problem lists, medications, allergies, family and
 * social history, vitals and results (guideline section IV; sections.ts).
 */
import { titleShare, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { PLAN_OR_COMMENT } from './commentary.ts';
import { diagnosisMentions, type Mention } from './context.ts';
import { codeMention, saysMoreThanDocumented } from './mention-coding.ts';
import { statedAsHistory } from './stated-as-history.ts';
import { assessmentLeavesAlone, onlyInCarriedHistory, resolvedBelowCurrent } from './left-alone.ts';
import { drugLineCodes, drugOnlyLine, eventOnlyLine, procedureLine, studyOrderLine } from './line-kinds.ts';
import { metastasisMentions } from './metastasis.ts';
import { reportedHistology } from './reported-histology.ts';
import { deviceInfectionMentions } from './device-infection.ts';
import { fullerStatement, wordsStatedMore } from './fuller-statement.ts';
import { ADDRESSED_PARTS, addressedInNotes } from './sections.ts';
import { symptomDrafts } from './symptoms.ts';
import { tabularWordingEntry } from './tabular-wording.ts';
import { statedUncertainInAssessment } from './uncertain-in-assessment.ts';

const INPATIENT = '21';
/** Notes coded without a diagnosis list keep only their confident matches... */
const NOTES_ONLY_CONFIDENCE = 0.7;
/** ...less strictly in the assessment and plan, where the physician states the visit's diagnoses. */
const ASSESSMENT_CONFIDENCE = 0.55;
/** Symptom drafts for uncertain diagnoses come after everything the record states. */
const SYMPTOM_ORDER = 1000;

/** Words that name a condition (rare in the classification's titles), as the rest of the engine cuts them. */
const distinctiveWord = (run: CodingRun) => (word: string) => (run.codeSets.icd.idf.get(word) ?? 0) >= DISTINCTIVE_IDF;
const DISTINCTIVE_IDF = 3.5;

export function codeMentions(run: CodingRun): DiagnosisDraft[] {
  const doc = run.input.documentation;
  const inpatient = run.input.placeOfService === INPATIENT;
  const drafts: DiagnosisDraft[] = [];
  const uncertainLines: Mention[] = [];
  let order = 0;
  // A statement naming a neoplasm's spread is its primary and secondary sites (metastasis.ts); one
  // tying an infection to a catheter is the complication and the infection (device-infection.ts).
  const listedLines = diagnosisMentions(doc.diagnoses).flatMap(metastasisMentions).flatMap(deviceInfectionMentions);
  for (const [index, listed] of listedLines.entries()) {
    const earlierLines = listedLines.slice(0, index);
    order += 1;
    // A line whose negation is the tabular's own wording for a code ("No general equivalence degree
    // (GED)", Z55.5) states that code; any other negated line is left out.
    // A line coded to uncertain or unspecified behaviour whose pathology names the histology is coded
    // as that histology (reported-histology.ts), its suspicion ("r/o BCC") settled by the report.
    let m =
      reportedHistology(run, listed) ??
      (listed.assertion === 'negated' && namedByWording(run, listed)
        ? { ...listed, text: listed.original, assertion: 'affirmed' as const }
        : listed);
    if (m.assertion === 'negated') continue;
    if (m.assertion === 'uncertain') {
      run.uncertain = true;
      // Outpatient, an uncertain diagnosis is not coded as if established (guideline IV.H); inpatient it is.
      if (!inpatient) {
        uncertainLines.push({ ...m, assertion: 'affirmed' });
        continue;
      }
      m.assertion = 'affirmed';
    } else if (!inpatient) {
      const doubt = statedUncertainInAssessment(run, m);
      if (doubt) run.uncertain = true;
      // A listed diagnosis the assessment states only as uncertain is coded as its signs and symptoms,
      // as an uncertain line is, when the record states any; else the line stays for the coder to decide.
      if (doubt === 'uncertain' && symptomDrafts(run, SYMPTOM_ORDER, true, [m]).length > 0) {
        uncertainLines.push(m);
        continue;
      }
    }
    // A listed condition the note's assessment says this visit leaves alone, or one the list calls
    // resolved below the conditions the visit is for, or one the note names only in the history it
    // carries forward (left-alone.ts, guideline IV.J).
    if (
      assessmentLeavesAlone(m, run.notes) ||
      onlyInCarriedHistory(m, run.notes, distinctiveWord(run)) ||
      resolvedBelowCurrent(m, earlierLines)
    )
      continue;
    // An order for a study, a procedure done and the event of an injury name no condition; a drug line
    // is coded as the drug only (line-kinds.ts).
    if (!m.documentedCode && (studyOrderLine(m.original) || procedureLine(m.original) || eventOnlyLine(m.original))) continue;
    // A line its assessment states as over is coded as the history it is (stated-as-history.ts).
    const history = statedAsHistory(run, m);
    if (history) m = history;
    run.mentions.set(order, m);
    const asked = run.issues.length;
    const coded0 = codeMention(run, m, order);
    // A line restated by its pathology says why its written code gave way.
    const line = m.restated
      ? coded0.map((d) => ({
          ...d,
          rationale: `${d.rationale} ${listed.assertion === 'uncertain' ? 'The line states the neoplasm only as suspected' : 'The written code is of uncertain or unspecified behaviour'}, and the record's pathology names the histology ("${m.text}"): coded in the neoplasm table's column for that histology.`,
        }))
      : coded0;
    // The assessment's fuller statement of the same condition decides (fuller-statement.ts).
    const fuller = fullerStatement(
      run,
      m,
      line,
      (n) => codeNoteStatement(run, n, order),
      (n, code) => saysMoreThanDocumented(run, n, code, true),
    );
    // The line's questions go with its code, except two statements disagreeing: that stands whichever codes.
    if (fuller) run.issues = [...run.issues.slice(0, asked), ...run.issues.slice(asked).filter((i) => i.betweenStatements)];
    const coded = fuller ?? line;
    const more = fuller || !line[0] ? [] : wordsStatedMore(run, m, line);
    if (line[0] && more.length > 0) run.statedMore?.set(line[0].code, [...(run.statedMore.get(line[0].code) ?? []), ...more]);
    drafts.push(...(!m.documentedCode && drugOnlyLine(m.original) ? coded.filter((d) => drugLineCodes(m.original).has(d.code)) : coded));
  }
  if (doc.diagnoses.length === 0) {
    const addressed = addressedInNotes(run.notes);
    for (const m of run.notes.flatMap(metastasisMentions).flatMap(deviceInfectionMentions)) {
      if (m.assertion === 'negated' || !addressed(m) || m.unaddressed) continue;
      if (m.assertion === 'uncertain') {
        run.uncertain = true;
        continue;
      }
      order += 1;
      // Questions about notes-only findings are not raised: the notes are searched for what they state.
      const floor = m.part !== undefined && ADDRESSED_PARTS.has(m.part) ? ASSESSMENT_CONFIDENCE : NOTES_ONLY_CONFIDENCE;
      const found = codeNoteStatement(run, m, order).filter((d) => d.confidence >= floor && namesEnoughOf(d, m));
      for (const d of found) run.mentions.set(d.order, m);
      drafts.push(...found);
    }
  }
  if (uncertainLines.length > 0) {
    const symptoms = symptomDrafts(run, SYMPTOM_ORDER, true, uncertainLines);
    // Each sign or symptom is the record's statement of it (an examination's finding, refinements.ts).
    for (const d of symptoms) {
      const said = d.evidence[0];
      if (said) run.mentions.set(d.order, { section: said.section, original: said.text, text: said.text, assertion: 'affirmed' });
    }
    drafts.push(...symptoms);
  }
  return drafts;
}

/**
 * A statement of the notes coded as written, or as its head when the rest is commentary (status,
 * values, plan) that only dilutes the match: whichever the code set matches better.
 */
function codeNoteStatement(run: CodingRun, m: Mention, order: number): DiagnosisDraft[] {
  const whole = codeMention({ ...run, issues: [] }, m, order);
  const head = m.text.split(PLAN_OR_COMMENT)[0]?.trim();
  if (!head || head === m.text.trim()) return whole;
  const headOnly = codeMention({ ...run, issues: [] }, { ...m, text: head }, order);
  const best = (ds: DiagnosisDraft[]) => Math.max(0, ...ds.map((d) => d.confidence));
  return best(headOnly) > best(whole) ? headOnly : whole;
}

/**
 * A statement of the notes that names less than half of what a code's title says is a word match,
 * not the condition ("Return in 3 months" is not anomalous pulmonary venous return).
 */
function namesEnoughOf(d: DiagnosisDraft, m: Mention): boolean {
  return titleShare(d.description, `${m.text} ${m.original}`) >= 0.5;
}

const namedByWording = (run: CodingRun, m: Mention) => tabularWordingEntry(run.codeSets.icd, m.original) !== undefined;
