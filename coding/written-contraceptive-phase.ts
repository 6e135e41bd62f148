/**
 * A written contraceptive code for a device (subdermal implant, intrauterine device) that names
 * another service than the one the record documents. The category's own axes: Z30.017 is the initial
 * prescription with insertion of an implant, Z30.46 its surveillance (checking, reinsertion or
 * removal of one in place); Z30.430 the insertion of an IUD, Z30.431 its routine checking, Z30.432
 * its removal, Z30.433 removal with reinsertion. A written Z30.46 for a first implant the note
 * documents inserting is Z30.017: coded so and reported as changed (documented-codes.ts), so a coder
 * confirms; never billed against the record, never rewritten silently.
 *  - What was done is read from the notes' statements about the written code's method (the line is
 *    the code's title), past events set aside ("Mirena placed 2021"); a record stating no insertion,
 *    removal, reinsertion or check leaves the written code alone, as does one naming another method.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { CHECKED, contraceptiveCode, INSERTED, methodOf, REMOVED, REPLACED, type Method } from './contraception.ts';

/** The device codes by method, and the service each names. */
const DEVICE_CODES: Readonly<Record<string, { method: Method; service: string }>> = {
  'Z30.017': { method: 'implant', service: 'initial prescription and insertion of an implant' },
  'Z30.46': { method: 'implant', service: 'surveillance (checking, reinsertion or removal) of an implant' },
  'Z30.430': { method: 'iud', service: 'insertion of an intrauterine device' },
  'Z30.431': { method: 'iud', service: 'routine checking of an intrauterine device' },
  'Z30.432': { method: 'iud', service: 'removal of an intrauterine device' },
  'Z30.433': { method: 'iud', service: 'removal and reinsertion of an intrauterine device' },
};

/** A statement about an earlier time, not today's service. */
const EARLIER = /\b(?:(?:19|20)\d\d|ago|previous(?:ly)?|prior|history|hx|h\/o|last (?:year|month)|since|in the past)\b/i;
const DONE = new RegExp([INSERTED, REMOVED, REPLACED, CHECKED].map((r) => r.source).join('|'), 'i');

/** Step: a written implant or IUD code of another service than the record documents. */
export function writtenContraceptivePhase(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const clauses = clausesOf(run.input.documentation.notes);
  return drafts.map((d) => {
    const m = run.mentions.get(d.order);
    const device = DEVICE_CODES[d.code];
    if (!device || m?.documentedCode !== d.code) return d;
    // Today's statements about the method, and none about another method.
    const about = clauses.filter((c) => methodOf(c) === device.method && !EARLIER.test(c));
    if (
      clauses.some((c) => {
        const o = methodOf(c);
        return o !== undefined && o !== device.method && o !== 'emergency';
      })
    )
      return d;
    const said = about.join(' ; ');
    if (!DONE.test(said)) return d;
    const code = contraceptiveCode(device.method, said);
    const target = DEVICE_CODES[code];
    if (code === d.code || !target || !run.allowed(code)) return d;
    return recoded(
      run.codeSets,
      d,
      code,
      `The written ${d.code} is the ${device.service}; the record documents the ${target.service} ("${about.find((c) => DONE.test(c)) ?? ''}"): ${code}, reported as changed for a coder.`,
    );
  });
}
