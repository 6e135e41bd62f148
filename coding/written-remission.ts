/**
 * A substance use disorder coded as current (F1x.10, F1x.20, F1x.90; nicotine F17.2x0) while a
 * statement of the record puts the same substance's disorder in remission ("alcohol use disorder,
 * severe - in sustained remission, sober since 2022"). The remission codes (F1x.11, F1x.21, F1x.91,
 * F17.2x1) are assigned on the provider's documentation of remission (guideline I.C.5.b.1), so the
 * statement codes the remission member of the same level: a code the physician wrote without it is
 * changed and goes to a coder with the written code beside. A statement of another level (a mild
 * disorder is abuse, a moderate or severe one dependence) is left to statement-reading.ts. A record that also tells of recent use
 * contradicts the remission and is asked instead (remission-conflict.ts); a denied remission ("not
 * in remission"), a relative's disorder, or a disorder with a complication coded is left as coded.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { recentUse } from './remission-conflict.ts';
import { expandAbbreviations } from './text.ts';

/** The current member of each level, and the position of the character that says remission. */
const CURRENT = /^(F1[0-689])\.([129])0$|^(F17\.2\d)0$/;

/** The substance each category is of, as a statement of the disorder names it. */
const SUBSTANCE: Readonly<Record<string, RegExp>> = {
  F10: /\b(?:alcohol|etoh|aud)\b/i,
  F11: /\b(?:opioids?|opiates?|heroin|fentanyl|oxycodone|oud)\b/i,
  F12: /\b(?:cannabis|marijuana|thc)\b/i,
  F13: /\b(?:sedatives?|benzodiazepines?|hypnotics?|anxiolytics?)\b/i,
  F14: /\b(?:cocaine|crack)\b/i,
  F15: /\b(?:stimulants?|amphetamines?|methamphetamine)\b/i,
  F16: /\b(?:hallucinogens?)\b/i,
  F17: /\b(?:nicotine|tobacco|cigarettes?|smoking)\b/i,
  F18: /\b(?:inhalants?)\b/i,
};
const DISORDER = /\b(?:use disorder|dependence|dependent|abuse|addiction|aud|oud)\b/i;
const IN_REMISSION = /\bin (?:early |sustained |full |partial )?remission\b/i;
/** A remission denied or ended, a relative's disorder, or one spoken of as a goal. */
const NOT_REMISSION =
  /\b(?:not|no longer|out of|never|without)\s+(?:\w+\s+){0,2}remission\b|\b(?:family|mother|father|brother|sister|son|daughter|wife|husband|spouse|partner)\b|\b(?:goal|aim|hope|toward|towards|achieve)\b/i;

/**
 * The level a statement gives the disorder: a mild use disorder is abuse (F1x.1-), a moderate or
 * severe one dependence (F1x.2-), by the index's "Disorder, alcohol use, mild/moderate/severe".
 */
function statedLevel(statement: string): string | undefined {
  if (/\b(?:dependence|dependent|moderate|severe)\b/i.test(statement)) return '2';
  if (/\b(?:abuse|mild)\b/i.test(statement)) return '1';
  return undefined;
}

/** The remission member of a current substance code, when the classification has one. */
function remissionCode(run: CodingRun, code: string): string | undefined {
  const m = CURRENT.exec(code);
  if (!m) return undefined;
  const target = m[1] ? `${m[1]}.${m[2]}1` : `${m[3]}1`;
  return run.codeSets.icd.byCode.has(target) ? target : undefined;
}

/** A statement of the record that puts the category's disorder in remission. */
function remissionStatement(run: CodingRun, category: string): string | undefined {
  const substance = SUBSTANCE[category];
  if (!substance) return undefined;
  const doc = run.input.documentation;
  const statements = [...doc.diagnoses.map((d) => d.description), ...doc.notes.split(/\n+|(?<=\.)\s+/)];
  return statements.find((s) => {
    const text = expandAbbreviations(s);
    return substance.test(text) && DISORDER.test(text) && IN_REMISSION.test(text) && !NOT_REMISSION.test(text);
  });
}

/** Step: a current substance use disorder the record states in remission takes the remission code. */
export function writtenRemission(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  return drafts.map((d) => {
    const target = remissionCode(run, d.code);
    if (!target) return d;
    const statement = remissionStatement(run, d.code.slice(0, 3));
    // A statement of another level (a moderate use disorder beside a written abuse code) is a
    // conflict for a coder (statement-reading.ts), not a remission to add.
    const level = statement === undefined || d.code.startsWith('F17') ? undefined : statedLevel(expandAbbreviations(statement));
    if (level !== undefined && level !== d.code.charAt(4)) return d;
    // Recent use of the substance, whichever words name it ("OUD" in the statement, "Opioid" in the title).
    if (!statement || recentUse(run, expandAbbreviations(statement)) !== undefined || recentUse(run, d.description) !== undefined) return d;
    return recoded(
      run.codeSets,
      d,
      target,
      `The record states the disorder in remission ("${statement.trim()}"): ${target} (guideline I.C.5.b.1).`,
    );
  });
}
