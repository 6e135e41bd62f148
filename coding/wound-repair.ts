/**
 * Wound repairs (CPT 12001-12057) as a coder codes them: by the repair's class (simple, intermediate;
 * complex repairs are left to a coder), the anatomic group of the wound and its length in centimetres
 * (lengths of wounds of one class in one group are added). Simple repairs of the face, ears, eyelids,
 * nose, lips and mucous membranes are 12011-12018, of any other site 12001-12007; intermediate
 * repairs are 12031-12037 (scalp, axillae, trunk, limbs), 12041-12047 (neck, hands, feet, external
 * genitalia) and 12051-12057 (face). The site comes from the repair line, else from the note's wound
 * or the injury codes; the length from the line, else from the note.
 *  - A repair line without a code takes the code its class, group and length give.
 *  - A written repair code the record contradicts (a forehead repaired under 12001, a 3.0 cm wound
 *    under the 2.5 cm code), or two written codes of one group whose added lengths make one code, are
 *    corrected to the code the record gives, the written code offered beside, and the encounter goes
 *    to a coder (procedure-corrections.ts); one written code for wounds of two anatomic groups (a chin
 *    and a knee) is sent to a coder with each group's code offered.
 *  - Among several repair lines, a written code stands for the one wound of the notes in its group
 *    and length band, read with the closure the notes state for it (a layered hand closure under a
 *    simple-repair code is an intermediate repair); a lone repair line takes the closure length the
 *    notes state ("final repaired length 3.2 cm"), and a band's title on the line ("2.5 cm or less")
 *    measures no wound.
 *  - A wound the note describes twice (the exam and the assessment: same site, same length) is one
 *    wound when lengths are added; wounds a statement lists with a site and a length each ("L forearm
 *    3.5 cm, R hand 1.5 cm") are counted one by one when no statement names one wound alone.
 * Longer than most modules: the five code families, the site words and the readers of the record's
 * wounds belong together.
 */
import type { CodedDiagnosis, CodedProcedure, EditFinding, RecordSection } from '../domain/coding.ts';
import type { DocumentedProcedure } from '../domain/encounter.ts';
import { round, type CodingRun } from './coding-run.ts';
import { derivedCatalogEntry } from './procedure-lines.ts';
import { procedureSystem } from './procedures.ts';
import { correctedProcedures, recordCorrection } from './procedure-corrections.ts';

type Site = 'face' | 'scalp' | 'neck' | 'axilla' | 'trunk' | 'limb' | 'hand' | 'foot' | 'genitalia';
type RepairClass = 'simple' | 'intermediate';

/** Upper length bound (cm) of each code of a family, shortest first. */
type Family = ReadonlyArray<readonly [number, string]>;
const SIMPLE_FACE: Family = [
  [2.5, '12011'],
  [5, '12013'],
  [7.5, '12014'],
  [12.5, '12015'],
  [20, '12016'],
  [30, '12017'],
  [Infinity, '12018'],
];
const SIMPLE_OTHER: Family = [
  [2.5, '12001'],
  [7.5, '12002'],
  [12.5, '12004'],
  [20, '12005'],
  [30, '12006'],
  [Infinity, '12007'],
];
const INTERMEDIATE_LIMB: Family = [
  [2.5, '12031'],
  [7.5, '12032'],
  [12.5, '12034'],
  [20, '12035'],
  [30, '12036'],
  [Infinity, '12037'],
];
const INTERMEDIATE_HAND: Family = [
  [2.5, '12041'],
  [7.5, '12042'],
  [12.5, '12044'],
  [20, '12045'],
  [30, '12046'],
  [Infinity, '12047'],
];
const INTERMEDIATE_FACE: Family = [
  [2.5, '12051'],
  [5, '12052'],
  [7.5, '12053'],
  [12.5, '12054'],
  [20, '12055'],
  [30, '12056'],
  [Infinity, '12057'],
];
const FACE_GROUP = 'face, ears, eyelids, nose, lips or mucous membranes';
const FAMILIES: ReadonlyArray<{ cls: RepairClass; sites: ReadonlySet<Site>; codes: Family; group: string }> = [
  { cls: 'simple', sites: new Set(['face']), codes: SIMPLE_FACE, group: FACE_GROUP },
  {
    cls: 'simple',
    sites: new Set(['scalp', 'neck', 'axilla', 'trunk', 'limb', 'hand', 'foot', 'genitalia']),
    codes: SIMPLE_OTHER,
    group: 'scalp, neck, axillae, external genitalia, trunk or extremities',
  },
  {
    cls: 'intermediate',
    sites: new Set(['scalp', 'axilla', 'trunk', 'limb']),
    codes: INTERMEDIATE_LIMB,
    group: 'scalp, axillae, trunk or limbs',
  },
  {
    cls: 'intermediate',
    sites: new Set(['neck', 'hand', 'foot', 'genitalia']),
    codes: INTERMEDIATE_HAND,
    group: 'neck, hands, feet or external genitalia',
  },
  { cls: 'intermediate', sites: new Set(['face']), codes: INTERMEDIATE_FACE, group: FACE_GROUP },
];
const familyOfCode = (code: string) => FAMILIES.find((f) => f.codes.some(([, c]) => c === code));
const familyFor = (cls: RepairClass, site: Site) => FAMILIES.find((f) => f.cls === cls && f.sites.has(site));

const SITE_WORDS: ReadonlyArray<[Site, RegExp]> = [
  [
    'face',
    /\b(?:forehead|face|facial|cheeks?|chin|lips?|nose|nasal|eyelids?|eyebrows?|brow|ears?|auricle|jaw|temple|periorbital|malar|mucosa)\b/i,
  ],
  ['scalp', /\bscalp\b/i],
  ['neck', /\bneck\b/i],
  ['axilla', /\baxillae?|axillary\b/i],
  ['genitalia', /\b(?:scrotum|scrotal|penis|penile|labia|labial|vulva|genital\w*)\b/i],
  ['hand', /\b(?:hands?|fingers?|fingertips?|thumbs?|palms?|palmar|knuckles?|digits?)\b/i],
  ['foot', /\b(?:foot|feet|toes?|heels?|soles?|plantar)\b/i],
  ['limb', /\b(?:arms?|forearms?|elbows?|wrists?|legs?|shins?|knees?|thighs?|calf|calves|ankles?|shoulders?|hips?|extremit(?:y|ies))\b/i],
  ['trunk', /\b(?:chest|back|abdomen|abdominal|flank|trunk|buttocks?)\b/i],
];

/** The anatomic site an open-wound injury code names (S01.- head, S11.- neck, ... S91.- ankle and foot). */
function siteOfInjuryCode(code: string): Site | undefined {
  const m = /^S(\d\d)\.(\d)/.exec(code);
  if (!m || !/^\d1$/.test(m[1] ?? '')) return undefined;
  const [region, sub] = [Number(m[1]), Number(m[2])];
  if (region === 1) return sub === 0 ? 'scalp' : sub === 9 ? undefined : 'face';
  if (region === 11) return 'neck';
  if (region === 21 || region === 31) return 'trunk';
  if (region === 61) return sub === 5 ? 'limb' : 'hand';
  if (region === 91) return sub === 0 ? 'limb' : 'foot';
  return [41, 51, 71, 81].includes(region) ? 'limb' : undefined;
}

const REPAIR_LINE = /\b(?:repairs?|repaired|closures?|suture[sd]?|lac(?:eration)? rep\w*)\b/i;
const NOT_SKIN_REPAIR = /\b(?:nail|tendon|nerve|hernia|fracture|vessel|artery|complex)\b/i;
const INTERMEDIATE_WORDS =
  /\bintermediate\b|\blayer(?:ed)? (?:closure|repair)|\b(?:two|2|multi)[\s-]?layer|\bdeep (?:dermal )?sutures?|\bsubcutaneous sutures?|\bsubq sutures?|\bburied sutures?/i;
const SIMPLE_WORDS = /\bsimple\b|\bsingle[\s-]layer\b|\bsuperficial\b/i;
const WOUND_WORDS = /\b(?:lac\w*|wound|cut|gash)\b/i;
const LENGTH = /(\d+(?:\.\d+)?)\s*(cm|mm)\b/gi;
/** A figure of a code's descriptor, and the same in centimetres. */
const FIGURE = String.raw`\d+(?:\.\d+)?`;
const CENTIMETRES = String.raw`${FIGURE}\s*cm\b`;
/**
 * A limit of a code's length band ("2.5 cm or less", "up to 2.5 cm", "over 30 cm", "> 30 cm"): the
 * descriptor's bound, not a wound's measure.
 */
const BAND_LIMIT = new RegExp(
  String.raw`${CENTIMETRES}\s*(?:or\s+(?:less|under|smaller|more|greater)|and\s+(?:under|less|over))\b` +
    String.raw`|(?:\b(?:up to|under|over|less than|greater than|more than)|[<>≤≥])\s*${CENTIMETRES}`,
  'i',
);
/** A band of a code's descriptor: a limit (after a range's first figure, when one), or a range ("2.6-7.5 cm"). */
const LENGTH_BAND = new RegExp(
  String.raw`(?:${FIGURE}\s*(?:cm)?\s*(?:-|to)\s*)?(?:${BAND_LIMIT.source})|${FIGURE}\s*(?:-|to)\s*${CENTIMETRES}`,
  'gi',
);
/** The length of the closure the notes state as such ("final repaired length 3.2 cm", "closure length 4 cm"), when one. */
const REPAIRED_LENGTH =
  /\b(?:repair(?:ed)?|closure|closed|sutured)\s+length\b[^.\n\d]{0,15}(\d+(?:\.\d+)?)\s*(cm|mm)\b|\blength of (?:the )?(?:repair|closure)\b[^.\n\d]{0,15}(\d+(?:\.\d+)?)\s*(cm|mm)\b/gi;

export function repairedLength(notes: string): number | undefined {
  const found = new Set(
    [...notes.matchAll(REPAIRED_LENGTH)].map((m) => Number(m[1] ?? m[3]) / ((m[2] ?? m[4] ?? '').toLowerCase() === 'mm' ? 10 : 1)),
  );
  return found.size === 1 ? [...found][0] : undefined;
}

/** Closure material that makes a repair (CPT: sutures, staples, tissue adhesive), not denied just before ("no sutures"). */
const REPAIR_MATERIAL =
  /(?<!\b(?:no|not|without|nor|never)\s+(?:[\w/-]+\s+){0,2})\b(?:sutures?|sutured|suturing|staples?|stapled|stapling|dermabond|(?:tissue|skin|topical) adhesive|(?:skin |tissue )?glue|glued|octyl\w*|nylon|prolene|vicryl|monocryl|chromic|ethilon|stitch(?:es|ed)?)\b/i;
/** Closure material denied after its name ("sutures not needed", "glue was deferred"). */
const MATERIAL_DENIED_AFTER =
  /\b(?:sutures?|staples?|(?:tissue |skin )?(?:adhesive|glue)|dermabond|stitches)\s+(?:(?:were|was|are|is)\s+)?(?:not|deferred|declined|unnecessary|avoided)\b[^.;\n]*/gi;
/** Adhesive strips closing the wound. */
const ADHESIVE_STRIPS =
  /\b(?:steri-?\s?strips?|adhesive (?:skin )?strips?|(?:wound )?closure strips|butterfly (?:strips?|closures?|bandages?)|skin tapes?)\b/i;
const STRIPS_SOURCE = 'CPT wound repair: closure with adhesive strips alone is part of the E/M service';

/** The notes close the wound with adhesive strips and name no suture, staple or tissue adhesive used. */
function closedWithStripsOnly(notes: string): boolean {
  const said = notes.replace(ADHESIVE_STRIPS, ' ').replace(MATERIAL_DENIED_AFTER, ' ');
  return ADHESIVE_STRIPS.test(notes) && !REPAIR_MATERIAL.test(said);
}

/** Neither the notes nor the repair line (its descriptor's band aside) state a wound's length. */
function lengthUnstated(notes: string, description: string): boolean {
  return lengthsIn(description.replace(LENGTH_BAND, ' ')).length === 0 && lengthsIn(notes).length === 0;
}

function lengthsIn(text: string): number[] {
  return [...text.matchAll(LENGTH)].map((m) => Number(m[1]) / ((m[2] ?? '').toLowerCase() === 'mm' ? 10 : 1));
}
function sitesIn(text: string): Site[] {
  return SITE_WORDS.filter(([, re]) => re.test(text)).map(([s]) => s);
}

/** The site words a statement names ("forearm", "chin"), singular, and its side. */
function siteWords(text: string): { words: Set<string>; side?: 'right' | 'left' } {
  const words = new Set(
    SITE_WORDS.flatMap(([, re]) => [...text.matchAll(new RegExp(re.source, 'gi'))].map((m) => m[0].toLowerCase().replace(/s$/, ''))),
  );
  const right = /\b(?:right|rt|r)\b/i.test(text);
  const left = /\b(?:left|lt|l)\b/i.test(text);
  return right === left ? { words } : { words, side: right ? 'right' : 'left' };
}

/**
 * The wound statements of a note, each wound once: a wound the note describes twice (the exam's "2.0
 * cm laceration R forearm" and the assessment's "R forearm lac 2.0 cm") has one length, not two. Two
 * statements are one wound when their lengths are equal, they share a site word and name no
 * different sides.
 */
function distinctWounds(statements: readonly string[]): string[] {
  const kept: Array<{ text: string; length: number; site: ReturnType<typeof siteWords> }> = [];
  for (const text of statements) {
    const length = lengthsIn(text)[0];
    if (length === undefined) continue;
    const site = siteWords(text);
    const same = kept.some(
      (k) =>
        k.length === length &&
        [...site.words].some((w) => k.site.words.has(w)) &&
        (k.site.side === undefined || site.side === undefined || k.site.side === site.side),
    );
    if (!same) kept.push({ text, length, site });
  }
  return kept.map((k) => k.text);
}

export function isWoundRepairLine(description: string, written?: string): boolean {
  if (written) return familyOfCode(written) !== undefined;
  return REPAIR_LINE.test(description) && !NOT_SKIN_REPAIR.test(description) && !/\b(?:iud|implant)\b/i.test(description);
}

/** What the record says of the repair: its class, the wounds' site group and total length. */
function readRepair(
  run: CodingRun,
  line: DocumentedProcedure,
  written: string | undefined,
  onlyRepairLine: boolean,
  diagnoses: readonly CodedDiagnosis[],
): { cls: RepairClass; site: Site; length: number } | undefined {
  const notes = run.input.documentation.notes;
  const writtenFamily = written ? familyOfCode(written) : undefined;
  // The class the record states (the line first; the notes when this is the visit's only repair)
  // decides, a written code's class only when the record says none: "galea closed, layered closure"
  // is an intermediate repair whatever the code written beside it.
  const stated: RepairClass | undefined = INTERMEDIATE_WORDS.test(line.description)
    ? 'intermediate'
    : SIMPLE_WORDS.test(line.description)
      ? 'simple'
      : onlyRepairLine && INTERMEDIATE_WORDS.test(notes)
        ? 'intermediate'
        : undefined;
  const cls: RepairClass = stated ?? writtenFamily?.cls ?? 'simple';
  // "2.6-7.5 cm" names a band: its first figure is the wound's length for the band. "2.5 cm or less"
  // and "over 30 cm" are a band's title: on the visit's only repair line, the closure length the
  // notes state, when they state one, measures the repair instead.
  const band = (text: string) => lengthsIn(text.replace(/(\d+(?:\.\d+)?)\s*-\s*\d+(?:\.\d+)?\s*(cm)/gi, '$1 $2'))[0];
  const titled = BAND_LIMIT.test(line.description);
  const ownLength = (titled && onlyRepairLine ? repairedLength(notes) : undefined) ?? band(line.description);
  const ownSites = sitesIn(line.description);
  const woundStatements = WOUND_STATEMENTS(notes);
  const noteSites = [...new Set(woundStatements.flatMap(sitesIn))];
  const codeSites = [...new Set(diagnoses.flatMap((d) => siteOfInjuryCode(d.code) ?? []))];
  const sites = ownSites.length ? ownSites : onlyRepairLine ? (noteSites.length ? noteSites : codeSites) : [];
  const family = sites.length ? familyFor(cls, sites[0]!) : undefined;
  // Every site must fall in one group of the class: wounds of two groups are two repairs.
  if (!family || !sites.every((s) => family.sites.has(s))) return undefined;
  let length = ownLength;
  if (length === undefined && onlyRepairLine) length = repairedLength(notes);
  if (length === undefined && onlyRepairLine) {
    const found = woundStatements.flatMap((s) => lengthsIn(s).slice(0, 1));
    if (found.length) length = found.reduce((a, b) => a + b, 0);
  }
  return length === undefined ? undefined : { cls, site: sites[0]!, length };
}

/** The repair the record describes, in words ("an intermediate repair of 4.5 cm on the scalp"). */
const repairInWords = (read: { cls: RepairClass; site: Site; length: number }) =>
  `${read.cls === 'intermediate' ? 'an' : 'a'} ${read.cls} repair of ${read.length} cm on the ${read.site}`;

const codeFor = (cls: RepairClass, site: Site, length: number) =>
  familyFor(cls, site)?.codes.find(([upTo]) => Math.round(length * 10) / 10 <= upTo)?.[1];

const REPAIR_SOURCE = 'CPT wound repair: class, anatomic group and added length';
/** Confidence of a repair coded from its class, site and length. */
const REPAIR_BY_RECORD = 0.85;
const section: RecordSection = 'procedures';

/** The repair lines of a visit (an uncoded line reading as a skin repair, or a written 12001-12057). */
export function woundRepairLines<T extends { description: string }>(lines: readonly T[], written: (l: T) => string | undefined): T[] {
  return lines.filter((l) => isWoundRepairLine(l.description, written(l)));
}

/** An uncoded repair line coded from the record's class, site and length; undefined when the record does not give them. */
export function codedWoundRepair(
  run: CodingRun,
  line: DocumentedProcedure,
  onlyRepairLine: boolean,
  diagnoses: readonly CodedDiagnosis[],
  edits: EditFinding[],
  pointers: (code: string) => number[],
): CodedProcedure | undefined {
  if (onlyRepairLine && closedWithStripsOnly(run.input.documentation.notes)) return undefined;
  const read = readRepair(run, line, undefined, onlyRepairLine, diagnoses);
  const code = read && codeFor(read.cls, read.site, read.length);
  if (!read || !code) return undefined;
  const how = repairInWords(read);
  const entry = derivedCatalogEntry(run, code, how, edits);
  return {
    system: procedureSystem(code),
    code,
    description: entry?.description ?? `Wound repair, ${read.cls}`,
    confidence: round(REPAIR_BY_RECORD),
    units: 1,
    modifiers: [],
    evidence: [{ section, text: line.description }],
    alternatives: [],
    diagnosisPointers: pointers(code),
    rationale: `"${line.description}": ${how} is ${code}.`,
  };
}

const WOUND_STATEMENTS = (notes: string) =>
  distinctWounds(notes.split(/(?<=[.;])\s+|\n+/).filter((s) => WOUND_WORDS.test(s) && lengthsIn(s).length > 0));

/**
 * The note's wounds by the anatomic group of a repair class, with their added lengths and each
 * group's code, when they fall in two groups or more. A statement naming wounds of two groups with
 * two lengths is a summary of wounds described one by one and is passed over; one naming no site,
 * or two groups and one length, cannot be placed, and nothing is read.
 */
function woundsByGroup(notes: string, cls: RepairClass): Array<{ group: string; length: number; code: string }> | undefined {
  const groups = new Map<(typeof FAMILIES)[number], number>();
  for (const statement of WOUND_STATEMENTS(notes)) {
    const families = new Set(sitesIn(statement).map((site) => familyFor(cls, site)));
    if (families.size > 1 && lengthsIn(statement).length > 1) continue;
    const [family] = families;
    if (families.size !== 1 || !family) return undefined;
    groups.set(family, (groups.get(family) ?? 0) + lengthsIn(statement)[0]!);
  }
  if (groups.size < 2) return undefined;
  return [...groups].map(([family, total]) => {
    const length = Math.round(total * 10) / 10;
    return { group: family.group, length, code: family.codes.find(([upTo]) => length <= upTo)?.[1] ?? '' };
  });
}

/**
 * One written repair code for wounds the note places in two anatomic groups or more (a chin and a
 * knee under one 12001): CPT reports each group's repairs as a code of its own. A finding for a
 * coder naming each group's code, the codes offered beside the written one.
 */
function checkRepairGroups(
  run: CodingRun,
  line: DocumentedProcedure,
  written: string,
  coded: CodedProcedure | undefined,
  edits: EditFinding[],
): boolean {
  const family = familyOfCode(written);
  if (!family || (line.units ?? 1) > 1 || new Set(sitesIn(line.description).map((site) => familyFor(family.cls, site))).size === 1)
    return false;
  const cls: RepairClass = INTERMEDIATE_WORDS.test(line.description)
    ? 'intermediate'
    : SIMPLE_WORDS.test(line.description)
      ? 'simple'
      : family.cls;
  const groups = woundsByGroup(run.input.documentation.notes, cls);
  if (!groups || groups.some((g) => !g.code)) return false;
  const each = groups.map((g) => `${g.group} ${g.length} cm (${g.code})`).join('; ');
  edits.push({
    rule: 'DOCUMENTED_CODE_DIFFERS',
    severity: 'warning',
    codes: [written, ...groups.map((g) => g.code)],
    needsDocumentation: false,
    source: 'CPT wound repair: each anatomic group is reported as its own code',
    message: `The physician wrote ${written} once for ${cls} repairs the record places in ${groups.length} anatomic groups: ${each}. Each group is reported as its own code; a coder must confirm.`,
  });
  coded?.alternatives.unshift(
    ...groups.map((g) => ({
      system: procedureSystem(g.code),
      code: g.code,
      description: run.codeSets.catalog.byCode.get(g.code)?.description ?? g.code,
      confidence: REPAIR_BY_RECORD,
      rationale: `The record gives ${cls} repairs of ${g.length} cm on the ${g.group}.`,
      evidence: [{ section, text: line.description }],
    })),
  );
  return true;
}

/**
 * The one wound of the notes a written code stands for, among several repairs: the wounds the notes
 * state one by one (one site, one length) whose site falls in the written code's group and whose
 * length in its band. When they are one wound and the notes state its closure (layered, deep
 * sutures; or simple, single layer), that wound's class, site and length; else undefined. The line's
 * own words are the written code's title and are not read.
 */
function woundOfWrittenCode(notes: string, written: string): { cls: RepairClass; site: Site; length: number } | undefined {
  const family = familyOfCode(written);
  const at = family?.codes.findIndex(([, c]) => c === written) ?? -1;
  if (!family || at < 0) return undefined;
  const [from, upTo] = [at > 0 ? family.codes[at - 1]![0] : 0, family.codes[at]![0]];
  const statements = notes.split(/(?<=\.)\s+|\n+/).filter((st) => {
    const [site, length] = [sitesIn(st), lengthsIn(st)];
    return site.length === 1 && length.length === 1 && family.sites.has(site[0]!) && length[0]! > from && length[0]! <= upTo;
  });
  const wounds = new Set(statements.map((st) => `${sitesIn(st)[0]} ${lengthsIn(st)[0]}`));
  if (wounds.size !== 1) return undefined;
  const cls: RepairClass | undefined = statements.some((st) => INTERMEDIATE_WORDS.test(st))
    ? 'intermediate'
    : statements.some((st) => SIMPLE_WORDS.test(st))
      ? 'simple'
      : undefined;
  return cls ? { cls, site: sitesIn(statements[0]!)[0]!, length: lengthsIn(statements[0]!)[0]! } : undefined;
}

/**
 * A written repair code the record contradicts (another group, class or length band): corrected to
 * the record's code, the written code offered beside (procedure-corrections.ts). Undefined when the
 * record agrees or does not say; one code for wounds of two groups is a finding only (above).
 */
export function checkWrittenRepair(
  run: CodingRun,
  line: DocumentedProcedure,
  written: string,
  coded: CodedProcedure | undefined,
  onlyRepairLine: boolean,
  diagnoses: readonly CodedDiagnosis[],
  edits: EditFinding[],
): CodedProcedure[] | undefined {
  if (onlyRepairLine && closedWithStripsOnly(run.input.documentation.notes)) {
    const reason = `Wound repair: the physician wrote ${written} for "${line.description}"; the record closes the wound with adhesive strips alone (no sutures, staples or tissue adhesive), which CPT does not report as a repair (the care is part of the visit). ${written} is kept as an alternative for a coder.`;
    recordCorrection(run, line, { rule: 'WOUND_REPAIR', written, codedAs: [], reason }, STRIPS_SOURCE, edits);
    return [];
  }
  if (onlyRepairLine && checkRepairGroups(run, line, written, coded, edits)) return undefined;
  if (onlyRepairLine && lengthUnstated(run.input.documentation.notes, line.description)) {
    edits.push({
      rule: 'REPAIR_LENGTH_UNSTATED',
      severity: 'warning',
      codes: [written],
      needsDocumentation: true,
      source: REPAIR_SOURCE,
      message: `The physician wrote ${written}; the record states no length for the wound repaired, and the repair code is chosen by the added length. A coder must confirm the length.`,
    });
    return undefined;
  }
  const read =
    (onlyRepairLine ? undefined : woundOfWrittenCode(run.input.documentation.notes, written)) ??
    readRepair(run, line, written, onlyRepairLine, diagnoses);
  const code = read && codeFor(read.cls, read.site, read.length);
  if (!read || !code || code === written) return undefined;
  const reason = `Wound repair: the physician wrote ${written} for "${line.description}"; the record gives ${repairInWords(read)}, which is ${code}. ${code} replaces ${written}, which is kept as an alternative for a coder.`;
  recordCorrection(run, line, { rule: 'WOUND_REPAIR', written, codedAs: [code], reason }, REPAIR_SOURCE, edits);
  return correctedProcedures(run, line.description, coded, [{ code, units: 1 }], [written], reason);
}

/**
 * The wounds a note lists in one statement, each with its site and length ("L volar forearm lac 3.5
 * cm, R palm lac 1.5 cm"; "repair: L forearm 3.5 cm, R hand 1.5 cm"), each wound once: the items
 * of a list naming one length and a site of the group, and a wound listed twice (the exam and the
 * procedure: same length, same site group, no different sides) counted once.
 */
function listedWounds(notes: string, sites: ReadonlySet<Site>): string[] {
  const lists = notes
    .split(/(?<=[.;])\s+|\n+/)
    .filter((s) => (WOUND_WORDS.test(s) || REPAIR_LINE.test(s)) && lengthsIn(s).length > 1)
    .map((s) =>
      s
        .split(/[,;:]|\band\b/)
        .filter((item) => lengthsIn(item).length === 1 && sitesIn(item).length > 0 && sitesIn(item).every((site) => sites.has(site))),
    );
  // Items of one list are distinct wounds; an item of another list is the same wound told again.
  const kept: Array<{ text: string; length: number; site: Site; side?: string; list: number }> = [];
  lists.forEach((items, list) => {
    for (const text of items) {
      const [length, site, side] = [lengthsIn(text)[0]!, sitesIn(text)[0]!, siteWords(text).side];
      const told = kept.some((k) => k.list !== list && k.length === length && k.site === site && (!k.side || !side || k.side === side));
      if (!told) kept.push({ text, length, site, list, ...(side ? { side } : {}) });
    }
  });
  return kept.map((k) => k.text);
}

/**
 * Written repair codes of one family on two lines (or one line of two units): CPT reports repairs
 * of one class in one anatomic group as one code of their added lengths ("12001" twice for a 2.0 cm
 * forearm and a 1.5 cm hand wound is 12002 once). When the notes state one length for each wound,
 * the code of the added lengths replaces the written ones (on the first line; the others fold into
 * it), the written codes offered beside; otherwise a finding for a coder. Returns the corrected lines.
 */
export function checkRepairsAdded(
  run: CodingRun,
  repairs: readonly DocumentedProcedure[],
  written: (l: DocumentedProcedure) => string | undefined,
  edits: EditFinding[],
): Map<DocumentedProcedure, (coded: CodedProcedure | undefined) => CodedProcedure[]> {
  const corrected = new Map<DocumentedProcedure, (coded: CodedProcedure | undefined) => CodedProcedure[]>();
  const byFamily = new Map<(typeof FAMILIES)[number], DocumentedProcedure[]>();
  for (const line of repairs) {
    const family = familyOfCode(written(line) ?? '');
    if (family) byFamily.set(family, [...(byFamily.get(family) ?? []), line]);
  }
  for (const [family, lines] of byFamily) {
    const units = lines.reduce((n, l) => n + (l.units ?? 1), 0);
    if (units < 2) continue;
    const codes = lines.map((l) => written(l)!);
    // One wound a statement: "#1 R forearm, 2.0 cm laceration"; a summary naming two lengths is not counted.
    const wounds = distinctWounds(
      run.input.documentation.notes
        .split(/(?<=[.;])\s+|\n+/)
        .filter((s) => WOUND_WORDS.test(s) && lengthsIn(s).length === 1 && sitesIn(s).every((site) => family.sites.has(site))),
    );
    const counted = wounds.length === units ? wounds : listedWounds(run.input.documentation.notes, family.sites);
    const total = counted.length === units ? Math.round(counted.reduce((sum, s) => sum + lengthsIn(s)[0]!, 0) * 10) / 10 : undefined;
    const code = total === undefined ? undefined : family.codes.find(([upTo]) => total <= upTo)?.[1];
    if (!code) {
      edits.push({
        rule: 'DOCUMENTED_CODE_DIFFERS',
        severity: 'warning',
        codes: [...new Set(codes)],
        needsDocumentation: false,
        source: 'CPT wound repair: lengths of one class in one anatomic group are added',
        message: `The physician wrote ${codes.join(', ')} for ${units} ${family.cls} repairs of one anatomic group; CPT reports them as one code of their added lengths. A coder must confirm.`,
      });
      continue;
    }
    const reason = `Wound repair: the physician wrote ${codes.join(', ')} for ${units} ${family.cls} repairs of one anatomic group; CPT reports them as one code of their added lengths (${total} cm: ${code}), which replaces the written codes, kept as alternatives for a coder.`;
    lines.forEach((line, i) => {
      recordCorrection(run, line, { rule: 'WOUND_REPAIR', written: codes[i]!, codedAs: [code], reason }, REPAIR_SOURCE, edits);
      corrected.set(line, (coded) =>
        i === 0 ? correctedProcedures(run, line.description, coded, [{ code, units: 1 }], [...new Set(codes)], reason) : [],
      );
    });
  }
  return corrected;
}
