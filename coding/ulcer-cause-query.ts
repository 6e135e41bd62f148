/**
 * An ulcer of no stated cause at a site that bears weight in bed (the heel, the ankle, the buttock,
 * the back) in a patient the record says is confined to bed or chair. A pressure ulcer (L89, by site
 * and stage) and a non-pressure chronic ulcer (L97, L98.4, and through the "with" convention a
 * diabetic foot ulcer, E11.621) are different conditions, and L97 excludes the pressure ulcer
 * (Excludes2 L89.-): which one it is, is the provider's judgment (guideline I.A.19), not the
 * coder's from the site and the bed. So the physician is asked, the signs quoted; until answered the
 * ulcer stays coded as written (non-pressure). An answer of a pressure ulcer codes the L89 ulcer of
 * the same site and side, stage unspecified (the stage is then asked as for any pressure ulcer).
 *
 * Not when any statement names the ulcer's kind (pressure, decubitus, diabetic, neuropathic, venous,
 * arterial, ischemic, traumatic...), nor for a code the physician wrote.
 */
import { resolutionFor, specificityQuestion, type ClarificationIssue } from './clarification.ts';
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';

/** Non-pressure ulcers at sites that bear weight lying or sitting, with the L89 subcategory of each (side added). */
const PRESSURE_SITE: ReadonlyArray<readonly [RegExp, (side: string) => string]> = [
  [/^L97\.4([12])/, (side) => `L89.6${side}9`],
  [/^L97\.3([12])/, (side) => `L89.5${side}9`],
  [/^L98\.41/, () => 'L89.309'],
  [/^L98\.42/, () => 'L89.109'],
];
/** A patient confined to bed or chair. */
const IMMOBILE =
  /\b(?:bed-?\s?bound|bedridden|bed-?\s?fast|chair-?\s?bound|wheelchair-?\s?bound|non-?ambulatory|immobile|immobili[sz]ed|unable to (?:ambulate|walk|turn|reposition))\b/i;
/** A statement naming the kind of an ulcer or wound. */
const KIND_STATED =
  /\b(?:pressure|decubit\w*|bed\s?sores?|diabetic|dfu|neuropathic|neuro-?ischemic|venous|stasis|arterial|ischemic|traumatic|surgical|malignant|vasculitic)\b[^.;]{0,20}\b(?:ulcers?|wounds?|injur(?:y|ies))\b|\b(?:ulcers?|wounds?)\b[^.;]{0,30}\b(?:due to|from|secondary to|caused by)\s+(?:pressure|diabet\w*|neuropath\w*|venous|arterial|pad|pvd|ischemia)\b/i;

const ASPECT = 'kind of ulcer (pressure ulcer or non-pressure chronic ulcer, such as a diabetic or arterial ulcer)';

/** Step: a non-pressure ulcer at a pressure site in a patient confined to bed or chair, its kind unstated: asked. */
export function ulcerCauseQuery(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const doc = run.input.documentation;
  const statements = [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)];
  const immobile = statements.find((s) => IMMOBILE.test(s));
  if (!immobile || statements.some((s) => KIND_STATED.test(s))) return drafts;
  for (const d of drafts) {
    const site = PRESSURE_SITE.find(([p]) => p.test(d.code));
    if (!site || run.mentions.get(d.order)?.documentedCode || run.issues.some((i) => i.order === d.order)) continue;
    const pressure = site[1](site[0].exec(d.code)?.[1] ?? '');
    const condition = run.mentions.get(d.order)?.original ?? d.evidence[0]?.text ?? d.description;
    const issue: ClarificationIssue = {
      kind: 'specificity',
      question: specificityQuestion(condition, ASPECT),
      clinicalIndicators: [`Documented: "${condition}"`, `Note: "${immobile}"`],
      options: [
        { label: 'Pressure ulcer (pressure injury)', code: pressure },
        { label: 'Non-pressure chronic ulcer (diabetic, arterial or other)', code: d.code },
      ],
      reason: `${d.code} codes a non-pressure ulcer, but the ulcer is at a site that bears pressure in a patient documented as confined to bed or chair and no statement gives its kind; a pressure ulcer is L89 (Excludes2 at L97).`,
      order: d.order,
    };
    const resolution = resolutionFor(issue, run.input.answers);
    if (!resolution) {
      run.issues.push(issue);
      return drafts;
    }
    if (resolution.kind !== 'option' || resolution.option.code !== pressure || !run.allowed(pressure)) return drafts;
    return drafts.map((x) =>
      x === d ? recoded(run.codeSets, d, pressure, 'The physician answered that the ulcer is a pressure ulcer.') : x,
    );
  }
  return drafts;
}
