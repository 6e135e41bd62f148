/**
 * Combined receptor status (Z17.4-, FY2026): hormone receptor status with HER2 status. The record
 * writes them as signs ("HR+/HER2-", "ER positive, PR negative, HER2 negative"), which a word search
 * cannot order (Z17.411 and Z17.420 have the same words); the code is chosen from the signs: hormone
 * receptor positive when the estrogen or progesterone receptor is, negative when every one stated is.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';

const POSITIVE = String.raw`\s*(?:\+|pos(?:itive)?\b)`;
const NEGATIVE = String.raw`\s*(?:-(?![a-z])|neg(?:ative)?\b)`;
const HORMONE = String.raw`\b(?:hr|er|pr|(?:hormone|estrogen|oestrogen|progesterone)[\s-]+receptors?)`;
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

/** Step: a receptor status code whose statement gives both signs becomes the combined code they state. */
export function receptorStatusFromSigns(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  return drafts.map((d) => {
    if (!d.code.startsWith('Z17')) return d;
    const text = run.mentions.get(d.order)?.original ?? d.evidence[0]?.text ?? '';
    const code = combinedReceptorStatus(text);
    if (!code || code === d.code || !run.allowed(code)) return d;
    return recoded(run.codeSets, d, code, `The signs "${text}" state hormone receptor and HER2 status together: ${code}.`);
  });
}
