/**
 * Psychoactive substance use (F10.9- to F19.9-, "use, unspecified"), guideline I.C.5.b.3: these codes
 * are assigned only when the use is associated with a substance-related disorder or a medical
 * condition and the provider documents that relationship. A use with a disorder is its own code
 * ("alcohol use with alcohol-induced sleep disorder"); "use, uncomplicated" (F1x.90) names none, so it
 * stays only where a statement of the record relates the use to a condition ("alcohol use contributing
 * to her hypertension"). "Heavy alcohol use - advised abstinence" beside pancreatitis with no link
 * stated is neither abuse nor dependence and not reported (the physician may be asked). A code the
 * physician wrote is kept.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { isBillable } from './icd10cm.ts';

const UNCOMPLICATED_USE = /^F1[0-9]\.90$/;

/** Words by which a statement relates the use to a condition. */
const RELATED =
  /\b(?:due to|secondary to|caused by|because of|related to|attributed to|contribut\w*|induced|causing|worsen\w*|exacerbat\w*|aggravat\w*|complicat\w*|d\/t|2\/2)\b/i;

/** The substance each use category is of, as records name it. */
const SUBSTANCE: Readonly<Record<string, RegExp>> = {
  F10: /\b(?:alcohol|etoh|drink\w*|beers?|wine|liquor)\b/i,
  F11: /\b(?:opioids?|opiates?|heroin|fentanyl|oxycodone)\b/i,
  F12: /\b(?:cannabis|marijuana|thc)\b/i,
  F13: /\b(?:sedatives?|benzodiazepines?|hypnotics?)\b/i,
  F14: /\b(?:cocaine|crack)\b/i,
  F15: /\b(?:stimulants?|amphetamines?|methamphetamine|meth)\b/i,
  F16: /\b(?:hallucinogens?|lsd|psilocybin)\b/i,
  F18: /\b(?:inhalants?)\b/i,
};

/** The level of a psychoactive substance code: dependence (F1x.2-), abuse (F1x.1-), use (F1x.9-). */
function level(code: string): number | undefined {
  const m = /^F1[0-9]\.([129])/.exec(code);
  return m ? { '2': 3, '1': 2, '9': 1 }[m[1] as '1' | '2' | '9'] : undefined;
}

/**
 * Step, guideline I.C.5.b.1: use, abuse and dependence of one substance all documented (an old
 * problem list's "alcohol abuse" beside today's "alcohol dependence") are coded as the highest only:
 * dependence over abuse and use, abuse over use. Not a conflict to ask (their Excludes1 notes would
 * otherwise make it one). A code the physician wrote stays and the edit goes to a coder.
 */
export function substanceHierarchy(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const highest = new Map<string, number>();
  for (const d of drafts) {
    const l = level(d.code);
    if (l !== undefined) highest.set(d.code.slice(0, 3), Math.max(l, highest.get(d.code.slice(0, 3)) ?? 0));
  }
  const lower = drafts.filter((d) => {
    const l = level(d.code);
    return l !== undefined && l < (highest.get(d.code.slice(0, 3)) ?? 0) && run.mentions.get(d.order)?.documentedCode === undefined;
  });
  if (lower.length === 0) return drafts;
  const dropped = new Set(lower.map((d) => d.order));
  const kept = drafts.filter((d) => !lower.includes(d)).map((d) => withManifestationOf(run, d, lower));
  run.issues = run.issues.filter((i) => i.order === undefined || !dropped.has(i.order) || kept.some((d) => d.order === i.order));
  return kept;
}

/** What follows the level in a substance code: "3" of F11.93 (with withdrawal), "0" uncomplicated, "1" in remission. */
const manifestation = (code: string): string => code.slice(5);
const NO_MANIFESTATION = /^[01]?$/;

/**
 * The highest level coded uncomplicated (F11.20) while a lower one of the same substance dropped
 * above names what the use led to ("opioid withdrawal", F11.93): the tabular's combination codes
 * carry it at every level ("F11.23 Opioid dependence with withdrawal"), and guideline I.C.5.b.1 codes
 * the highest level only, so the manifestation goes with it rather than being lost with the lower
 * code. Only where the combined code exists and the kept code is not one the physician wrote.
 */
function withManifestationOf(run: CodingRun, d: DiagnosisDraft, lower: readonly DiagnosisDraft[]): DiagnosisDraft {
  const l = level(d.code);
  if (l === undefined || manifestation(d.code) !== '0' || run.mentions.get(d.order)?.documentedCode !== undefined) return d;
  const category = d.code.slice(0, 3);
  for (const o of lower) {
    const shown = manifestation(o.code);
    if (o.code.slice(0, 3) !== category || NO_MANIFESTATION.test(shown)) continue;
    const combined = `${d.code.slice(0, 5)}${shown}`;
    if (!isBillable(run.codeSets.icd, combined) || !run.allowed(combined)) continue;
    const stated = o.evidence[0]?.text ?? o.description;
    const why = `With "${stated}" stated beside it, the combination code ${combined} (I.C.5.b.1: the highest level only, with what the use led to).`;
    return { ...recoded(run.codeSets, d, combined, why), evidence: [...d.evidence, ...o.evidence] };
  }
  return d;
}

/** Step: an uncomplicated substance use stays only where the record relates it to a condition. */
export function substanceUseWithRelatedCondition(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const uses = drafts.filter((d) => UNCOMPLICATED_USE.test(d.code) && run.mentions.get(d.order)?.documentedCode === undefined);
  if (uses.length === 0) return drafts;
  const doc = run.input.documentation;
  const statements = [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)];
  const unrelated = uses.filter((d) => {
    const substance = SUBSTANCE[d.code.slice(0, 3)];
    return !statements.some((s) => RELATED.test(s) && (substance === undefined || substance.test(s)));
  });
  return unrelated.length === 0 ? drafts : drafts.filter((d) => !unrelated.includes(d));
}
