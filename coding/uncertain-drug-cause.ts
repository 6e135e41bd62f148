/**
 * A drug named as the cause of a coded condition only with a word of uncertainty ("orthostatic
 * hypotension, likely secondary to tamsulosin", "rash, possibly from the amoxicillin"). Outside the
 * hospital an uncertain statement is not coded as established (guideline IV.H), so the adverse
 * effect (guideline I.C.19.e: the drug's T code, a drug-induced form of the condition) is not coded,
 * nor is the relation dropped unseen: the physician is asked whether the condition is due to the
 * drug, the same question an unrelated drug gets (written-drug-relation.ts). The condition is coded
 * as written meanwhile; a "yes" answer codes the family's drug-induced member where the tabular has
 * one and is carried on the draft as the physician's answer, for the drug's adverse effect code (drug-effects.ts).
 *
 * Not asked in an inpatient stay (guideline II.H codes the uncertain cause as established), nor of an
 * abnormal result without a diagnosis (R70-R94: a finding, its likely cause the physician's reasoning), nor when
 * another statement relates the condition to the drug (or denies it) without uncertainty, nor for a
 * drug taken wrongly (a poisoning is asked elsewhere).
 */
import { askedRelation, relationQuestion, type ClarificationIssue } from './clarification.ts';
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { drugInducedMember } from './drug-induced.ts';
import { drugClassNamed } from './drug-effects.ts';
import { escapeRegExp, expandAbbreviations } from './text.ts';

/** The place of service of an inpatient stay (guideline II.H applies there, not IV.H). */
const INPATIENT = '21';
/** A link to a cause said with a word of uncertainty before it, and the text after the link. */
const UNCERTAIN_LINK =
  /\b(?:likely|probabl[ey]|possibl[ey]|presum\w*|suspect\w*|questionabl[ey]|may be|might be|could be|perhaps)\s+(?:\w+\s+){0,2}?(?:due to|d\/t|secondary to|2\/2|from|related to|caused by|induced by|side[- ]effects? of|adverse (?:effect|reaction) (?:of|to)|reaction to)\s+(.*)$/i;
/** The same link said without uncertainty, or denied, in another statement. */
const CERTAIN_LINK =
  /\b(?:due to|d\/t|secondary to|2\/2|caused by|induced|side[- ]effect|adverse (?:effect|reaction)|not related|unrelated)\b/i;
const UNCERTAIN_WORD = /\b(?:likely|probabl[ey]|possibl[ey]|presum\w*|suspect\w*|questionabl[ey]|may|might|could|perhaps)\b|\?/i;
/**
 * An abnormal result without a diagnosis (R70-R94: a creatinine risen on a new drug): a finding, not
 * a condition the drug's adverse effect is coded with; its likely cause is the physician's reasoning.
 */
const ABNORMAL_FINDING = /^R(?:[7-8]\d|9[0-4])/;
/** A drug taken wrongly: a poisoning, not an adverse effect. */
const TAKEN_WRONGLY = /\b(?:overdos\w*|poison\w*|took too (?:many|much)|wrong (?:medication|drug|dose)|not as prescribed|ingest\w*)\b/i;

const sentencesOf = (notes: string) =>
  notes
    .split(/\n+|(?<=\.)\s+(?=[A-Z])/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The drug an uncertain link of the sentence names right after it, with the words it is named by. */
function uncertainDrug(sentence: string): string | undefined {
  const m = UNCERTAIN_LINK.exec(sentence);
  const after = m?.[1]?.split(/[.;,(]|\s[-\u2013\u2014]\s/)[0]?.trim();
  if (!after || !drugClassNamed(after)) return undefined;
  // The first words of the cause, up to a second cause ("tamsulosin +/- antihypertensives").
  return after.split(/\s+(?:\+\/-|and\/or|and|or|vs\.?|with|plus)\s+/i)[0]?.trim();
}

/** Step: a coded condition the notes relate to a drug only as likely or possible is asked; the condition is coded as written. */
export function uncertainDrugCause(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (run.input.placeOfService === INPATIENT) return drafts;
  const sentences = sentencesOf(run.input.documentation.notes);
  return drafts.map((d) => {
    if (/^[TZ]/.test(d.code) || ABNORMAL_FINDING.test(d.code) || run.issues.some((i) => i.order === d.order)) return d;
    const written = d.evidence[0];
    if (!written) return d;
    const own = expandAbbreviations(written.text).toLowerCase().trim();
    if (own.length < 4) return d;
    const about = sentences.filter((s) => expandAbbreviations(s).toLowerCase().includes(own));
    if (about.some((s) => TAKEN_WRONGLY.test(s))) return d;
    for (const sentence of about) {
      const drug = uncertainDrug(sentence);
      if (!drug) continue;
      // Another statement of the condition relates it to the drug (or denies it) without uncertainty.
      const drugWords = new RegExp(`\\b${escapeRegExp(drug.split(/\s+/)[0] ?? drug)}`, 'i');
      if (about.some((s) => s !== sentence && drugWords.test(s) && CERTAIN_LINK.test(s) && !UNCERTAIN_WORD.test(s))) return d;
      const issue: ClarificationIssue = {
        kind: 'specificity',
        question: relationQuestion(written.text, sentence.replace(/^[-\u2022*\s]+|\.$/g, ''), drug),
        clinicalIndicators: [`Diagnosis: "${written.text}"`, `Note: "${sentence}"`],
        options: [{ label: `Yes: the condition is due to ${drug}`, refine: `due to ${drug}` }, { label: `No: not due to ${drug}` }],
        reason: `The record relates the condition to ${drug} only as uncertain; outside the hospital an uncertain relation is not coded (guideline IV.H), and an adverse effect code would need it (guideline I.C.19.e).`,
        order: d.order,
      };
      const words = askedRelation(issue, run.input.answers, run.issues);
      if (!words) return d;
      const answered = { ...d, evidence: [...d.evidence, { section: written.section, text: `Physician answer: ${words}` }] };
      // The family's drug-induced member (hypotension due to drugs), when the tabular has one.
      const member = drugInducedMember(run.codeSets.icd, d.code, words, run.allowed);
      return member ? recoded(run.codeSets, answered, member, `The physician answered that ${drug} caused it: ${member}.`) : answered;
    }
    return d;
  });
}
