/**
 * Contraceptive management (Z30) is coded when contraception is the purpose of what a diagnosis line
 * names, by the method and the phase the record states (guideline I.C.21.c.11; the category's own
 * axes): the first prescription of a method (Z30.01-: pills, injectable, intrauterine device, vaginal
 * ring, patch, subdermal implant; emergency contraception Z30.012 only when the record says emergency
 * contraception), or its surveillance (Z30.4-: a repeat prescription, the next injection, an IUD
 * inserted, checked or removed, an implant checked or removed).
 *
 * - A line that names no contraception is no contraceptive management, whatever a search matched
 *   ("surveillance" after a cancer is not the surveillance of contraceptives, Z30.40).
 * - A hormonal method started for a condition ("combined OCP for dysmenorrhea", "OCP for acne") is
 *   treatment of that condition, coded as the condition: no Z30 code.
 * - A line the physician wrote a code for is left as written (documented-codes.ts).
 */
import type { CodingRun, DiagnosisDraft } from './coding-run.ts';
import { newDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';

export type Method = 'pills' | 'injectable' | 'iud' | 'ring' | 'patch' | 'implant' | 'emergency';

/** The methods by the words clinicians write for them (brand names included), most specific first. */
const METHODS: ReadonlyArray<readonly [Method, RegExp]> = [
  ['emergency', /\b(?:emergency contracepti\w*|plan b|morning[- ]after pill|ulipristal)\b/i],
  [
    'iud',
    /\b(?:(?:lng|levonorgestrel|copper|cu|hormonal)[\s-]*)?(?:iuds?|iucd|iud\/?s)\b|\bintrauterine (?:contraceptive )?(?:device|system)\b|\b(?:mirena|kyleena|liletta|skyla|paragard)\b/i,
  ],
  ['implant', /\b(?:nexplanon|implanon)\b|\b(?:contraceptive|subdermal|etonogestrel|arm)\s+implants?\b/i],
  ['ring', /\b(?:nuvaring|annovera)\b|\b(?:vaginal|contraceptive)\s+ring\b/i],
  ['patch', /\b(?:xulane|twirla|ortho evra)\b|\b(?:contraceptive|birth control|transdermal contraceptive)\s+patch\b/i],
  ['injectable', /\b(?:depo(?:[\s-]*provera)?|dmpa|medroxyprogesterone)\b|\binjectable contracepti\w*|\bcontraceptive injections?\b/i],
  [
    'pills',
    /\b(?:ocps?|cocs?|pops|oral contracepti\w*|birth control pills?|contraceptive pills?|mini-?pills?|progestin[\s-]+only pills?|combined (?:oral )?(?:contraceptive|pill)s?|norgestimate|drospirenone|desogestrel|norethindrone)\b/i,
  ],
];
/** Contraception named as such. */
const CONTRACEPTION = /\b(?:contracept\w*|birth control|family planning)\b/i;

/** The first prescription of a method ("start OCP", "initiate Depo", "quick-start", "new start"). */
const STARTED =
  /\b(?:start\w*|initiat\w*|begin\w*|began|new(?:ly)? (?:start|rx|prescri\w*)|quick[\s-]*start|first (?:dose|injection|prescription)|initial)\b/i;
/** An IUD or implant placed, taken out, taken out and replaced, or checked. */
export const INSERTED = /\b(?:insert\w*|plac(?:ed|ement)|plac(?:e|ing))\b/i;
export const REMOVED = /\b(?:remov\w*|take out|taken out|extract\w*)\b/i;
export const REPLACED = /\b(?:reinsert\w*|replac\w*|exchang\w*)\b/i;
/** Advice on contraception, no method chosen or renewed ("counseled on options"). */
const COUNSELLED = /\b(?:counsel\w*|advice|advised|discuss\w*|options|education)\b/i;
export const CHECKED = /\b(?:string check|check\w*|strings? (?:seen|visuali[sz]ed|felt))\b/i;

/**
 * "for" a purpose that is not contraception: the method treats a condition ("for dysmenorrhea",
 * "for acne and cycle control"), unless the purpose is contraception itself or a span of time
 * ("for 12 months", "for now").
 */
const FOR_PURPOSE =
  /\b(?:for|to (?:treat|control|manage|regulate|help(?: with)?))\s+(?!(?:\d|a |an |one |two |three |six |twelve |now\b|the next|the past|another|contracept|birth control|pregnancy prevention|prevent\w* (?:of )?pregnancy|family planning|sti|backup))[a-z]/i;

/** Harm a drug did: what makes a drug's T36-T50 code a condition rather than the drug's name matched. */
const DRUG_HARM =
  /\b(?:poison\w*|overdos\w*|toxic\w*|advers\w*|side[\s-]effects?|reactions?|allerg\w*|ingest\w*|intoxicat\w*|induced|due to)\b/i;
/** A poisoning or adverse-effect code found only by the method's drug words ("oral contraceptive refill": not T38.4X1A). */
const drugWordOnly = (code: string, line: string) => /^T(?:3[6-9]|4\d|50)/.test(code) && !DRUG_HARM.test(line);

export function methodOf(text: string): Method | undefined {
  return METHODS.find(([, pattern]) => pattern.test(text))?.[0];
}

/** Whether the statement names contraception or a method of it. */
export function namesContraception(text: string): boolean {
  return CONTRACEPTION.test(text) || methodOf(text) !== undefined;
}

/** The Z30 code for a method and what the record says was done with it. */
export function contraceptiveCode(method: Method | undefined, said: string): string {
  const started = STARTED.test(said);
  switch (method) {
    case 'emergency':
      return 'Z30.012';
    case 'iud':
      if (REPLACED.test(said) || (REMOVED.test(said) && INSERTED.test(said))) return 'Z30.433';
      if (REMOVED.test(said)) return 'Z30.432';
      if (INSERTED.test(said)) return 'Z30.430';
      if (CHECKED.test(said)) return 'Z30.431';
      return started ? 'Z30.014' : 'Z30.431';
    case 'implant':
      // The index: Insertion, contraceptive, subdermal (implantable) Z30.017 (initial); checking,
      // removal or reinsertion is its surveillance (Z30.46).
      if (REMOVED.test(said) || REPLACED.test(said) || CHECKED.test(said)) return 'Z30.46';
      return 'Z30.017';
    case 'ring':
      return started ? 'Z30.015' : 'Z30.44';
    case 'patch':
      return started ? 'Z30.016' : 'Z30.45';
    case 'injectable':
      return started ? 'Z30.013' : 'Z30.42';
    case 'pills':
      return started ? 'Z30.011' : 'Z30.41';
    default:
      return started ? 'Z30.019' : COUNSELLED.test(said) ? 'Z30.09' : 'Z30.40';
  }
}

/** Step: Z30 codes only where contraception is the purpose, by the method and phase the record states. */
export function contraceptiveManagement(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const doc = run.input.documentation;
  if (doc.diagnoses.length === 0) return drafts.filter((d) => !d.code.startsWith('Z30') || mentionNames(run, d));
  const clauses = clausesOf(doc.notes);
  let out = drafts;
  for (const [index, line] of doc.diagnoses.entries()) {
    if (line.code) continue;
    const order = orderOf(run, line.description, index);
    const own = out.filter((d) => Math.floor(d.order) === order);
    const contraceptive = namesContraception(line.description);
    if (!contraceptive) {
      // A search's match of a line that names no contraception ("surveillance").
      out = out.filter((d) => Math.floor(d.order) !== order || !d.code.startsWith('Z30'));
      continue;
    }
    // A line that also names a condition is coded as that condition ("Acne - start OCP"); the line's
    // other factors (a "check" read as an examination) are its words about the method.
    if (own.some((d) => !d.code.startsWith('Z') && !drugWordOnly(d.code, line.description))) continue;
    const method = methodOf(line.description) ?? methodOfNotes(clauses);
    // What the notes say of the method (its start, its insertion, its purpose), with the line's words first.
    const about = clauses.filter((c) => (method ? methodOf(c) === method : CONTRACEPTION.test(c)));
    const purposeElsewhere = [line.description, ...about].some((c) => FOR_PURPOSE.test(afterMethod(c, method)));
    out = out.filter((d) => Math.floor(d.order) !== order);
    if (purposeElsewhere) continue;
    const said =
      STARTED.test(line.description) || INSERTED.test(line.description) || REMOVED.test(line.description)
        ? line.description
        : [line.description, ...about].join(' ; ');
    const code = contraceptiveCode(method, said);
    if (!run.allowed(code)) continue;
    out = [
      ...out,
      newDraft(run.codeSets, code, {
        confidence: method ? 0.9 : 0.6,
        order,
        evidence: [{ section: 'diagnoses', text: line.description }],
        rationale: `Contraceptive management (guideline I.C.21.c.11): ${method ? `${method === 'iud' ? 'intrauterine device' : method}` : 'method not stated'}, ${/^Z30\.0/.test(code) ? 'initial prescription' : 'surveillance'} as the record states.`,
      }),
    ].sort((a, b) => a.order - b.order);
  }
  return out;
}

/** The part of a statement from the method's name on ("Start combined OCP for dysmenorrhea": "OCP for dysmenorrhea"). */
function afterMethod(text: string, method: Method | undefined): string {
  const pattern = method ? METHODS.find(([m]) => m === method)?.[1] : CONTRACEPTION;
  const at = pattern ? text.search(pattern) : -1;
  return at >= 0 ? text.slice(at) : '';
}

function methodOfNotes(clauses: readonly string[]): Method | undefined {
  for (const c of clauses) {
    const m = methodOf(c);
    if (m) return m;
  }
  return undefined;
}

function orderOf(run: CodingRun, line: string, index: number): number {
  for (const [order, m] of run.mentions) if (m.section === 'diagnoses' && m.original === line) return Math.floor(order);
  return index + 1;
}

function mentionNames(run: CodingRun, d: DiagnosisDraft): boolean {
  const m = run.mentions.get(d.order) ?? run.mentions.get(Math.floor(d.order));
  return m !== undefined && namesContraception(`${m.original} ${m.text}`);
}
