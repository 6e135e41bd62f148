/**
 * Hypertension with heart and kidney disease (guideline I.C.9.a), end-stage renal disease over a
 * CKD stage, CKD on dialysis (N18.6), COPD with an acute lower respiratory infection (I.C.10.a.1);
 * diabetes "with" its complications is diabetes.ts.
 */
import { newDraft, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { isBillable, matchesPattern } from './icd10cm.ts';
import { statesDialysisNow } from './additional.ts';
import { clausesWithParts } from './use-additional.ts';
import { rank } from './ranking.ts';
import { buildQuery, type SearchHit } from './search.ts';
import { mayShowSymptoms, NOT_ADDRESSED_PARTS } from './sections.ts';

const HYPERTENSION_WORDS = /\b(hypertensi\w*|htn)\b/i;
/** Hypertensions of other vessels or spaces: no systemic hypertension (a heart failure due to pulmonary hypertension is no I11). */
const NOT_SYSTEMIC = /\b(?:pulmonary|portal|intracranial|ocular)\s+(?:arterial\s+)?hypertension\b/gi;
const isHypertensive = (code: string) => /^I1[0-3](\.|$)/.test(code);

/**
 * The hypertensive code the coded organs call for (guideline I.C.9.a: the link between hypertension
 * and heart failure or chronic kidney disease is presumed): heart failure and CKD, I13.0 or I13.2 by
 * the CKD stage; heart failure without CKD, I11.0; CKD without heart failure, I12.9 or I12.0 (stage 5
 * or end stage); neither: the code as found.
 */
export function hypertensiveCodeFor(current: string | undefined, heartFailure: boolean, ckdStage: string | undefined): string | undefined {
  const late = ckdStage === 'N18.5' || ckdStage === 'N18.6';
  if (heartFailure && ckdStage) return late ? 'I13.2' : 'I13.0';
  if (heartFailure) return 'I11.0';
  // Hypertensive heart and chronic kidney disease without heart failure (an I13 code needs the heart named: ranking.ts).
  if (ckdStage && current?.startsWith('I13')) return late ? 'I13.11' : 'I13.10';
  if (ckdStage) return late ? 'I12.0' : 'I12.9';
  return current;
}

/**
 * Step: hypertension with heart failure and/or chronic kidney disease coded as the combination the
 * organs documented call for, never one that names an organ the record does not (no I13 without
 * CKD); hypertension named only inside the heart failure or CKD statement ("hypertensive ESRD")
 * gets its code too. The heart failure and CKD stage codes stay (use-additional notes of I11-I13).
 */
export function hypertensiveDisease(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  return withoutEssentialBesideCombination(hypertensiveCombination(run, drafts));
}

const HYPERTENSIVE_COMBINATION = /^I1[1-3]\./;

/**
 * Hypertension is one condition, coded once: beside a combination code that holds it (I11-I13, from a
 * statement that calls the heart or kidney disease hypertensive), a second statement of plain
 * hypertension ("HTN" further down the list) is that code, not I10 as well. Its evidence joins the
 * combination code's.
 */
function withoutEssentialBesideCombination(drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const combination = drafts.find((d) => HYPERTENSIVE_COMBINATION.test(d.code));
  const essential = drafts.filter((d) => d.code === 'I10');
  if (!combination || essential.length === 0) return drafts;
  const evidence = [...combination.evidence, ...essential.flatMap((d) => d.evidence)];
  return drafts
    .filter((d) => !essential.includes(d))
    .map((d) =>
      d === combination
        ? {
            ...d,
            evidence,
            rationale: `${d.rationale} Hypertension stated again ("${essential[0]?.evidence[0]?.text ?? 'I10'}") is the hypertension ${d.code} holds: not coded I10 as well.`,
          }
        : d,
    );
}

/** Chronic kidney disease named in a statement, with its stage when one is written after it. */
const CKD_PHRASE =
  /\b(?:ckd|chronic kidney disease|chronic renal (?:disease|insufficiency|failure))(?:\s*,?\s*(?:stage\s*)?(?:[1-5][ab]?|i{1,3}[ab]?|iv|v)\b)?/gi;
/** Heart failure named in a statement, by its words or its initials. */
const HF_PHRASE =
  /\b(?:(?:acute|chronic|acute on chronic)\s+)?(?:(?:systolic|diastolic|combined)\s+)?(?:(?:congestive\s+)?heart failure|chf|hf[pr]?ef|hf)\b/gi;

/**
 * The organs a hypertensive combination statement names, coded from that statement when no other
 * statement codes them (the notes at I11-I13: "use additional code to identify the type of heart
 * failure (I50.-)" and "the stage of chronic kidney disease (N18.-)"): "Hypertensive heart and CKD
 * with HFpEF" is I13.0 with I50.3- and N18.9. Each is searched in its own category from the statement
 * without the other organ's words (the "chronic" of chronic kidney disease is no chronic heart failure).
 */
function withStatedOrgans(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const htn = drafts.find((d) => isHypertensive(d.code));
  const said = htn?.evidence[0]?.text;
  if (!htn || !said || !HYPERTENSION_WORDS.test(said)) return drafts;
  const out = [...drafts];
  const organs: Array<[RegExp, RegExp, string]> = [
    [HF_PHRASE, CKD_PHRASE, 'I50'],
    [CKD_PHRASE, HF_PHRASE, 'N18'],
  ];
  for (const [own, other, category] of organs) {
    own.lastIndex = 0;
    // An organ coded from another statement is coded there; one coded from this statement (a "use
    // additional code" search of all its words) is searched again without the other organ's words.
    const coded = out.find((d) => d.code.startsWith(category));
    if (!own.test(said) || (coded && coded.evidence[0]?.text !== said)) continue;
    const found = (statement: string) => {
      const text = statement.replace(other, ' ').replace(HYPERTENSION_WORDS, ' ');
      const hit = rank(run, buildQuery(text), text, (c) => c.startsWith(category), [category])[0];
      return hit && hit.score >= ORGAN_FOUND ? { text, hit } : undefined;
    };
    const stated = found(said);
    if (!stated) continue;
    // A detail the statement leaves unspecified (the acuity of "HFpEF") that the notes about the same
    // organ state ("chronic diastolic heart failure (HFpEF)" in the assessment) is that code's sibling.
    const unspecified = (h: SearchHit) => /\bunspecified\b/i.test(h.description);
    const detailed = unspecified(stated.hit)
      ? run.notes
          .filter((n) => n.assertion === 'affirmed' && mayShowSymptoms(n) && new RegExp(own.source, 'i').test(n.original))
          .map((n) => found(n.original))
          .find((f) => f !== undefined && f.hit.code.slice(0, 5) === stated.hit.code.slice(0, 5) && !unspecified(f.hit))
      : undefined;
    const { text, hit } = detailed ?? stated;
    if (coded) {
      if (coded.code !== hit.code)
        out[out.indexOf(coded)] = recoded(
          run.codeSets,
          coded,
          hit.code,
          `Coded ${hit.code} from the statement without the other organ's words ("${text.trim()}").`,
        );
      continue;
    }
    out.push(
      newDraft(run.codeSets, hit.code, {
        confidence: Math.min(htn.confidence, hit.score),
        order: htn.order + 0.3,
        evidence: [...htn.evidence],
        rationale: `"Use additional code" at ${htn.code}: the statement ("${said}") names it; "${hit.matched.join(' ')}" coded ${hit.code} (guideline I.C.9.a).`,
      }),
    );
  }
  return out;
}
const ORGAN_FOUND = 0.6;

function hypertensiveCombination(run: CodingRun, found: DiagnosisDraft[]): DiagnosisDraft[] {
  const drafts = withStatedOrgans(run, found);
  const hf = drafts.find((d) => d.code.startsWith('I50.'));
  const ckd = drafts.find((d) => d.code.startsWith('N18.'));
  const htn = drafts.find((d) => isHypertensive(d.code));
  const organs = [hf, ckd].filter((d): d is DiagnosisDraft => d !== undefined);
  const said = organs.find((d) => d.evidence.some((e) => HYPERTENSION_WORDS.test(e.text.replace(NOT_SYSTEMIC, ' '))));
  const code = hypertensiveCodeFor(htn?.code, hf !== undefined, ckd?.code);
  if (!code) return drafts;
  const named = organs.map((o) => o.code).join(' and ');
  const why = `hypertension with ${named}: ICD-10-CM presumes the link (guideline I.C.9.a); ${named} ${organs.length > 1 ? 'are' : 'is'} kept for the type and stage.`;
  if (htn) {
    if (htn.code === code) return drafts;
    // The record links them itself when the organ's statement says hypertensive (or the hypertension's names the organ).
    const linked = said !== undefined || organs.every((o) => htn.evidence.some((e) => e.text === o.evidence[0]?.text));
    return drafts.map((d) =>
      d === htn
        ? {
            ...recoded(run.codeSets, d, code, `Coded ${code} in place of ${d.code}: ${why}`),
            ...(linked ? {} : { presumed: `hypertension with ${named}` }),
            evidence: [...d.evidence, ...organs.flatMap((o) => o.evidence)],
          }
        : d,
    );
  }
  if (!said) return drafts;
  return [
    ...drafts,
    newDraft(run.codeSets, code, {
      confidence: said.confidence,
      order: said.order - 0.5,
      evidence: [...said.evidence],
      rationale: `The documentation ("${said.evidence[0]?.text ?? ''}") calls the ${said.code} hypertensive: ${code}, ${why}`,
    }),
  ];
}

/**
 * Step: a chronic kidney disease of a stage (or none) in a patient the record states is on dialysis
 * is N18.6: the tabular includes "chronic kidney disease requiring chronic dialysis" under N18.6 and
 * excludes "stage 5 requiring chronic dialysis" from N18.5. Z99.2 follows from N18.6's "use
 * additional code" note (use-additional.ts), the hypertension's combination from N18.6.
 */
export function kidneyDiseaseOnDialysis(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const staged = drafts.filter((d) => /^N18\.[1-59]/.test(d.code));
  if (staged.length === 0 || !isBillable(run.codeSets.icd, 'N18.6')) return drafts;
  const doc = run.input.documentation;
  // Not from the history or lists a note carries forward ("ESRD on hemodialysis 2013-2017").
  const notes = clausesWithParts(doc.notes).filter((c) => !NOT_ADDRESSED_PARTS.has(c.part));
  const statement = [...doc.diagnoses.map((d) => d.description), ...notes.map((c) => c.text)].find(statesDialysisNow);
  if (!statement) return drafts;
  const first = staged[0] as DiagnosisDraft;
  return drafts
    .filter((d) => !staged.includes(d) || d === first)
    .map((d) =>
      d === first
        ? {
            ...recoded(
              run.codeSets,
              d,
              'N18.6',
              `The record states dialysis ("${statement}"): chronic kidney disease requiring chronic dialysis is N18.6 (its inclusion term; N18.5 excludes it), in place of ${staged.map((x) => x.code).join(', ')}.`,
            ),
            evidence: [...d.evidence, ...staged.slice(1).flatMap((x) => x.evidence), { section: 'notes' as const, text: statement }],
          }
        : d,
    );
}

/**
 * Step: a CKD stage and end-stage renal disease both documented are coded N18.6 only (guideline
 * I.C.14.a.1); the stage's evidence stays with N18.6. Its open questions go with the dropped code.
 */
export function endStageOverStage(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const esrd = drafts.find((d) => d.code === 'N18.6');
  if (!esrd) return drafts;
  const staged = drafts.filter((d) => d !== esrd && d.code.startsWith('N18.'));
  if (staged.length === 0) return drafts;
  const dropped = new Set(staged.map((d) => d.order));
  run.issues = run.issues.filter(
    (i) => i.order === undefined || !dropped.has(i.order) || drafts.some((d) => d.order === i.order && !staged.includes(d)),
  );
  return drafts
    .filter((d) => !staged.includes(d))
    .map((d) =>
      d === esrd
        ? {
            ...d,
            evidence: [...d.evidence, ...staged.flatMap((x) => x.evidence)],
            rationale: `${d.rationale} ${staged.map((x) => x.code).join(', ')} also documented: with end-stage renal disease only N18.6 is coded (guideline I.C.14.a.1).`,
          }
        : d,
    );
}

/** The tabular's acute lower respiratory infections: influenza and pneumonia (J09-J18), acute bronchitis and the rest (J20-J22). */
const LOWER_RESPIRATORY_INFECTION = 'J09..J22';
const COPD_WITH_INFECTION = 'J44.0';

/**
 * Step: COPD with an acute lower respiratory infection documented is J44.0, "COPD with (acute) lower
 * respiratory infection", and the infection keeps its own code (the category's "code also" note;
 * guideline I.C.10.a.1). COPD NOS becomes J44.0; an exacerbation stated (J44.1) stays beside it, both
 * being documented. An exacerbation is never inferred from the infection.
 */
export function copdWithLowerRespiratoryInfection(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const infection = drafts.find((d) => matchesPattern(d.code, LOWER_RESPIRATORY_INFECTION));
  const copd = drafts.find((d) => d.code === 'J44.9' || d.code === 'J44.1');
  if (!infection || !copd || drafts.some((d) => d.code === COPD_WITH_INFECTION)) return drafts;
  const why = `COPD with an acute lower respiratory infection (${infection.code}, "${infection.evidence[0]?.text ?? ''}") is ${COPD_WITH_INFECTION}; the infection is coded also (guideline I.C.10.a.1).`;
  const combined: DiagnosisDraft = {
    ...recoded(run.codeSets, copd, COPD_WITH_INFECTION, `Coded ${COPD_WITH_INFECTION} in place of J44.9: ${why}`),
    evidence: [...copd.evidence, ...infection.evidence],
  };
  if (copd.code === 'J44.9') return drafts.map((d) => (d === copd ? combined : d));
  return [...drafts, { ...combined, order: copd.order + 0.1, alternatives: [], rationale: why }];
}

/**
 * Step: COPD documented with emphysema is the emphysema code alone: emphysema is a chronic obstructive
 * pulmonary disease of its own category (J43), and J44 holds the "other" COPD (index: Disease, lung,
 * obstructive, with emphysema - see Emphysema). COPD NOS (J44.9) beside a J43 code is dropped, its
 * evidence kept on the emphysema; an exacerbation or infection (J44.1, J44.0) is not NOS and stays.
 */
export function copdWithEmphysema(_run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const emphysema = drafts.find((d) => d.code.startsWith('J43'));
  const nos = drafts.find((d) => d.code === 'J44.9');
  if (!emphysema || !nos) return drafts;
  return drafts
    .filter((d) => d !== nos)
    .map((d) =>
      d === emphysema
        ? {
            ...d,
            order: Math.min(d.order, nos.order),
            evidence: [...d.evidence, ...nos.evidence],
            rationale: `${d.rationale} COPD also documented ("${nos.evidence[0]?.text ?? ''}"): with emphysema the emphysema code carries it, J44.9 is not coded beside it.`,
          }
        : d,
    );
}
