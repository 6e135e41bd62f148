/** Adapts the coding library (coding/) to the interface the activities use. */
import { codeEncounter, loadCodeSets, runEdits } from '../coding/index.ts';
import type { StraightThroughConfig } from '../coding/straight-through.ts';
import type { CodingEngine } from '../activities/deps.ts';

export async function loadCodingEngine(opts: {
  procedureCatalogPath?: string;
  /** The calibration the encounter confidence is read with (default: the shipped record). */
  straightThrough?: StraightThroughConfig;
}): Promise<CodingEngine> {
  const codeSets = await loadCodeSets({ procedureCatalogPath: opts.procedureCatalogPath });
  return {
    code: (input) => codeEncounter(input, codeSets, { straightThrough: opts.straightThrough }),
    describe: (system, code) => codeSets.describe(system, code),
    edits: (diagnoses, procedures, patient) => runEdits(diagnoses, procedures, patient, codeSets),
    codeSetVersions: () => codeSets.versions,
  };
}
