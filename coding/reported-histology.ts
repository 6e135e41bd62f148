/**
 * A neoplasm line the physician coded to uncertain or unspecified behaviour (D37-D44, D48, D49)
 * beside a pathology or biopsy result of the same record that names the histology (basal cell
 * carcinoma, squamous cell carcinoma in situ, a melanocytic nevus, an adenoma). Uncertain behaviour
 * is itself a histologic finding (the Neoplasm Table's note: D37-D44 and D48 are for a morphology
 * the pathologist calls uncertain), and D49 is for a neoplasm whose histology is not known: once the
 * report names it, the neoplasm table's column for that histology, by site, is the code (the
 * outpatient biopsy line "r/o BCC" is coded from its signed result, not as its suspicion). A line
 * with no code that states the neoplasm only as suspected ("Rule out basal cell carcinoma, right
 * nasal ala") is settled by the report the same way: guideline IV.H keeps an uncertain diagnosis
 * uncoded only while it is uncertain, and the signed report in the record makes it certain.
 *
 * The line is coded as the reported histology at the site the report, the line or the notes give.
 * Not when the report itself says uncertain behaviour, denies a neoplasm ("no malignancy"), or is only
 * awaited ("sent to path", "path pending"); nor a report of another site than the line's.
 */
import { regionsMeet, regionsOf } from './body-sites.ts';
import { recordText, type CodingRun } from './coding-run.ts';
import type { Mention } from './context.ts';
import { normalizeIcdCode } from './icd10cm.ts';

/** Uncertain behaviour (D37-D44, D48) and unspecified behaviour (D49). */
const UNSETTLED_BEHAVIOUR = /^D(?:3[7-9]|4[0-489])\./;

/** A result's name or a note's heading that says pathology ("Surgical pathology", "Path 12/1", "Dermpath"). */
const PATHOLOGY = /\b(?:(?:surgical |skin |derm)?path(?:ology)?|dermpath|biops(?:y|ies)|bx|histolog\w*|cytolog\w*)\b/i;
/** A note's line reporting a pathology: its heading, a colon, the result ("Path (final): basal cell carcinoma"). */
const PATHOLOGY_LINE = new RegExp(String.raw`${PATHOLOGY.source}[^:\n]{0,40}:[ \t]*(.*)$`, 'i');
/** The report's line names the site it is of before a colon ("Site 1 (R forearm, punch): ..."). */
const SITE_HEADING = /^([^:]{0,60}):\s*(.+)$/;

/** A histology the classification codes by (a carcinoma, a melanoma, a nevus, an adenoma, a lipoma...). */
const HISTOLOGY = /\b(?:carcinoma|melanoma|nev(?:us|i)|naev(?:us|i)|adenoma|keratosis|bcc|scc|\w{3,}omas?|bowen\w*|dysplasia)\b/i;
/** A report that says the behaviour is uncertain, or names no neoplasm. */
const NOT_SETTLED =
  /\b(?:uncertain|indeterminate|undetermined|unclear (?:malignant )?potential|pending|awaited|to follow|nondiagnostic|non-diagnostic|insufficient)\b/i;
const DENIED = /^\s*(?:no|negative|without|benign skin|normal)\b/i;
/** A statement that only suspects a histology ("r/o BCC", "DDx BCC vs SCC"). */
const SUSPECTED = /\b(?:r\/o|rule out|ddx|vs\.?|versus|differential)\b/i;

/** Sites of the skin and body surface a report or a line names, with their side and part words. */
const SITE_PHRASE =
  /\b(?:(?:right|left|r|l|rt|lt)\s+)?(?:(?:upper|lower|mid|dorsal|volar|medial|lateral|anterior|posterior|proximal|distal|central)\s+){0,2}(?:face|cheeks?|forehead|temples?|chin|jaw|nose|nasal (?:tip|ala|dorsum|sidewall)|lip|eyelid|ear|scalp|neck|shoulder|arm|upper arm|forearm|elbow|wrist|hand|finger|thumb|back|chest|chest wall|abdomen|abdominal wall|flank|trunk|breast|buttock|hip|thigh|knee|leg|lower leg|calf|shin|ankle|foot|toe|heel|colon|rectum|cecum|sigmoid(?: colon)?|stomach|liver|kidney|thyroid|pituitary|adrenal|lung|bladder|prostate|cervix|ovary|uterus)\b/i;

/** What the pathology reports: the histology's phrase and the text its site may be read from. */
interface Report {
  histology: string;
  site?: string;
}

/** The histology phrase of a result: its first statement, up to a comma, a parenthesis or a full stop. */
function histologyOf(result: string): string | undefined {
  const phrase = result.split(/[,;(]|\.(?!\d)/)[0]?.trim() ?? '';
  if (!phrase || DENIED.test(phrase) || NOT_SETTLED.test(result) || !HISTOLOGY.test(phrase)) return undefined;
  return phrase;
}

/** The pathology results the record reports: its test results named pathology, and the notes' pathology lines. */
function pathologyReports(run: CodingRun): Report[] {
  const doc = run.input.documentation;
  const out: Report[] = [];
  for (const t of doc.testResults) {
    const value = typeof t.value === 'string' ? t.value : '';
    if (!PATHOLOGY.test(t.name) || !value) continue;
    const histology = histologyOf(value);
    if (histology) out.push({ histology, site: `${t.name} ${value}` });
  }
  const lines = doc.notes.split('\n');
  lines.forEach((line, i) => {
    const at = PATHOLOGY_LINE.exec(line);
    if (!at) return;
    // A heading with nothing after its colon reports on the lines below it, to the next blank line.
    const below: string[] = [];
    if (!at[1]?.trim()) for (let k = i + 1; k < lines.length && lines[k]?.trim(); k++) below.push(lines[k] ?? '');
    for (const reported of at[1]?.trim() ? [at[1]] : below) {
      const heading = SITE_HEADING.exec(reported.trim());
      const result = heading ? (heading[2] ?? '') : reported;
      const histology = histologyOf(result);
      if (histology) out.push({ histology, site: heading ? `${heading[1] ?? ''} ${result}` : result });
    }
  });
  return out;
}

/** The first site phrase of the texts, in order. */
function firstSite(texts: readonly string[]): string | undefined {
  for (const t of texts) {
    const at = SITE_PHRASE.exec(t);
    if (at) return at[0];
  }
  return undefined;
}

/** The code the physician wrote on the line a mention is of. */
function writtenCode(run: CodingRun, m: Mention): string | undefined {
  const code = m.documentedCode ?? run.input.documentation.diagnoses.find((d) => d.description === m.original)?.code;
  return code ? normalizeIcdCode(code) : undefined;
}

/**
 * The line as the reported histology at its site, when the physician coded it to uncertain or
 * unspecified behaviour and the record's pathology names the histology: affirmed, its written code
 * set aside (documented-codes.ts reports the change).
 */
export function reportedHistology(run: CodingRun, m: Mention): Mention | undefined {
  if (m.section !== 'diagnoses' || m.assertion === 'negated' || m.assertion === 'family-history') return undefined;
  const code = writtenCode(run, m);
  // Unwritten, a line stating the neoplasm only as suspected ("r/o BCC") is settled by its report the same way.
  const suspected = code === undefined && m.assertion === 'uncertain' && HISTOLOGY.test(m.original);
  if (!suspected && (!code || !UNSETTLED_BEHAVIOUR.test(code))) return undefined;
  const reports = pathologyReports(run);
  if (reports.length === 0) return undefined;
  // The report of the line's site when the line names one and a report does; else the record's one histology.
  const lineRegions = regionsOf(m.original);
  const ofSite = reports.filter((r) => r.site !== undefined && regionsMeet(regionsOf(r.site), lineRegions));
  const candidates = ofSite.length > 0 ? ofSite : reports.filter((r) => r.site === undefined || regionsOf(r.site).size === 0);
  const histologies = new Set((candidates.length > 0 ? candidates : reports).map((r) => r.histology.toLowerCase()));
  const report = (candidates.length > 0 ? candidates : reports)[0];
  if (!report || histologies.size !== 1) return undefined;
  // The site: the report's, the line's, a statement of the notes naming the histology, then the notes' first site.
  const naming = run.input.documentation.notes.split(/\n|\.(?!\d)/).filter((l) => HISTOLOGY.test(l) && !SUSPECTED.test(l));
  const site = firstSite([report.site ?? '', m.original, ...naming, recordText(run)]);
  const text = site && !report.histology.toLowerCase().includes(site.toLowerCase()) ? `${report.histology} ${site}` : report.histology;
  return { ...m, text, assertion: 'affirmed', documentedCode: undefined, restated: true };
}
