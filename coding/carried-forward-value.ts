/**
 * A written code whose severity or stage the notes state only in a list carried forward from an
 * earlier visit ("Problem list (copied forward 2019): mild intermittent asthma"), while today's
 * assessment names the same condition without any severity or stage. The value on the claim then
 * rests on an old entry the physician has not restated, and a coder may neither keep it unseen nor
 * pick another value from the treatment or the results (guideline I.A.19: the code comes from the
 * provider's statement of today's condition). The physician is asked for the current value; until
 * answered the condition is coded from the assessment's statement, which leaves the value open (the
 * family's unspecified member, guideline I.A.9).
 *
 * Not asked when any statement of the notes outside a carried-forward list states the value (the
 * history of present illness, the assessment or the plan restate it), when the assessment itself
 * gives a value, or when no carried-forward list states the value (the line is the only source:
 * that is the physician's own statement of today's value).
 */
import { resolutionFor, type ClarificationIssue, type ClarificationOption, type Resolution } from './clarification.ts';
import { axisValuesOf, valueStated, type AxisValue } from './axis-support.ts';
import { describeIcd, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { codeMention } from './mention-coding.ts';
import { ADDRESSED_PARTS, HEADING_PREFIX } from './sections.ts';
import { expandAbbreviations, tokenize } from './text.ts';

/** A list the note says it carried over from an earlier record ("copied forward 2019", "(imported)", "carried fwd"). */
const CARRIED_FORWARD = /\b(?:copied|carried|brought|pulled)(?:\s+(?:forward|fwd|over|in)\b|\s*\))|\bimported\b/i;
/** The axes whose value this step checks: the ones a list entry fixes and the condition changes over time. */
const CHECKED_AXES: ReadonlySet<AxisValue['axis']> = new Set(['severity', 'stage']);
/** Any value of those axes in a statement (so the assessment "gives a value"). */
const ANY_VALUE = /\b(?:mild|moderate|severe|intermittent|persistent|stage\s*(?:\d|i{1,3}v?|iv|v)\w*|end[- ]stage|esrd|eskd)\b/i;
/** Words that name no condition: values, links and fillers of a diagnosis line. */
const NOT_CONDITION =
  /^(?:mild|moderate|severe|intermittent|persistent|stage|with|without|w|wo|and|or|of|the|in|on|due|to|acute|chronic|exacerbation|unspecified|other|nos|type|\d\w*|i{1,3}v?|iv|v)$/;

/** The words of a diagnosis line that name the condition ("asthma" of "Mild intermittent asthma w exacerbation"). */
function conditionWords(line: string): string[] {
  return tokenize(expandAbbreviations(line)).filter((w) => w.length > 2 && !NOT_CONDITION.test(w));
}

const namesCondition = (words: readonly string[], text: string): boolean => {
  const said = new Set(tokenize(expandAbbreviations(text)));
  return words.length > 0 && words.some((w) => said.has(w));
};

/** The note's lines, each with whether it is a carried-forward list. */
function noteLines(run: CodingRun): Array<{ text: string; carried: boolean }> {
  return run.input.documentation.notes
    .split(/\n+/)
    .map((text) => ({ text: text.trim(), carried: CARRIED_FORWARD.test(text) }))
    .filter((l) => l.text !== '');
}

/** Step: a written severity or stage stated only in a carried-forward list is asked, the assessment's open value coded meanwhile. */
export function carriedForwardValue(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const lines = noteLines(run);
  if (!lines.some((l) => l.carried)) return drafts;
  let out = drafts;
  for (const d of drafts) {
    const line = d.evidence[0];
    if (line?.section !== 'diagnoses' || /^[RZ]/.test(d.code) || run.issues.some((i) => i.order === d.order)) continue;
    const words = conditionWords(line.text);
    const value = axisValuesOf(d.description).find((v) => CHECKED_AXES.has(v.axis) && valueStated(v, line.text));
    if (!value) continue;
    const carried = lines.find((l) => l.carried && namesCondition(words, l.text) && valueStated(value, l.text));
    if (!carried) continue;
    const quoted =
      carried.text
        .split(/(?<=[.;])\s+/)
        .find((s) => valueStated(value, s))
        ?.trim() ?? carried.text;
    // Today's notes restate the value: it is current.
    if (lines.some((l) => !l.carried && namesCondition(words, l.text) && valueStated(value, l.text))) continue;
    const assessed = run.notes.find(
      (m) =>
        m.part !== undefined &&
        ADDRESSED_PARTS.has(m.part) &&
        m.assertion === 'affirmed' &&
        namesCondition(words, m.original) &&
        !ANY_VALUE.test(expandAbbreviations(m.original)),
    );
    if (!assessed) continue;
    const open = codeMention(run, assessed, d.order).find(
      (o) => o.code.slice(0, 3) === d.code.slice(0, 3) && !axisValuesOf(o.description).some((v) => v.axis === value.axis),
    );
    if (!open) continue;
    const said = assessed.original.replace(HEADING_PREFIX, '').trim();
    const options: ClarificationOption[] = [
      { label: describeIcd(run.codeSets, d.code), code: d.code },
      { label: describeIcd(run.codeSets, open.code), code: open.code },
    ];
    const issue: ClarificationIssue = {
      kind: 'specificity',
      question: `The diagnosis "${line.text}" gives the ${value.axis} as ${value.value}, which the notes state only in a list carried forward ("${quoted}"); today's assessment states "${said}". Based on your clinical judgment, what is the current ${value.axis}?`,
      clinicalIndicators: [`Diagnosis: "${line.text}"`, `Carried forward: "${quoted}"`, `Assessment: "${said}"`],
      options,
      reason: `${d.code} carries a ${value.axis} the notes state only in a list carried forward from an earlier record; the assessment does not restate it.`,
      order: d.order,
    };
    const resolution = resolutionFor(issue, run.input.answers);
    if (!resolution) {
      run.issues.push(issue);
      out = out.map((x) =>
        x === d
          ? recoded(
              run.codeSets,
              x,
              open.code,
              `The ${value.axis} of the line is stated only in a list carried forward; the assessment's statement leaves it open until the physician answers.`,
            )
          : x,
      );
      continue;
    }
    const chosen = resolution.kind === 'option' ? resolution.option.code : answeredCode(run, resolution, said, d);
    if (chosen && chosen !== d.code)
      out = out.map((x) => (x === d ? recoded(run.codeSets, x, chosen, 'The physician chose it in answer to the query.') : x));
  }
  return out;
}

/** A free-text answer coded with the assessment's statement of the condition, in the written code's category. */
function answeredCode(run: CodingRun, resolution: Resolution, said: string, d: DiagnosisDraft): string | undefined {
  if (resolution.kind !== 'free-text') return undefined;
  const text = `${resolution.text} ${said}`;
  return codeMention(run, { section: 'diagnoses', original: text, text, assertion: 'affirmed' }, d.order).find(
    (o) => o.code.slice(0, 3) === d.code.slice(0, 3),
  )?.code;
}
