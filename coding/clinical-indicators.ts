/**
 * Clinical indicators without a diagnosis: a result outside its reference range (flagged in the
 * results, or stated in the notes with a value past the limit) that the plan treats (potassium 3.0
 * and potassium chloride started; ferritin 6 and ferrous sulfate), while no coded diagnosis explains
 * it and no statement names a condition for it. Abnormal findings are not coded unless the provider
 * indicates their significance (guideline III.B, IV.K); a treated finding is significant, but which
 * condition it is only the physician can say, so a coder asks (AHIMA/ACDIS compliant query: the
 * indicators quoted, clinically reasonable options, "other" and "clinically undetermined", and an
 * option for no diagnosis at all). The answer is coded as a diagnosis the physician documents.
 *
 * The table below is clinical knowledge a coder brings to the record (which result a treatment
 * answers, which conditions it can stand for): one entry per result and direction, no disease list
 * beyond the options offered.
 */
import type { TestResult } from '../domain/encounter.ts';
import { resolutionFor, resolvedWords, type ClarificationIssue } from './clarification.ts';
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import { clausesOf, type Mention } from './context.ts';
import { codeMention } from './mention-coding.ts';

interface Indicator {
  /** The result's name in a results list or the notes (abbreviations case-sensitive: "Mg" is not "mg"). */
  name: RegExp;
  direction: 'low' | 'high';
  /** The reference limit past which a value stated in the notes is abnormal... */
  limit: number;
  /** ...and the values a result in the notes can plausibly have in the unit the limit is in. */
  plausible: [number, number];
  /** A plan statement that treats this result. */
  treatment: RegExp;
  /**
   * Drugs known to cause the result (their labelled effects): a plan that stops or holds one
   * ("stop HCTZ given Na 128") treats the result as surely as a supplement would.
   */
  causedBy?: RegExp;
  /** Words that name a condition for the result (the record names it: a coder codes it, nothing to ask). */
  named: RegExp;
  /** Codes that explain the result (their prefixes). */
  explainedBy: readonly string[];
  /** The conditions a physician could document for it (the query's options). */
  options: readonly string[];
}

const IRON =
  /\b(ferrous (sulfate|gluconate|fumarate)|iron (supplement|tablets?|infusion|sucrose|dextran)|iv iron|ferric carboxymaltose|feraheme|injectafer|venofer)\b/i;

/** Thiazide and loop diuretics: they lower sodium (thiazides) and potassium (both). */
const THIAZIDES = /hydrochlorothiazide|hctz|chlorthalidone|indapamide|metolazone|thiazides?/;
const LOOP_DIURETICS = /furosemide|lasix|bumetanide|torsemide|loop diuretics?/;
/** Drugs that retain potassium: ACE inhibitors, angiotensin receptor blockers, potassium-sparing diuretics, trimethoprim. */
const POTASSIUM_RETAINING =
  /lisinopril|enalapril|ramipril|benazepril|captopril|ace[- ]inhibitors?|losartan|valsartan|irbesartan|olmesartan|candesartan|telmisartan|arbs?|spironolactone|eplerenone|amiloride|triamterene|trimethoprim|bactrim|potassium (chloride|supplements?)|kcl/;
/** Drugs known to lower sodium besides the thiazides: SSRIs, carbamazepine and oxcarbazepine. */
const SODIUM_LOWERING = /sertraline|fluoxetine|citalopram|escitalopram|paroxetine|ssris?|carbamazepine|oxcarbazepine/;

const INDICATORS: readonly Indicator[] = [
  {
    name: /(?<![Vv]itamin )\b([Pp]otassium|POTASSIUM|K(?:\+|\b))/,
    direction: 'low',
    limit: 3.5,
    plausible: [1.5, 8],
    treatment: /\b(potassium (chloride|citrate|supplement\w*|replacement|repletion)|kcl|k-?dur|klor-?con|replete (the )?potassium)\b/i,
    causedBy: new RegExp(`${THIAZIDES.source}|${LOOP_DIURETICS.source}`),
    named: /\b(hypokal[ae]mi\w*|low potassium(?! diet))\b/i,
    explainedBy: ['E87.6', 'E26'],
    options: ['Hypokalemia'],
  },
  {
    name: /(?<![Vv]itamin )\b([Pp]otassium|POTASSIUM|K(?:\+|\b))/,
    direction: 'high',
    limit: 5.1,
    plausible: [1.5, 9],
    treatment: /\b(patiromer|veltassa|lokelma|sodium zirconium|kayexalate|sodium polystyrene|low[- ]potassium diet|potassium binder)\b/i,
    causedBy: POTASSIUM_RETAINING,
    named: /\b(hyperkal[ae]mi\w*|(high|elevated) potassium)\b/i,
    explainedBy: ['E87.5'],
    options: ['Hyperkalemia'],
  },
  {
    name: /\b([Ss]odium|SODIUM|Na(?:\+|\b))/,
    direction: 'low',
    limit: 135,
    plausible: [100, 180],
    treatment: /\b(fluid restriction|restrict (free )?(water|fluids?)|salt tablets?|sodium chloride tablets?|tolvaptan|urea tablets?)\b/i,
    causedBy: new RegExp(`${THIAZIDES.source}|${SODIUM_LOWERING.source}`),
    named: /\b(hyponatr[ae]mi\w*|low sodium|siadh|inappropriate (secretion of )?antidiuretic)\b/i,
    explainedBy: ['E87.1', 'E22.2'],
    options: ['Hyponatremia', 'Syndrome of inappropriate antidiuretic hormone secretion'],
  },
  {
    name: /\b([Mm]agnesium|MAGNESIUM|Mg\b)/,
    direction: 'low',
    limit: 1.7,
    plausible: [0.9, 4],
    treatment: /\b(magnesium (oxide|sulfate|chloride|supplement\w*|replacement|repletion)|mag-?ox|replete (the )?magnesium)\b/i,
    named: /\b(hypomagnes[ae]mi\w*|low magnesium)\b/i,
    explainedBy: ['E83.42'],
    options: ['Hypomagnesemia'],
  },
  {
    name: /\b(hemoglobin|hgb|hb)(?![\s-]*a1c)/i,
    direction: 'low',
    limit: 12,
    plausible: [3, 25],
    treatment: new RegExp(`${IRON.source}|\\b(transfus\\w+|epoetin|darbepoetin|cyanocobalamin|b12 injections?)\\b`, 'i'),
    named: /\b(an[ae]mi\w*|blood loss|thalass[ae]mi\w*|sickle)\b/i,
    explainedBy: ['D50', 'D51', 'D52', 'D53', 'D55', 'D56', 'D57', 'D58', 'D59', 'D60', 'D61', 'D62', 'D63', 'D64', 'O99.0'],
    options: ['Iron deficiency anemia', 'Anemia due to chronic blood loss', 'Anemia in chronic disease'],
  },
  {
    name: /\b(ferritin)/i,
    direction: 'low',
    limit: 15,
    plausible: [0, 1000],
    treatment: IRON,
    named: /\b(iron deficien\w*|an[ae]mi\w*|blood loss)\b/i,
    explainedBy: ['D50', 'E61.1', 'D62'],
    options: ['Iron deficiency anemia', 'Iron deficiency without anemia'],
  },
  {
    name: /\b(vitamin d|25-?(oh|hydroxy)[- ]?(vitamin )?d)/i,
    direction: 'low',
    limit: 20,
    plausible: [2, 150],
    treatment:
      /\b(start\w*|begin|continue|take|supplement\w*|replete|add)\b[^.;]*\bvitamin d\b|\b(vitamin d[23]|cholecalciferol|ergocalciferol|drisdol)\b/i,
    named: /\b(vitamin d (deficien\w*|insufficien\w*)|hypovitaminosis d|osteomalacia|rickets)\b/i,
    explainedBy: ['E55', 'M83', 'E64.3'],
    options: ['Vitamin D deficiency'],
  },
  {
    name: /\b(platelets?|plt|platelet count)/i,
    direction: 'low',
    limit: 150,
    plausible: [1, 1500],
    treatment:
      /\b((hold|stop|held|stopped|discontinue\w*) (the )?(aspirin|clopidogrel|plavix|heparin|enoxaparin|lovenox|warfarin|apixaban|eliquis|rivaroxaban|xarelto|anticoagula\w+|antiplatelet\w*)|platelet transfusion|romiplostim|eltrombopag)\b/i,
    named: /\b(thrombocytopeni\w*|low platelets?|pancytopeni\w*|itp|immune thrombocytopenic)\b/i,
    explainedBy: ['D69.3', 'D69.4', 'D69.5', 'D69.6', 'D61'],
    options: ['Thrombocytopenia', 'Drug-induced thrombocytopenia'],
  },
  {
    name: /\b(b12|vitamin b12|cobalamin)/i,
    direction: 'low',
    limit: 200,
    plausible: [20, 3000],
    treatment: /\b(cyanocobalamin|b12 (injections?|shots?|supplement\w*|tablets?)|vitamin b12 (injections?|supplement\w*))\b/i,
    named: /\b(b12 deficien\w*|pernicious|cobalamin deficien\w*)\b/i,
    explainedBy: ['D51', 'E53.8'],
    options: ['Vitamin B12 deficiency', 'Vitamin B12 deficiency anemia'],
  },
  {
    name: /\b(hba1c|a1c|hemoglobin a1c|glucose|blood sugar)/i,
    direction: 'high',
    limit: 6.5,
    plausible: [4, 20],
    treatment:
      /\b(start(ed|ing)?|begin|initiate\w*|add(ed)?) (on )?(metformin|glipizide|insulin|semaglutide|empagliflozin|dapagliflozin|sitagliptin|glimepiride)\b/i,
    named: /\b(diabet\w*|prediabet\w*|hyperglyc[ae]mi\w*|impaired fasting|glucose intolerance|dm2?|t2dm|iddm|niddm)\b/i,
    explainedBy: ['E08', 'E09', 'E10', 'E11', 'E13', 'R73', 'O24'],
    options: ['Type 2 diabetes mellitus', 'Prediabetes', 'Hyperglycemia'],
  },
  {
    name: /\b(tsh)/i,
    direction: 'high',
    limit: 4.5,
    plausible: [0, 200],
    treatment: /\b(start(ed|ing)?|begin|initiate\w*) (on )?(levothyroxine|synthroid|levoxyl|liothyronine|armour thyroid)\b/i,
    named: /\b(hypothyroid\w*|hashimoto\w*|thyroiditis|myxedema)\b/i,
    explainedBy: ['E01', 'E02', 'E03', 'E06', 'E89.0'],
    options: ['Hypothyroidism', 'Subclinical hypothyroidism'],
  },
];

/** A plan stopping or holding one of the drugs (a pattern of drug names): "stop HCTZ", "hold lisinopril". */
const stopping = (drugs: RegExp) =>
  new RegExp(
    `\\b(stop|stopped|stopping|hold|held|holding|discontinue|discontinued|d/c)\\s+(the\\s+|his\\s+|her\\s+)?(${drugs.source})\\b`,
    'i',
  );

const NEGATED_TREATMENT = /\b(no|not|declin\w*|refus\w*|without|defer\w*)\b[^,;.]*$/i;
const LOW_FLAG = /^(l|ll|low|critical low|\*l)$/i;
const HIGH_FLAG = /^(h|hh|high|critical high|\*h)$/i;

/** A result of this kind outside its range: from the results list by its flag, or from the notes by its value. */
function abnormalResult(indicator: Indicator, results: readonly TestResult[], notes: readonly string[]): string | undefined {
  const flag = indicator.direction === 'low' ? LOW_FLAG : HIGH_FLAG;
  const named = new RegExp(`(?:${indicator.name.source})(?!\\w)`, indicator.name.flags);
  for (const t of results) {
    if (!named.test(t.name) || !t.flag || !flag.test(t.flag.trim())) continue;
    return `${t.name} ${t.value}${t.unit ? ` ${t.unit}` : ''} (${t.flag})`;
  }
  const valued = new RegExp(`${named.source}[\\s:=]*(?:level|today|is|was|of|at|on recheck)?[\\s:=]*(\\d[\\d,]*(?:\\.\\d+)?)`, named.flags);
  for (const clause of notes) {
    const m = valued.exec(clause);
    const raw = m?.[m.length - 1];
    if (!raw) continue;
    let value = Number(raw.replace(/,/g, ''));
    // Platelets written in full ("82,000") against a limit in thousands.
    if (value > indicator.plausible[1] && value / 1000 >= indicator.plausible[0] && value / 1000 <= indicator.plausible[1]) value /= 1000;
    if (value < indicator.plausible[0] || value > indicator.plausible[1]) continue;
    if (indicator.direction === 'low' ? value < indicator.limit : value > indicator.limit) return `"${clause}"`;
  }
  return undefined;
}

/** Treated results one treatment answers, asked together; the conditions offered for any of them. */
interface Finding {
  results: string[];
  treatment: string;
  options: string[];
}

/**
 * The abnormal results the plan treats while no coded diagnosis explains them and no statement
 * names a condition for them, grouped by the treatment (hemoglobin and ferritin, both low, and iron
 * started: one question).
 */
export function treatedIndicators(run: CodingRun, codes: readonly string[]): Finding[] {
  const doc = run.input.documentation;
  const clauses = clausesOf(doc.notes);
  const statements = [...doc.diagnoses.map((d) => d.description), ...clauses];
  const out: Finding[] = [];
  for (const indicator of INDICATORS) {
    if (codes.some((c) => indicator.explainedBy.some((p) => c.startsWith(p)))) continue;
    if (statements.some((s) => indicator.named.test(s))) continue;
    const treats = [indicator.treatment, ...(indicator.causedBy ? [stopping(indicator.causedBy)] : [])];
    const treatment = clauses.find((c) =>
      treats.some((t) => {
        const m = t.exec(c);
        return m !== null && !NEGATED_TREATMENT.test(c.slice(0, m.index));
      }),
    );
    if (!treatment) continue;
    const result = abnormalResult(indicator, doc.testResults, clauses);
    if (!result) continue;
    const same = out.find((f) => f.treatment === treatment);
    if (!same) out.push({ results: [result], treatment, options: [...indicator.options] });
    else {
      if (!same.results.includes(result)) same.results.push(result);
      for (const o of indicator.options) if (!same.options.includes(o)) same.options.push(o);
    }
  }
  return out;
}

export function indicatorQuestion(results: readonly string[], treatment: string): string {
  return `The record documents ${results.join(' and ')} with the plan "${treatment}". Based on your clinical judgment, can you clarify the diagnosis, if any, that these findings and this treatment represent?`;
}

export const NO_DIAGNOSIS_OPTION = 'No associated diagnosis (abnormal result only)';

/** Codes are numbered after the record's own diagnoses and before symptom drafts. */
const ANSWERED_ORDER = 900;

/**
 * Step: each treated result no diagnosis explains is asked; an answer naming a condition is coded
 * as a diagnosis the physician documented (with its own questions, if it leaves a detail open).
 */
export function clinicalIndicatorQueries(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const out = [...drafts];
  let order = ANSWERED_ORDER;
  for (const found of treatedIndicators(
    run,
    drafts.map((d) => d.code),
  )) {
    const issue: ClarificationIssue = {
      kind: 'specificity',
      question: indicatorQuestion(found.results, found.treatment),
      clinicalIndicators: [...found.results.map((r) => `Result: ${r}`), `Note: "${found.treatment}"`],
      options: [...found.options.map((o) => ({ label: o, refine: o.toLowerCase() })), { label: NO_DIAGNOSIS_OPTION }],
      reason: `A result outside its reference range is treated and no documented diagnosis accounts for it; abnormal findings are coded only as the provider documents their significance (guidelines III.B, IV.K).`,
    };
    const resolution = resolutionFor(issue, run.input.answers);
    if (!resolution) {
      run.issues.push(issue);
      continue;
    }
    const resolved = resolvedWords(resolution);
    if (!resolved || /^no\b/i.test(resolved)) continue;
    order += 1;
    out.push(...codeAnsweredCondition(run, resolved, order));
  }
  return out;
}

/**
 * The drafts for a condition a physician's answer documents (numbered `order`, with the answer as
 * evidence): an answer naming an offered condition reads as that option and the answer's words, said once.
 */
export function codeAnsweredCondition(run: CodingRun, resolved: string, order: number): DiagnosisDraft[] {
  const words = [...new Set(resolved.toLowerCase().split(/\s+/))].join(' ');
  const mention: Mention = { section: 'diagnoses', original: words, text: words, assertion: 'affirmed' };
  run.mentions.set(order, mention);
  return codeMention(run, mention, order).map((d) => ({
    ...d,
    evidence: [...d.evidence, { section: 'notes' as const, text: `Physician answer: ${words}` }],
  }));
}
