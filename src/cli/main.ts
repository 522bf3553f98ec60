import { writeFile } from 'node:fs/promises';
import { analyze } from '../engine.js';
import { VERSION } from '../version.js';
import { parseArgs, USAGE, UsageError } from './args.js';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs the CLI; returns the exit code (0 ran, 1 findings at or above --fail-on, 2 usage or fatal error). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`flowguard: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (args.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (args.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  try {
    const { report } = await analyze({ cwd: io.cwd, paths: args.paths, release: args.release });
    const out = `${JSON.stringify(report, null, 2)}\n`;
    if (args.output) await writeFile(args.output, out);
    else io.stdout(out);
    return 0;
  } catch (err) {
    io.stderr(`flowguard: ${(err as Error).message}\n`);
    return 2;
  }
}
