/**
 * Chapter and context constraints: pregnancy, perinatal, injury and poisoning codes stand only when
 * the record gives that context; external-cause codes are not reported.
 */
import type { CodingInput } from '../domain/coding.ts';
import type { Mention } from './context.ts';
import type { Icd10Cm } from './icd10cm.ts';
import type { NotePart } from './sections.ts';
import { withoutCompletedGravidity } from './gravidity.ts';
import { expandAbbreviations } from './text.ts';

/**
 * Words of a pregnancy now: a gestational age written in weeks and days ("34w2d") or after the
 * gravidity ("G1 at 34 weeks"), and the conditions only a pregnancy has (pre-eclampsia, eclampsia, HELLP).
 */
const PREGNANCY_CONTEXT =
  /\b(pregnan\w*|gestation\w*|prenatal|antenatal|antepartum|postpartum|puerper\w*|obstetric\w*|trimester|intrauterine pregnancy|iup|childbirth|labou?r and delivery|delivery|delivered|c-section|cesarean|caesarean|miscarriage|abortion|ectopic|g\d+\s*p\d+|\d+\s*(weeks?|wks?)\s*(pregnant|gestation|ega|ga)|\d{1,2}\s*w(?:ks?)?\s*\d\s*d|g\d+\s+at\s+\d{1,2}\s*(?:w|wks?|weeks?)|pre-?\s?eclampsia|eclampsia|hellp|lmp|edd|fetal|fetus)\b/i;
const NEWBORN_CONTEXT =
  /\b(newborn|neonat\w*|perinatal|birth weight|preterm|premature infant|nicu|born at|infant of (a )?(diabetic )?mother|liveborn|\d+\s*(days?|hours?)\s*old)\b/i;
/** An injury: what happened to the body, or the event that did it. */
const INJURY_CONTEXT =
  /\b(injur\w*|fractur\w*|sprain\w*|strain\w*|lacerat\w*|contusion\w*|bruis\w*|abrasion\w*|wounds?|burn(s|ed|t)?|corrosions?|scald\w*|bites?|bitten|stings?|stung|dislocat\w*|subluxation|trauma\w*|fell|falls?|fallen|falling|tripped|slipped|struck|hit|twist\w*|rolled|crush\w*|puncture\w*|foreign body|concussion|frostbite|avulsion|amputat\w*|blunt|penetrating|gunshot|shot by|stab\w*|assault\w*|accident\w*|mva|mvc|collision|crash\w*|tear|torn|rupture\w*|cut|cuts|caught|jammed|impact)\b/i;
/** A poisoning, adverse effect or underdosing of a drug or substance. */
const POISONING_CONTEXT =
  /\b(poison\w*|overdos\w*|toxic\w*|intoxicat\w*|ingest\w*|underdos\w*|adverse (effect|reaction|event)s?|side[- ]effects?|reaction to|took too (much|many)|missed (his |her |their )?(doses?|medications?|pills?)|ran out|not taking|stopped taking|unable to afford|non-?complian\w*|non-?adheren\w*|exposure to|exposed to|envenomat\w*|venom\w*|bites?|stings?|stung|carbon monoxide|fumes|swallowed)\b/i;
/** Effects of external causes (heat, cold, pressure, drowning, lightning, abuse, allergy). */
const ENVIRONMENT_CONTEXT =
  /\b(heat|hot (weather|car|environment)|sun\w*|cold exposure|exposure|hypotherm\w*|frostbite|chilblains?|immersion|lightning|drown\w*|submersion|altitude|barotrauma|decompression|diving|flying|asphyx\w*|suffocat\w*|strangulat\w*|chok\w*|abuse\w*|neglect\w*|maltreat\w*|battered|allerg\w*|anaphyla\w*|angioedema|electr\w*|radiation|motion sickness|starvation|dehydration due to|thirst|exhaustion|vibration)\b/i;
/** Parts of a note that tell the patient's past, not a pregnancy now (surgical history: "C-section 2023"). */
const PAST_PARTS: ReadonlySet<NotePart> = new Set(['past-history', 'family-history', 'social-history', 'medications', 'allergies']);

/**
 * The record's words that can say she is pregnant now: the diagnosis lines and the statements of the
 * notes, without a past pregnancy ("gestational diabetes 1998, resolved", "PMH: C-section 2023"):
 * a history, resolved or a relative's, or written in the history and list parts of the note.
 */
function currentPregnancyText(input: CodingInput, notes: readonly Mention[] | undefined): string {
  const doc = input.documentation;
  const current = notes
    ? notes
        .filter(
          (m) =>
            m.assertion !== 'personal-history' && m.assertion !== 'family-history' && (m.part === undefined || !PAST_PARTS.has(m.part)),
        )
        .map((m) => m.original)
    : [doc.notes];
  return [...current, ...doc.diagnoses.map((d) => d.description)].join(' \n ');
}

/**
 * Pregnancy (O00-O9A, Z3A, Z33-Z39) and perinatal (P00-P96, Z38) codes need that context in the
 * record; so do injuries (S00-T34, T79), poisonings and underdosing (T36-T65), effects of external
 * causes (T66-T78): a word they share with the record ("shot", "pressure", "chronic") is not an
 * injury or an event. External causes (V00-Y99) are not reported at all (below). Given the notes read into statements, a
 * pregnancy is looked for only in those that can tell one now (currentPregnancyText).
 */
export function chapterFilter(input: CodingInput, notes?: readonly Mention[]): (code: string) => boolean {
  const doc = input.documentation;
  const text = [doc.notes, ...doc.diagnoses.map((d) => d.description)].join(' \n ');
  const pregnancy = input.patient.sex !== 'M' && PREGNANCY_CONTEXT.test(withoutCompletedGravidity(currentPregnancyText(input, notes)));
  const newborn = input.patient.ageYears < 1 || NEWBORN_CONTEXT.test(text);
  // Written short too: "forehead lac", "5th MT fx".
  const injury = INJURY_CONTEXT.test(text) || INJURY_CONTEXT.test(expandAbbreviations(text));
  const poisoning = POISONING_CONTEXT.test(text);
  const environment = ENVIRONMENT_CONTEXT.test(text);
  return (code) => {
    const c0 = code.charCodeAt(0);
    if (c0 === 79 /* O */ || /^Z3[3-79A]/.test(code)) return pregnancy;
    if (c0 === 80 /* P */ || code.startsWith('Z38')) return newborn;
    if (c0 === 83 /* S */) return injury;
    if (c0 === 84 /* T */) {
      const n = Number(code.slice(1, 3));
      if (n <= 34 || n === 79) return injury;
      if (n >= 36 && n <= 65) return poisoning;
      if (n >= 66 && n <= 78) return environment || injury;
      return true;
    }
    // External causes (chapter 20) are not reported: no national requirement (guideline I.C.20), and
    // the outside coders whose sets the project measures leave them out (writer sets 15, 20 and 23;
    // only writer-set-18 adds them). A code the physician wrote is kept (documented codes).
    if (c0 >= 86 /* V */ && c0 <= 89 /* Y */) return false;
    return true;
  };
}

/** Codes whose tabular title names one sex ("... of unspecified male breast"), found once per code set. */
const titledBySex = new WeakMap<Icd10Cm, { M: ReadonlySet<string>; F: ReadonlySet<string> }>();
function codesTitledBySex(icd: Icd10Cm): { M: ReadonlySet<string>; F: ReadonlySet<string> } {
  let found = titledBySex.get(icd);
  if (!found) {
    const M = new Set<string>();
    const F = new Set<string>();
    for (const e of icd.entries) {
      if (/\bfemale\b/i.test(e.description)) F.add(e.code);
      else if (/\bmale\b/i.test(e.description)) M.add(e.code);
    }
    found = { M, F };
    titledBySex.set(icd, found);
  }
  return found;
}

/**
 * A code whose title names the other sex than the patient's recorded one is not a candidate (a
 * woman's breast cancer is never coded to a male-breast code); unknown sex allows both.
 */
export function sexFilter(icd: Icd10Cm, sex: CodingInput['patient']['sex']): (code: string) => boolean {
  if (sex !== 'M' && sex !== 'F') return () => true;
  const other = codesTitledBySex(icd)[sex === 'M' ? 'F' : 'M'];
  return (code) => !other.has(code);
}
