/**
 * Combined receptor status (Z17.4-, FY2026): hormone receptor status with HER2 status. The record
 * writes them as signs ("HR+/HER2-", "ER positive, PR negative, HER2 negative"), which a word search
 * cannot order (Z17.411 and Z17.420 have the same words); the code is chosen from the signs: hormone
 * receptor positive when the estrogen or progesterone receptor is, negative when every one stated is.
 *
 * A malignancy whose "use additional code" note asks for the receptor status (C50, C56: Z17.-) and
 * whose own statement gives it as a sign ("Left breast cancer UOQ, ER+") has that status coded beside
 * it even when no statement names the status in words: the combined code when the statement signs the
 * HER2 status too, else the estrogen receptor status (Z17.0, Z17.1). Only the malignancy's own
 * statement: a pathology summary elsewhere in the note is the history of the diagnosis, not what the
 * physician states for this visit.
 */
import { newDraft, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { matchesPattern, notesFor } from './icd10cm.ts';

const POSITIVE = String.raw`\s*(?:\+|pos(?:itive)?\b)`;
const NEGATIVE = String.raw`\s*(?:-(?![a-z])|neg(?:ative)?\b)`;
const HORMONE = String.raw`\b(?:hr|er|pr|(?:hormone|estrogen|oestrogen|progesterone)[\s-]+receptors?)`;
/** The estrogen receptor, alone or written with the progesterone receptor ("ER/PR+"). */
const ESTROGEN = String.raw`\b(?:er(?:\s*\/\s*pr)?|(?:estrogen|oestrogen)(?:\s+and\s+progesterone)?[\s-]+receptors?)`;
const HER2 = String.raw`\b(?:her-?2(?:\/neu)?|human epidermal growth factor receptor 2)`;

const sign = (name: string, text: string): 'positive' | 'negative' | undefined => {
  if (new RegExp(name + POSITIVE, 'i').test(text)) return 'positive';
  return new RegExp(name + NEGATIVE, 'i').test(text) ? 'negative' : undefined;
};

/** The combined status code a text states, if it states both the hormone receptor and HER2 status. */
export function combinedReceptorStatus(text: string): string | undefined {
  const hormone = sign(HORMONE, text);
  const her2 = sign(HER2, text);
  if (!hormone || !her2) return undefined;
  return `Z17.4${hormone === 'positive' ? '1' : '2'}${her2 === 'positive' ? '0' : '1'}`;
}

/** The status code a malignancy's own statement signs: combined with HER2, else the estrogen receptor's. */
export function signedReceptorStatus(text: string): string | undefined {
  const combined = combinedReceptorStatus(text);
  if (combined) return combined;
  const estrogen = sign(ESTROGEN, text);
  return estrogen === undefined ? undefined : estrogen === 'positive' ? 'Z17.0' : 'Z17.1';
}

const RECEPTOR_STATUS = 'Z17';

/**
 * Step: a receptor status code whose statement gives both signs becomes the combined code they state;
 * a malignancy whose note asks for the status and whose own statement signs it, with no status coded,
 * gets the status its signs give.
 */
export function receptorStatusFromSigns(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const signed = drafts.some((d) => d.code.startsWith(RECEPTOR_STATUS)) ? [] : signedBesideMalignancy(run, drafts);
  return [...drafts, ...signed].map((d) => {
    if (!d.code.startsWith('Z17')) return d;
    const text = run.mentions.get(d.order)?.original ?? d.evidence[0]?.text ?? '';
    const code = combinedReceptorStatus(text);
    if (!code || code === d.code || !run.allowed(code)) return d;
    return recoded(run.codeSets, d, code, `The signs "${text}" state hormone receptor and HER2 status together: ${code}.`);
  });
}

/** The status a malignancy's own statement signs, for the first malignancy whose note asks for it. */
function signedBesideMalignancy(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  for (const d of drafts) {
    const asks = notesFor(run.codeSets.icd, d.code, 'ua').some(([, patterns]) =>
      patterns.some((p) => matchesPattern(`${RECEPTOR_STATUS}.0`, p)),
    );
    if (!asks) continue;
    const own = run.mentions.get(d.order)?.original ?? d.evidence[0]?.text ?? '';
    const code = signedReceptorStatus(own);
    if (!code || !run.allowed(code)) continue;
    return [
      newDraft(run.codeSets, code, {
        confidence: d.confidence,
        order: d.order + 0.3,
        evidence: d.evidence,
        rationale: `"Use additional code" note at ${d.code}: its statement "${own}" gives the receptor status as a sign: ${code}.`,
      }),
    ];
  }
  return [];
}
