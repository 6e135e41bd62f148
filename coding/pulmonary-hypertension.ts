/**
 * Pulmonary hypertension by the cause the record links it to: the tabular's secondary pulmonary
 * hypertension codes are the WHO groups by cause (I27.22 "due to left heart disease", group 2; I27.23
 * "due to lung diseases and hypoxia", group 3), each with "code also" the associated disease. A
 * statement "pulmonary hypertension due to COPD" names the lung disease, not the words of I27.23's
 * title, so the search codes the COPD and an essential or unspecified hypertension (I10, I15.-,
 * I27.20); the pulmonary hypertension is recoded to its group, the disease keeps its own code.
 * Only a link the record states (the guidelines do not presume this one, cause-link.ts asks).
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { expandAbbreviations } from './text.ts';

const PULMONARY_HYPERTENSION = /\bpulmonary (?:arterial )?hypertension\b/i;
const LINK = String.raw`(?:due to|secondary to|from|caused by|d\/t|2\/2|related to|associated with|attributed to|in the setting of|because of)`;

/** Data: each group's code and the diseases the record may name as its cause. */
const GROUPS: ReadonlyArray<{ code: string; cause: RegExp }> = [
  {
    code: 'I27.23',
    cause: new RegExp(
      String.raw`\bpulmonary (?:arterial )?hypertension\b[^.;]{0,20}?\b${LINK}\s+(?:(?:his|her|their|the|known|severe|advanced|underlying|chronic)\s+)*(?:chronic obstructive pulmonary disease|emphysema|interstitial (?:lung|pulmonary) disease|pulmonary fibrosis|(?:chronic )?(?:lung|pulmonary) disease|obstructive sleep apnea|sleep apnea|obesity hypoventilation|hypoxemia|hypoxia|bronchiectasis|cystic fibrosis)`,
      'i',
    ),
  },
  {
    code: 'I27.22',
    cause: new RegExp(
      String.raw`\bpulmonary (?:arterial )?hypertension\b[^.;]{0,20}?\b${LINK}\s+(?:(?:his|her|their|the|known|severe|advanced|underlying|chronic)\s+)*(?:left heart disease|(?:\w+\s+)?heart failure|left ventricular (?:systolic |diastolic )?dysfunction|mitral (?:valve )?(?:regurgitation|stenosis|disease)|aortic (?:valve )?stenosis|cardiomyopathy)`,
      'i',
    ),
  },
];

/** Codes a pulmonary hypertension statement is word-matched to when its cause's words lead the search. */
const UNLINKED = /^(?:I10|I15\.|I27\.2[049]?$|I27\.20|I27\.24)/;

/** Step: a pulmonary hypertension the record links to its cause, coded to the cause's group. */
export function pulmonaryHypertensionByCause(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const statements = [...run.mentions.values(), ...run.notes]
    .filter((m) => m.assertion === 'affirmed' || m.assertion === 'uncertain')
    .map((m) => expandAbbreviations(m.original));
  const group = GROUPS.find((g) => run.allowed(g.code) && statements.some((s) => g.cause.test(s)));
  if (!group) return drafts;
  return drafts.map((d) => {
    if (d.code === group.code || !UNLINKED.test(d.code)) return d;
    if (!d.evidence.some((e) => PULMONARY_HYPERTENSION.test(expandAbbreviations(e.text)))) return d;
    return recoded(
      run.codeSets,
      d,
      group.code,
      `The record links the pulmonary hypertension to its cause: ${group.code} (the tabular's group by cause; code also the associated disease) in place of ${d.code}.`,
    );
  });
}
