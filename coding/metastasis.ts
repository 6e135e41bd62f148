/**
 * Primary and secondary sites of one neoplasm statement (guideline I.C.2: "metastatic to" names the
 * secondary site, "metastatic from" the primary one). "Breast cancer metastatic to bone" is two
 * conditions: the primary breast malignancy and a secondary malignant neoplasm of bone (C79.51); a
 * word search on the whole phrase would code one site as the other (a secondary neoplasm of the breast).
 */
import type { Mention } from './context.ts';

const SPREAD = String.raw`(?:metastatic|metastasized|metastasizing|metastases|metastasis|mets|spread|spreading)`;
/** "X (cancer), metastatic to Y", "X cancer with metastasis to Y", "metastatic X cancer to Y" and "mets to Y from X". */
const TO = new RegExp(String.raw`^(.*?)[\s,]*\b(?:with\s+)?${SPREAD}\s+(?:disease\s+)?to\s+(?:the\s+)?(.+)$`, 'i');
const METASTATIC_X_TO_Y = /^metastatic\s+(.+?)\s+to\s+(?:the\s+)?(.+)$/i;
/** "Y metastases from X", "metastatic disease of Y from X". */
const FROM = new RegExp(
  String.raw`^(.*?)\s*\b${SPREAD}(?:\s+(?:disease|lesions?))?\s+(?:(?:of|in)\s+(?:the\s+)?(.+?)\s+)?from\s+(?:an?\s+|the\s+)?(.+)$`,
  'i',
);
/** "Brain metastases", "metastases to liver" with no primary named. */
const SITE_METASTASES = new RegExp(String.raw`^(.+?)\s+${SPREAD}$`, 'i');

const NEOPLASM = /\b(cancer|ca|carcinoma|malignan\w*|neoplasm|tumou?r|\w*oma|adenocarcinoma|leuka?emia)\b/i;

/** Sites listed with commas or "and" ("bone and liver"). */
const sitesOf = (text: string) =>
  text
    .split(/,|\band\b/i)
    .map((s) => s.replace(/[.;]+$/, '').trim())
    .filter((s) => /[a-z]{3,}/i.test(s));

function primary(m: Mention, text: string): Mention | undefined {
  const site = text
    .replace(/\bmetastatic\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/[a-z]{3,}/i.test(site)) return undefined;
  return { ...m, text: NEOPLASM.test(site) ? site : `malignant neoplasm of ${site}` };
}

function secondaries(m: Mention, text: string): Mention[] {
  const { documentedCode: _code, ...rest } = m;
  return sitesOf(text).map((site) => ({ ...rest, text: `secondary malignant neoplasm of ${site.replace(NEOPLASM, ' ').trim()}` }));
}

/**
 * The statement as primary and secondary neoplasm mentions, primary first; the statement itself when
 * it names no spread. A physician's own code stays with the primary.
 */
export function metastasisMentions(m: Mention): Mention[] {
  const text = m.text.trim();
  if (!new RegExp(`\\b${SPREAD}\\b`, 'i').test(text)) return [m];
  const xToY = METASTATIC_X_TO_Y.exec(text);
  if (xToY?.[1] && xToY[2]) return [primary(m, xToY[1]), ...secondaries(m, xToY[2])].filter((x): x is Mention => x !== undefined);
  const to = TO.exec(text);
  // "Mets to liver from colon ca": the sites before "from", the primary after it.
  const toFrom = to?.[2] && !/[a-z]{3,}/i.test(to[1] ?? '') ? /^(.+?)\s+from\s+(?:an?\s+|the\s+)?(.+)$/i.exec(to[2]) : null;
  if (toFrom?.[1] && toFrom[2]) return [primary(m, toFrom[2]), ...secondaries(m, toFrom[1])].filter((x): x is Mention => x !== undefined);
  if (to?.[2]) return [primary(m, to[1] ?? ''), ...secondaries(m, to[2])].filter((x): x is Mention => x !== undefined);
  const from = FROM.exec(text);
  if (from?.[3]) {
    const site = from[2] ?? from[1] ?? '';
    return [primary(m, from[3]), ...secondaries(m, site)].filter((x): x is Mention => x !== undefined);
  }
  const siteOnly = SITE_METASTASES.exec(text);
  if (siteOnly?.[1] && !NEOPLASM.test(siteOnly[1])) return secondaries(m, siteOnly[1]);
  return [m];
}
