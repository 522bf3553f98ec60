/**
 * Runs the shipped CLI (`dist/cli/index.js ci`) the way an Azure Pipelines agent runs a script step: a
 * fresh Node process with only the agent's predefined variables (nothing of the test process leaks in),
 * in a checkout made like the agent's default one (`fetchDepth: 1` of the pull request's merge ref).
 * Spawned asynchronously: the fake Azure DevOps API answers on this process's event loop.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/corpus.js';
import { TestRepo } from '../helpers/git-repo.js';

export const CLI = join(PROJECT_ROOT, 'dist', 'cli', 'index.js');
const RUN_TIMEOUT_MS = 60_000;

const temps: string[] = [];

export function tempDir(prefix = 'flowguard-azp-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
}

export function cleanup(): void {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
}

export interface PipelineRun {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: string[];
  /** Logging commands of one kind (`task.logissue`), parsed. */
  commands(name: string): { properties: Record<string, string>; message: string }[];
  agentTemp: string;
  durationMs: number;
}

/** Undoes the logging-command escaping (the agent's side). */
export function unescapeVso(s: string): string {
  return s.replace(/%3B/g, ';').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%5D/g, ']').replace(/%AZP25/g, '%');
}

/** Parses `##vso[name k=v;k=v]message` lines as the agent does. */
export function parseCommands(lines: readonly string[], name: string): { properties: Record<string, string>; message: string }[] {
  const out: { properties: Record<string, string>; message: string }[] = [];
  for (const l of lines) {
    const m = /^##vso\[([\w.]+)(?: ([^\]]*))?\](.*)$/.exec(l);
    if (!m || m[1] !== name) continue;
    const properties: Record<string, string> = {};
    for (const p of (m[2] ?? '').split(';')) {
      if (p === '') continue;
      const eq = p.indexOf('=');
      properties[p.slice(0, eq)] = unescapeVso(p.slice(eq + 1));
    }
    out.push({ properties, message: unescapeVso(m[3] ?? '') });
  }
  return out;
}

export interface PipelineOptions {
  cwd: string;
  args: string[];
  /** The agent's variables for this build (merged over a minimal base). Undefined values are removed. */
  env: Record<string, string | undefined>;
}

export async function runPipelineStep(o: PipelineOptions): Promise<PipelineRun> {
  const agentTemp = tempDir('flowguard-agent-temp-');
  const home = tempDir('flowguard-home-');
  mkdirSync(join(home, 'x'), { recursive: true });
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig-none'),
    TF_BUILD: 'True',
    AGENT_TEMPDIRECTORY: agentTemp,
    AGENT_OS: 'Linux',
    BUILD_SOURCESDIRECTORY: o.cwd,
    SYSTEM_DEFAULTWORKINGDIRECTORY: o.cwd,
  };
  for (const [k, v] of Object.entries(o.env)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, 'ci', ...o.args], { cwd: o.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c) => resolve(c));
  }).finally(() => clearTimeout(timer));
  const lines = stdout.split(/\r?\n/);
  return { code, stdout, stderr, lines, commands: (name) => parseCommands(lines, name), agentTemp, durationMs: Date.now() - started };
}

/**
 * The pull request's merge commit as Azure Repos makes it (`refs/pull/<id>/merge`: the target branch with
 * the source branch merged in, `--no-ff`), in the origin repository.
 */
export function makeMergeRef(origin: TestRepo, pr: number, target: string, source: string): string {
  const current = origin.git('rev-parse', '--abbrev-ref', 'HEAD').trim();
  origin.git('checkout', '-q', '-B', `azp-merge-${pr}`, target);
  origin.git('merge', '-q', '--no-ff', '-m', `Merge pull request ${pr} from ${source} into ${target}`, source);
  const sha = origin.git('rev-parse', 'HEAD').trim();
  origin.git('update-ref', `refs/pull/${pr}/merge`, sha);
  origin.git('checkout', '-q', current);
  origin.git('branch', '-q', '-D', `azp-merge-${pr}`);
  return sha;
}

/** The agent's default checkout of a pull-request build: a shallow fetch of the merge ref, detached. */
export function agentCheckout(origin: TestRepo, ref: string): TestRepo {
  const work = new TestRepo();
  work.git('remote', 'add', 'origin', `file://${origin.dir}`);
  work.git('fetch', '-q', '--depth=1', 'origin', `+${ref}:refs/remotes/origin/${ref.replace(/^refs\//, '')}`);
  work.git('checkout', '-q', '--detach', `refs/remotes/origin/${ref.replace(/^refs\//, '')}`);
  return work;
}
