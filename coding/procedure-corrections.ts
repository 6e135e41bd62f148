/**
 * Procedure codes the physician wrote that the record, or the design of the code set itself, shows
 * to be wrong, and the codes a coder puts in their place:
 *  - preventive medicine visits exist per age band (under 1, 1-4, 5-11, 12-17, 18-39, 40-64, 65 and
 *    over) and per patient status (99381-99387 new, 99391-99397 established): the band is the
 *    patient's age, the status the one the record states (patient-status.ts), else the written one;
 *  - office visits are 99202-99205 for a new patient and 99212-99215 for an established one: a
 *    written level is kept, its status is the one the record states;
 *  - some services are a primary code for the first lesion and an add-on code for each further one
 *    (tangential, punch and incisional biopsies; destruction of premalignant lesions, whose 15 or
 *    more lesions are one 17004 instead): a primary written with more than one unit is one unit of
 *    the primary and the rest as the add-on;
 *  - some services are billed once a session, their code chosen by how many lesions, nails or
 *    muscles were treated (warts 17110/17111, paring 11055-11057, nail debridement 11720/11721,
 *    trigger points 20552/20553): a count written as units, or stated by the record, picks the code,
 *    one unit;
 *  - arthrocentesis with ultrasound guidance has its own codes (20604, 20606, 20611), and NCCI
 *    bundles the guidance (76942) into them.
 * Psychotherapy beside an E/M visit, arthrocentesis written as ultrasound-guided when the record
 * documents none, and a urinalysis dipstick of the other method are corrected the same way
 * (service-method-corrections.ts).
 * The lesion count is the one the record states when it states exactly one (a range such as the
 * "1-2 muscles" of a code's title is not a count), else the written units.
 * A corrected line carries the corrected code on the claim and the physician's code as its first
 * alternative; the correction (its rule, the written code, the corrected code and why) is kept on
 * the run, reported as a 'changed' documented code, and sends the encounter to a coder: a written
 * code is never billed as written against the record, and never rewritten silently. A written code
 * the rules find right is left alone. Vaccine administration schemes (vaccine-coding.ts) and wound
 * repairs (wound-repair.ts) record their corrections here too.
 *
 * Longer than most modules: the rules share the reading of written lines, the stated count and the
 * correction record, and each is a short section below.
 */
import type { CodedProcedure, EditFinding, RecordSection } from '../domain/coding.ts';
import { bandLabel, codeForAge, preventiveStatus } from './age-bands.ts';
import type { CodingRun } from './coding-run.ts';
import { statedStatus, visitCodeStatus } from './patient-status.ts';
import { procedureSystem } from './procedures.ts';
import type { VisitLine } from './vaccine-coding.ts';

export interface ProcedureCorrection {
  /** Which rule corrected the line (a stable id: PREVENTIVE_VISIT, ADD_ON_UNITS, ...). */
  rule: string;
  written: string;
  /** What the claim carries for the line now (a line folded into another's code names that code). */
  codedAs: string[];
  /** For the coder: the rule, the written code and the corrected one. */
  reason: string;
}

/** A code and units that replace a written code on its line. */
export interface Replacement {
  code: string;
  units: number;
}

/** Confidence of a code corrected by a rule of the code set. */
const CORRECTED = 0.85;
const section: RecordSection = 'procedures';

/** Short titles of the codes the rules put on a claim, for catalogs that lack them. */
const TITLES: Readonly<Record<string, string>> = {
  '11102': 'Tangential biopsy of skin, single lesion',
  '11103': 'Tangential biopsy of skin, each additional lesion',
  '11104': 'Punch biopsy of skin, single lesion',
  '11105': 'Punch biopsy of skin, each additional lesion',
  '11106': 'Incisional biopsy of skin, single lesion',
  '11107': 'Incisional biopsy of skin, each additional lesion',
  '17000': 'Destruction of premalignant lesion, first lesion',
  '17003': 'Destruction of premalignant lesions, second through 14 lesions, each',
  '17004': 'Destruction of premalignant lesions, 15 or more lesions',
  '17110': 'Destruction of benign lesions (warts), up to 14 lesions',
  '17111': 'Destruction of benign lesions (warts), 15 or more lesions',
  '11055': 'Paring or cutting of benign hyperkeratotic lesion, single lesion',
  '11056': 'Paring or cutting of benign hyperkeratotic lesions, 2 to 4 lesions',
  '11057': 'Paring or cutting of benign hyperkeratotic lesions, more than 4 lesions',
  '11720': 'Debridement of nails, 1 to 5',
  '11721': 'Debridement of nails, 6 or more',
  '20552': 'Injection of trigger points, 1 or 2 muscles',
  '20553': 'Injection of trigger points, 3 or more muscles',
  '90832': 'Psychotherapy, 30 minutes (16-37) with patient',
  '90833': 'Psychotherapy, 30 minutes (16-37) with patient, with an E/M service',
  '90834': 'Psychotherapy, 45 minutes (38-52) with patient',
  '90836': 'Psychotherapy, 45 minutes (38-52) with patient, with an E/M service',
  '90837': 'Psychotherapy, 60 minutes (53 or more) with patient',
  '90838': 'Psychotherapy, 60 minutes (53 or more) with patient, with an E/M service',
  '20604': 'Arthrocentesis or injection, small joint or bursa, with ultrasound guidance',
  '20606': 'Arthrocentesis or injection, intermediate joint or bursa, with ultrasound guidance',
  '20611': 'Arthrocentesis or injection, major joint or bursa, with ultrasound guidance',
  '94010': 'Spirometry',
  '94060': 'Spirometry before and after bronchodilator',
  '99406': 'Tobacco cessation counseling, 3 to 10 minutes',
  '99407': 'Tobacco cessation counseling, more than 10 minutes',
  '96413': 'Chemotherapy administration, IV infusion, up to 1 hour',
  '96415': 'Chemotherapy administration, IV infusion, each additional hour',
  '99495': 'Transitional care management, moderate complexity, visit within 14 days',
  '99496': 'Transitional care management, high complexity, visit within 7 days',
  '11983': 'Removal with reinsertion, non-biodegradable drug delivery implant',
  '57454': 'Colposcopy of the cervix with biopsy and endocervical curettage',
  '93306': 'Transthoracic echocardiography, complete, with spectral and color flow Doppler',
  '93000': 'Electrocardiogram, routine, with interpretation and report',
  '81000': 'Urinalysis, non-automated, with microscopy',
  '81001': 'Urinalysis, automated, with microscopy',
  '92557': 'Comprehensive audiometry threshold evaluation and speech recognition',
  '90791': 'Psychiatric diagnostic evaluation',
  '90792': 'Psychiatric diagnostic evaluation with medical services',
  '30300': 'Removal of foreign body, intranasal, office type procedure',
  '30310': 'Removal of foreign body, intranasal, requiring general anesthesia',
  '69200': 'Removal of foreign body from external auditory canal, without general anesthesia',
  '69205': 'Removal of foreign body from external auditory canal, with general anesthesia',
  '10060': 'Incision and drainage of abscess, simple or single',
  '10061': 'Incision and drainage of abscess, complicated or multiple',
  '10080': 'Incision and drainage of pilonidal cyst, simple',
  '10081': 'Incision and drainage of pilonidal cyst, complicated',
  '99024': 'Postoperative follow-up visit, included in the global service',
  J7296: 'Levonorgestrel-releasing intrauterine contraceptive system (Kyleena), 19.5 mg',
  J7297: 'Levonorgestrel-releasing intrauterine contraceptive system (Liletta), 52 mg',
  J7298: 'Levonorgestrel-releasing intrauterine contraceptive system (Mirena), 52 mg',
  J7301: 'Levonorgestrel-releasing intrauterine contraceptive system (Skyla), 13.5 mg',
  J7611: 'Albuterol inhalation solution, concentrated form, per 1 mg',
  J7612: 'Levalbuterol inhalation solution, concentrated form, per 0.5 mg',
  J7613: 'Albuterol inhalation solution, unit dose, per 1 mg',
  J7614: 'Levalbuterol inhalation solution, unit dose, per 0.5 mg',
  G0438: 'Annual wellness visit, initial',
  G0439: 'Annual wellness visit, subsequent',
};

/** The catalog's title of a code, else the rules' own. */
export const titleOf = (run: CodingRun, code: string) => run.codeSets.catalog.byCode.get(code)?.description ?? TITLES[code] ?? code;

/**
 * Records a correction of a written code: kept on the run for the documented-code outcome, and a
 * finding naming the rule, the written code and the corrected one.
 */
export function recordCorrection(
  run: CodingRun,
  line: object,
  correction: ProcedureCorrection,
  source: string,
  edits: EditFinding[],
): void {
  (run.procedureCorrections ??= new Map()).set(line, correction);
  edits.push({
    rule: 'DOCUMENTED_CODE_CORRECTED',
    severity: 'warning',
    codes: [...new Set([correction.written, ...correction.codedAs])],
    needsDocumentation: false,
    source,
    message: correction.reason,
  });
}

/**
 * The coded procedures that replace a written code on its line: the corrected codes, each offering
 * the physician's code (and any other written code folded in) as its first alternatives.
 */
export function correctedProcedures(
  run: CodingRun,
  description: string,
  from: CodedProcedure | undefined,
  replacements: readonly Replacement[],
  writtenCodes: readonly string[],
  reason: string,
): CodedProcedure[] {
  return replacements.map((r) => ({
    system: procedureSystem(r.code),
    code: r.code,
    description: titleOf(run, r.code),
    confidence: CORRECTED,
    units: r.units,
    modifiers: from?.modifiers ?? [],
    evidence: from?.evidence ?? [{ section, text: description }],
    diagnosisPointers: from?.diagnosisPointers ?? [],
    alternatives: [
      ...writtenCodes
        .filter((w) => w !== r.code)
        .map((w) => ({
          system: procedureSystem(w),
          code: w,
          description: titleOf(run, w),
          confidence: CORRECTED,
          rationale: `Written by the physician; corrected: ${reason}`,
          evidence: [{ section, text: description }],
        })),
      ...(from?.alternatives ?? []),
    ],
    rationale: reason,
  }));
}

/** A written line as the rules read it: its code coded as written, and its units. */
export interface WrittenLine {
  visit: VisitLine;
  code: string;
  units: number;
  coded: CodedProcedure;
}

export function writtenLines(lines: readonly VisitLine[]): WrittenLine[] {
  return lines.flatMap((l) => {
    const coded = l.coded[0];
    if (!l.written || l.coded.length !== 1 || coded?.code !== l.written) return [];
    return [{ visit: l, code: l.written, units: Math.max(1, l.line.units ?? coded.units ?? 1), coded }];
  });
}

/** Replaces a written line's code (or folds the line into another's code when `replacements` is empty). */
export function correct(
  run: CodingRun,
  w: WrittenLine,
  rule: string,
  source: string,
  replacements: readonly Replacement[],
  reason: string,
  edits: EditFinding[],
  codedAs = replacements.map((r) => r.code),
  folded: readonly string[] = [],
): void {
  w.visit.coded = correctedProcedures(run, w.visit.line.description, w.coded, replacements, [w.code, ...folded], reason);
  recordCorrection(run, w.visit.line, { rule, written: w.code, codedAs, reason }, source, edits);
}

const units = (r: Replacement) => `${r.code}${r.units > 1 ? ` x${r.units}` : ''}`;

// ---- Visits: age band and patient status ----

function correctVisit(run: CodingRun, w: WrittenLine, edits: EditFinding[]): void {
  const visit = visitCodeStatus(w.code);
  if (!visit) return;
  const age = run.input.patient.ageYears;
  const stated = statedStatus(run.input.documentation.notes, run.input.dateOfService);
  const status = stated ?? visit.status;
  const ofStatus = visit.forStatus(status);
  const preventive = preventiveStatus(w.code) !== undefined;
  const target = ofStatus && preventive ? codeForAge(ofStatus, age) : ofStatus;
  if (!target || target === w.code) return;
  const why: string[] = [];
  if (status !== visit.status) why.push(`the record states the patient is ${status === 'new' ? 'new' : 'established'}`);
  if (preventive && bandLabel(w.code) !== bandLabel(target))
    why.push(`${w.code} is for patients ${bandLabel(w.code)} and the patient is ${age}`);
  const kind = preventive ? 'Preventive medicine visit' : 'Office visit';
  const reason = `${kind}: ${why.join('; ')}, so ${target} (${titleOf(run, target)}) replaces the written ${w.code}, which is kept as an alternative for a coder.`;
  const source = preventive
    ? 'CPT preventive medicine services: age bands, new and established patients'
    : 'CPT E/M guidelines: new and established patients';
  correct(run, w, preventive ? 'PREVENTIVE_VISIT' : 'VISIT_STATUS', source, [{ code: target, units: w.units }], reason, edits);
}

// ---- Lesion counts the record states ----

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const TIME_AFTER = /^\s*(?:mo|mos|months?|wks?|weeks?|yrs?|years?|days?|d|h|hrs?|hours?|min)\b/i;

/** A number that bounds a range ("1-2 muscles", "3 or more", "up to 14") is a code's title, not a count. */
const RANGE_AFTER = /\bor (?:more|fewer|less)\b/i;
const RANGE_BEFORE = /(?:\d\s*(?:-|–|to|or|\/)|\b(?:up to|more than|fewer than|less than|at least|over))\s*$/i;

/** The count the record (notes and the line) states of the things a noun names, when it states exactly one. */
export function statedCount(texts: readonly string[], noun: string): number | undefined {
  const before = new RegExp(String.raw`\b(\d{1,2}|${NUMBER_WORDS.join('|')})\s+(?:[a-z-]+\s+){0,2}?(?:${noun})\b`, 'gi');
  const after = new RegExp(String.raw`\b(?:${noun})\s*(?:x|×)\s*(\d{1,2})\b`, 'gi');
  const counts = new Set<number>();
  for (const text of texts) {
    for (const m of text.matchAll(before)) {
      if (RANGE_AFTER.test(m[0]) || RANGE_BEFORE.test(text.slice(0, m.index))) continue;
      const n = m[1] ?? '';
      counts.add(/^\d/.test(n) ? Number(n) : NUMBER_WORDS.indexOf(n.toLowerCase()));
    }
    for (const m of text.matchAll(after)) if (!TIME_AFTER.test(text.slice((m.index ?? 0) + m[0].length))) counts.add(Number(m[1]));
  }
  counts.delete(0);
  return counts.size === 1 ? [...counts][0] : undefined;
}

const recordTexts = (run: CodingRun, lines: readonly WrittenLine[]) => [
  run.input.documentation.notes,
  ...lines.map((l) => l.visit.line.description),
];

// ---- Primary and add-on codes ----

const BIOPSIES: ReadonlyArray<{ primary: string; addOn: string; what: string }> = [
  { primary: '11102', addOn: '11103', what: 'tangential biopsy' },
  { primary: '11104', addOn: '11105', what: 'punch biopsy' },
  { primary: '11106', addOn: '11107', what: 'incisional biopsy' },
];
const ADD_ON_SOURCE = 'CPT: a primary code for the first lesion, an add-on code for each additional lesion';

function correctBiopsies(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  for (const family of BIOPSIES) {
    if (written.some((w) => w.code === family.addOn)) continue;
    for (const w of written.filter((l) => l.code === family.primary && l.units > 1)) {
      const fixed = [
        { code: family.primary, units: 1 },
        { code: family.addOn, units: w.units - 1 },
      ];
      const reason = `${family.primary} (${family.what}) is for the first lesion only, one unit; the ${w.units} units written are ${fixed.map(units).join(' + ')} (${family.addOn} for each additional lesion). A coder must confirm.`;
      correct(run, w, 'ADD_ON_UNITS', ADD_ON_SOURCE, fixed, reason, edits);
    }
  }
}

const PREMALIGNANT = String.raw`aks?|actinic keratos[ie]s|keratoses|premalignant lesions?|lesions?`;

/** Destruction of premalignant lesions: 17000 for the first, 17003 for each of the 2nd to 14th, 17004 alone for 15 or more. */
function correctDestruction(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  const first = written.filter((w) => w.code === '17000');
  const further = written.filter((w) => w.code === '17003');
  const all = written.filter((w) => w.code === '17004');
  const lead = first[0] ?? all[0];
  if (!lead || first.length + all.length > 1) return;
  const stated = statedCount(recordTexts(run, [...first, ...further, ...all]), PREMALIGNANT);
  const writtenCount = all.length ? undefined : lead.units + further.reduce((n, w) => n + w.units, 0);
  const count = stated ?? writtenCount;
  if (count === undefined) return;
  const source = 'CPT destruction of premalignant lesions: 17000 first lesion, 17003 each of lesions 2-14, 17004 for 15 or more';
  const lesions = `${count} lesion${count === 1 ? '' : 's'}${stated !== undefined ? ' (as the record states)' : ''}`;
  if (count >= 15) {
    if (all.length) return;
    const reason = `${lesions} destroyed are reported as 17004 alone, not ${[lead, ...further].map((w) => units({ code: w.code, units: w.units })).join(' + ')}; the written codes are kept as alternatives for a coder.`;
    correct(
      run,
      lead,
      'LESION_COUNT',
      source,
      [{ code: '17004', units: 1 }],
      reason,
      edits,
      ['17004'],
      further.map((w) => w.code),
    );
    for (const w of further) correct(run, w, 'LESION_COUNT', source, [], reason, edits, ['17004']);
    return;
  }
  // Under 15: 17000 once, and 17003 for the rest.
  const rest = count - 1;
  if (all.length) {
    const fixed = [{ code: '17000', units: 1 }, ...(rest > 0 ? [{ code: '17003', units: rest }] : [])];
    correct(
      run,
      lead,
      'LESION_COUNT',
      source,
      fixed,
      `${lesions} destroyed are ${fixed.map(units).join(' + ')}, not 17004 (15 or more). A coder must confirm.`,
      edits,
    );
    return;
  }
  const furtherUnits = further.reduce((n, w) => n + w.units, 0);
  if (lead.units > 1 || (further.length && rest > 0 && furtherUnits !== rest)) {
    const onLead = [{ code: '17000', units: 1 }, ...(!further.length && rest > 0 ? [{ code: '17003', units: rest }] : [])];
    const reason = `${lesions} destroyed are 17000 once${rest > 0 ? ` and 17003 x${rest}` : ''}, not ${[lead, ...further].map((w) => units({ code: w.code, units: w.units })).join(' + ')}. A coder must confirm.`;
    if (lead.units > 1 || onLead.length > 1) correct(run, lead, 'ADD_ON_UNITS', source, onLead, reason, edits);
    const [head, ...others] = further;
    if (head && furtherUnits !== rest) {
      correct(run, head, 'ADD_ON_UNITS', source, [{ code: '17003', units: rest }], reason, edits);
      for (const w of others) correct(run, w, 'ADD_ON_UNITS', source, [], reason, edits, ['17003']);
    }
  }
}

// ---- Codes billed once a session, chosen by the count ----

const PER_SESSION: ReadonlyArray<{ bands: ReadonlyArray<readonly [number, string]>; noun: string; what: string }> = [
  {
    bands: [
      [14, '17110'],
      [Infinity, '17111'],
    ],
    noun: String.raw`warts?|verrucae|lesions?`,
    what: 'destruction of benign lesions (warts): 17110 up to 14, 17111 for 15 or more',
  },
  {
    bands: [
      [1, '11055'],
      [4, '11056'],
      [Infinity, '11057'],
    ],
    noun: String.raw`corns?|calluses|callosities|hyperkeratotic lesions?|lesions?`,
    what: 'paring of benign hyperkeratotic lesions: 11055 one, 11056 two to four, 11057 more than four',
  },
  {
    bands: [
      [5, '11720'],
      [Infinity, '11721'],
    ],
    noun: String.raw`nails?|toenails?|fingernails?`,
    what: 'debridement of nails: 11720 one to five, 11721 six or more',
  },
  {
    bands: [
      [2, '20552'],
      [Infinity, '20553'],
    ],
    noun: String.raw`muscles?|muscle groups?`,
    what: 'trigger point injections: 20552 one or two muscles, 20553 three or more',
  },
];

function correctPerSession(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  for (const family of PER_SESSION) {
    const lines = written.filter((w) => family.bands.some(([, c]) => c === w.code));
    if (lines.length !== 1) continue;
    const [w] = lines as [WrittenLine];
    const stated = statedCount(recordTexts(run, [w]), family.noun);
    const count = stated ?? (w.units > 1 ? w.units : undefined);
    const target = count === undefined ? undefined : family.bands.find(([upTo]) => count <= upTo)?.[1];
    if (!target || (target === w.code && w.units === 1)) continue;
    const reason = `${w.code} is billed once a session (${family.what}); ${count} treated${stated !== undefined ? ' as the record states' : ` (the ${w.units} units written)`} is ${target} x1, not ${units({ code: w.code, units: w.units })}. A coder must confirm.`;
    correct(run, w, 'PER_SESSION_UNITS', `CPT ${family.what}`, [{ code: target, units: 1 }], reason, edits);
  }
}

// ---- Arthrocentesis with ultrasound guidance ----

const GUIDED: Readonly<Record<string, string>> = { '20600': '20604', '20605': '20606', '20610': '20611' };
const ULTRASOUND_GUIDANCE = '76942';

function correctGuidedInjection(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  const guidance = written.filter((w) => w.code === ULTRASOUND_GUIDANCE);
  const injections = written.filter((w) => GUIDED[w.code]);
  if (!guidance.length || !injections.length) return;
  const source = 'CPT 20604/20606/20611 (arthrocentesis with ultrasound guidance); NCCI bundles 76942 into them';
  const guided = injections.map((w) => GUIDED[w.code]!);
  const reason = `${injections.map((w) => w.code).join(', ')} written with ultrasound guidance ${ULTRASOUND_GUIDANCE}: the guided arthrocentesis is ${[...new Set(guided)].join(', ')}, which includes the guidance (not billed apart). A coder must confirm.`;
  injections.forEach((w, i) =>
    correct(
      run,
      w,
      'GUIDANCE_BUNDLED',
      source,
      [{ code: guided[i]!, units: w.units }],
      reason,
      edits,
      [guided[i]!],
      i === 0 ? [ULTRASOUND_GUIDANCE] : [],
    ),
  );
  for (const w of guidance) correct(run, w, 'GUIDANCE_BUNDLED', source, [], reason, edits, [guided[0]!]);
}

/** The visit's written procedure codes checked against the rules above; a wrong one is corrected on its line. */
export function correctWrittenCodes(run: CodingRun, lines: readonly VisitLine[], edits: EditFinding[]): void {
  const written = () => writtenLines(lines);
  for (const w of written()) correctVisit(run, w, edits);
  correctBiopsies(run, written(), edits);
  correctDestruction(run, written(), edits);
  correctPerSession(run, written(), edits);
  correctGuidedInjection(run, written(), edits);
}
