/**
 * A drug link stated only in the notes: the diagnosis line says "Hypokalemia" or "Cough", the
 * assessment says "Hypokalemia d/t chlorthalidone" or "Chronic cough due to ACE inhibitor
 * (lisinopril)". The physician relates the condition to a drug taken as prescribed in so many words,
 * so the adverse effect is coded after the condition (guideline I.C.19.e.5.a): the T36-T50 code of
 * the drug's class with 5 (adverse effect) as its 5th or 6th character and the encounter's 7th.
 * drug-effects.ts reads a line's own statement and the fuller statement the search read with it;
 * this step reads the other statements of the notes about the same condition.
 *
 * A statement counts when it is affirmed (not denied: "not related to lisinopril"; not uncertain:
 * "likely ACE inhibitor related"), is not a list the visit does not address (allergies, medications,
 * past history), names the condition before the link (the line's words, or its code's title words),
 * and names the drug right after the link word (or just before "induced", "related", "side effect").
 * A drug taken wrongly is left to drug-effects.ts, and one taken less than prescribed (underdosing,
 * "d/t underdosing of amlodipine") is no adverse effect.
 */
import { newDraft, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { CAUSED, drugEffectCode } from './drug-effects.ts';
import { keyWords } from './ranking.ts';
import { NOT_ADDRESSED_PARTS } from './sections.ts';
import { expandAbbreviations, stemOf, tokenize } from './text.ts';

/** A drug taken less than prescribed, or not at all. */
const UNDERDOSING =
  /\b(?:under-?dos\w*|non-?complian\w*|non-?adheren\w*|not taking|missed (?:\w+ )?doses?|ran out|stopped taking|unable to afford|can'?t afford)\b/i;
/** Any T36-T50 code (drugs, medicaments and biological substances). */
const DRUG_T_CODE = /^T(?:3[6-9]|4\d|50)/;

const sameWord = (a: string, b: string) => a === b || (a.length >= 5 && b.length >= 5 && stemOf(a) === stemOf(b));

/** Every word of `words` said in `text` (the same word or its first five letters). */
function saysAll(words: ReadonlySet<string>, text: string): boolean {
  const said = tokenize(expandAbbreviations(text));
  return words.size > 0 && [...words].every((w) => said.some((s) => sameWord(s, w)));
}

/** The words that name a draft's condition: its line's (drug names left out, they are the link's), else its code title's. */
function conditionWords(run: CodingRun, d: DiagnosisDraft): ReadonlySet<string>[] {
  const icd = run.codeSets.icd;
  const withoutDrugs = (text: string) => {
    const out = new Set<string>();
    for (const w of keyWords(icd, text)) if (!drugEffectCode(icd, `due to ${w}`, '')) out.add(w);
    return out;
  };
  const title = d.description.replace(/\b(?:unspecified|other|specified|not elsewhere classified)\b/gi, ' ');
  return [withoutDrugs(d.evidence[0]?.text ?? ''), keyWords(icd, title)].filter((s) => s.size > 0);
}

/** Step: a condition the notes relate to a drug in so many words gets the drug's adverse-effect code after it. */
export function drugLinkInNotes(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  let out = drafts;
  const statements = run.notes.filter((n) => n.assertion === 'affirmed' && !(n.part && NOT_ADDRESSED_PARTS.has(n.part)));
  for (const d of drafts) {
    if (/^[TZV-Y]/.test(d.code)) continue;
    const names = conditionWords(run, d);
    for (const n of statements) {
      // The words read as affirmed (n.text): "Cough, possibly related to X" leaves "Cough" only.
      const text = n.text;
      if (UNDERDOSING.test(text)) continue;
      const link = CAUSED.exec(text);
      if (!link) continue;
      // The drug in the link's own phrase ("due to HCTZ; switch to losartan" names the HCTZ), or
      // just before a cue said after the drug ("lisinopril-induced cough", "metformin side effect").
      // The drug must follow the cue closely ("due to ACE inhibitor", "d/t the chlorthalidone"): "vomited her
      // dose from urgent care last night and acetaminophen" names where the dose came from, not a cause.
      const clause = text.slice(link.index + link[0].length).split(/[,;.()\u2013\u2014]|\s-\s/)[0] ?? '';
      const phrase = `${link[0]} ${clause.trim().split(/\s+/).slice(0, 3).join(' ')}`;
      const drugFirst = /^(?:induced|related|associated|adverse|side|intoleran)/i.test(link[0])
        ? `${/(?:[\w-]+[\s-]+){0,2}$/.exec(text.slice(0, link.index))?.[0] ?? ''}${link[0]}`
        : '';
      const after = drugEffectCode(run.codeSets.icd, phrase, text);
      const effect = after ?? (drugFirst ? drugEffectCode(run.codeSets.icd, drugFirst, text) : undefined);
      // The condition named before the link ("Hypokalemia d/t ..."), or anywhere for a drug named first.
      const where = after ? text.slice(0, link.index) : text;
      if (!names.some((words) => saysAll(words, where))) continue;
      if (!effect || effect.kind !== 'adverse effect') continue;
      if (out.some((o) => DRUG_T_CODE.test(o.code) && o.code.slice(0, 5) === effect.code.slice(0, 5))) break;
      out = [
        ...out,
        newDraft(run.codeSets, effect.code, {
          confidence: d.confidence,
          order: d.order + 0.2,
          evidence: [...d.evidence, { section: 'notes', text: n.original }],
          rationale: `The notes relate "${d.evidence[0]?.text ?? d.description}" to a drug taken as prescribed ("${n.original.trim()}"): adverse effect ${effect.code} after the condition (guideline I.C.19.e.5.a).`,
        }),
      ];
      break;
    }
  }
  return out;
}
