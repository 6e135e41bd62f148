/**
 * Coding engine cost: per-encounter time over the labelled sets (typical encounters: p50, p90, p99,
 * max) and the time of synthetic long records at growing sizes (to show growth is linear), up to
 * the input limits. Prints wall and CPU milliseconds; no assertion (speed is measured, not tested).
 *
 * The engine remembers what it has read (expansions, tokens, searches), so a text read a second
 * time costs less than the first: both are printed. Typical encounters cold: each input's first
 * coding in the process (after a warm-up on synthetic records that share no note with them, so
 * the JIT is warm but no reading is); warm: the same inputs again, over the rounds. Each long
 * record is coded in a process of its own (after a warm-up on a few labelled encounters): cold,
 * then the same record again.
 *
 *   npx tsx scripts/bench-coding.ts [--rounds 3]
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { CodingInput } from '../domain/coding.ts';
import { codeEncounter, loadCodeSets } from '../coding/index.ts';
import { CODING_INPUT_LIMITS } from '../coding/limits.ts';
import { readEvalSet, toInput } from './eval-coding.ts';

const SETS = ['eval-set', 'heldout-set', 'heldout-set-2', 'heldout-set-3'].map((s) => `test/coding/${s}.json`);

/** Fifty distinct problems, as a busy clinic's problem list might word them. */
const PROBLEMS = [
  'essential hypertension',
  'type 2 diabetes mellitus with hyperglycemia',
  'chronic kidney disease stage 3a',
  'mixed hyperlipidemia',
  'gastroesophageal reflux disease without esophagitis',
  'major depressive disorder, recurrent, moderate',
  'generalized anxiety disorder',
  'primary osteoarthritis of right knee',
  'chronic low back pain',
  'hypothyroidism',
  'morbid obesity',
  'iron deficiency anemia',
  'paroxysmal atrial fibrillation',
  'chronic obstructive pulmonary disease',
  'mild intermittent asthma',
  'seasonal allergic rhinitis',
  'primary insomnia',
  'migraine without aura',
  'benign prostatic hyperplasia',
  'vitamin D deficiency',
  'obstructive sleep apnea',
  'peripheral neuropathy',
  'gout',
  'osteoporosis',
  'glaucoma',
  'chronic systolic heart failure',
  'coronary artery disease',
  'history of colon polyps',
  'tobacco use disorder',
  'alcohol use in remission',
  'irritable bowel syndrome',
  'diverticulosis of colon',
  'chronic constipation',
  'urinary incontinence',
  'overactive bladder',
  'restless legs syndrome',
  'plantar fasciitis of left foot',
  'carpal tunnel syndrome of right wrist',
  'rotator cuff tendinitis',
  'psoriasis',
  'rosacea',
  'actinic keratosis',
  'onychomycosis',
  'tinnitus',
  'presbyopia',
  'cataract',
  'hearing loss',
  'hyperkalemia',
  'hyponatremia',
  'long term use of anticoagulants',
];

const SOAP = (i: number, problem: string) =>
  `Problem ${i + 1}: ${problem}. Subjective: the patient reports the ${problem} has been stable since the last visit, ` +
  `takes the medicines as prescribed and has no side effects. Review of systems: denies fever, chills, chest pain, ` +
  `shortness of breath, nausea, vomiting or rash. Objective: vitals reviewed, within the expected range. ` +
  `Assessment: ${problem}, stable. Plan: continue the current treatment, labs before the next visit, return in three months.\n`;

export function syntheticInput(chars: number, diagnoses: number): CodingInput {
  let notes = '';
  for (let i = 0; notes.length < chars; i++) notes += SOAP(i, PROBLEMS[i % PROBLEMS.length] as string);
  return {
    documentation: {
      notes: notes.slice(0, chars),
      diagnoses: PROBLEMS.slice(0, diagnoses).map((description) => ({ description })),
      procedures: [{ description: 'Office visit, established patient, moderate complexity', code: '99214' }],
      testResults: [{ name: 'Potassium', value: '5.6', unit: 'mmol/L', flag: 'H' }],
    },
    patient: { ageYears: 67, sex: 'F' },
    dateOfService: '2026-05-04',
    placeOfService: '11',
    answers: [],
  };
}

function timed(fn: () => void): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const ms = (n: number) => `${n.toFixed(1)} ms`;

interface Timing {
  wall: number;
  cpu: number;
}

/** Sorted wall and CPU times of a list of timings, printed as p50/p90/p99/max. */
function printPercentiles(label: string, timings: Timing[]): void {
  const wall = timings.map((t) => t.wall).sort((a, b) => a - b);
  const cpu = timings.map((t) => t.cpu).sort((a, b) => a - b);
  const line = (xs: number[]) =>
    `p50 ${ms(pct(xs, 50))}  p90 ${ms(pct(xs, 90))}  p99 ${ms(pct(xs, 99))}  max ${ms(xs[xs.length - 1] ?? 0)}`;
  console.log(`  ${label.padEnd(20)}wall ${line(wall)}`);
  console.log(`  ${''.padEnd(20)}cpu  ${line(cpu)}`);
}

/** Child mode: one long record in a fresh process, cold and again; prints its timings as JSON. */
async function timeRecord(chars: number, diagnoses: number): Promise<void> {
  const codeSets = await loadCodeSets();
  for (const input of readEvalSet(SETS[0] as string).slice(0, 10)) codeEncounter(toInput(input), codeSets);
  const input = syntheticInput(chars, diagnoses);
  const cold = timed(() => codeEncounter(input, codeSets));
  const again = timed(() => codeEncounter(input, codeSets));
  console.log(JSON.stringify({ cold, again }));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, record: { type: 'string' } } });
  if (values.record) {
    const [chars, diagnoses] = values.record.split(',').map(Number);
    return timeRecord(chars ?? 0, diagnoses ?? 0);
  }
  const rounds = Math.max(1, Number(values.rounds) || 3);
  const codeSets = await loadCodeSets();
  const inputs = SETS.flatMap((s) => readEvalSet(s).map((e) => toInput(e)));
  // JIT warm-up on records the labelled sets share no note with: the first timing of each input is a first reading.
  for (const [chars, dx] of [
    [3_000, 3],
    [6_000, 6],
  ] as const)
    codeEncounter(syntheticInput(chars, dx), codeSets);
  const cold = inputs.map((input) => timed(() => codeEncounter(input, codeSets)));
  const warm: Timing[] = [];
  for (let r = 0; r < rounds; r++) for (const input of inputs) warm.push(timed(() => codeEncounter(input, codeSets)));
  console.log(`Coding engine benchmark (${inputs.length} labelled encounters: first coding, then ${rounds} rounds again)`);
  printPercentiles('typical, cold', cold);
  printPercentiles('typical, warm', warm);
  console.log('  long records (notes characters, diagnoses), each in a fresh process: cold wall / cpu, again wall / cpu');
  const limit = CODING_INPUT_LIMITS.notesChars;
  const sizes = [0.1, 0.25, 0.5, 1].map((f) => [Math.round(f * limit), Math.floor(f * CODING_INPUT_LIMITS.diagnoses)] as const);
  const script = fileURLToPath(import.meta.url);
  for (const [chars, dx] of sizes) {
    const diagnoses = Math.min(dx, PROBLEMS.length);
    const out = execFileSync(process.execPath, ['--import', 'tsx', script, '--record', `${chars},${diagnoses}`], { encoding: 'utf8' });
    const { cold: c, again: a } = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { cold: Timing; again: Timing };
    console.log(
      `    ${String(chars).padStart(7)} chars, ${String(diagnoses).padStart(3)} dx   ${ms(c.wall).padStart(10)} / ${ms(c.cpu).padStart(10)}   again ${ms(a.wall).padStart(10)} / ${ms(a.cpu).padStart(10)}`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
