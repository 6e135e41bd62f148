/**
 * Coding engine cost: per-encounter time over the labelled sets (typical encounters: p50, p90, p99,
 * max) and the time of synthetic long records at growing sizes (to show growth is linear), up to
 * the input limits. Prints wall and CPU milliseconds; no assertion (speed is measured, not tested).
 *
 *   npx tsx scripts/bench-coding.ts [--rounds 3]
 */
import { pathToFileURL } from 'node:url';
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

function timed(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
  const rounds = Math.max(1, Number(values.rounds) || 3);
  const codeSets = await loadCodeSets();
  const inputs = SETS.flatMap((s) => readEvalSet(s).map((e) => toInput(e)));
  for (const input of inputs) codeEncounter(input, codeSets); // warm-up: JIT and caches as in a running worker
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const t = timed(() => codeEncounter(input, codeSets));
      wall.push(t.wall);
      cpu.push(t.cpu);
    }
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log(`Coding engine benchmark (${inputs.length} labelled encounters x ${rounds} rounds)`);
  console.log(
    `  typical encounters  wall p50 ${ms(pct(wall, 50))}  p90 ${ms(pct(wall, 90))}  p99 ${ms(pct(wall, 99))}  max ${ms(wall[wall.length - 1] ?? 0)}`,
  );
  console.log(
    `                      cpu  p50 ${ms(pct(cpu, 50))}  p90 ${ms(pct(cpu, 90))}  p99 ${ms(pct(cpu, 99))}  max ${ms(cpu[cpu.length - 1] ?? 0)}`,
  );
  console.log('  long records (notes characters, diagnoses): wall / cpu');
  const sizes: Array<[number, number]> = [
    [5_000, 5],
    [12_500, 12],
    [25_000, 25],
    [50_000, 50],
    [CODING_INPUT_LIMITS.notesChars, CODING_INPUT_LIMITS.diagnoses],
  ];
  for (const [chars, dx] of sizes) {
    const input = syntheticInput(chars, Math.min(dx, PROBLEMS.length));
    const t = timed(() => codeEncounter(input, codeSets));
    console.log(
      `    ${String(chars).padStart(7)} chars, ${String(Math.min(dx, PROBLEMS.length)).padStart(3)} dx   ${ms(t.wall).padStart(10)} / ${ms(t.cpu).padStart(10)}`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
