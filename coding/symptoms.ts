/**
 * Signs and symptoms: what is coded when an outpatient diagnosis is uncertain ("rule out", "X vs Y":
 * the documented signs and symptoms, never nothing) or when the record has no diagnosis list.
 */
import { regionsOf } from './body-sites.ts';
import { bothSides } from './both-sides.ts';
import { newDraft, SECTION_WEIGHT, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import type { Mention } from './context.ts';
import { queryText, rank, searchFilter, wellSupported } from './ranking.ts';
import { buildQuery } from './search.ts';
import { SITE_SYMPTOM_TITLE } from './integral-symptoms.ts';
import { ADDRESSED_PARTS, mayShowSymptoms } from './sections.ts';
import { expandWithGroups, tokenize } from './text.ts';

/** Pain, unspecified: the pain of no stated site. */
const UNSPECIFIED_PAIN = 'R52';

/** Symptoms and abnormal findings, used when the diagnosis is uncertain (outpatient) or absent. */
const VERSUS = /\b(?:vs\.?|versus)(?=\s|$)/i;
/** The alternatives of "X vs Y (vs Z)", without uncertainty cue words. */
function versusParts(original: string): string[] {
  return original
    .split(/\b(?:vs\.?|versus)(?=\s|$)|\bor\b/i)
    .map((p) =>
      p
        .replace(/\b(rule out|r\/o|probable|possible|suspected|likely|questionable)\b/gi, ' ')
        .replace(/[^\w\s'-]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

/**
 * The signs and symptoms of an uncertain diagnosis: those the diagnosis line, the assessment and plan
 * and the complaint name, when the note has an assessment and they name any ("snoring, witnessed
 * apneas and daytime somnolence - probable sleep apnea"); else those of every part that may show them
 * (the history of present illness, the exam). A statement the visit leaves alone gives none.
 */
export function symptomDrafts(run: CodingRun, startOrder: number, onlySymptoms: boolean, uncertainLines: Mention[] = []): DiagnosisDraft[] {
  const shown = run.notes.filter((n) => mayShowSymptoms(n) && !n.unaddressed);
  if (onlySymptoms && shown.some((n) => n.part !== undefined && ADDRESSED_PARTS.has(n.part))) {
    const stated = shown.filter((n) => n.part !== undefined && (ADDRESSED_PARTS.has(n.part) || n.part === 'complaint'));
    const found = symptomsFrom(run, startOrder, onlySymptoms, uncertainLines, stated);
    if (found.length > 0) return found;
  }
  return symptomsFrom(run, startOrder, onlySymptoms, uncertainLines, shown);
}

function symptomsFrom(
  run: CodingRun,
  startOrder: number,
  onlySymptoms: boolean,
  uncertainLines: Mention[],
  notes: Mention[],
): DiagnosisDraft[] {
  const out: DiagnosisDraft[] = [];
  const sources: Mention[] = [
    // The uncertain diagnosis line itself may name a sign or symptom ("possible migraine headache").
    ...uncertainLines,
    ...notes.filter(
      (n) => n.assertion === 'affirmed' || (!onlySymptoms && (n.assertion === 'personal-history' || n.assertion === 'family-history')),
    ),
    ...run.input.documentation.testResults
      .filter((t) => t.flag && t.flag !== 'N')
      .map((t): Mention => ({
        section: 'testResults',
        assertion: 'affirmed',
        original: `${t.name} ${t.value}${t.unit ? ` ${t.unit}` : ''} (${t.flag})`,
        text: `${t.name} ${t.flag === 'H' ? 'elevated high' : t.flag === 'L' ? 'low decreased' : 'abnormal'}`,
      })),
  ];
  let order = startOrder;
  for (const whole of sources) {
    // Each item of a list of symptoms is searched on its own ("cough and fever"), and apart from
    // the commentary after a dash.
    // "X vs Y": each alternative the physician names is searched on its own; one that is itself a
    // sign or symptom ("syncope vs seizure") is the physician's own word for it and is coded.
    const alternatives = whole.section === 'diagnoses' && VERSUS.test(whole.original) ? versusParts(whole.original) : undefined;
    const parts =
      alternatives ??
      (whole.section === 'notes'
        ? whole.text
            // A remark in brackets is a score or a value, not a symptom ("somnolence (Epworth 13, drowsy driving)").
            .replace(/\([^()]*\)/g, ' ')
            .split(/,|\band\b|\bwith\b|\s[-\u2013\u2014]+\s/)
            .map((t) => t.trim())
            .filter(Boolean)
        : [whole.text]);
    const affirmed = affirmedPart(whole.text);
    for (const part of parts) {
      const m: Mention = { ...whole, text: part };
      const filter = onlySymptoms ? (c: string) => c.startsWith('R') || siteSymptom(run, c) : searchFilter(m);
      const stated = buildQuery(queryText(m, []));
      // "Bilateral hand pain": the search finds the site's symptom without its side, and both sides are
      // coded from it (guideline I.B.13, both-sides.ts); the word "bilateral" is not left unexplained.
      const q = stated.laterality === 'bilateral' ? { ...stated, tokens: stated.tokens.filter((t) => t !== 'bilateral') } : stated;
      if (q.tokens.length === 0) continue;
      const groups = expandWithGroups(queryText(m, [])).groups;
      const hits = rank(run, q, m.text, filter);
      // An alternative of "X vs Y" may also stand on one word when its code clearly leads the others.
      const leads = (h: (typeof hits)[number]) => alternatives !== undefined && h.score >= 0.85 && (hits[1]?.score ?? 0) < h.score - 0.05;
      for (const hit of hits.slice(0, 1)) {
        if (hit.score < 0.8 || (!wellSupported(run.codeSets.icd, hit, q.tokens, groups) && !leads(hit))) continue;
        if (affirmed && !hit.matched.some((t) => affirmed.has(t))) continue;
        // Pain the clause puts at a site ("pain and stiffness in both hands") is no pain of unspecified site (R52).
        if (hit.code === UNSPECIFIED_PAIN && regionsOf(whole.text).size > 0) continue;
        // A clause that names two symptoms ("cough and fever") yields both.
        const found = [hit];
        const rest = q.tokens.filter((t) => !hit.matched.includes(t));
        if (rest.length) {
          const more = rank(run, { tokens: rest }, m.text, filter)[0];
          if (more && more.score >= 0.8 && more.code !== hit.code && wellSupported(run.codeSets.icd, more, rest, groups)) found.push(more);
        }
        for (const h of found) {
          const draft = newDraft(run.codeSets, h.code, {
            confidence: h.score * SECTION_WEIGHT[m.section],
            order: order++,
            evidence: [{ section: m.section, text: m.original }],
            rationale: onlySymptoms
              ? `Diagnosis documented as uncertain in an outpatient setting: coded the documented sign or symptom "${h.matched.join(' ')}" from ${m.section} ("${m.original}").`
              : `No diagnosis list: coded "${h.matched.join(' ')}" from ${m.section} ("${m.original}").`,
          });
          out.push(...(bothSides(run, draft, stated.laterality) ?? [draft]));
        }
      }
    }
  }
  return out;
}

/** A symptom a body-system chapter classifies with its site ("Pain in right shoulder" M25.511, "Otalgia, left ear"). */
function siteSymptom(run: CodingRun, code: string): boolean {
  const icd = run.codeSets.icd;
  return SITE_SYMPTOM_TITLE.test(icd.entries[icd.byCode.get(code) ?? -1]?.description ?? '');
}

/**
 * The words of a clause before "without" (context.ts keeps what a condition is said to be without
 * beside it: "afebrile, no N/V" reads "afebrile without N/V"): a symptom of any of the clause's parts
 * is coded only when it matches one of them, never from the absent words alone ("crampy without
 * diarrhea, no fever, no N/V" names no vomiting). Undefined: no "without".
 */
function affirmedPart(part: string): Set<string> | undefined {
  const cut = /\bwithout\b/i.exec(part);
  if (!cut) return undefined;
  return new Set(tokenize(expandWithGroups(part.slice(0, cut.index)).text));
}
