/**
 * An old myocardial infarction code (I25.2) on a record that dates the infarction within the last
 * four weeks ("NSTEMI 19 days ago", "MI 2 weeks ago"): ICD-10-CM codes a myocardial infarction as
 * acute (I21.-) for four weeks or less from its onset, in any setting, during and after the stay
 * (guideline I.C.9.e.1); I25.2 is for an infarction older than that without current symptoms. The
 * code becomes the acute one of the type the statement names (NSTEMI I21.4, STEMI of unstated wall
 * I21.3, type 2 I21.A1, else I21.9), a change of the written code the gates send to a coder.
 * An onset over four weeks ago, or no onset stated, leaves I25.2 as it is.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';

/** Four weeks from onset, in days. */
const ACUTE_DAYS = 28;
const INFARCTION = /\b(?:n?stemi|(?:acute\s+)?mi|myocardial\s+infarction|heart\s+attack)\b/i;
const ONSET_AGO = /\b(\d{1,3})\s*(days?|d|weeks?|wks?|wk)\s+ago\b/gi;

/** The acute code of the infarction type the statement names. */
function acuteCode(statement: string): string {
  if (/\b(?:nstemi|non[-\s]?st[-\s]?(?:segment\s+)?elevation)\b/i.test(statement)) return 'I21.4';
  if (/\btype\s*2\b/i.test(statement)) return 'I21.A1';
  if (/\b(?:stemi|st[-\s]?(?:segment\s+)?elevation)\b/i.test(statement)) return 'I21.3';
  return 'I21.9';
}

/** Days since the onset a statement gives, when it names an infarction and one onset. */
function daysAgo(statement: string): number | undefined {
  if (!INFARCTION.test(statement)) return undefined;
  const days = [...statement.matchAll(ONSET_AGO)].map((m) => Number(m[1]) * (/^w/i.test(m[2] as string) ? 7 : 1));
  return days.length === 1 ? days[0] : undefined;
}

/** Step: I25.2 beside a statement of an infarction four weeks ago or less is that infarction's I21 code. */
export function recentInfarction(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const old = drafts.find((d) => d.code === 'I25.2');
  if (!old) return drafts;
  const recent = run.notes.find((n) => {
    if (n.section !== 'notes' || n.assertion !== 'affirmed') return false;
    const days = daysAgo(n.original);
    return days !== undefined && days <= ACUTE_DAYS;
  });
  if (!recent) return drafts;
  const code = acuteCode(recent.original);
  if (drafts.some((d) => d.code === code)) return drafts.filter((d) => d !== old);
  const why = `the record dates the infarction within four weeks ("${recent.original}"): a myocardial infarction is coded acute (I21.-) for four weeks from its onset (guideline I.C.9.e.1), not as an old infarction.`;
  return drafts.map((d) =>
    d === old
      ? {
          ...recoded(run.codeSets, d, code, `Coded ${code} in place of I25.2: ${why}`),
          evidence: [...d.evidence, { section: 'notes' as const, text: recent.original }],
        }
      : d,
  );
}
