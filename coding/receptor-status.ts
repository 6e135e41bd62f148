/**
 * Combined receptor status (Z17.4-, FY2026): hormone receptor status with HER2 status. The record
 * writes them as signs ("HR+/HER2-", "ER positive, PR negative, HER2 negative"), which a word search
 * cannot order (Z17.411 and Z17.420 have the same words); the code is chosen from the signs: hormone
 * receptor positive when the estrogen or progesterone receptor is, negative when every one stated is.
 *
 * A malignancy whose "use additional code" note asks for the receptor status (C50, C56: Z17.-) and
 * whose own statement gives it as a sign ("Left breast cancer UOQ, ER+") has that status coded beside
 * it even when no statement names the status in words: the combined code when the statement signs the
 * HER2 status too, else the estrogen receptor status (Z17.0, Z17.1). The status is read where the
 * physician states it for this visit: the malignancy's own statement, else the assessment or plan's
 * statement of it (a history line recoded as a current malignancy under treatment carries no signs of
 * its own: "h/o L breast ca" beside "A: L breast ca, ER+, on adjuvant anastrozole"). A pathology
 * summary elsewhere in the note is the history of the diagnosis, not what the physician states for
 * this visit. A status listed on a line of its own ("ER positive") that the assessment signs with
 * HER2 ("ER+, HER2-") is the combined code.
 */
import { newDraft, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { matchesPattern, notesFor } from './icd10cm.ts';
import { ADDRESSED_PARTS } from './sections.ts';

/** A sign, or its word after a space, hyphen or colon ("HER2-negative", "ER: positive"). */
const POSITIVE = String.raw`\s*(?:\+|[\s:-]*pos(?:itive)?\b)`;
const NEGATIVE = String.raw`\s*(?:-(?![a-z])|[\s:-]*neg(?:ative)?\b)`;
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
  // A progesterone receptor status alone (Z17.2-) does not say the estrogen receptor's.
  const signed = drafts.some((d) => /^Z17\.[014]/.test(d.code)) ? [] : signedBesideMalignancy(run, drafts);
  const assessed = drafts.some(asksForStatus(run)) ? assessedSigns(run) : undefined;
  return [...drafts, ...signed].map((d) => {
    if (!d.code.startsWith('Z17')) return d;
    const line = run.mentions.get(d.order)?.original;
    const own = line ?? d.evidence[0]?.text ?? '';
    // A status line of its own ("ER positive") the assessment states with HER2 too: the combined code
    // it signs. Not a status read from the malignancy's own line, which states it as the physician lists it.
    const text = line !== undefined && combinedReceptorStatus(own) === undefined && /^Z17\.[01]/.test(d.code) && assessed ? assessed : own;
    const code = combinedReceptorStatus(text);
    if (!code || code === d.code || !run.allowed(code)) return d;
    return recoded(run.codeSets, d, code, `The signs "${text}" state hormone receptor and HER2 status together: ${code}.`);
  });
}

/** A code whose "use additional code" note asks for the receptor status (C50, C56). */
const asksForStatus =
  (run: CodingRun) =>
  (d: DiagnosisDraft): boolean =>
    notesFor(run.codeSets.icd, d.code, 'ua').some(([, patterns]) => patterns.some((p) => matchesPattern(`${RECEPTOR_STATUS}.0`, p)));

/** A malignancy named in a statement ("L breast ca", "IDC", "carcinoma of the ovary"). */
const MALIGNANCY = /\b(?:cancer|ca|carcinoma|malignan\w*|neoplasm|tumou?r|idc|ilc|dcis)\b/i;

/**
 * The last statement of the assessment or plan that names a malignancy and signs its receptor status:
 * the visit's own assessment comes after a diagnosis summary at the head of the note ("Dx: L breast
 * IDC, ER+/PR+/HER2-, s/p lumpectomy" above "1. L breast cancer, ER+ - on anastrozole").
 */
function assessedSigns(run: CodingRun): string | undefined {
  return [...run.notes]
    .reverse()
    .find(
      (n) =>
        n.part !== undefined &&
        ADDRESSED_PARTS.has(n.part) &&
        n.assertion !== 'negated' &&
        n.assertion !== 'family-history' &&
        MALIGNANCY.test(n.original) &&
        signedReceptorStatus(n.original) !== undefined,
    )?.original;
}

/** The status a malignancy's own statement, else the assessment, signs, for the first malignancy whose note asks for it. */
function signedBesideMalignancy(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const assessed = assessedSigns(run);
  for (const d of drafts) {
    if (!asksForStatus(run)(d)) continue;
    const line = run.mentions.get(d.order)?.original ?? d.evidence[0]?.text ?? '';
    const own = signedReceptorStatus(line) !== undefined ? line : (assessed ?? line);
    const code = signedReceptorStatus(own);
    if (!code || !run.allowed(code)) continue;
    return [
      newDraft(run.codeSets, code, {
        confidence: d.confidence,
        order: d.order + 0.3,
        evidence: own === assessed ? [{ section: 'notes', text: own }] : d.evidence,
        rationale: `"Use additional code" note at ${d.code}: ${own === assessed ? 'the assessment' : 'its statement'} "${own}" gives the receptor status as a sign: ${code}.`,
      }),
    ];
  }
  return [];
}
