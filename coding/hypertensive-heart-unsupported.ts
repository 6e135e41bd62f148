/**
 * A hypertensive heart disease code (I11.9, or I13.1- with the kidneys) on a record that names none of
 * the heart conditions the category includes. ICD-10-CM presumes the link between hypertension and
 * heart disease only for the conditions I11 includes: heart failure (I50.-) and "any condition in
 * I51.4-I51.7, I51.89, I51.9 due to hypertension" (myocarditis, myocardial degeneration, LVH and
 * cardiomegaly, other ill-defined heart disease, heart disease NOS); guideline I.C.9.a.1. Coronary
 * artery disease, valve disease or an arrhythmia are not among them: with hypertension they are I10
 * (I12.- with the kidneys) and their own codes. A written I11.9 beside such a heart disease of its
 * own kind, whose notes name no included heart condition and do not call the heart disease
 * hypertensive, is coded as the hypertension alone, a change of the written code the gates send to a
 * coder (never passed silently). With no other heart disease on the record the physician's
 * "hypertensive heart disease" is the link stated, and the code stands.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';

/** The hypertensive heart codes without heart failure and what the hypertension is without the heart. */
const WITHOUT_HEART: Record<string, string> = { 'I11.9': 'I10', 'I13.10': 'I12.9', 'I13.11': 'I12.0' };
/** Codes of the heart conditions I11 includes (heart failure, I51.4-I51.7, I51.89, I51.9). */
const INCLUDED_HEART_CODE = /^(?:I50\.|I51\.(?:4|5|6|7|89|9)$|I11\.0|I13\.[02])/;
/** Heart disease of a kind with its own codes, outside the presumption: rheumatic and valve disease, ischemic heart disease, pericardial, myocardial and conduction disease, arrhythmias (I05-I09, I20-I25, I30-I49). */
const OWN_KIND_HEART_CODE = /^I(?:0[5-9]|2[0-5]|[34]\d)/;
/** The conditions I11 includes, in words: checked in every statement, the diagnosis lines too. */
const INCLUDED_HEART_WORDS = new RegExp(
  [
    String.raw`\b(?:lvh|(?:left\s+|right\s+|bi)?ventricular\s+hypertrophy|cardiomegaly|enlarged\s+heart|cardiac\s+enlargement)\b`,
    String.raw`\b(?:heart\s+failure|chf|hf[pr]?ef)\b`,
    String.raw`\b(?:diastolic|ventricular)\s+dysfunction\b`,
    String.raw`\bmyocardi(?:tis|al\s+degeneration)\b`,
  ].join('|'),
  'i',
);
/**
 * The link stated outright ("hypertensive heart disease", "hypertensive cardiomyopathy") or heart
 * disease NOS (not a named kind of its own category: coronary, valvular, rheumatic ...): checked in
 * the notes only, the diagnosis line being the written code's own title.
 */
const STATED_IN_NOTES = new RegExp(
  [
    String.raw`\bhypertensive\s+(?:heart|cardi\w*)`,
    String.raw`\b(?:heart|cardiac)\s+disease\s+(?:due\s+to|from|secondary\s+to|2\/2)\s+(?:hypertension|htn)`,
    String.raw`(?<!\b(?:coronary|ischemic|ischaemic|atherosclerotic|arteriosclerotic|valvular|congenital|rheumatic|structural|pulmonary)\s)\bheart\s+disease\b`,
  ].join('|'),
  'i',
);

/**
 * Step (before the hypertension combinations): a hypertensive heart code without heart failure beside
 * a heart disease of its own kind, on a record whose drafts and affirmed statements name no heart
 * condition I11 includes (nor, in the notes, the link itself), is recoded to the hypertension without
 * the heart.
 */
export function hypertensiveHeartUnsupported(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const htn = drafts.find((d) => WITHOUT_HEART[d.code] !== undefined);
  if (!htn) return drafts;
  if (drafts.some((d) => INCLUDED_HEART_CODE.test(d.code))) return drafts;
  const ownKind = drafts.find((d) => OWN_KIND_HEART_CODE.test(d.code));
  if (!ownKind) return drafts;
  const stated =
    run.input.documentation.diagnoses.some((d) => INCLUDED_HEART_WORDS.test(d.description)) ||
    run.notes.some((n) => n.assertion === 'affirmed' && (INCLUDED_HEART_WORDS.test(n.original) || STATED_IN_NOTES.test(n.original)));
  if (stated) return drafts;
  const target = WITHOUT_HEART[htn.code] as string;
  const why = `the heart disease the record names is ${ownKind.code}, of a kind with its own codes, and it names no heart condition that ${htn.code.slice(0, 3)} includes (heart failure, I51.4-I51.7, I51.89, I51.9); ICD-10-CM presumes hypertensive heart disease only for those (guideline I.C.9.a.1), so the hypertension is ${target} and any other heart disease keeps its own code.`;
  return drafts.map((d) => (d === htn ? recoded(run.codeSets, d, target, `Coded ${target} in place of ${d.code}: ${why}`) : d));
}
