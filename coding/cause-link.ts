/**
 * A relation the guidelines do not presume: the record documents a condition and, elsewhere, a
 * cause the classification has a combination code for (alcohol and a liver disease; antineoplastic
 * chemotherapy and an anemia), but does not link them. Unlike the "with" convention (diabetes,
 * hypertension), these links must be documented by the provider (guideline I.A.15 applies only to
 * the conditions the index lists under "with"), so the physician is asked whether the condition
 * is due to the cause; until answered the condition is coded as written.
 */
import type { ClarificationOption } from './clarification.ts';
import type { CodeSets } from './code-sets.ts';
import type { CodingRun } from './coding-run.ts';
import { currentUse } from './additional.ts';
import type { Mention } from './context.ts';
import { derivedOnce } from './memo.ts';
import { rank, searchFilter } from './ranking.ts';
import { buildQuery, type SearchHit } from './search.ts';
import { expandAbbreviations, tokenize } from './text.ts';

interface Cause {
  /** The cause as the record states it, on its own. */
  stated: RegExp;
  /** How the question names it. */
  name: string;
  /** Words added to the condition when the physician links it. */
  link: string;
  /** A code title that carries the link. */
  inTitle: RegExp;
  /** The combination code is in another chapter than the condition (N25.81 for a hyperparathyroidism, E21.1). */
  otherChapter?: true;
}

const CAUSES: readonly Cause[] = [
  {
    stated:
      /\b(alcohol (use|abuse|dependence|use disorder|misuse)|alcoholism|etoh (use|abuse|dependence)|heavy (drinking|drinker|alcohol)|drinks? (\d+|one|two|three|four|five|six|several|a (six-?pack|bottle|fifth|pint))|\d+ (beers?|drinks?|glasses of wine|shots))\b/i,
    name: 'alcohol use',
    link: 'alcoholic',
    inTitle: /\balcohol/i,
  },
  {
    stated: /\b(chemotherapy|chemo)\b/i,
    name: 'antineoplastic chemotherapy',
    link: 'due to antineoplastic chemotherapy',
    inTitle: /\bantineoplastic chemotherapy\b/i,
  },
  {
    // Group 3 pulmonary hypertension (I27.23) needs the link to the lung disease or hypoxia.
    stated:
      /\b(copd|chronic obstructive pulmonary disease|emphysema|interstitial lung disease|ild|pulmonary fibrosis|idiopathic pulmonary fibrosis|ipf|obstructive sleep apnea|osa|obesity hypoventilation)\b/i,
    name: 'the lung disease or hypoxia',
    link: 'due to lung diseases and/or hypoxia',
    inTitle: /\bdue to lung diseases\b/i,
  },
  {
    // Secondary hypertension (I15.2) needs the link to the endocrine disorder. Not a secondary (renal)
    // hyperparathyroidism: kidney disease causes it (N25.81), it causes no hypertension.
    stated:
      /\b(hyperaldosteronism|aldosteronism|conn(')?s syndrome|cushing(')?s (syndrome|disease)|pheochromocytoma|acromegaly|hyperthyroidism|thyrotoxicosis|(?<!\b(secondary|tertiary)\s)hyperparathyroidism(?!,?\s+(of\s+)?renal))\b/i,
    name: 'the endocrine disorder',
    link: 'secondary to endocrine disorders',
    inTitle: /\bsecondary to endocrine\b/i,
  },
  {
    // A secondary hyperparathyroidism (E21.1) beside a chronic kidney disease: of renal origin
    // (N25.81, chapter 14) only as the physician links them; the Index presumes no link (no "with").
    stated: /\b(chronic kidney disease|ckd|end[- ]stage renal disease|esrd|chronic renal (failure|insufficiency))\b/i,
    name: 'the chronic kidney disease',
    link: 'of renal origin',
    inTitle: /\brenal origin\b/i,
    otherChapter: true,
  },
];

/**
 * A cause in the past, too slight to ask about, or itself not established ("completed chemotherapy
 * in 2022", "social alcohol use", "suspected obstructive sleep apnea": an uncertain diagnosis is no
 * cause of another, guideline IV.H).
 */
const NOT_A_CAUSE_NOW =
  /\b(completed|finished|history of|h\/o|prior|previous|remote|years ago|quit|former|social(ly)?|occasional(ly)?|rare(ly)?|minimal|light|suspected|suspicion of|possible|possibly|probable|probably|likely|presumed|rule out|r\/o|questionable)\b/i;

/** The record's statements that state a cause in current use, found once per list of statements and cause. */
const stating = new WeakMap<readonly string[], Map<RegExp, string[]>>();
function statementsStating(statements: readonly string[], cause: RegExp): string[] {
  return derivedOnce(stating, statements, cause, () =>
    statements.filter((s) => currentUse(s, cause) !== undefined && !NOT_A_CAUSE_NOW.test(s)),
  );
}

/** How many of the best matches of the condition with the cause are looked at for its combination code. */
const LINKED_AMONG = 3;

export interface UnlinkedCause {
  /** The statement that documents the cause, quoted in the question. */
  statement: string;
  name: string;
  options: ClarificationOption[];
  /** The combination code the link would give. */
  linked: SearchHit;
}

/**
 * The chapters (first letters) that hold a code whose title carries a cause's link, read once per
 * code set. A link is only asked when its combination code is in the condition's own chapter, so a
 * condition in any other chapter needs no search for it (the search scores thousands of titles).
 */
const linkChapters = new WeakMap<CodeSets, Map<Cause, Set<string>>>();
function chaptersCarrying(codeSets: CodeSets, cause: Cause): Set<string> {
  return derivedOnce(
    linkChapters,
    codeSets,
    cause,
    () => new Set(codeSets.icd.entries.filter((e) => cause.inTitle.test(e.description)).map((e) => e.code.slice(0, 1))),
  );
}

/** Each cause's name with the chapters of its combination codes (for tests and diagnostics). */
export function causeLinkChapters(codeSets: CodeSets): Map<string, string[]> {
  return new Map(CAUSES.map((cause) => [cause.name, [...chaptersCarrying(codeSets, cause)].sort()]));
}

/**
 * A cause the record states elsewhere, with a combination code for this condition, that the
 * condition's own statement does not name; `statements` are the record's statements.
 */
export function unlinkedCause(
  run: CodingRun,
  m: Mention,
  top: SearchHit,
  own: string,
  statements: readonly string[],
): UnlinkedCause | undefined {
  const said = expandAbbreviations(own);
  for (const cause of CAUSES) {
    if (cause.stated.test(said) || cause.inTitle.test(said) || cause.inTitle.test(top.description)) continue;
    if (!cause.otherChapter && !chaptersCarrying(run.codeSets, cause).has(top.code.slice(0, 1))) continue;
    const statement = statementsStating(statements, cause.stated).find((s) => s !== m.original);
    if (!statement) continue;
    // The combination is the best match that carries the link, among the first few: the condition's
    // own words may rank its unlinked code first ("dilated cardiomyopathy" I42.0 before "Alcoholic
    // cardiomyopathy" I42.6, whose title drops the "dilated").
    const linked = rank(run, buildQuery(`${own} ${cause.link}`), own, searchFilter(m))
      .slice(0, LINKED_AMONG)
      .find((h) => cause.inTitle.test(h.description));
    if (!linked || linked.code === top.code) continue;
    // The combination must be this condition with the cause, not the cause alone (alcohol dependence),
    // nor another condition the cause brings (pulmonary hypertension for an essential hypertension).
    if (
      (!cause.otherChapter && linked.code.slice(0, 1) !== top.code.slice(0, 1)) ||
      !namesOnly(run, linked.description, cause, `${said} ${top.description}`)
    )
      continue;
    // Another statement already names the condition with the cause and a word that links them.
    if (linkedElsewhere(run, statements, m.text, cause)) continue;
    return {
      statement,
      name: cause.name,
      linked,
      options: [{ label: `Yes: ${linked.description}`, refine: cause.link }, { label: `No: not due to ${cause.name}` }],
    };
  }
  return undefined;
}

/**
 * The combination title's condition (its words before a qualifier, the cause's words aside) is
 * all in what the record and the chosen code say of the condition: "Alcoholic cirrhosis of liver
 * without ascites" for a cirrhosis of liver, not "Pulmonary hypertension due to lung diseases" for
 * an essential hypertension.
 */
function namesOnly(run: CodingRun, title: string, cause: Cause, condition: string): boolean {
  // The whole words the link is written with ("Alcoholic" of /alcohol/).
  const head = title.replace(new RegExp(`\\w*(?:${cause.inTitle.source})\\w*`, 'gi'), ' ').split(/,|\bwith(out)?\b|\(/i)[0] ?? title;
  const causeWords = new Set(tokenize(`${cause.link} ${cause.name}`));
  const said = new Set(tokenize(expandAbbreviations(condition)));
  return tokenize(head)
    .filter((t) => (run.codeSets.icd.idf.get(t) ?? 0) >= 3.5 && !causeWords.has(t))
    .every((t) => said.has(t));
}

/**
 * A statement naming the condition (its distinctive words) and the cause with a link word between
 * them: the cause as stated ("alcohol use") or as the combination's title names it ("due to alcohol").
 */
function linkedElsewhere(run: CodingRun, statements: readonly string[], condition: string, cause: Cause): boolean {
  const words = tokenize(expandAbbreviations(condition)).filter((t) => (run.codeSets.icd.idf.get(t) ?? 0) >= 3.5);
  return statements.some((s) => {
    const text = expandAbbreviations(s);
    if (!(cause.stated.test(text) || cause.inTitle.test(text)) || !LINKED.test(text)) return false;
    const tokens = new Set(tokenize(text));
    return words.length > 0 && words.every((w) => tokens.has(w));
  });
}

/**
 * Drugs and the conditions they are known to cause (their labelled adverse effects), and devices and
 * the infections they carry. Guideline I.C.19.e: a condition is coded as an adverse effect (with the
 * drug's T code) only when the provider documents the drug as its cause; guideline I.C.19.g.5 (and
 * Coding Clinic): a device complication needs the provider's link. A current drug or device beside
 * such a condition, unlinked, is asked, never presumed.
 */
const KNOWN_EFFECTS: ReadonlyArray<{ cause: RegExp; name: string; effects: RegExp }> = [
  {
    cause:
      /\b(amoxicillin|penicillin|augmentin|ampicillin|cephalexin|keflex|cefdinir|ceftriaxone|azithromycin|z-?pak|clarithromycin|doxycycline|ciprofloxacin|levofloxacin|bactrim|sulfamethoxazole|trimethoprim|nitrofurantoin|clindamycin)\b/i,
    name: 'the antibiotic',
    effects: /\b(urticaria|hives|rash(es)?|drug eruptions?|dermatitis|angioedema|diarrh\w*|colitis)\b/i,
  },
  { cause: /\b(amiodarone)\b/i, name: 'amiodarone', effects: /\b(hypothyroidism|hyperthyroidism|thyrotoxicosis)\b/i },
  {
    cause: /\b(lithium)\b/i,
    name: 'lithium',
    effects: /\b(hypothyroidism|goiter|hypercalcemia|hyperparathyroidism|nephrogenic diabetes insipidus)\b/i,
  },
  {
    cause:
      /\b(sertraline|fluoxetine|citalopram|escitalopram|paroxetine|ssris?|hydrochlorothiazide|hctz|chlorthalidone|thiazides?|furosemide|carbamazepine|oxcarbazepine)\b/i,
    name: 'the medication',
    effects: /\b(hyponatr\w*|siadh|inappropriate (secretion of )?antidiuretic)\b/i,
  },
  {
    // Thiazide and loop diuretics waste potassium and magnesium; proton pump inhibitors lower magnesium.
    cause:
      /\b(hydrochlorothiazide|hctz|chlorthalidone|indapamide|metolazone|thiazides?|furosemide|lasix|bumetanide|torsemide|loop diuretics?)\b/i,
    name: 'the diuretic',
    effects: /\b(hypokal[ae]mi\w*|hypomagnes[ae]mi\w*)\b/i,
  },
  {
    cause: /\b(omeprazole|esomeprazole|pantoprazole|lansoprazole|rabeprazole|dexlansoprazole|proton pump inhibitors?|ppis?)\b/i,
    name: 'the proton pump inhibitor',
    effects: /\b(hypomagnes[ae]mi\w*)\b/i,
  },
  {
    cause: /\b(lisinopril|enalapril|ramipril|benazepril|captopril|ace[- ]inhibitors?)\b/i,
    name: 'the ACE inhibitor',
    effects: /\b(cough(ing)?|angioedema)\b/i,
  },
  {
    cause: /\b(atorvastatin|simvastatin|rosuvastatin|pravastatin|lovastatin|statins?)\b/i,
    name: 'the statin',
    effects: /\b(myalgias?|myopath\w*|myositis|rhabdomyolysis)\b/i,
  },
  {
    cause: /\b(indwelling|foley|suprapubic) (urinary |bladder )?catheter\b|\bchronic (foley|catheter)\b/i,
    name: 'the indwelling urinary catheter',
    effects: /\b(urinary tract infection|uti|cystitis|pyelonephritis|urosepsis)\b/i,
  },
];

/** The drug written right before the condition it causes, as its kind ("statin myalgia", "ACE inhibitor cough"). */
function namedAsKind(known: { cause: RegExp; effects: RegExp }, text: string): boolean {
  return new RegExp(`(?:${known.cause.source})[\\s-]+(?:${known.effects.source})`, 'i').test(expandAbbreviations(text));
}

/** A statement naming a drug as the kind of a condition it is known to cause ("statin myalgia"): a documented link. */
export const namesDrugAsKind = (text: string): boolean => KNOWN_EFFECTS.some((known) => namedAsKind(known, text));

/** Words that state a link between a cause and a condition. */
const LINKED =
  /\b(due to|d\/t|from|secondary to|caused by|induced|related|associated|adverse (effect|reaction)|side[- ]effect|reaction to)\b/i;

export interface UnlinkedEffect {
  statement: string;
  name: string;
  options: ClarificationOption[];
}

/**
 * A current drug or device the record names beside a condition it is known to cause, with no
 * statement linking them (the condition's own statement or any other naming both with a link word).
 */
export function unlinkedEffect(m: Mention, own: string, statements: readonly string[]): UnlinkedEffect | undefined {
  const said = expandAbbreviations(own);
  for (const known of KNOWN_EFFECTS) {
    if (!known.effects.test(said)) continue;
    // The condition's own statement names its cause ("catheter-associated", "due to ..."): nothing to
    // ask (also when the statement was read as two codes, the complication and this condition).
    if (LINKED.test(said) || LINKED.test(m.original)) return undefined;
    // ...or names the drug as the condition's kind ("statin myalgia", "lisinopril cough"): the
    // physician's own words link them.
    if (namedAsKind(known, said) || namedAsKind(known, m.original)) return undefined;
    const statement = statementsStating(statements, known.cause).find((s) => s !== m.original);
    if (!statement) continue;
    const linked = statements.some((s) => known.cause.test(s) && known.effects.test(expandAbbreviations(s)) && LINKED.test(s));
    if (linked) continue;
    const drug = known.cause.exec(statement)?.[0] ?? known.name;
    return {
      statement,
      name: drug,
      options: [{ label: `Yes: the condition is due to ${drug}`, refine: `due to ${drug}` }, { label: `No: not due to ${drug}` }],
    };
  }
  return undefined;
}
