/**
 * HIV disease over asymptomatic HIV infection status. Z21 is for a patient with HIV who has never had
 * an HIV-related illness; once one has been documented (an AIDS-defining opportunistic infection or
 * tumour, AIDS itself, a CD4 count under 200), every later encounter is coded B20 (guideline
 * I.C.1.a.2.a and .d). A record that codes Z21 beside such an illness, current or past, is coded B20 in
 * its place; B20 is listed before the HIV-related condition it is coded with (I.C.1.a.2.a).
 *
 * What counts is the patient's own illness as the record affirms it or gives it as history: a denial
 * ("no history of PCP", "no OIs"), a relative's illness, or prophylaxis against one is not an illness.
 */
import { diagnosisMentions, type Mention } from './context.ts';
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { resultStatements } from './reported-results.ts';

const ASYMPTOMATIC_HIV = 'Z21';
const HIV_DISEASE = 'B20';

/**
 * The codes of the AIDS-defining conditions: Pneumocystis pneumonia, Kaposi sarcoma, candidiasis of
 * the oesophagus or lungs, cryptococcosis, toxoplasmosis of the brain, disseminated Mycobacterium
 * avium complex, cytomegalovirus disease, progressive multifocal leukoencephalopathy, chronic
 * intestinal cryptosporidiosis and isosporiasis.
 */
const HIV_RELATED_CODE = /^(?:B59|C46\.|B37\.(?:1|81)|B45\.|B58\.2|A31\.2|B25\.|A81\.2|A07\.[23])/;

/** The same conditions, AIDS itself and HIV wasting, as the record names them. */
/** Prophylaxis against an illness named just before ("Pneumocystis jirovecii prophylaxis"): no illness. */
const PROPHYLAXIS = String.raw`(?![\w\s-]{0,30}\b(?:prophylaxis|ppx|prevention|prophylactic))`;

const HIV_RELATED_WORDS = new RegExp(
  [
    String.raw`\bpneumocystis\b${PROPHYLAXIS}`,
    String.raw`\bpjp\b${PROPHYLAXIS}`,
    String.raw`\bpcp (?:pneumonia|pneumonitis)\b${PROPHYLAXIS}`,
    String.raw`\bkaposi'?s? sarcoma\b`,
    String.raw`\b(?:esophageal|oesophageal) candidiasis\b|\bcandida(?:l)? esophagitis\b`,
    String.raw`\bcryptococcosis\b|\bcryptococcal (?:meningitis|meningoencephalitis|disease|infection|pneumonia)\b`,
    String.raw`\b(?:cerebral |cns |brain )toxoplasm\w*|\btoxoplasm\w* (?:encephalitis|of (?:the )?brain|brain abscess)`,
    String.raw`\b(?:disseminated )?(?:mycobacterium avium\w*(?:[- ]intracellulare)?(?: complex)?|mac)\b${PROPHYLAXIS}(?!\s+(?:anesthesia|sedation))`,
    String.raw`\b(?:cmv|cytomegalovirus) (?:retinitis|colitis|esophagitis|pneumonitis|encephalitis|disease)\b`,
    String.raw`\bprogressive multifocal leukoencephalopathy\b`,
    String.raw`\bhiv[- ](?:associated |related )?wasting\b|\bwasting syndrome\b`,
    String.raw`\bhiv[- ](?:associated |related )?(?:dementia|encephalopathy|nephropathy)\b`,
  ].join('|'),
  'i',
);
/** AIDS written as such (capitals: "aids" are also hearing or walking aids), not a programme named for it. */
const AIDS = /\bAIDS\b(?![- ](?:drug assistance|service|foundation|walk|education|clinic))/g;
/** The kind of aid a word before it names ("HEARING AIDS" in a note written in capitals). */
const AID_KIND = /\b(?:hearing|walking|mobility|visual|vision|memory|sleep|study|teaching|first)\s+$/i;
const saysAids = (text: string): boolean => [...text.matchAll(AIDS)].some((m) => !AID_KIND.test(text.slice(0, m.index)));
/** A CD4 count, whose value is read after it (a percentage is another measure; "1,050" is one value). */
const CD4 =
  /\bcd4\+?(?:[- ](?:t[- ]?cells?|cells?|lymphocytes?))?(?:\s+(?:count|abs(?:olute)?|nadir))*\s*(?:nadir|count)?\s*(?:of|was|is|=|:|-)?\s*(<|>|≤|≥)?\s*(\d{1,3}(?:,\d{3})+|\d{1,4})(?!\s*%|\d|,\d)/gi;

/** Whether the record gives a CD4 count under 200 cells/µL (a nadir included: the illness happened). */
function cd4Under200(run: CodingRun): boolean {
  const doc = run.input.documentation;
  return [doc.notes, ...resultStatements(doc.testResults)].some((text) =>
    [...text.matchAll(CD4)].some((m) => {
      const value = Number(m[2]?.replace(/,/g, ''));
      return m[1] !== '>' && m[1] !== '≥' && (value < 200 || (m[1] === '<' && value <= 200));
    }),
  );
}

/** The statements that affirm an HIV-related illness of the patient's own, now or in the past. */
function hivRelatedStatements(run: CodingRun, drafts: readonly DiagnosisDraft[]): string[] {
  const own = (m: Mention) => m.assertion === 'affirmed' || m.assertion === 'personal-history';
  const mentions = [...diagnosisMentions(run.input.documentation.diagnoses), ...run.notes].filter(own);
  return [
    ...drafts.filter((d) => HIV_RELATED_CODE.test(d.code)).map((d) => `${d.code} ${d.description}`),
    ...mentions.filter((m) => HIV_RELATED_WORDS.test(m.text) || saysAids(m.text)).map((m) => m.original),
  ];
}

/** Step: Z21 beside a documented HIV-related illness is coded B20 (I.C.1.a.2), listed before the illness. */
export function hivDisease(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const status = drafts.find((d) => d.code === ASYMPTOMATIC_HIV);
  if (!status) return drafts;
  const statements = hivRelatedStatements(run, drafts);
  const lowCd4 = cd4Under200(run);
  if (statements.length === 0 && !lowCd4) return drafts;
  if (drafts.some((d) => d.code === HIV_DISEASE)) return drafts.filter((d) => d !== status);
  const related = drafts.filter((d) => HIV_RELATED_CODE.test(d.code));
  const first = Math.min(status.order, ...related.map((d) => d.order - 0.01));
  const why = statements[0] !== undefined ? `"${statements[0]}"` : 'a CD4 count under 200';
  const disease = recoded(
    run.codeSets,
    status,
    HIV_DISEASE,
    `The record documents an HIV-related illness (${why}): HIV disease, B20, not asymptomatic HIV status (guideline I.C.1.a.2).`,
  );
  return drafts.map((d) => (d === status ? { ...disease, order: first } : d));
}
