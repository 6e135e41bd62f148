/**
 * A Python tool from PyPI in its own venv under .tools/<name> (pinned requirement), installed on
 * first use under the tools install lock, never by hand. Used for the independent checkers:
 * pyx12 (X12) and openapi-spec-validator (the OpenAPI document).
 */
import path from 'node:path';
import { TOOLS_DIR, isExecutableFile, logTool, runLogged, withInstallLock } from '../platform/temporal-cli.ts';

export interface PythonTool {
  /** Folder name under .tools/ and the install lock's name. */
  name: string;
  /** Pinned pip requirement, e.g. `pyx12==4.0.0`. */
  requirement: string;
  /** The executable the package installs into the venv's bin/. */
  executable: string;
}

async function install(tool: PythonTool, executable: string): Promise<string> {
  return withInstallLock(tool.name, async () => {
    if (await isExecutableFile(executable)) return executable;
    const venv = path.join(TOOLS_DIR, tool.name);
    const logFile = path.join(TOOLS_DIR, 'logs', `${tool.name}-install.log`);
    logTool(`installing ${tool.requirement} from PyPI into a venv at ${venv}`);
    if ((await runLogged('python3', ['-m', 'venv', venv], logFile)) !== 0)
      throw new Error(`could not create the ${tool.name} venv; see ${logFile}`);
    const pip = path.join(venv, 'bin', 'pip');
    const code = await runLogged(pip, ['install', '--disable-pip-version-check', '--no-input', tool.requirement], logFile);
    if (code !== 0 || !(await isExecutableFile(executable))) throw new Error(`could not install ${tool.requirement}; see ${logFile}`);
    return executable;
  });
}

const installing = new Map<string, Promise<string>>();

/** The tool's executable, installed on first use. */
export function ensurePythonTool(tool: PythonTool): Promise<string> {
  const executable = path.join(TOOLS_DIR, tool.name, 'bin', tool.executable);
  let pending = installing.get(tool.name);
  if (pending === undefined) {
    pending = (async () => ((await isExecutableFile(executable)) ? executable : install(tool, executable)))().catch((err: unknown) => {
      installing.delete(tool.name);
      throw err;
    });
    installing.set(tool.name, pending);
  }
  return pending;
}
