/**
 * Runs the shipped action bundle (`dist/index.js`) the way a GitHub runner does: a fresh Node process
 * with a minimal environment (no variables of the test process leak in, like `env -i`), every input
 * declared in action.yml as `INPUT_<NAME>` (upper case, dashes kept) with its default unless overridden,
 * the `GITHUB_*` variables of the event, an event payload file, and empty `GITHUB_OUTPUT` and
 * `GITHUB_STEP_SUMMARY` files.
 *
 * The child is spawned asynchronously: the fake GitHub API answers on this process's event loop.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PROJECT_ROOT } from '../helpers/corpus.js';

export const DIST = join(PROJECT_ROOT, 'dist', 'index.js');
export const ACTION_YML = join(PROJECT_ROOT, 'action.yml');
/** The token the runner puts into `github-token` (its default `${{ github.token }}`). */
export const RUNNER_TOKEN = 'ghs_fake_runner_token';

/** Longest a single action run may take before the test kills it. */
const RUN_TIMEOUT_MS = 60_000;

export interface ActionYml {
  name: string;
  description: string;
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string };
}

export function readActionYml(): ActionYml {
  return parseYaml(readFileSync(ACTION_YML, 'utf8')) as ActionYml;
}

export interface RunOptions {
  /** `GITHUB_EVENT_NAME`. */
  event: string;
  /** The event payload written to `GITHUB_EVENT_PATH`. */
  payload: Record<string, unknown>;
  /** `GITHUB_WORKSPACE` (and the process's working directory). */
  workspace: string;
  /** `GITHUB_API_URL`: the fake server. */
  apiUrl: string;
  /** Inputs by their action.yml name (`fail-on`); unset inputs get their action.yml default. */
  inputs?: Record<string, string>;
  /** `owner/repo`. Default `octo-org/flows` (the fake's repository). */
  repository?: string;
  /** `GITHUB_SHA`. */
  sha?: string;
  /** `GITHUB_REF`. */
  ref?: string;
  /** Extra or overriding environment variables. */
  env?: Record<string, string>;
}

export interface ActionRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Parsed `GITHUB_OUTPUT`. */
  outputs: Record<string, string>;
  /** `GITHUB_STEP_SUMMARY` as written. */
  summary: string;
  /** `RUNNER_TEMP` of the run (default place of the report and SARIF files). */
  runnerTemp: string;
  durationMs: number;
  /** Workflow-command lines (`::error …::…`) of stdout with the given command. */
  commands(kind: 'error' | 'warning' | 'notice' | 'debug'): string[];
  /** The message of the `core.setFailed` call (`::error::…` without properties), if any. */
  failure: string | undefined;
}

const tempRoots: string[] = [];

/** Removes every temporary folder made by {@link runAction} and {@link tempDir}. */
export function cleanupRuns(): void {
  for (const d of tempRoots.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function tempDir(prefix = 'flowguard-e2e-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  tempRoots.push(d);
  return d;
}

/** The runner's view of action.yml: every input with its default (`${{ github.token }}` evaluated). */
function defaultInputs(): Record<string, string> {
  const yml = readActionYml();
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(yml.inputs)) {
    const d = spec.default ?? '';
    out[name] = d === '${{ github.token }}' ? RUNNER_TOKEN : String(d);
  }
  return out;
}

export async function runAction(o: RunOptions): Promise<ActionRun> {
  const dir = tempDir('flowguard-run-');
  const runnerTemp = join(dir, 'runner-temp');
  const home = join(dir, 'home');
  mkdirSync(runnerTemp);
  mkdirSync(home);
  const eventPath = join(dir, 'event.json');
  const outputPath = join(dir, 'github-output');
  const summaryPath = join(dir, 'step-summary.md');
  writeFileSync(eventPath, JSON.stringify(o.payload, null, 2));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    // git inside the action must not read the developer's configuration
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig-none'),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: o.repository ?? 'octo-org/flows',
    GITHUB_REPOSITORY_OWNER: (o.repository ?? 'octo-org/flows').split('/')[0]!,
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_API_URL: o.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: `${o.apiUrl}/graphql`,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'flowguard',
    GITHUB_WORKFLOW: 'FlowGuard',
    GITHUB_ACTION: 'flowguard',
    GITHUB_ACTOR: 'octocat',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: runnerTemp,
    ...(o.sha ? { GITHUB_SHA: o.sha } : {}),
    ...(o.ref ? { GITHUB_REF: o.ref } : {}),
  };
  for (const [name, value] of Object.entries({ ...defaultInputs(), ...(o.inputs ?? {}) })) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  Object.assign(env, o.env ?? {});

  const started = Date.now();
  const child = spawn(process.execPath, [DIST], { cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c, s) => resolve([c, s]));
  }).finally(() => clearTimeout(timer));

  const lines = stdout.split(/\r?\n/);
  const commands = (kind: string): string[] => lines.filter((l) => l.startsWith(`::${kind} `) || l.startsWith(`::${kind}::`));
  const failure = lines.find((l) => l.startsWith('::error::'))?.slice('::error::'.length);
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseGithubOutput(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    runnerTemp,
    durationMs: Date.now() - started,
    commands,
    failure: failure === undefined ? undefined : unescapeCommand(failure),
  };
}

/** Workflow-command data escaping (`%25`, `%0D`, `%0A`) undone. */
export function unescapeCommand(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/**
 * Parses a `GITHUB_OUTPUT` file: `name<<DELIMITER` heredocs (what `@actions/core` writes) and
 * single-line `name=value` entries. A later value of the same name wins, as on the runner.
 */
export function parseGithubOutput(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        if (lines[i] === delimiter) {
          closed = true;
          break;
        }
        value.push(lines[i]!);
      }
      if (!closed) throw new Error(`GITHUB_OUTPUT: the value of '${name}' is not closed by '${delimiter}'`);
      out[name!] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`GITHUB_OUTPUT: cannot parse line '${line}'`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Event payloads, shaped like GitHub's

export interface PullRequestEvent {
  number: number;
  base: { ref: string; sha: string };
  head: { ref: string; sha: string; /** Default: the same repository. */ repo?: string };
  repository?: string;
}

function repositoryJson(fullName: string): Record<string, unknown> {
  const [owner, name] = fullName.split('/');
  return { id: 1296269, name, full_name: fullName, private: false, owner: { login: owner, id: 1, type: 'Organization' }, default_branch: 'main' };
}

export function pullRequestPayload(e: PullRequestEvent): Record<string, unknown> {
  const full = e.repository ?? 'octo-org/flows';
  return {
    action: 'synchronize',
    number: e.number,
    pull_request: {
      number: e.number,
      state: 'open',
      title: `Update flows (#${e.number})`,
      user: { login: 'octocat', id: 1, type: 'User' },
      base: { label: `octo-org:${e.base.ref}`, ref: e.base.ref, sha: e.base.sha, repo: repositoryJson(full) },
      head: { label: `octocat:${e.head.ref}`, ref: e.head.ref, sha: e.head.sha, repo: repositoryJson(e.head.repo ?? full) },
    },
    repository: repositoryJson(full),
    sender: { login: 'octocat', id: 1, type: 'User' },
  };
}

export function pushPayload(e: { ref: string; before: string; after: string; repository?: string }): Record<string, unknown> {
  const full = e.repository ?? 'octo-org/flows';
  return {
    ref: e.ref,
    before: e.before,
    after: e.after,
    created: /^0+$/.test(e.before),
    deleted: false,
    forced: false,
    head_commit: { id: e.after, message: 'Export solution' },
    repository: repositoryJson(full),
    pusher: { name: 'octocat' },
    sender: { login: 'octocat', id: 1, type: 'User' },
  };
}

export function workflowDispatchPayload(e: { ref: string; inputs?: Record<string, string>; repository?: string }): Record<string, unknown> {
  const full = e.repository ?? 'octo-org/flows';
  return { ref: e.ref, inputs: e.inputs ?? {}, workflow: '.github/workflows/audit.yml', repository: repositoryJson(full), sender: { login: 'octocat', id: 1, type: 'User' } };
}

// ---------------------------------------------------------------------------------------------
// Solution content: the bundled example and variants of it

export const EXAMPLE = join(PROJECT_ROOT, 'examples', 'contoso-requests');
export const FLOW_FILE = 'Workflows/SubmitRequest-6E2C1A0B-4D3F-4B8E-9A51-2F7C8D9E0A11.json';
export const SOLUTION_XML = 'Other/Solution.xml';

export function exampleText(file: string): string {
  return readFileSync(join(EXAMPLE, file), 'utf8');
}

/**
 * The example's flow as it was when the app was last bound to it (examples/base/): the inputs the app
 * passes (no `text_2`), the outputs it reads (`requestid`, `status`), only the SharePoint connection the
 * app recorded, and a response that does not wait. The example as shipped drifted from this.
 */
export function consistentFlow(): string {
  return readFileSync(join(PROJECT_ROOT, 'examples', 'base', 'contoso-requests', FLOW_FILE), 'utf8');
}

/** Every file of the example, keyed by `prefix/relative path` (for TestRepo.write or fake.addCommit). */
export function exampleFiles(prefix: string, overrides: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else {
        const rel = relative(EXAMPLE, abs).split('\\').join('/');
        out[`${prefix}/${rel}`] = overrides[rel] ?? readFileSync(abs, 'utf8');
      }
    }
  };
  walk(EXAMPLE);
  return out;
}
