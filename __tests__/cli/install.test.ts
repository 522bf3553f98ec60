/**
 * The installable CLI: `npm pack` of the project, `npm install -g <tarball>` into a temporary prefix with an
 * empty cache and `--offline` (so nothing can come from a registry), then `flowguard --help` and a real
 * analysis in a clean folder, with a minimal environment. Uses the built `dist/cli/index.js`
 * (`npm run package` first). Skips, loudly, when npm itself is not usable here.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../helpers/corpus.js';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

const NODE_DIR = dirname(process.execPath);
let root: string;
let env: NodeJS.ProcessEnv;
let skip: string | undefined;
let bin: string;

function run(cmd: string, args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { ...env, ...extraEnv }, timeout: 120_000, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0, stdout: String(stdout), stderr: String(stderr) }),
    );
  });
}

beforeAll(async () => {
  if (!existsSync(join(PROJECT_ROOT, 'dist', 'cli', 'index.js'))) throw new Error('dist/cli/index.js is missing: run npm run package first');
  root = mkdtempSync(join(tmpdir(), 'flowguard-install-'));
  const home = join(root, 'home');
  mkdirSync(home);
  // A clean machine: no user or project npm configuration, an empty cache, nothing from the test process.
  env = {
    PATH: `${join(root, 'prefix', 'bin')}:${NODE_DIR}:/usr/bin:/bin`,
    HOME: home,
    npm_config_cache: join(root, 'cache'),
    npm_config_userconfig: join(home, '.npmrc-none'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  const npm = join(NODE_DIR, 'npm');
  const npmCmd = existsSync(npm) ? npm : 'npm';
  const packed = await run(npmCmd, ['pack', PROJECT_ROOT, '--pack-destination', root, '--json', '--silent'], root);
  if (packed.code !== 0) {
    skip = `npm pack failed: ${packed.stderr.trim().slice(0, 300)}`;
    return;
  }
  const tarball = join(root, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
  const installed = await run(npmCmd, ['install', '--global', '--offline', '--prefix', join(root, 'prefix'), tarball], root);
  if (installed.code !== 0) {
    skip = `npm could not install the tarball offline: ${installed.stderr.trim().slice(0, 500)}`;
    return;
  }
  bin = join(root, 'prefix', 'bin', 'flowguard');
}, 180_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function maybe(name: string, fn: () => Promise<void>): void {
  test(name, async () => {
    if (skip) {
      process.stderr.write(`\n*** SKIPPED '${name}': ${skip} ***\n\n`);
      return;
    }
    await fn();
  });
}

describe('the npm package', () => {
  test('ships the CLI bundle, docs and licence, and needs nothing at run time', () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; files: string[]; license: string; dependencies?: Record<string, string> };
    expect(pkg.bin).toEqual({ flowguard: 'dist/cli/index.js' });
    expect(pkg.files).toContain('dist/cli/');
    expect(pkg.license).toBe('MIT');
    // dist/ bundles every library; a runtime dependency would make the install reach a registry.
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(readFileSync(join(PROJECT_ROOT, 'dist', 'cli', 'index.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  maybe('installs offline into a clean prefix, and flowguard --help shows the usage and examples', async () => {
    expect(existsSync(bin)).toBe(true);
    const help = await run(bin, ['--help'], root);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: flowguard [paths...] [options]');
    expect(help.stdout).toContain('Examples:');
    expect((await run(bin, ['ci', '--help'], root)).stdout).toContain('Usage: flowguard ci');
  });

  maybe('runs a real analysis of the bundled example in a clean folder: plain text, exit code by --fail-on', async () => {
    const work = join(root, 'work');
    cpSync(join(PROJECT_ROOT, 'examples', 'contoso-requests'), join(work, 'contoso-requests'), { recursive: true });
    const text = await run(bin, ['.', '--fail-on', 'error'], work, { NO_COLOR: '1' });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('FG101 flow-input-drift');
    expect(text.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ errors?, .* — FlowGuard \d+\.\d+\.\d+$/);
    // Not a terminal, NO_COLOR or not: no escape sequences.
    expect(text.stdout).not.toMatch(/\x1b/);
    const json = await run(bin, ['.', '--format', 'json'], work);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
  });
});
