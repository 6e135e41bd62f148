/**
 * Hypertension with the heart conditions guideline I.C.9.a.1 names beside heart failure (I51.4-I51.7,
 * I51.89, I51.9: left ventricular hypertrophy and cardiomegaly, myocarditis, myocardial degeneration,
 * heart disease NOS): the classification presumes the link ("with"), so the pair is hypertensive
 * heart disease (I11.9, or I13.1- beside hypertensive CKD), not I10 and the heart code. Category I11
 * includes "any condition in I51.4-I51.7, I51.89, I51.9 due to hypertension", so the heart code is
 * not reported beside it (the use-additional note of I11 asks only for the heart failure's type).
 * A statement that the heart condition is unrelated to the hypertension, or due to something else,
 * keeps them apart (the guideline's exception).
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { ADDRESSED_PARTS } from './sections.ts';

/** The heart conditions I11 includes (without heart failure). */
const INCLUDED_HEART = /^I51\.(?:4|5|7|89|9)$/;
/** The same conditions as physicians write them beside the hypertension ("HTN w/ LVH", "LVH on echo - from longstanding BP"). */
const HEART_WORDS =
  /\b(?:lvh|(?:left\s+|right\s+|bi)?ventricular\s+hypertrophy|hypertroph\w*\s+(?:of\s+the\s+)?(?:left\s+)?ventric\w*|cardiomegaly|enlarged\s+heart|cardiac\s+enlargement|heart\s+enlargement)\b/i;
/** Words that set the heart condition apart from the blood pressure. */
const UNRELATED =
  /\b(?:unrelated|not\s+(?:related|due|secondary|attributed|attributable|from|caused)\b|non-?hypertensive|athlete'?s\s+heart|athletic\s+heart)/i;
/** A cause other than the blood pressure ("LVH due to aortic stenosis", "cardiomegaly 2/2 HCM"). */
const OTHER_CAUSE =
  /\b(?:due\s+to|from|secondary\s+to|caused\s+by|2\/2|because\s+of|related\s+to)\s+(?!(?:\w+\s+){0,3}?(?:hypertensi\w*|htn|bp|blood\s+pressure)\b)/i;

/** The hypertensive code that holds the heart as well: I10 -> I11.9, hypertensive CKD -> I13.1- by its stage. */
const WITH_HEART: Record<string, string> = { I10: 'I11.9', 'I12.9': 'I13.10', 'I12.0': 'I13.11' };
const HOLDS_HEART = /^I1[13]\./;

const apart = (text: string) => UNRELATED.test(text) || OTHER_CAUSE.test(text);

/**
 * Step (after the heart failure and CKD combinations): hypertension beside an included heart
 * condition, coded or stated in the hypertension's own statement or the assessment, is I11.9 (I13.1-
 * with hypertensive CKD); the heart condition's own code is dropped, its evidence kept.
 */
export function hypertensiveHeartDisease(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const htn = drafts.find((d) => WITH_HEART[d.code] !== undefined || HOLDS_HEART.test(d.code));
  if (!htn) return drafts;
  const heartCodes = drafts.filter((d) => INCLUDED_HEART.test(d.code) && !d.evidence.some((e) => apart(e.text)));
  // Stated beside the hypertension without a code of its own: in the hypertension's statement, or in
  // an assessment or plan statement of the notes.
  const ownStatement = htn.evidence.find((e) => HEART_WORDS.test(e.text) && !apart(e.text))?.text;
  const assessed = run.notes.find(
    (n) =>
      n.assertion === 'affirmed' &&
      n.part !== undefined &&
      ADDRESSED_PARTS.has(n.part) &&
      !n.unaddressed &&
      HEART_WORDS.test(n.original) &&
      !apart(n.original),
  )?.original;
  const stated = heartCodes[0]?.evidence[0]?.text ?? ownStatement ?? assessed;
  if (stated === undefined) return drafts;
  // A heart condition the record sets apart anywhere stays apart.
  if (drafts.some((d) => INCLUDED_HEART.test(d.code) && !heartCodes.includes(d))) return drafts;
  const target = WITH_HEART[htn.code] ?? htn.code;
  const why = `hypertension with "${stated}": the classification presumes the link (guideline I.C.9.a.1), and category I11 includes the heart condition, so ${heartCodes.length > 0 ? `${heartCodes.map((d) => d.code).join(', ')} ${heartCodes.length > 1 ? 'are' : 'is'} not coded beside it` : 'no code of its own is added'}.`;
  const linked =
    heartCodes.length === 0 || heartCodes.some((d) => /\bhypertensi\w*|htn|\bbp\b|blood pressure/i.test(d.evidence[0]?.text ?? ''));
  return drafts
    .filter((d) => !heartCodes.includes(d))
    .map((d) => {
      if (d !== htn) return d;
      const evidence = [...d.evidence, ...heartCodes.flatMap((h) => h.evidence)];
      if (target === d.code) return heartCodes.length === 0 ? d : { ...d, evidence, rationale: `${d.rationale} ${capitalised(why)}` };
      return {
        ...recoded(run.codeSets, d, target, `Coded ${target} in place of ${d.code}: ${why}`),
        evidence,
        ...(linked ? {} : { presumed: `hypertension with ${heartCodes.map((h) => h.code).join(', ')}` }),
      };
    });
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
