/**
 * Written procedure codes whose title names a variant of the procedure (with or without a fracture
 * reduction, with or without general anesthesia, a simple or a complicated drainage, a skin abscess
 * or a pilonidal one, a shave removal or a biopsy) that the record shows to be the other variant;
 * each is corrected as procedure-corrections.ts corrects a line (the corrected code on the claim, the
 * written code offered, a 'changed' documented code that sends the encounter to a coder):
 *  - closed treatment of a fracture is one code without manipulation and one with it: the notes
 *    documenting a reduction (a closed reduction, a named reduction maneuver, a manipulation) make a
 *    code without manipulation the one with it, and notes stating no reduction and documenting none
 *    make a code with manipulation the one without;
 *  - removal of a foreign body from the nose (30300 / 30310) or the ear canal (69200 / 69205) has a
 *    code for removal under general anesthesia: written without the record documenting general
 *    anesthesia it is the office code, and the office code written when the record documents general
 *    anesthesia is the other;
 *  - incision and drainage of an abscess is 10060 simple or single, 10061 complicated or multiple,
 *    and a pilonidal cyst or abscess has its own pair (10080, 10081): the site and the complexity the
 *    notes state pick the code (complicated: so called by the physician, or several abscesses);
 *  - a shave removal of a skin lesion (11300-11313) written when the notes document a tangential
 *    (shave) biopsy and no removal is the tangential biopsy 11102 (11103 for each further lesion).
 * The record is the notes alone: a line's own description is the title of the written code.
 */
import type { EditFinding } from '../domain/coding.ts';
import type { CodingRun } from './coding-run.ts';
import { correct, titleOf, writtenLines, type Replacement, type WrittenLine } from './procedure-corrections.ts';
import type { VisitLine } from './vaccine-coding.ts';

// ---- Closed fracture treatment: with or without manipulation ----

/** Closed treatment of a fracture: the code without manipulation, and the code with it. */
export const FRACTURE_CARE: ReadonlyArray<readonly [string, string]> = [
  ['23500', '23505'], // clavicle
  ['24500', '24505'], // humeral shaft
  ['25500', '25505'], // radial shaft
  ['25530', '25535'], // ulnar shaft
  ['25560', '25565'], // radial and ulnar shafts
  ['25600', '25605'], // distal radius
  ['25622', '25624'], // carpal scaphoid
  ['26600', '26605'], // metacarpal
  ['26720', '26725'], // proximal or middle phalanx shaft
  ['26740', '26742'], // articular, metacarpophalangeal or interphalangeal joint
  ['26750', '26755'], // distal phalanx
  ['27750', '27752'], // tibial shaft
  ['27760', '27762'], // medial malleolus
  ['27786', '27788'], // distal fibula
  ['27808', '27810'], // bimalleolar
  ['28470', '28475'], // metatarsal
  ['28490', '28495'], // great toe phalanx
  ['28510', '28515'], // other toe phalanx
];

/** Statements that no reduction or manipulation was done (or needed). */
const NO_REDUCTION =
  /\b(?:no|without|w\/o|not requiring|does not require|did not require|no need for)\s+(?:closed\s+)?(?:reduction|manipulation)\b|\b(?:reduction|manipulation)\s+(?:is\s+|was\s+)?(?:not\s+(?:needed|required|indicated|performed|done)|unnecessary)\b/gi;
const REDUCTION =
  /\bclosed reduction\b|\breduction (?:was )?(?:performed|done|achieved|maneuver)\b|\b(?:post|after)[- ]?reduction\b|\b(?:Jahss|Bohler)(?: maneuver)?\b|\b(?:fracture|fx) (?:was )?(?:reduced|manipulated)\b|\bmanipulation (?:was )?(?:performed|done)\b|\b(?:reduced|manipulated) (?:under|with|using)\b/i;

/** A clause that plans, offers or discusses a reduction does not document one. */
const NOT_YET_DONE =
  /\b(?:will|plan(?:s|ned)?|consider(?:ed)?|may need|might need|recommend(?:ed)?|refer(?:red|ral)?|discussed|consents?|if)\b/i;

/** Whether the notes document a reduction ('reduced'), state none was done ('not reduced'), or neither. */
export function reductionDocumented(notes: string): 'reduced' | 'not reduced' | undefined {
  const clauses = notes.replace(NO_REDUCTION, ' ').split(/\n|(?<=[.;])\s+/);
  if (clauses.some((c) => REDUCTION.test(c) && !NOT_YET_DONE.test(c))) return 'reduced';
  return new RegExp(NO_REDUCTION.source, 'i').test(notes) ? 'not reduced' : undefined;
}

function correctManipulation(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  const found = reductionDocumented(run.input.documentation.notes);
  if (!found) return;
  for (const w of written) {
    const pair = FRACTURE_CARE.find(([without, withIt]) => w.code === (found === 'reduced' ? without : withIt));
    if (!pair) continue;
    const target = found === 'reduced' ? pair[1] : pair[0];
    const why = found === 'reduced' ? 'the record documents a reduction' : 'the record states no reduction was done';
    const reason = `${w.code} is closed fracture treatment ${found === 'reduced' ? 'without' : 'with'} manipulation and ${why}: ${target}, the same treatment ${found === 'reduced' ? 'with' : 'without'} manipulation. A coder must confirm.`;
    correct(
      run,
      w,
      'FRACTURE_MANIPULATION',
      'CPT closed fracture treatment, without and with manipulation',
      [{ code: target, units: w.units }],
      reason,
      edits,
    );
  }
}

// ---- Foreign body removal: in the office or under general anesthesia ----

const FOREIGN_BODY: ReadonlyArray<{ office: string; general: string; site: string }> = [
  { office: '30300', general: '30310', site: 'nose' },
  { office: '69200', general: '69205', site: 'external auditory canal' },
];
const NO_GENERAL =
  /\b(?:no|without|w\/o|not under)\s+(?:sedation\s+(?:or|and|\/)\s+)?(?:general\s+)?an(?:a)?esthesia\b|\b(?:no|without)\s+(?:GA|sedation or anesthesia)\b/gi;
const GENERAL = /\bgeneral an(?:a)?esthesia\b|\bunder GA\b|\bGETA\b|\bLMA\b|\bin the OR\b|\boperating room\b/i;

function correctForeignBody(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  const general = GENERAL.test(run.input.documentation.notes.replace(NO_GENERAL, ' '));
  for (const w of written) {
    const pair = FOREIGN_BODY.find((p) => w.code === (general ? p.office : p.general));
    if (!pair) continue;
    const target = general ? pair.general : pair.office;
    const reason = general
      ? `${w.code} is removal of a foreign body from the ${pair.site} without general anesthesia and the record documents general anesthesia: ${target} (${titleOf(run, target)}). A coder must confirm.`
      : `${w.code} is removal of a foreign body from the ${pair.site} under general anesthesia and the record documents none: ${target} (${titleOf(run, target)}). A coder must confirm.`;
    correct(
      run,
      w,
      'FOREIGN_BODY_ANESTHESIA',
      'CPT 30300/30310 and 69200/69205: foreign body removal, the second code under general anesthesia',
      [{ code: target, units: w.units }],
      reason,
      edits,
    );
  }
}

// ---- Incision and drainage of an abscess: site and complexity ----

const DRAINAGE = { skin: ['10060', '10061'], pilonidal: ['10080', '10081'] } as const;
/** A pilonidal cyst or abscess the visit drains (a past one, "h/o pilonidal cyst", is not). */
const PILONIDAL =
  /^(?!.*\b(?:h\/o|history of|hx of|prior|previous)\b[^.;\n]{0,20}pilonidal).*\bpilonidal (?:cyst|abscess|sinus|disease)\b/im;
const NOT_COMPLICATED = /\b(?:un|not |non-?)complicated\b/gi;
/**
 * The physician's own word, or several abscesses: loculations broken up and packing are part of most
 * drainages and do not by themselves make one complicated.
 */
const COMPLICATED = /\bcomplicated\b|\bmultiple (?:abscesses|abscess cavities|incisions)\b/i;
const SIMPLE_DRAINAGE = /\bsimple (?:I&D|I ?& ?D|incision and drainage|drainage)\b|\b(?:I&D|I ?& ?D|incision and drainage),? simple\b/i;

/** The drainage code the notes describe: the site's pair, simple or complicated; undefined when they say nothing of the site. */
export function drainageCode(notes: string, writtenCode: string): string | undefined {
  const pilonidal = PILONIDAL.test(notes);
  const writtenPair = DRAINAGE.pilonidal.includes(writtenCode as '10080') ? DRAINAGE.pilonidal : DRAINAGE.skin;
  const pair = pilonidal ? DRAINAGE.pilonidal : writtenPair;
  const complicated = COMPLICATED.test(notes.replace(NOT_COMPLICATED, ' ')) && !SIMPLE_DRAINAGE.test(notes);
  const writtenComplicated = writtenCode === '10061' || writtenCode === '10081';
  // The complexity the notes state decides; silence keeps the written one (a simple code is not raised without a word).
  return pair[complicated || (writtenComplicated && !SIMPLE_DRAINAGE.test(notes)) ? 1 : 0];
}

function correctDrainage(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  const notes = run.input.documentation.notes;
  for (const w of written.filter((l) => /^100[68][01]$/.test(l.code))) {
    const target = drainageCode(notes, w.code);
    if (!target || target === w.code) continue;
    const why: string[] = [];
    if (target.startsWith('1008') !== w.code.startsWith('1008')) why.push('the record drains a pilonidal cyst or abscess');
    if ((target.endsWith('1') && !w.code.endsWith('1')) || (!target.endsWith('1') && w.code.endsWith('1')))
      why.push(target.endsWith('1') ? 'the drainage is complicated' : 'the record states a simple drainage');
    const reason = `${w.code} (${titleOf(run, w.code)}) does not fit: ${why.join(' and ')}, so ${target} (${titleOf(run, target)}). A coder must confirm.`;
    correct(
      run,
      w,
      'DRAINAGE_KIND',
      'CPT 10060/10061 (skin abscess, simple or complicated) and 10080/10081 (pilonidal cyst)',
      [{ code: target, units: w.units }],
      reason,
      edits,
    );
  }
}

// ---- A shave removal written for a biopsy ----

const SHAVE_REMOVAL = /^113(?:0[0-3]|0[5-8]|1[0-3])$/;
const BIOPSY = /\b(?:tangential|shave)\s+(?:\(\s*\w+\s*\)\s+)?biops(?:y|ies)\b/i;
const NOT_REMOVAL = /\bnot (?:a |an )?(?:removal|excision)\b|\bno (?:removal|excision)\b/gi;
const REMOVAL = /\bshave (?:removal|excision)\b|\b(?:lesion|it|growth)\s+(?:was\s+)?(?:removed|shaved off|excised)\b|\bremov(?:ed|al)\b/i;

function correctShaveBiopsy(run: CodingRun, written: readonly WrittenLine[], edits: EditFinding[]): void {
  const notes = run.input.documentation.notes;
  if (!BIOPSY.test(notes) || REMOVAL.test(notes.replace(NOT_REMOVAL, ' '))) return;
  const shaves = written.filter((w) => SHAVE_REMOVAL.test(w.code));
  if (shaves.length !== 1 || written.some((w) => /^1110[2-7]$/.test(w.code))) return;
  const [w] = shaves as [WrittenLine];
  const fixed: Replacement[] = [{ code: '11102', units: 1 }, ...(w.units > 1 ? [{ code: '11103', units: w.units - 1 }] : [])];
  const reason = `${w.code} is a shave removal and the record documents a tangential (shave) biopsy and no removal: ${fixed.map((r) => (r.units > 1 ? `${r.code} x${r.units}` : r.code)).join(' + ')} (${titleOf(run, '11102')}). A coder must confirm.`;
  correct(run, w, 'BIOPSY_NOT_REMOVAL', 'CPT 11102-11107 skin biopsy; 11300-11313 shave removal', fixed, reason, edits);
}

/** The visit's written codes checked against the variant of the procedure the record documents. */
export function correctProcedureVariant(run: CodingRun, lines: readonly VisitLine[], edits: EditFinding[]): void {
  const written = () => writtenLines(lines);
  correctManipulation(run, written(), edits);
  correctForeignBody(run, written(), edits);
  correctDrainage(run, written(), edits);
  correctShaveBiopsy(run, written(), edits);
}
