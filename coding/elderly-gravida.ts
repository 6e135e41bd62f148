/**
 * Supervision of a pregnancy the record calls one of advanced maternal age: category O09.5
 * ("supervision of elderly primigravida and multigravida": 35 years and older at the expected date
 * of delivery) in place of supervision of a normal pregnancy (Z34, whose Excludes1 note sends a
 * high-risk pregnancy to O09). The physician must say it ("AMA", "advanced maternal age", "elderly
 * multigravida"), not only write an age; "AMA" that means leaving against medical advice, or one
 * denied, is none. Primigravida or multigravida follows the Z34 subcategory (first or other
 * pregnancy) or, for Z34.9, the gravidity the record states; the trimester is the Z34 code's.
 */
import { recoded, type CodingRun, type DiagnosisDraft } from './coding-run.ts';
import { clausesOf } from './context.ts';
import { isBillable } from './icd10cm.ts';
import { FIRST_PREGNANCY, LATER_PREGNANCY } from './pregnancy.ts';

const ADVANCED_AGE = /\b(?:ama|advanced maternal age|elderly (?:primi|multi)gravid\w*)\b/i;
/** "Left AMA", "signed out AMA": against medical advice. */
const AGAINST_ADVICE = /\b(?:left|leaving|leave|signed out|discharged|eloped)\s+(?:\w+\s+){0,2}ama\b|against medical advice/i;
const DENIED = /\b(?:no|not|non|denies)\s+(?:\w+\s+){0,1}(?:ama|advanced maternal age)\b/i;
/** Under 34 at the visit cannot be 35 at delivery. */
const YOUNGEST = 34;
/** The trimester character of Z34 (1-3, 0 unspecified) as O09.5 writes it (1-3, 9 unspecified). */
const TRIMESTER: Record<string, string> = { '1': '1', '2': '2', '3': '3', '0': '9' };

/** Step (after the trimester of pregnancy): Z34 beside a stated advanced maternal age is O09.51- or O09.52-. */
export function elderlyGravida(run: CodingRun, drafts: DiagnosisDraft[]): DiagnosisDraft[] {
  const age = run.input.patient.ageYears;
  if (age !== undefined && age < YOUNGEST) return drafts;
  const supervision = drafts.find((d) => /^Z34\.[089][0-3]$/.test(d.code));
  if (!supervision) return drafts;
  const doc = run.input.documentation;
  const statements = [...doc.diagnoses.map((d) => d.description), ...clausesOf(doc.notes)];
  const stated = statements.find((s) => ADVANCED_AGE.test(s) && !AGAINST_ADVICE.test(s) && !DENIED.test(s));
  if (!stated) return drafts;
  const text = statements.join(' \n ');
  const gravida =
    supervision.code[4] === '0' || /\bprimigravid/i.test(stated)
      ? '1'
      : supervision.code[4] === '8' || /\bmultigravid/i.test(stated)
        ? '2'
        : FIRST_PREGNANCY.test(text) && !LATER_PREGNANCY.test(text)
          ? '1'
          : LATER_PREGNANCY.test(text) && !FIRST_PREGNANCY.test(text)
            ? '2'
            : undefined;
  const trimester = TRIMESTER[supervision.code[5] ?? ''];
  if (!gravida || !trimester) return drafts;
  const code = `O09.5${gravida}${trimester}`;
  if (!isBillable(run.codeSets.icd, code) || !run.allowed(code)) return drafts;
  // Already coded from another line: the normal-pregnancy code goes.
  if (drafts.some((d) => d.code === code)) return drafts.filter((d) => d !== supervision);
  const why = `The record states advanced maternal age ("${stated.trim()}"): supervision of a high-risk pregnancy, ${code}, not supervision of a normal pregnancy (Z34 Excludes1 O09).`;
  return drafts.map((d) =>
    d === supervision
      ? { ...recoded(run.codeSets, d, code, why), evidence: [...d.evidence, { section: 'notes' as const, text: stated }] }
      : d,
  );
}
