/**
 * Drugs and their effects (guideline I.C.19.e): a condition caused by a drug correctly prescribed and
 * properly taken is an adverse effect, coded as the manifestation followed by the T36-T50 code of the
 * drug's class with the adverse-effect character (5); a drug taken wrongly (overdose, wrong drug or
 * dose, not as prescribed) is a poisoning, coded first with its intent (1 accidental, the default
 * when none is documented; 2 intentional self-harm), the manifestations after it. The 7th character
 * is the encounter (A active treatment, D subsequent, S sequela).
 *
 * The classes are those of the tabular's T36-T50 titles, for drugs commonly named in outpatient
 * records; the Table of Drugs and Chemicals itself is not shipped with the code set (README).
 */
import { namesDrugAsKind } from './cause-link.ts';
import { detailConflictQuestion, resolutionFor, type ClarificationIssue } from './clarification.ts';
import { newDraft, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { kindInNotes, type EffectKind } from './drug-effect-kind.ts';
import { isBillable } from './icd10cm.ts';
import { encounterPhase } from './search.ts';

/** Drug names (and class names) to the T36-T50 subcategory of their class. */
const DRUG_CLASSES: ReadonlyArray<[RegExp, string]> = [
  [/\b(amoxicillin|penicillin|augmentin|ampicillin|dicloxacillin|piperacillin)\b/i, 'T36.0'],
  [/\b(cephalexin|keflex|cefdinir|ceftriaxone|cefuroxime|cefazolin|cephalosporins?)\b/i, 'T36.1'],
  [/\b(azithromycin|zithromax|z-?pak|clarithromycin|erythromycin|macrolides?)\b/i, 'T36.3'],
  [/\b(doxycycline|minocycline|tetracyclines?)\b/i, 'T36.4'],
  [
    /\b(ciprofloxacin|levofloxacin|moxifloxacin|fluoroquinolones?|sulfamethoxazole|bactrim|trimethoprim|nitrofurantoin|clindamycin|vancomycin)\b/i,
    'T36.8',
  ],
  [
    /\b(prednisone|prednisolone|methylprednisolone|medrol|dexamethasone|hydrocortisone|glucocorticoids?|corticosteroids?|steroids?)\b/i,
    'T38.0',
  ],
  [/\b(levothyroxine|synthroid|thyroid hormones?)\b/i, 'T38.1'],
  [
    /\b(insulin|metformin|glipizide|glyburide|glimepiride|sulfonylureas?|sitagliptin|empagliflozin|dapagliflozin|canagliflozin|pioglitazone|oral hypoglycemics?)\b/i,
    'T38.3',
  ],
  [/\b(aspirin|salicylates?)\b/i, 'T39.01'],
  [/\b(acetaminophen|paracetamol|tylenol)\b/i, 'T39.1'],
  [/\b(ibuprofen|naproxen|motrin|advil|aleve|ketoprofen)\b/i, 'T39.31'],
  [/\b(meloxicam|diclofenac|celecoxib|indomethacin|ketorolac|nsaids?)\b/i, 'T39.39'],
  [/\b(heroin)\b/i, 'T40.1'],
  [/\b(cocaine)\b/i, 'T40.5'],
  [/\b(oxycodone|hydrocodone|morphine|codeine|hydromorphone|percocet|vicodin|norco|opioids?|opiates?)\b/i, 'T40.2'],
  [/\b(tramadol)\b/i, 'T40.42'],
  [/\b(fentanyl)\b/i, 'T40.41'],
  [/\b(gabapentin|pregabalin|levetiracetam|lamotrigine|topiramate)\b/i, 'T42.6'],
  [/\b(phenytoin|dilantin)\b/i, 'T42.0'],
  [/\b(lorazepam|alprazolam|diazepam|clonazepam|benzodiazepines?)\b/i, 'T42.4'],
  [/\b(sertraline|fluoxetine|citalopram|escitalopram|paroxetine|ssris?)\b/i, 'T43.22'],
  [/\b(amitriptyline|nortriptyline|tricyclic antidepressants?)\b/i, 'T43.01'],
  [/\b(lithium)\b/i, 'T43.59'],
  [/\b(metoprolol|atenolol|carvedilol|propranolol|bisoprolol|beta[- ]blockers?)\b/i, 'T44.7'],
  [/\b(warfarin|coumadin)\b/i, 'T45.51'],
  [/\b(apixaban|eliquis|rivaroxaban|xarelto|dabigatran|clopidogrel|plavix)\b/i, 'T45.52'],
  [/\b(chemotherapy|antineoplastics?)\b/i, 'T45.1'],
  [/\b(digoxin|digitalis)\b/i, 'T46.0'],
  [/\b(amiodarone|dronedarone|sotalol|flecainide|antiarrhythmics?)\b/i, 'T46.2'],
  [/\b(amlodipine|diltiazem|verapamil|nifedipine|calcium[- ]channel blockers?)\b/i, 'T46.1'],
  [/\b(lisinopril|enalapril|ramipril|benazepril|captopril|ace[- ]inhibitors?)\b/i, 'T46.4'],
  [/\b(losartan|valsartan|olmesartan|irbesartan|arbs?)\b/i, 'T46.5'],
  [/\b(atorvastatin|simvastatin|rosuvastatin|pravastatin|lovastatin|statins?)\b/i, 'T46.6'],
  [/\b(furosemide|lasix|bumetanide|torsemide|loop diuretics?)\b/i, 'T50.1'],
  [/\b(hydrochlorothiazide|hctz|chlorthalidone|thiazides?|spironolactone)\b/i, 'T50.2'],
  [/\b(allopurinol|colchicine|febuxostat)\b/i, 'T50.4'],
  // Further classes common in outpatient records, by the tabular's T36-T50 subcategory titles.
  [
    /\b(anastrozole|arimidex|letrozole|femara|exemestane|aromasin|tamoxifen|raloxifene|aromatase inhibitors?|bicalutamide|enzalutamide|antiestrogens?|antiandrogens?)\b/i,
    'T38.6',
  ],
  [
    /\b(pembrolizumab|keytruda|nivolumab|opdivo|ipilimumab|yervoy|atezolizumab|durvalumab|cemiplimab|(?:immune )?checkpoint inhibitors?)\b/i,
    'T45.A',
  ],
  [
    /\b(methotrexate|tacrolimus|cyclosporine|mycophenolate|azathioprine|cisplatin|carboplatin|oxaliplatin|folfox|paclitaxel|docetaxel|capecitabine|fluorouracil|5-fu|gemcitabine|cyclophosphamide|doxorubicin|immunosuppressants?)\b/i,
    'T45.1',
  ],
  [/\b(methylphenidate|concerta|ritalin|dexmethylphenidate|focalin)\b/i, 'T43.63'],
  [/\b(amphetamines?|adderall|dextroamphetamine|lisdexamfetamine|vyvanse)\b/i, 'T43.62'],
  [/\b(zoloft|lexapro|prozac|celexa|paxil)\b/i, 'T43.22'],
  [/\b(venlafaxine|effexor|duloxetine|cymbalta|desvenlafaxine|snris?)\b/i, 'T43.21'],
  [/\b(bupropion|wellbutrin|trazodone|mirtazapine|remeron)\b/i, 'T43.29'],
  [
    /\b(quetiapine|seroquel|olanzapine|zyprexa|risperidone|risperdal|aripiprazole|abilify|ziprasidone|lurasidone|atypical antipsychotics?)\b/i,
    'T43.59',
  ],
  [/\b(carbamazepine|tegretol|oxcarbazepine|trileptal)\b/i, 'T42.1'],
  [/\b(valproate|valproic acid|divalproex|depakote|zolpidem|ambien)\b/i, 'T42.6'],
  [/\b(cyclobenzaprine|flexeril|baclofen|methocarbamol|muscle relaxants?)\b/i, 'T42.8'],
  [/\b(donepezil|aricept|rivastigmine|galantamine|cholinesterase inhibitors?)\b/i, 'T44.0'],
  [/\b(oxybutynin|tolterodine|anticholinergics?)\b/i, 'T44.3'],
  [/\b(tamsulosin|flomax|doxazosin|terazosin|prazosin|alfuzosin|alpha[- ]blockers?)\b/i, 'T44.6'],
  [/\b(clonidine|hydralazine)\b/i, 'T46.5'],
  [/\b(nitroglycerin|isosorbide)\b/i, 'T46.3'],
  [
    /\b(semaglutide|ozempic|wegovy|liraglutide|victoza|dulaglutide|trulicity|tirzepatide|mounjaro|glp-?1 (?:receptor )?agonists?)\b/i,
    'T38.3',
  ],
  [/\b(tamsulosin|flomax|doxazosin|terazosin|prazosin|alfuzosin|silodosin|alpha[- ]blockers?)\b/i, 'T44.6'],
  [/\b(hydrochlorothiazide|hctz|chlorthalidone|indapamide|metolazone|thiazides?)\b/i, 'T50.2'],
  [/\b(omeprazole|pantoprazole|esomeprazole|lansoprazole|rabeprazole|proton pump inhibitors?|ppis?)\b/i, 'T47.1'],
  [/\b(famotidine|pepcid|ranitidine|h2 blockers?)\b/i, 'T47.0'],
  [/\b(diphenhydramine|benadryl|cetirizine|loratadine|fexofenadine|ondansetron|zofran|meclizine|antihistamines?)\b/i, 'T45.0'],
  [/\b(albuterol|montelukast|singulair)\b/i, 'T48.6'],
  [/\b(acyclovir|valacyclovir|valtrex|oseltamivir|tamiflu)\b/i, 'T37.5'],
  [/\b(metronidazole|flagyl)\b/i, 'T37.3'],
  [/\b(fluconazole|diflucan)\b/i, 'T37.8'],
  [/\b(oral contraceptives?|birth control pills?|ocps?|combined hormonal contraceptives?)\b/i, 'T38.4'],
  [/\b(estradiol|conjugated estrogens|premarin|estrogen therapy|hormone replacement|medroxyprogesterone)\b/i, 'T38.5'],
  [/\b(testosterone)\b/i, 'T38.7'],
];

/** Wrongly taken: a poisoning, not an adverse effect. */
const POISONING =
  /\b(overdos\w*|od(?:'?d)?(?=\s+(?:on|of|with)\b)|(?:accidental|unintentional|intentional) od|poison\w*|took too (many|much)|wrong (medication|drug|dose|pills?)|double dose|extra doses?|accidental(ly)? (ingest\w*|took|taken)|ingest\w*|not as prescribed)\b/i;
const SELF_HARM = /\b(intentional\w*|suicid\w*|self[- ]harm|deliberate\w*)\b/i;
/**
 * Said of a condition the drug caused. A drug the patient was moved off ("switched from aspirin to
 * clopidogrel", "weaned from prednisone") is named after "from" without being a cause.
 */
export const CAUSED =
  /\b(due to|d\/t|(?<!\b(?:switch\w*|chang\w*|convert\w*|transition\w*|moved|went|taper\w*|wean\w*|came off)\s+(?:\w+\s+)?)from|secondary to|caused by|induced|related|adverse (effect|reaction|event)s?|side[- ]effects?|reaction to|intoleran\w*|associated)\b/i;

export interface DrugEffect {
  code: string;
  kind: 'adverse effect' | 'poisoning';
}

/**
 * The class of the drug the statement names first ("arthralgia due to anastrozole ..., acetaminophen
 * as needed": the anastrozole, not the drug given for the symptom); classes found at the same place
 * (a brand and its class word) keep the table's order.
 */
function drugClassOf(statement: string): string | undefined {
  let best: { at: number; base: string } | undefined;
  for (const [re, base] of DRUG_CLASSES) {
    const at = statement.search(re);
    if (at >= 0 && (!best || at < best.at)) best = { at, base };
  }
  return best?.base;
}

/** The T36-T50 subcategory of the drug a text names first, if any (the drug's class). */
export const drugClassNamed = (text: string): string | undefined => drugClassOf(text);

/** The T code a statement documents for a drug it names, if any. */
export function drugEffectCode(icd: CodingRun['codeSets']['icd'], statement: string, context: string): DrugEffect | undefined {
  const poisoning = POISONING.test(statement);
  if (!poisoning && !CAUSED.test(statement) && !namesDrugAsKind(statement)) return undefined;
  const base = drugClassOf(statement);
  if (!base) return undefined;
  const character = poisoning ? (SELF_HARM.test(statement) ? '2' : '1') : '5';
  const phase = encounterPhase(context);
  const seventh = phase === 'sequela' ? 'S' : phase === undefined || phase === 'initial' ? 'A' : 'D';
  const code = `${base}${base.length === 5 ? 'X' : ''}${character}${seventh}`;
  return isBillable(icd, code) ? { code, kind: poisoning ? 'poisoning' : 'adverse effect' } : undefined;
}

/**
 * The effect another statement of the same condition documents, when the first names none: a
 * diagnosis line that only sets the drug beside the condition ("arthralgia hands - anastrozole") and
 * the assessment's fuller statement the search read with it ("arthralgia of both hands due to
 * anastrozole"), the drug named in the link's own phrase. Only statements of the notes the draft was
 * read from, never a physician's answer.
 */
function fullerStatementEffect(run: CodingRun, d: DiagnosisDraft): DrugEffect | undefined {
  for (const e of d.evidence.slice(1)) {
    if (e.section !== 'notes' || /^Physician answer:/i.test(e.text)) continue;
    // The drug the link names: in the link's own phrase ("from dehydration - hold lisinopril" names none).
    const link = CAUSED.exec(e.text);
    const phrase = link ? (e.text.slice(link.index).split(/[,;.()\u2013\u2014]|\s-\s/)[0] ?? '') : '';
    const effect = phrase ? drugEffectCode(run.codeSets.icd, phrase, e.text) : undefined;
    if (effect) return effect;
  }
  return undefined;
}

/**
 * Step: a statement that names a drug as the cause of what it documents gets the drug's T code:
 * after the manifestation for an adverse effect, before it for a poisoning. A T code already chosen
 * for the statement by the word search is replaced by the one its drug's class calls for.
 */
export function drugEffects(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  let out = drafts;
  const seen = new Set<string>();
  for (const d of drafts) {
    // A factor code (long-term use of a drug, a status, a history) is not a condition a drug caused:
    // its statement names the drug as taken ("tried naproxen ... from a physical therapist").
    if (d.code.startsWith('Z')) continue;
    // The statement, and the physician's answer linking it to a drug ("yes, the hives are from the amoxicillin").
    const answers = d.evidence.slice(1).filter((e) => /^Physician answer: (?!no\b)/i.test(e.text));
    const written = d.evidence[0]?.text ?? '';
    const statement = [written, ...answers.map((e) => e.text)].join('. ');
    if (seen.has(written)) continue;
    seen.add(written);
    const stated = drugEffectCode(run.codeSets.icd, statement, statement) ?? fullerStatementEffect(run, d);
    if (!stated) continue;
    const { effect, told, issue } = kindFromNotes(run, d, statement, stated);
    const same = out.filter((o) => o.evidence[0]?.text === written);
    // A drug or external-cause code the search found for the same words is the drug's, now coded by its class.
    const replaced = same.filter((o) => /^T(3[6-9]|[45]\d|6[0-5])|^[V-Y]/.test(o.code));
    out = out.filter((o) => !replaced.includes(o));
    const gone = new Set(replaced.map((o) => o.order));
    run.issues = run.issues.filter((i) => i.order === undefined || !gone.has(i.order) || out.some((o) => o.order === i.order));
    const existing = out.find((o) => o.code === effect.code);
    if (existing) {
      if (issue) run.issues.push({ ...issue, order: existing.order });
      continue;
    }
    const manifestations = out.filter((o) => same.includes(o));
    // An adverse effect the note (not the line) says, on a line naming only the drug: after the condition it caused.
    const condition = told && manifestations.length === 0 ? out.find((o) => !/^[TZV-Y]/.test(o.code)) : undefined;
    const order =
      effect.kind === 'poisoning'
        ? Math.min(d.order, ...manifestations.map((m) => m.order)) - 0.1
        : Math.max(d.order, condition?.order ?? d.order) + 0.2;
    if (issue) run.issues.push({ ...issue, order });
    out = [
      ...out,
      newDraft(run.codeSets, effect.code, {
        confidence: d.confidence,
        order,
        evidence: [...d.evidence],
        rationale:
          effect.kind === 'poisoning'
            ? `"${told ?? statement}" documents a drug taken wrongly: poisoning ${effect.code}, sequenced before its manifestations (guideline I.C.19.e.5.b).`
            : `"${told ?? statement}" documents a drug as the cause${told ? ', taken as prescribed' : ''}: adverse effect ${effect.code} after the manifestation (guideline I.C.19.e.5.a).`,
      }),
    ];
  }
  return out;
}

/** The same T code with the 6th character of another kind (5 adverse effect; 1 accidental, 2 self-harm poisoning). */
function withKind(effect: DrugEffect, kind: EffectKind, character: string): DrugEffect {
  const code = effect.code;
  return { code: `${code.slice(0, -2)}${character}${code.slice(-1)}`, kind };
}

/**
 * The kind the note's lines about the drug state (drug-effect-kind.ts) in place of the line's, and the
 * line stating it; a note leaving it open asks adverse effect or poisoning, the line's kind until answered.
 */
function kindFromNotes(
  run: CodingRun,
  d: DiagnosisDraft,
  statement: string,
  stated: DrugEffect,
): { effect: DrugEffect; told?: string; issue?: ClarificationIssue } {
  const drug = DRUG_CLASSES.find(([re]) => re.test(statement));
  if (!drug) return { effect: stated };
  const recorded = kindInNotes(run.input.documentation.notes, drug[0]);
  const icd = run.codeSets.icd;
  const adverse = withKind(stated, 'adverse effect', '5');
  const poisoning = withKind(stated, 'poisoning', '1');
  if (recorded.open && recorded.statement) {
    if (!isBillable(icd, adverse.code) || !isBillable(icd, poisoning.code)) return { effect: stated };
    const issue: ClarificationIssue = {
      kind: 'specificity',
      question: detailConflictQuestion(
        d.evidence[0]?.text ?? statement,
        recorded.statement,
        'kind of drug effect: taken as prescribed (adverse effect) or taken wrongly (poisoning)',
      ),
      clinicalIndicators: [`Documented: "${d.evidence[0]?.text ?? statement}"`, `Note: "${recorded.statement}"`],
      options: [
        { label: 'Adverse effect: taken as prescribed', code: adverse.code },
        { label: 'Accidental poisoning: taken wrongly (extra dose, overdose)', code: poisoning.code },
      ],
      reason: `The note leaves open whether the drug was taken as prescribed or in excess ("${recorded.statement}"); the 6th character and the sequencing depend on it (guideline I.C.19.e.5); ${stated.code} until answered.`,
      order: d.order,
    };
    const resolution = resolutionFor(issue, run.input.answers);
    if (!resolution) return { effect: stated, issue };
    const chosen =
      resolution.kind === 'option'
        ? resolution.option.code === poisoning.code
          ? poisoning
          : adverse
        : resolution.kind === 'free-text' && POISONING.test(resolution.text)
          ? poisoning
          : resolution.kind === 'free-text'
            ? adverse
            : stated;
    return {
      effect: chosen,
      told: chosen === stated ? undefined : `Physician answer: ${resolution.kind === 'free-text' ? resolution.text : chosen.kind}`,
    };
  }
  if (!recorded.kind || recorded.kind === stated.kind || !recorded.statement) return { effect: stated };
  const effect = recorded.kind === 'poisoning' ? withKind(stated, 'poisoning', SELF_HARM.test(recorded.statement) ? '2' : '1') : adverse;
  return isBillable(icd, effect.code) ? { effect, told: recorded.statement } : { effect: stated };
}
