/** The CLI (in process) against the loopback Dataverse fake: what the target tests share. */
import { runCli } from '../../src/cli/main.js';
import type { Report } from '../../src/report/types.js';
import { PROJECT_ROOT } from './corpus.js';
import { startFakeDataverse, type FakeDataverse, type FakeDataverseOptions } from './fake-dataverse.js';
import type { CleanTarget } from './target-from-export.js';

export const HEAD = 'examples/contoso-requests';
export const BASE = 'examples/base/contoso-requests';
export const FLOW = '6e2c1a0b-4d3f-4b8e-9a51-2f7c8d9e0a11';
export const APP = 'cr_requestsapp_1a2b3';
export const TOKEN = 'eyJ0eXAiOiJKV1QifQ.fake-dataverse-token.c2lnbmF0dXJl';

let fake: FakeDataverse | undefined;

/** Closes the fake of the last {@link runAgainst}. */
export async function closeFake(): Promise<void> {
  await fake?.close();
  fake = undefined;
}

export interface CliRun {
  code: number;
  report: Report;
  stderr: string;
}

/** `flowguard <paths> --format json --environment-url <fake>` with the token in the environment. */
export async function runAgainst(tables: CleanTarget['tables'], args: string[], options: Partial<FakeDataverseOptions> & { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun & { fake: FakeDataverse }> {
  await fake?.close();
  const server = await startFakeDataverse({ tables, token: TOKEN, ...options });
  fake = server;
  let out = '';
  let err = '';
  const code = await runCli([...args, '--format', 'json', '--environment-url', server.url], {
    cwd: options.cwd ?? PROJECT_ROOT,
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    env: { FLOWGUARD_DATAVERSE_TOKEN: TOKEN, ...options.env },
  });
  return { code, report: JSON.parse(out) as Report, stderr: err, fake: server };
}

