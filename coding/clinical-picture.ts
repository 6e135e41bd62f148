/**
 * A diagnosis coded as the physician wrote it while the record describes the signs of a more
 * specific one the physician did not name: anxiety beside nightmares, flashbacks, avoidance and
 * hyperarousal after a trauma with a screening score (post-traumatic stress disorder?); alcohol
 * withdrawal called uncomplicated beside hallucinations (with perceptual disturbance?); anemia
 * beside an acute bleed with a falling hemoglobin, a transfusion or a racing pulse (acute blood loss
 * anemia?). A coder may
 * not code the more specific diagnosis from the signs, and may not ignore them: the physician is
 * asked (AHIMA/ACDIS compliant query: the indicators quoted, the clinically reasonable diagnoses,
 * the documented one among them, "other" and "clinically undetermined"). Until answered the
 * documented code stands; an answer naming another diagnosis recodes the draft from the answer.
 *
 * The table is clinical knowledge a coder brings to the record (which signs point at which
 * diagnosis), one entry per documented diagnosis family.
 */
import { resolutionFor, resolvedWords, type ClarificationIssue, type ClarificationOption } from './clarification.ts';
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { codeMention } from './mention-coding.ts';
import { conditionWords } from './ranking.ts';
import { tokenize } from './text.ts';

interface Picture {
  /** The documented diagnosis's codes. */
  codedAs: RegExp;
  /** The signs: each one sign (its words, or a test of a statement); `atLeast` of them must be stated (and not denied). */
  signs: ReadonlyArray<RegExp | ((statement: string) => boolean)>;
  atLeast: number;
  /** Also needed, and not denied: what the signs follow (a trauma for a stress disorder, a bleed for an anemia). */
  context?: RegExp;
  /** The record names the more specific diagnosis (or rules it out): nothing to ask. */
  named: RegExp;
  /** What the question asks to clarify. */
  aspect: string;
  /** The options; `replaces` codes the option alone, otherwise its words are added to the documented diagnosis. */
  options: ReadonlyArray<ClarificationOption & { replaces?: true }>;
}

const PICTURES: readonly Picture[] = [
  {
    // Anxiety (F41.1, F41.8, F41.9) or a reaction to stress NOS (F43.9) documented; the DSM-5 PTSD
    // clusters (intrusion, avoidance, arousal) after a trauma, or a PCL-5 score, described.
    codedAs: /^F4(1\.[189]|3\.(8|9))/,
    signs: [
      /\b(nightmares?|bad dreams)\b/i,
      /\b(flashbacks?|intrusive (thoughts|memories|images)|reliv\w+)\b/i,
      /\b(avoid\w*)\b/i,
      /\b(hypervigilan\w*|(easy|easily|exaggerated) startle\w*|startles? easily|on edge|on guard)\b/i,
      /\b(pcl-?5|pc-?ptsd-?5)\b/i,
    ],
    atLeast: 3,
    context: /\b(assault\w*|attack\w*|rape\w*|abuse\w*|combat|deploy\w*|war|accident|crash|shooting|disaster|traumatic event|trauma)\b/i,
    named: /\b(ptsd|post-?traumatic|acute stress (disorder|reaction)|adjustment disorder)\b/i,
    aspect: 'diagnosis the intrusion, avoidance and arousal symptoms after the trauma represent',
    options: [
      { label: 'Post-traumatic stress disorder', refine: 'post-traumatic stress disorder', replaces: true },
      { label: 'Acute stress reaction', refine: 'acute stress reaction', replaces: true },
      { label: 'Adjustment disorder with anxiety', refine: 'adjustment disorder with anxiety', replaces: true },
      { label: 'Anxiety as documented' },
    ],
  },
  {
    // Withdrawal (alcohol, sedatives, other substances) uncomplicated or unspecified (F1x.x30,
    // F1x.x39) while the record describes hallucinations or illusions.
    codedAs: /^F1\d\.[129]3[09]$/,
    signs: [
      /\b(hallucinat\w*|illusions?|formication|perceptual disturbance\w*)\b|\b(saw|sees|seeing|see|hear\w*|heard|feel\w*|felt) (bugs|insects|spiders|things|voices|people|shadows)\b|\bbugs crawling\b/i,
    ],
    atLeast: 1,
    named: /\b(perceptual disturbance|delirium|hallucinosis|with hallucinations)\b/i,
    aspect: 'kind of the withdrawal (uncomplicated, with perceptual disturbance, or with delirium)',
    options: [
      { label: 'Withdrawal, uncomplicated', refine: 'uncomplicated' },
      { label: 'Withdrawal with perceptual disturbance', refine: 'with perceptual disturbance' },
      { label: 'Withdrawal delirium', refine: 'with delirium' },
    ],
  },
  {
    // Anemia unspecified (D64.9) beside an acute bleed and at least two signs of acute loss: the
    // hemoglobin fallen 2 g/dL or more, a transfusion given or readied, a racing pulse or low pressure.
    codedAs: /^D64\.9$/,
    signs: [
      hemoglobinFallen,
      /\b(transfus\w+|type (and|&) (cross\w*|screen)|t&c|prbcs?|packed (red )?(blood )?cells|units? (of )?(prbcs?|blood))\b/i,
      /\b(tachycardi\w*|hypotensi\w*|orthostatic\w*|light-?headed\w*|presyncop\w*|syncop\w*)\b|\b(hr|heart rate|pulse)\s*:?\s*(1[0-9]{2})\b|\b(bp|blood pressure|sbp)\s*:?\s*([5-8][0-9])\b(?!\s*%)/i,
    ],
    atLeast: 2,
    context:
      /\b(gi bleed\w*|(upper|lower|gastrointestinal|rectal|variceal|active|acute|massive|brisk|large-volume|ongoing) (gi )?(bleed\w*|hemorrhage)|brbpr|bright red blood|blood per rectum|hematochezia|melena|hematemesis|coffee[- ]ground\w*|(acute|estimated) blood loss|ebl)\b/i,
    named: /\b(blood loss|post-?hemorrhagic|an[ae]mi\w* (due to|from|secondary to|of) (the )?(acute )?(bleed\w*|hemorrhage))\b/i,
    aspect: 'type of the anemia',
    options: [
      { label: 'Acute blood loss anemia', refine: 'acute posthemorrhagic anemia', replaces: true },
      { label: 'Anemia of another type (please specify)' },
      { label: 'Anemia, type undetermined, as documented' },
    ],
  },
];

/** Hemoglobin in g/dL: a value the notes can give it. */
const HEMOGLOBIN_VALUE = '(\\d{1,2}(?:\\.\\d)?)';
/** A hemoglobin given with an earlier, higher value: "Hgb 7.9 (13.2 two months ago)", "Hgb 8.1, down from 12.4", "Hgb 12 -> 8.5". */
const HEMOGLOBIN_WITH_EARLIER = [
  // earlier first: "from 12.4 to 8.1", "12 -> 8.5"
  { earlierFirst: true, pattern: new RegExp(`^\\D{0,25}?\\bfrom\\s*${HEMOGLOBIN_VALUE}\\s*(?:g/dl\\s*)?to\\s*${HEMOGLOBIN_VALUE}`, 'i') },
  {
    earlierFirst: true,
    pattern: new RegExp(`^\\D{0,10}?${HEMOGLOBIN_VALUE}\\s*(?:g/dl\\s*)?(?:->|-->|\u2192)\\s*${HEMOGLOBIN_VALUE}`, 'i'),
  },
  // today's first: "7.9 (13.2 two months ago)", "8.1, down from 12.4", "8.1 (baseline 12)"
  {
    earlierFirst: false,
    pattern: new RegExp(
      `^\\D{0,10}?${HEMOGLOBIN_VALUE}\\s*(?:g/dl)?\\s*[(,;]\\s*(?:(?:down|dropped|decreased|fallen) from|from|baseline|prior|previous(?:ly)?|was)\\s*:?\\s*${HEMOGLOBIN_VALUE}`,
      'i',
    ),
  },
  {
    earlierFirst: false,
    pattern: new RegExp(
      `^\\D{0,10}?${HEMOGLOBIN_VALUE}\\s*(?:g/dl)?\\s*\\(\\s*${HEMOGLOBIN_VALUE}\\s*(?:g/dl\\s*)?[^)]{0,25}?\\b(?:ago|prior|previously|baseline|last (?:week|month|year|visit))\\b`,
      'i',
    ),
  },
];
const HEMOGLOBIN = /\b(hgb|hemoglobin|hb)\b(?![\s-]*a1c)/gi;

/** A statement giving the hemoglobin fallen by 2 g/dL or more from an earlier value. */
function hemoglobinFallen(statement: string): boolean {
  for (const m of statement.matchAll(HEMOGLOBIN)) {
    const after = statement.slice(m.index + m[0].length, m.index + m[0].length + 90);
    for (const { earlierFirst, pattern } of HEMOGLOBIN_WITH_EARLIER) {
      const found = pattern.exec(after);
      if (!found) continue;
      const [a, b] = [Number(found[1]), Number(found[2])];
      const [earlier, now] = earlierFirst ? [a, b] : [b, a];
      if (now >= 3 && earlier <= 20 && earlier - now >= 2) return true;
    }
  }
  return false;
}

/** A sign the statement denies ("no hallucinations", "denies flashbacks"). */
const DENIED = /\b(no|not|denies|denied|without|negative for|never)\b[^.;,]*$/i;

/** Whether the statement states the words, not denied. */
function stated(words: RegExp, statement: string): boolean {
  const m = words.exec(statement);
  return m !== null && !DENIED.test(statement.slice(0, m.index));
}

/** The statements stating a sign (not denied), at most one per sign. */
function signsStated(picture: Picture, statements: readonly string[]): string[] {
  const out: string[] = [];
  for (const sign of picture.signs) {
    const found = statements.find((s) => (typeof sign === 'function' ? sign(s) : stated(sign, s)));
    if (found) out.push(found);
  }
  return out;
}

export function pictureQuestion(condition: string, aspect: string): string {
  return `The record documents "${condition}" and describes the clinical indicators quoted. Based on your clinical judgment, can you clarify the ${aspect}?`;
}

/**
 * Step: each documented diagnosis whose record describes the signs of a more specific one it does
 * not name is asked; an answer naming another diagnosis recodes the draft from the answer's words.
 */
export function clinicalPictureQueries(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const doc = run.input.documentation;
  const statements = [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)];
  let out = drafts;
  for (const picture of PICTURES) {
    const draft = out.find((d) => picture.codedAs.test(d.code));
    if (!draft || statements.some((s) => picture.named.test(s))) continue;
    const context = picture.context;
    const follows = context ? statements.find((s) => stated(context, s)) : undefined;
    if (context && follows === undefined) continue;
    const signs = signsStated(picture, statements);
    if (signs.length < picture.atLeast) continue;
    const condition = draft.evidence[0]?.text ?? draft.description;
    const issue: ClarificationIssue = {
      kind: 'specificity',
      question: pictureQuestion(condition, picture.aspect),
      clinicalIndicators: [...new Set([`Documented: "${condition}"`, ...[follows ?? [], signs].flat().map((s) => `Note: "${s}"`)])],
      options: picture.options.map(({ replaces: _replaces, ...o }) => o),
      reason: `The record describes signs of a more specific diagnosis than ${draft.code} documents; a coder may not code from the signs, so the physician is asked.`,
      order: draft.order,
    };
    const resolution = resolutionFor(issue, run.input.answers);
    if (!resolution) {
      run.issues.push(issue);
      continue;
    }
    const words = resolvedWords(resolution);
    if (!words) continue;
    const chosen = resolution.kind === 'option' ? picture.options.find((o) => o.label === resolution.option.label) : undefined;
    const mention = run.mentions.get(draft.order);
    if (!chosen?.refine && resolution.kind === 'option') continue;
    const text = chosen?.replaces || !mention ? words : `${mention.text} ${words}`;
    const recoded = codeMention(run, { section: 'diagnoses', original: text, text, assertion: 'affirmed' }, draft.order).map((d) => ({
      ...d,
      evidence: [...draft.evidence, { section: 'notes' as const, text: `Physician answer: ${words}` }],
    }));
    if (recoded.length > 0) out = [...out.filter((d) => d.order !== draft.order), ...recoded];
  }
  return out;
}

/** A sentence reporting an imaging study. */
const IMAGING = /\b(cxr|chest x-?ray|x-?rays?|xr|radiographs?|films?|ct|cat scan|mri|ultrasound|sonogram|imaging|radiology|overread)\b/i;
/** The reader's hedged impression and the condition it names ("concerning for pneumonia"). */
const IMPRESSION =
  /\b(?:concerning for|suspicious for|worrisome for|consistent with|compatible with|suggestive of|suggests|c\/w|may represent|likely represents|impression:)\s+(?:an?\s+|early\s+|possible\s+)?([a-z][a-z -]{2,60}?)(?=\s*(?:[.;,:)'"]|$|\bvs\b|\bor\b|\bversus\b))/i;

/**
 * Step: an imaging report's impression names a condition ("RLL opacity concerning for pneumonia")
 * of the same chapter as a documented diagnosis that is another ("acute bronchitis"), and no
 * statement of the physician names it or rules it out. A coder may not code from the radiology
 * report, nor pass over its disagreement: the physician is asked whether the finding represents
 * that condition; until answered the documented diagnosis stands.
 */
export function imagingDisagreement(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const doc = run.input.documentation;
  // The sentences of an imaging report: a line naming a study, sentence by sentence ("MRI L thigh:
  // '... no retraction. Impression: avulsion fracture.'").
  const reportLines = doc.notes.split(/\n+/).filter((line) => IMAGING.test(line));
  const sentences = reportLines.flatMap((line) => line.split(/(?<=\.)\s+/));
  for (const sentence of sentences) {
    const found = IMPRESSION.exec(sentence);
    const condition = found?.[1]?.trim();
    if (!condition) continue;
    // Named elsewhere: the condition's head word ("fracture" of "ischial tuberosity avulsion
    // fracture"; else a word of the condition, not its site) in a diagnosis line or a line of the
    // notes outside the imaging report ("TTP L ischial tuberosity" names no fracture).
    const named = [...conditionWords(tokenize(condition), run.codeSets.icd)].filter((w) => w.length > 3);
    const head = tokenize(condition).at(-1);
    const words = head !== undefined && named.includes(head) ? [head] : named;
    const elsewhere = [...doc.diagnoses.map((d) => d.description), ...doc.notes.split(/\n+/).filter((line) => !reportLines.includes(line))];
    if (words.length === 0 || elsewhere.some((s) => words.some((w) => s.toLowerCase().includes(w)))) continue;
    const mention = { section: 'notes' as const, original: condition, text: condition, assertion: 'affirmed' as const };
    const coded = codeMention({ ...run, issues: [] }, mention, 0)[0];
    if (!coded || coded.confidence < 0.6 || drafts.some((d) => d.code === coded.code)) continue;
    const documented = drafts.find((d) => d.code.slice(0, 1) === coded.code.slice(0, 1) && d.code.slice(0, 3) !== coded.code.slice(0, 3));
    if (!documented) continue;
    const said = documented.evidence[0]?.text ?? documented.description;
    const issue: ClarificationIssue = {
      kind: 'specificity',
      question: `The record documents "${said}" and the imaging report "${sentence.trim().replace(/\.$/, '')}". Based on your clinical judgment, can you clarify the diagnosis?`,
      clinicalIndicators: [`Documented: "${said}"`, `Imaging: "${sentence.trim()}"`],
      // The report's own words name the option: the code they search to is the coder's to check.
      options: [
        { label: `${condition[0]?.toUpperCase()}${condition.slice(1)} (imaging impression)`, refine: condition },
        { label: `${documented.description} as documented` },
      ],
      reason: `An imaging impression names ${condition} (${coded.code}) while the physician documents ${documented.code}; a coder may not code from the radiology report.`,
      order: documented.order,
    };
    const resolution = resolutionFor(issue, run.input.answers);
    if (!resolution) {
      run.issues.push(issue);
      return drafts;
    }
    // The physician's answer naming the condition replaces the documented diagnosis it explains.
    const answered = resolvedWords(resolution);
    if (!answered) return drafts;
    const recoded = codeMention(run, { ...mention, section: 'diagnoses', original: answered, text: answered }, documented.order).map(
      (d) => ({
        ...d,
        evidence: [...documented.evidence, { section: 'notes' as const, text: `Physician answer: ${answered}` }],
      }),
    );
    return recoded.length > 0 ? [...drafts.filter((d) => d !== documented), ...recoded] : drafts;
  }
  return drafts;
}
