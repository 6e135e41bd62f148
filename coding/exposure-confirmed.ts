/**
 * A contact or exposure code (Z20.-) the physician wrote while the assessment states the disease
 * itself: "COVID exposure" written Z20.822 beside "A: COVID-19, mild" after a positive test. Z20 is
 * for a patient exposed to a disease who does not have it (suspected, ruled out, or not yet known);
 * once the provider documents the disease, the disease is coded (guideline I.C.1.g.1.a: a provider's
 * documentation of COVID-19 is its confirmation) and the exposure code goes. The written code is
 * replaced only when an assessment statement names the Z20 code's own agent affirmatively (not
 * doubted, denied, or itself an exposure, a contact, a test to come or a negative result) and that
 * statement codes confidently to a code outside chapter 21.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { codeMention } from './mention-coding.ts';
import { LOW_CONFIDENCE } from './straight-through.ts';

const EXPOSURE_CODE = /^Z20\./;
/** A statement about exposure or a pending/negative test, not the disease. */
const NOT_THE_DISEASE =
  /\b(?:expos\w*|contacts?|close contact|sick contacts?|household|quarantin\w*|r\/o|rule out|ruled out|screen\w*|neg(?:ative)?|pending|awaiting|test(?:ing)? (?:ordered|sent)|suspect\w*|possible|probable|likely|\?)\b/i;

/** The agent a Z20 title names ("Contact with and (suspected) exposure to COVID-19" gives "COVID-19"). */
function agentOf(title: string): string | undefined {
  const m = /exposure to (.+)$/i.exec(title);
  const agent = m?.[1]?.replace(/\(.*?\)/g, '').trim();
  return agent && agent.length >= 3 && !/^other\b/i.test(agent) ? agent : undefined;
}

const wordsOf = (s: string): string[] => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** Step: a written exposure code beside an assessment that states the disease itself becomes the disease's code. */
export function exposureConfirmed(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const exposure = drafts.find((d) => EXPOSURE_CODE.test(d.code));
  if (!exposure) return drafts;
  const agent = agentOf(exposure.description);
  if (!agent) return drafts;
  const agentWords = wordsOf(agent).filter((w) => w.length > 2 && !/^(?:and|with|the|virus|disease|diseases)$/.test(w));
  if (agentWords.length === 0) return drafts;
  const statements = run.notes.filter((n) => n.part === 'assessment' && n.assertion === 'affirmed' && n.unaddressed === undefined);
  for (const s of statements) {
    for (const piece of s.original.split(/[,;]\s*|\s+[-\u2013\u2014]\s+/)) {
      const said = wordsOf(piece);
      if (!agentWords.every((w) => said.includes(w)) || NOT_THE_DISEASE.test(piece) || NOT_THE_DISEASE.test(s.original)) continue;
      const aside: CodingRun = { ...run, issues: [] };
      const found = codeMention(
        aside,
        { section: 'notes', original: piece, text: piece, assertion: 'affirmed', part: 'assessment' },
        exposure.order,
      ).filter((d) => d.confidence >= LOW_CONFIDENCE && !d.code.startsWith('Z'));
      const disease = found[0];
      if (!disease || drafts.some((d) => d.code === disease.code)) continue;
      return drafts.map((d) =>
        d === exposure
          ? recoded(
              run.codeSets,
              d,
              disease.code,
              `The assessment states the disease itself ("${piece.trim()}"): ${disease.code}, not the exposure code ${exposure.code}.`,
            )
          : d,
      );
    }
  }
  return drafts;
}
