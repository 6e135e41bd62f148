/**
 * The 7th character of an injury code the physician wrote, against the encounter the record states
 * (guideline I.C.19.a): "initial" is for active treatment; a visit for routine healing after it is
 * D, delayed healing G, nonunion K, malunion P, a sequela S. A written S52.532A on a "6 wk f/u,
 * healing as expected" visit is S52.532D: coded so, and reported as changed (documented-codes.ts) so
 * a coder confirms. Open or closed, and the open fracture's type, stay as written. A record that
 * states two encounter types keeps the written code (the physician is asked, clarification-issues.ts).
 */
import { encounterTypeConflict } from './clarification-issues.ts';
import type { CodingRun } from './coding-run.ts';
import type { Mention } from './context.ts';
import { isExtension, type Icd10Cm } from './icd10cm.ts';
import { relatedClauses } from './ranking.ts';
import { encounterPhase, type EncounterPhase } from './search.ts';

/** The words of a 7th character's meaning that name each encounter phase. */
const PHASE_WORDS: Record<EncounterPhase, RegExp> = {
  initial: /\binitial encounter\b/,
  subsequent: /\bsubsequent encounter\b/,
  'delayed healing': /\bdelayed healing\b/,
  nonunion: /\bnonunion\b/,
  malunion: /\bmalunion\b/,
  sequela: /\bsequela\b/,
};

/** The open fracture's type a 7th character's meaning names, or "closed". */
const openness = (meaning: string) => /\bopen fracture(?: type [iabc, ]+(?:or [iabc]+)?)?/.exec(meaning)?.[0] ?? 'closed';

/** The phase a 7th character's meaning says ("subsequent encounter for fracture with routine healing": subsequent). */
function phaseOf(meaning: string): EncounterPhase | undefined {
  for (const phase of ['delayed healing', 'nonunion', 'malunion', 'sequela', 'initial', 'subsequent'] as const)
    if (PHASE_WORDS[phase].test(meaning)) return phase;
  return undefined;
}

/** A 7th-character code's meaning (its title past the subcategory's) and its subcategory's other 7th-character codes. */
function seventhCharacterOf(
  icd: Icd10Cm,
  code: string,
): { meaning: string; siblings: Array<{ code: string; meaning: string }> } | undefined {
  const entry = icd.entries[icd.byCode.get(code) ?? -1];
  if (!entry || !isExtension(icd.entries, entry)) return undefined;
  const parent = icd.entries[entry.parent];
  if (!parent) return undefined;
  const meaning = (description: string) => description.slice(parent.description.length).toLowerCase();
  const siblings = (icd.children.get(entry.parent) ?? [])
    .map((k) => icd.entries[k])
    .filter((e) => e !== undefined)
    .map((e) => ({ code: e.code, meaning: meaning(e.description) }));
  return { meaning: meaning(entry.description), siblings };
}

/** The encounter phase a code's 7th character gives (a routine-healing fracture code is "subsequent"). */
export function phaseOfCode(icd: Icd10Cm, code: string): EncounterPhase | undefined {
  const own = seventhCharacterOf(icd, code);
  return own ? phaseOf(own.meaning) : undefined;
}

/** A fracture code whose 7th character tells routine healing from delayed healing, nonunion and malunion. */
export function healingCharacters(icd: Icd10Cm, code: string): boolean {
  return seventhCharacterOf(icd, code)?.siblings.some((s) => /\broutine healing\b/.test(s.meaning)) === true;
}

/** The code of the same subcategory with the 7th character of another phase, open or closed (and the open type) kept. */
export function withEncounterPhase(icd: Icd10Cm, code: string, phase: EncounterPhase): string | undefined {
  const own = seventhCharacterOf(icd, code);
  if (!own) return undefined;
  return own.siblings.find((s) => phaseOf(s.meaning) === phase && openness(s.meaning) === openness(own.meaning))?.code;
}

/**
 * The code the written one becomes with the 7th character of the encounter the line and the notes
 * about the same injury state, when that differs from the written one; undefined when it stands.
 */
export function encounterOfWrittenCode(run: CodingRun, m: Mention, code: string): { code: string; phase: EncounterPhase } | undefined {
  const own = seventhCharacterOf(run.codeSets.icd, code);
  if (!own) return undefined;
  const written = own.meaning;
  const writtenPhase = phaseOf(written);
  // A line that only copies the written code's own words for its encounter ("..., initial
  // encounter" beside an A code) says nothing the code does not: the notes' encounter decides.
  const echoed = writtenPhase !== undefined && PHASE_WORDS[writtenPhase].test(m.text.toLowerCase());
  const context = [echoed ? '' : m.text, ...relatedClauses(run, m)].join('\n');
  const stated = encounterPhase(context);
  if (!stated || encounterTypeConflict(run, code, context)) return undefined;
  // "Follow-up" says no more than a subsequent encounter: a written delayed healing, nonunion or malunion stands.
  if (writtenPhase === stated || (stated === 'subsequent' && writtenPhase !== 'initial')) return undefined;
  const wanted = own.siblings.find((e) => phaseOf(e.meaning) === stated && openness(e.meaning) === openness(written));
  return wanted && wanted.code !== code ? { code: wanted.code, phase: stated } : undefined;
}
