/**
 * Services CPT describes with one code when they are done together, written as their component codes
 * on separate lines; the components are folded into the combined code as procedure-corrections.ts
 * corrects a line (the combined code on the first component's line, the other lines folded into it,
 * every written code offered beside, a 'changed' documented code that sends the encounter to a coder):
 *  - removal of a contraceptive implant and insertion of a new one at the same session is 11983,
 *    not 11982 + 11981;
 *  - colposcopy of the cervix with biopsy and endocervical curettage is 57454, not 57455 + 57456;
 *  - a complete transthoracic echocardiogram with spectral and color flow Doppler is 93306, not
 *    93307 + 93320 + 93325;
 *  - an ECG tracing and its interpretation by the same physician are the global 93000, not
 *    93005 + 93010;
 *  - a urinalysis dipstick and its microscopy are 81000 (read by hand or eye) or 81001 (analyzer),
 *    not 81002/81003 + 81015;
 *  - pure tone audiometry (air and bone) with speech audiometry is 92557, not 92553 + 92556.
 * All components must be written: a part written alone is a service of its own.
 */
import type { EditFinding } from '../domain/coding.ts';
import type { CodingRun } from './coding-run.ts';
import { correct, titleOf, writtenLines, type WrittenLine } from './procedure-corrections.ts';
import type { VisitLine } from './vaccine-coding.ts';

const COMBINED: ReadonlyArray<{ parts: readonly string[]; whole: string; what: string }> = [
  { parts: ['11982', '11981'], whole: '11983', what: 'removal with reinsertion of a contraceptive implant' },
  { parts: ['57455', '57456'], whole: '57454', what: 'colposcopy of the cervix with biopsy and endocervical curettage' },
  { parts: ['93307', '93320', '93325'], whole: '93306', what: 'complete transthoracic echocardiogram with spectral and color Doppler' },
  { parts: ['93005', '93010'], whole: '93000', what: 'ECG with tracing, interpretation and report' },
  { parts: ['81002', '81015'], whole: '81000', what: 'urinalysis by dipstick read by hand or eye, with microscopy' },
  { parts: ['81003', '81015'], whole: '81001', what: 'urinalysis by dipstick read by an analyzer, with microscopy' },
  { parts: ['92553', '92556'], whole: '92557', what: 'comprehensive audiometry (pure tone air and bone, and speech)' },
];

const SOURCE = 'CPT: services done together that one code describes are reported with that code, not their components';

/** The visit's written component codes folded into the code that describes them together. */
export function combineWrittenCodes(run: CodingRun, lines: readonly VisitLine[], edits: EditFinding[]): void {
  for (const family of COMBINED) {
    const written = writtenLines(lines);
    if (written.some((w) => w.code === family.whole)) continue;
    const parts = family.parts.map((code) => written.filter((w) => w.code === code));
    if (parts.some((p) => p.length !== 1)) continue;
    const [lead, ...rest] = parts.map((p) => p[0]) as [WrittenLine, ...WrittenLine[]];
    const reason = `${family.parts.join(' + ')} written together are ${family.what}, reported as ${family.whole} (${titleOf(run, family.whole)}); the written codes are kept as alternatives. A coder must confirm.`;
    correct(
      run,
      lead,
      'COMBINED_CODE',
      SOURCE,
      [{ code: family.whole, units: 1 }],
      reason,
      edits,
      [family.whole],
      rest.map((w) => w.code),
    );
    for (const w of rest) correct(run, w, 'COMBINED_CODE', SOURCE, [], reason, edits, [family.whole]);
  }
}
