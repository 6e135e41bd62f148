/**
 * "Use additional code to identify severity of ulcer (L97.-)": the notes at varicose veins with ulcer
 * (I83.0-, I83.2-), atherosclerosis of the leg with ulceration (I70.23- ... I70.25-) and chronic venous
 * hypertension or postthrombotic syndrome with ulcer (I87.01-, I87.31-). The condition's own code
 * already names the ulcer's side and site ("Varicose veins of left lower extremity with ulcer of
 * calf"), and the ulcer it names is a non-pressure chronic ulcer, so the added code is the L97 code of
 * that side and site with the depth the record's wound description states ("fat layer exposed" is
 * L97.222 beside I83.022). A record that states no depth gets the unspecified-severity member, which
 * added-code-axis.ts then asks about. The general search of use-additional.ts cannot find it: the
 * diagnosis line says "venous ulcer", never the L97 title's "non-pressure chronic".
 */
import { newDraft, perRecord, recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { recordStatements } from './review-signals.ts';
import { useAdditionalFilter } from './search.ts';

/** The side and site a code's title gives its ulcer: "of left lower extremity with ulcer of calf". */
const TITLE_SITE = /\b(right|left) (?:lower extremity|leg)\b.*\bwith (?:both )?ulcer(?:ation)? of ([a-z ]+)/i;

/** The depth a wound description states, as the L97 titles word it (the 6th character). */
const DEPTHS: ReadonlyArray<[title: string, stated: RegExp]> = [
  ['with necrosis of bone', /\b(?:necrosis of (?:the )?bone|bone necrosis|osteomyelitis)\b/i],
  ['with necrosis of muscle', /\b(?:necrosis of (?:the )?muscle|muscle necrosis|necrotic muscle)\b/i],
  [
    'with bone involvement without evidence of necrosis',
    /\b(?:bone (?:is |was )?(?:exposed|visible|involved)|(?:exposed|visible) bone|probes? to bone)\b/i,
  ],
  [
    'with muscle involvement without evidence of necrosis',
    /\b(?:muscle (?:is |was )?(?:exposed|visible|involved)|(?:exposed|visible) muscle)\b/i,
  ],
  [
    'with fat layer exposed',
    /\b(?:(?:fat|subcutaneous|adipose)(?: tissue| layer)? (?:is |was )?(?:exposed|visible)|(?:exposed|visible) (?:fat|subcutaneous|adipose))\b/i,
  ],
  ['limited to breakdown of skin', /\b(?:limited to (?:the )?skin|(?:skin|epidermal) breakdown|breakdown of (?:the )?skin)\b/i],
];
/** A clause that denies what it names ("no muscle/bone", "without exposed bone"). */
const DENIED = /\b(?:no|not|without|denies|negative for)\b/i;

/** The first depth (deepest first) a clause of the record states without denying it. */
function statedDepth(statements: readonly string[]): string | undefined {
  for (const [title, stated] of DEPTHS) {
    for (const s of statements)
      for (const clause of s.split(/[,;.\n]/)) {
        const m = stated.exec(clause);
        if (m && !DENIED.test(clause.slice(0, m.index))) return title;
      }
  }
  return undefined;
}

const UNSPECIFIED_SEVERITY = ' with unspecified severity';

/**
 * The one non-pressure ulcer coded of unspecified severity (L97.-9, found by its words: "L heel
 * ulcer") while the record describes its depth ("fat layer exposed"): the member of its side and site
 * with that depth. Not with two ulcers coded (which description is whose is not read here), nor a
 * code the physician wrote.
 */
function withStatedDepth(run: CodingRun, drafts: DiagnosisDraft[], statements: readonly string[]): DiagnosisDraft[] {
  const ulcers = drafts.filter((d) => d.code.startsWith('L97'));
  const d = ulcers.length === 1 ? ulcers[0] : undefined;
  if (!d || !d.description.endsWith(UNSPECIFIED_SEVERITY) || run.mentions.get(d.order)?.documentedCode) return drafts;
  const depth = statedDepth(statements);
  if (!depth) return drafts;
  const title = `${d.description.slice(0, -UNSPECIFIED_SEVERITY.length)} ${depth}`.toLowerCase();
  const member = run.codeSets.icd.entries.find((e) => e.code.startsWith(d.code.slice(0, 6)) && e.description.toLowerCase() === title);
  if (!member || !run.allowed(member.code)) return drafts;
  return drafts.map((x) =>
    x === d ? recoded(run.codeSets, d, member.code, `The record describes the ulcer's depth (${depth}): ${member.code}.`) : x,
  );
}

/** Step: the L97 code of the side and site the condition's code names, with the stated depth. */
export function ulcerSeverityOfSite(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const statements = perRecord(run, 'recordStatements', () => recordStatements(run.input.documentation));
  if (drafts.some((d) => d.code.startsWith('L97') || d.code.startsWith('L98.4'))) return withStatedDepth(run, drafts, statements);
  const { icd } = run.codeSets;
  for (const d of drafts) {
    if (!useAdditionalFilter(icd, d.code)?.categories.includes('L97')) continue;
    const site = TITLE_SITE.exec(d.description);
    if (!site) continue;
    // The site runs to the title's end ("heel and midfoot") or to what follows it ("calf and inflammation").
    const named = site[2]?.trim().toLowerCase() ?? '';
    const places = [named, named.split(' and ')[0]].map((p) => `non-pressure chronic ulcer of ${site[1]?.toLowerCase()} ${p}`);
    const depth = statedDepth(statements) ?? 'with unspecified severity';
    const titles = new Set(places.map((p) => `${p} ${depth}`));
    const member = icd.entries.find((e) => e.code.startsWith('L97') && titles.has(e.description.toLowerCase()));
    if (!member || !run.allowed(member.code)) continue;
    return [
      ...drafts,
      newDraft(run.codeSets, member.code, {
        confidence: d.confidence * 0.9,
        order: d.order + 0.25,
        evidence: d.evidence,
        rationale: `"Use additional code to identify severity of ulcer" at ${d.code}: its title names the ulcer's side and site; ${
          depth === 'with unspecified severity' ? 'the record states no depth' : `the record states the depth (${depth})`
        }.`,
      }),
    ];
  }
  return drafts;
}
