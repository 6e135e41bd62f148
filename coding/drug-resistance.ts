/**
 * An infection the physician states is resistant to a drug gets the resistance code beside it
 * (guideline I.C.1.c: "Infections resistant to antibiotics ... assign a code from category Z16
 * following the infection code", unless the infection's code already names the resistance, as the
 * MRSA combination codes A41.02, B95.62 and J15.212 do). "Acute cystitis, E. coli, FQ-resistant" is
 * N30.00, B96.20 and Z16.23.
 *
 * Only the physician's own statement: a diagnosis line or the assessment and plan. A susceptibility
 * panel in a culture report ("R ampicillin, S nitrofurantoin") is a laboratory result the provider
 * has not stated as the patient's condition (guideline III.B, abnormal findings), so it adds nothing
 * by itself. One class gives its own code; two or more antibiotic classes, or "multidrug-resistant",
 * give Z16.24 (multiple antibiotics).
 */
import { newDraft, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { ADDRESSED_PARTS } from './sections.ts';

interface DrugClass {
  /** The class or its drugs, as records write them. */
  names: string;
  code: string;
  /** An antibiotic (counted toward "multiple antibiotics"). */
  antibiotic: boolean;
}

const CLASSES: readonly DrugClass[] = [
  {
    names: String.raw`(?:fluoro)?quinolones?|fq|cipro(?:floxacin)?|levo(?:floxacin)?|moxi(?:floxacin)?|ofloxacin`,
    code: 'Z16.23',
    antibiotic: true,
  },
  { names: String.raw`vancomycin|vanc|vanco`, code: 'Z16.21', antibiotic: true },
  { names: String.raw`carbapenems?|meropenem|imipenem|ertapenem`, code: 'Z16.13', antibiotic: true },
  { names: String.raw`penicillins?|ampicillin|amoxicillin(?:[\s/-]+clavulanate)?|augmentin`, code: 'Z16.11', antibiotic: true },
  { names: String.raw`cephalosporins?|ceftriaxone|cefazolin|cephalexin|keflex|cefdinir|cefuroxime`, code: 'Z16.19', antibiotic: true },
  {
    names: String.raw`tmp[\s/-]*smx|trimethoprim(?:[\s/-]+sulfamethoxazole)?|bactrim|sulfa|nitrofurantoin|macrobid|doxycycline|tetracyclines?|clindamycin|macrolides?|azithromycin|erythromycin`,
    code: 'Z16.29',
    antibiotic: true,
  },
  { names: String.raw`fluconazole|azoles?|antifungals?`, code: 'Z16.32', antibiotic: false },
  { names: String.raw`acyclovir|valacyclovir|oseltamivir|antivirals?|antiretrovirals?`, code: 'Z16.33', antibiotic: false },
];

/** The record's resistance words around a class: "resistant to X", "X-resistant", "R to X", "resistance to X". */
function resistancePattern(names: string): RegExp {
  return new RegExp(
    String.raw`\b(?:resistant|resistance|r)\s+to\s+(?:[a-z/-]+(?:,\s*|\s+and\s+|\s*\/\s*))*?(?:${names})\b|\b(?:${names})(?:\s*\/\s*[a-z]+)*[\s-]+resist(?:ant|ance)\b`,
    'i',
  );
}

const PATTERNS = CLASSES.map((c) => [c, resistancePattern(c.names)] as const);
const EXTENDED_SPECTRUM = /\besbl\b|\bextended[\s-]spectrum beta[\s-]?lactamase\b/i;
const CARBAPENEM_RESISTANT_ENTERIC = /\bcre\b|\bcarbapenem[\s-]resistant\b/i;
const VANCOMYCIN_RESISTANT_ENTEROCOCCUS = /\bvre\b/i;
const MULTIDRUG = /\b(?:multi-?drug|multiply|multiple[\s-]drug)[\s-]resistant\b|\bmdr(?:o)?\b|\bresistant to multiple antibiotics\b/i;

/** An infection or its organism is coded: chapter 1, or a condition with its organism (B95-B97). */
const INFECTION = /^[AB]/;
/** Titles that already say the organism is resistant (methicillin resistant Staphylococcus aureus). */
const NAMES_RESISTANCE = /\bresistant\b/i;

interface Statement {
  section: 'diagnoses' | 'notes';
  text: string;
}

/** The physician's statements: the diagnosis lines and the assessment and plan. */
function physicianStatements(run: CodingRun): Statement[] {
  const addressed = run.notes.filter((m) => m.part !== undefined && ADDRESSED_PARTS.has(m.part));
  return [
    ...run.input.documentation.diagnoses.map((d) => ({ section: 'diagnoses' as const, text: d.description })),
    ...addressed.map((m) => ({ section: 'notes' as const, text: m.original })),
  ];
}

/** The pattern found, unless denied just before it ("not resistant to", "non-ESBL"). */
function affirmedIn(pattern: RegExp, text: string): boolean {
  const m = pattern.exec(text);
  return m !== null && !/\b(?:not|no|non)[\s-]*$/i.test(text.slice(0, m.index));
}

/** The resistance codes the statements give, one class each; several antibiotic classes as Z16.24. */
export function statedResistance(statements: readonly string[]): string[] {
  const codes = new Set<string>();
  for (const s of statements) {
    if (affirmedIn(EXTENDED_SPECTRUM, s)) codes.add('Z16.12');
    if (affirmedIn(CARBAPENEM_RESISTANT_ENTERIC, s)) codes.add('Z16.13');
    if (affirmedIn(VANCOMYCIN_RESISTANT_ENTEROCOCCUS, s)) codes.add('Z16.21');
    if (affirmedIn(MULTIDRUG, s)) codes.add('Z16.24');
    for (const [c, pattern] of PATTERNS) if (affirmedIn(pattern, s)) codes.add(c.code);
  }
  const antibiotics = [...codes].filter((c) => c.startsWith('Z16.1') || c.startsWith('Z16.2'));
  if (antibiotics.length < 2) return [...codes];
  return ['Z16.24', ...[...codes].filter((c) => !antibiotics.includes(c))];
}

/** Step: the resistance the physician states beside a coded infection (Z16.-). */
export function statedDrugResistance(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  if (drafts.some((d) => d.code.startsWith('Z16')) || !drafts.some((d) => INFECTION.test(d.code))) return drafts;
  if (drafts.some((d) => NAMES_RESISTANCE.test(d.description))) return drafts;
  const statements = physicianStatements(run);
  const said = statements.find((s) => statedResistance([s.text]).length > 0);
  if (!said) return drafts;
  const out = [...drafts];
  for (const code of statedResistance(statements.map((s) => s.text))) {
    if (!run.allowed(code)) continue;
    out.push(
      newDraft(run.codeSets, code, {
        confidence: 0.85,
        order: Math.max(0, ...out.map((d) => d.order)) + 1,
        evidence: [{ section: said.section, text: said.text }],
        rationale: `The physician states the infection is resistant to a drug ("${said.text}"): the resistance code follows the infection's (guideline I.C.1.c).`,
      }),
    );
  }
  return out;
}
