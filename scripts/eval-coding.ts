/**
 * Evaluates the coding engine on a labelled set (default test/coding/eval-set.json; the held-out set
 * is test/coding/heldout-set.json) and prints top-1/top-3 accuracy, exact code sets, the
 * straight-through rate and precision, clarification (query) rate with precision/recall, the
 * reliability table of the encounter confidence, answer resolution, edits caught, and load figures.
 *
 *   npx tsx scripts/eval-coding.ts [--set path/to/set.json | path/to/set.json] [--json]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { CodingInput, CodingResult } from '../domain/coding.ts';
import type { DocumentedProcedure, Sex, TestResult } from '../domain/encounter.ts';
import { codeEncounter, loadCodeSets, type CodeSets, type CodingOptions } from '../coding/index.ts';
import { reliabilityTable, type LabelledScore, type ReliabilityRow } from '../coding/calibration.ts';
import { rawEncounterScore } from '../coding/straight-through.ts';

export interface EvalEncounter {
  id: string;
  pos?: string;
  age: number;
  sex: Sex;
  notes: string;
  dx: Array<string | { description: string; code?: string }>;
  /** A string is a line without a code, as for `dx`. */
  px?: Array<string | DocumentedProcedure>;
  tests?: TestResult[];
  expect: { dx: string[]; px?: string[]; query: boolean; edits?: string[] };
  answer?: { option?: string; freeText?: string };
  expectAfterAnswer?: { dx: string[] };
}

export interface EvalReport {
  encounters: number;
  expectedDiagnoses: number;
  top1: number;
  top3: number;
  exactSets: number;
  extraCodes: number;
  procedures: { expected: number; correct: number };
  queries: { raised: number; rate: number; precision: number; recall: number; truePositives: number; expected: number };
  answers: { total: number; resolved: number };
  edits: { expected: number; caught: number };
  /**
   * Encounters the engine lets go straight to billing, and how many of those have the exact code set
   * (diagnoses and procedures) and needed no physician query: a record the set says needed a query
   * is not billable as coded, whatever its codes (`neededQuery` counts those the engine let through).
   */
  straightThrough: { count: number; rate: number; precision: number; exactAmongThem: number; neededQuery: number };
  /**
   * Encounters every gate lets through, confidence aside (what would go straight through at any
   * threshold), and how many of those are billable as coded: what the gates alone are worth.
   */
  gatesPassed: { count: number; billable: number };
  reliability: ReliabilityRow[];
  /** Per encounter, for calibration (scripts/calibrate-coding.ts, scripts/record-first-sight.ts). */
  scores: EncounterScore[];
  millisPerEncounter: number;
  load: CodeSets['loadStats'];
  misses: string[];
}

export function toInput(e: EvalEncounter, answers: CodingInput['answers'] = []): CodingInput {
  return {
    documentation: {
      notes: e.notes,
      diagnoses: e.dx.map((d) => (typeof d === 'string' ? { description: d } : d)),
      procedures: (e.px ?? []).map((p) => (typeof p === 'string' ? { description: p } : p)),
      testResults: e.tests ?? [],
    },
    patient: { ageYears: e.age, sex: e.sex },
    dateOfService: '2026-05-04',
    placeOfService: e.pos ?? '11',
    answers,
  };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);

/** Called with each encounter's first coding (scripts/eval-tabular.ts breaks the misses down by chapter). */
export type OnCoded = (e: EvalEncounter, result: CodingResult) => void;

/** How one engine result compares with its labels. */
/** One encounter's raw score and outcome, by its id in the set. */
export interface EncounterScore extends LabelledScore {
  id: string;
}

export interface CodeSetJudgement {
  /** Codes the engine chose that the labels do not list. */
  extras: string[];
  /** The diagnoses are exactly the labelled ones. */
  dxExact: boolean;
  /** The claim's code set is: the diagnoses, and the procedures when the set lists them. */
  exact: boolean;
  /** Billable as coded: the exact code set, and no query the record needed left unasked. */
  billable: boolean;
}

export function judgeCodeSet(e: EvalEncounter, result: CodingResult): CodeSetJudgement {
  const chosen = result.diagnoses.map((d) => d.code);
  const extras = chosen.filter((c) => !e.expect.dx.includes(c));
  const dxExact = extras.length === 0 && e.expect.dx.every((c) => chosen.includes(c));
  const pxCodes = result.procedures.map((p) => p.code);
  const expectedPx = e.expect.px;
  const exact = dxExact && (!expectedPx || (expectedPx.every((c) => pxCodes.includes(c)) && pxCodes.every((c) => expectedPx.includes(c))));
  return { extras, dxExact, exact, billable: exact && (result.clarification !== undefined || !e.expect.query) };
}

/**
 * Codes every encounter and compares with its labels. `options.straightThrough`: the calibration
 * to decide straight-through with (default: the shipped record).
 */
export function evaluate(encounters: EvalEncounter[], codeSets: CodeSets, onCoded?: OnCoded, options: CodingOptions = {}): EvalReport {
  let expectedDiagnoses = 0,
    top1 = 0,
    top3 = 0,
    exactSets = 0,
    extraCodes = 0;
  let pxExpected = 0,
    pxCorrect = 0,
    raised = 0,
    tp = 0,
    expectedQueries = 0;
  let answersTotal = 0,
    answersResolved = 0,
    editsExpected = 0,
    editsCaught = 0;
  const misses: string[] = [];
  const scores: EncounterScore[] = [];
  const confidences: Array<{ confidence: number; exact: boolean }> = [];
  let through = 0,
    throughExact = 0,
    throughNeededQuery = 0;
  const t0 = performance.now();
  let runs = 0;
  for (const e of encounters) {
    const result: CodingResult = codeEncounter(toInput(e), codeSets, options);
    runs++;
    onCoded?.(e, result);
    const chosen = result.diagnoses.map((d) => d.code);
    const withAlternatives = new Set(result.diagnoses.flatMap((d) => [d.code, ...d.alternatives.slice(0, 2).map((a) => a.code)]));
    for (const code of e.expect.dx) {
      expectedDiagnoses++;
      if (chosen.includes(code)) top1++;
      else misses.push(`${e.id}: expected ${code}, got [${chosen.join(', ')}]`);
      if (withAlternatives.has(code)) top3++;
    }
    const { extras, dxExact, exact, billable } = judgeCodeSet(e, result);
    extraCodes += extras.length;
    if (extras.length) misses.push(`${e.id}: extra [${extras.join(', ')}]`);
    if (dxExact) exactSets++;
    const asked = result.clarification !== undefined;
    scores.push({
      id: e.id,
      raw: rawEncounterScore(result.diagnoses, result.procedures),
      exact: billable,
      otherwiseEligible: result.straightThrough.reasons.every((r) => r === 'low-confidence'),
    });
    confidences.push({ confidence: result.confidence, exact });
    if (result.straightThrough.eligible) {
      through++;
      if (billable) throughExact++;
      else if (exact) {
        throughNeededQuery++;
        misses.push(`${e.id}: went straight through without the query it needed`);
      } else misses.push(`${e.id}: went straight through with a wrong code set`);
    }
    for (const code of e.expect.px ?? []) {
      pxExpected++;
      if (result.procedures.some((p) => p.code === code)) pxCorrect++;
      else misses.push(`${e.id}: expected procedure ${code}`);
    }
    if (asked) raised++;
    if (e.expect.query) expectedQueries++;
    if (asked && e.expect.query) tp++;
    if (asked !== e.expect.query)
      misses.push(`${e.id}: query ${asked ? 'raised' : 'not raised'} (expected ${e.expect.query}): ${result.clarification?.reason ?? ''}`);
    for (const rule of e.expect.edits ?? []) {
      editsExpected++;
      if (result.edits.some((f) => f.rule === rule)) editsCaught++;
      else misses.push(`${e.id}: edit ${rule} not raised`);
    }
    if (e.answer && result.clarification) {
      answersTotal++;
      const again = codeEncounter(toInput(e, [{ question: result.clarification.question, ...e.answer }]), codeSets, options);
      runs++;
      const codes = again.diagnoses.map((d) => d.code);
      const sameQuestion = again.clarification?.question === result.clarification.question;
      if (!sameQuestion && (e.expectAfterAnswer?.dx ?? []).every((c) => codes.includes(c))) answersResolved++;
      else misses.push(`${e.id}: answer did not resolve: [${codes.join(', ')}]`);
    }
  }
  return {
    encounters: encounters.length,
    expectedDiagnoses,
    top1: ratio(top1, expectedDiagnoses),
    top3: ratio(top3, expectedDiagnoses),
    exactSets: ratio(exactSets, encounters.length),
    extraCodes,
    procedures: { expected: pxExpected, correct: pxCorrect },
    queries: {
      raised,
      rate: ratio(raised, encounters.length),
      precision: ratio(tp, raised),
      recall: ratio(tp, expectedQueries),
      truePositives: tp,
      expected: expectedQueries,
    },
    answers: { total: answersTotal, resolved: answersResolved },
    edits: { expected: editsExpected, caught: editsCaught },
    straightThrough: {
      count: through,
      rate: ratio(through, encounters.length),
      precision: ratio(throughExact, through),
      exactAmongThem: throughExact,
      neededQuery: throughNeededQuery,
    },
    gatesPassed: {
      count: scores.filter((x) => x.otherwiseEligible).length,
      billable: scores.filter((x) => x.otherwiseEligible && x.exact).length,
    },
    reliability: reliabilityTable(confidences),
    scores,
    millisPerEncounter: Math.round(((performance.now() - t0) / Math.max(1, runs)) * 10) / 10,
    load: codeSets.loadStats,
    misses,
  };
}

export const DEFAULT_EVAL_SET = fileURLToPath(new URL('../test/coding/eval-set.json', import.meta.url));

export function readEvalSet(path = DEFAULT_EVAL_SET): EvalEncounter[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { encounters: EvalEncounter[] }).encounters;
}

async function main(): Promise<void> {
  // `npm run eval:coding -- [--set FILE | FILE] [--json]`
  const { values, positionals } = parseArgs({
    options: { set: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const path = values.set ?? positionals[0] ?? DEFAULT_EVAL_SET;
  const codeSets = await loadCodeSets();
  const report = evaluate(readEvalSet(path), codeSets);
  if (values.json) {
    console.log(JSON.stringify({ ...report, scores: undefined }, null, 2));
    return;
  }
  printReport(report);
}

/** The report as the evaluation prints it (also used by scripts/eval-tabular.ts). */
export function printReport(report: EvalReport, options: { misses?: boolean } = {}): void {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  console.log(`Coding evaluation on ${report.encounters} encounters (${report.expectedDiagnoses} expected diagnosis codes)`);
  console.log(`  top-1 accuracy        ${pct(report.top1)}`);
  console.log(`  top-3 accuracy        ${pct(report.top3)}`);
  console.log(`  exact code sets       ${pct(report.exactSets)}  (extra codes: ${report.extraCodes})`);
  console.log(`  procedures            ${report.procedures.correct}/${report.procedures.expected}`);
  console.log(
    `  straight-through      ${pct(report.straightThrough.rate)}  (${report.straightThrough.count})  precision ${pct(report.straightThrough.precision)}  (${report.straightThrough.exactAmongThem}/${report.straightThrough.count} exact)`,
  );
  console.log(`  straight through, query needed  ${report.straightThrough.neededQuery}  (codes right, counted wrong above)`);
  console.log(
    `  every gate passed     ${report.gatesPassed.count}  billable as coded ${report.gatesPassed.billable}  (straight through at any threshold)`,
  );
  console.log(
    `  query rate            ${pct(report.queries.rate)}  precision ${pct(report.queries.precision)}  recall ${pct(report.queries.recall)}`,
  );
  console.log(`  answers resolved      ${report.answers.resolved}/${report.answers.total}`);
  console.log(`  edits caught          ${report.edits.caught}/${report.edits.expected}`);
  console.log(`  coding time           ${report.millisPerEncounter} ms per encounter`);
  console.log(
    `  code-set cold load    ${report.load.millis} ms, heapUsed +${report.load.heapUsedDeltaMB} MB, rss +${report.load.rssDeltaMB} MB`,
  );
  console.log('  reliability (calibrated encounter confidence):');
  console.log('    confidence   encounters  mean conf.  exact rate');
  for (const r of report.reliability)
    console.log(
      `    ${r.range.padEnd(12)} ${String(r.encounters).padStart(10)}  ${r.meanConfidence.toFixed(3).padStart(10)}  ${pct(r.exactRate).padStart(10)}`,
    );
  if (options.misses !== false && report.misses.length) {
    console.log('  misses:');
    for (const m of report.misses) console.log(`    ${m}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
