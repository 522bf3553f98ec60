import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runCli, useColor } from '../../src/cli/main.js';
import { parseArgs, UsageError } from '../../src/cli/args.js';
import { VERSION } from '../../src/version.js';
import { CORPUS, describeCorpus, PROJECT_ROOT } from '../helpers/corpus.js';
import { toZip64 } from '../helpers/zip64.js';

const run = promisify(execFile);
/** The head side of the bundled example with its deployment settings (examples/base/ is the pull request's base). */
const EXAMPLE_PATHS = ['examples/contoso-requests', 'examples/config'];

async function cli(argv: string[], cwd = PROJECT_ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { cwd, stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

describe('argument parsing', () => {
  it.each([
    [['--format', 'yaml'], /--format must be one of json, text, markdown, sarif/],
    [['--fail-on'], /--fail-on needs a value/],
    [['--bogus'], /unknown option --bogus/],
    [['--base-ref', 'main', '--base-path', 'x'], /not both/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
  it('accepts --flag=value and defaults the path to .', () => {
    expect(parseArgs(['--format=json'])).toMatchObject({ format: 'json', paths: ['.'] });
  });
});

describe('the CLI on the bundled example', () => {
  it('exits 2 with the usage for bad arguments', async () => {
    const r = await cli(['--format', 'yaml']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage: flowguard');
  });
  it('prints its version and help', async () => {
    expect((await cli(['--version'])).out.trim()).toBe(VERSION);
    expect((await cli(['--help'])).out).toContain('--fail-on');
  });
  it('reports and exits 0 by default; --fail-on decides the exit code', async () => {
    const plain = await cli([...EXAMPLE_PATHS, '--format', 'json']);
    expect(plain.code).toBe(0);
    const report = JSON.parse(plain.out);
    expect(report.schemaVersion).toBe(1);
    expect(report.counts.error).toBeGreaterThan(0);
    const drift = report.findings.find((f: { ruleId: string }) => f.ruleId === 'FG101');
    expect(drift).toMatchObject({ rule: 'flow-input-drift', severity: 'error', errorCodes: ['InvalidTemplate'], flowId: '6e2c1a0b-4d3f-4b8e-9a51-2f7c8d9e0a11', flow: { name: 'Submit Request' }, app: { name: 'cr_requestsapp_1a2b3' } });
    expect(drift.mitigation.length).toBeGreaterThan(2);
    expect(drift.fingerprint).toMatch(/^[0-9a-f]{20}$/);
    expect((await cli([...EXAMPLE_PATHS, '--fail-on', 'error'])).code).toBe(1);
    expect((await cli([...EXAMPLE_PATHS, '--fail-on', 'never'])).code).toBe(0);
  });
  it('writes the report to --output in every format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-cli-'));
    try {
      for (const format of ['json', 'text', 'markdown', 'sarif']) {
        const file = join(dir, `out.${format}`);
        const r = await cli([...EXAMPLE_PATHS, '--format', format, '--output', file]);
        expect(r.code).toBe(0);
        expect(r.out).toBe('');
        const text = readFileSync(file, 'utf8');
        expect(text).toContain(format === 'sarif' ? '"version": "2.1.0"' : 'FG101');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('names the bad key of a configuration file and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-cfg-'));
    try {
      writeFileSync(join(dir, 'flowguard.yml'), 'rulez:\n  FG101: off\n');
      const r = await cli([...EXAMPLE_PATHS, '--config', join(dir, 'flowguard.yml')]);
      expect(r.code).toBe(2);
      expect(r.err).toContain("unknown key 'rulez'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('applies rule settings and ignores from the configuration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-cfg-'));
    try {
      cpSync(join(PROJECT_ROOT, 'examples'), join(dir, 'examples'), { recursive: true }); // base/ too: only EXAMPLE_PATHS are analysed
      mkdirSync(join(dir, '.github'));
      writeFileSync(join(dir, '.github/flowguard.yml'), 'rules:\n  flow-output-drift: off\n  FG202: note\nignore:\n  - rule: FG303\n    reason: settings are filled in by the pipeline\n');
      const report = JSON.parse((await cli([...EXAMPLE_PATHS, '--format', 'json'], dir)).out);
      const rules = report.findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId}:${f.severity}`);
      expect(rules).not.toContain('FG102:error');
      expect(rules).toContain('FG202:note');
      expect(rules.some((r: string) => r.startsWith('FG303'))).toBe(false);
      expect(rules).toContain('FG101:error');
      expect(report.suppressed.map((s: { ruleId: string; reason: string }) => [s.ruleId, s.reason])).toEqual([
        ['FG303', 'settings are filled in by the pipeline'],
        ['FG303', 'settings are filled in by the pipeline'],
      ]);
      const md = (await cli([...EXAMPLE_PATHS, '--format', 'markdown'], dir)).out;
      expect(md).toContain('2 ignored by configuration');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('compares with --base-path and marks findings new or existing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-base-'));
    try {
      cpSync(join(PROJECT_ROOT, 'examples/contoso-requests'), join(dir, 'base'), { recursive: true });
      cpSync(join(PROJECT_ROOT, 'examples/contoso-requests'), join(dir, 'head'), { recursive: true });
      const flow = join(dir, 'base/Workflows/SubmitRequest-6E2C1A0B-4D3F-4B8E-9A51-2F7C8D9E0A11.json');
      const def = JSON.parse(readFileSync(flow, 'utf8'));
      delete def.properties.definition.triggers.manual.inputs.schema.properties.text_2;
      def.properties.definition.triggers.manual.inputs.schema.required = ['text', 'text_1'];
      writeFileSync(flow, JSON.stringify(def));
      const r = await cli(['head', '--base-path', 'base', '--format', 'json', '--fail-on', 'error'], dir);
      const report = JSON.parse(r.out);
      const byRule = (id: string) => report.findings.filter((f: { ruleId: string }) => f.ruleId === id).map((f: { status: string }) => f.status);
      // The input drift this change causes is the evidence of its FG105 (one cause, one entry).
      expect(byRule('FG101')).toEqual([]);
      const change = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'FG105');
      expect(change.map((f: { status: string; evidence: { ruleId: string }[] }) => [f.status, f.evidence.map((e) => e.ruleId)])).toEqual([['new', ['FG101']]]);
      expect(byRule('FG102')).toEqual(['existing']);
      expect(r.code).toBe(1);
      expect((await cli(['head', '--base-path', 'base', '--fail-on', 'error', '--fail-on-scope', 'new'], dir)).code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('colours in the text format', () => {
  it.each([
    [{ isTTY: true, env: {} }, false, true],
    [{ isTTY: true, env: { TERM: 'dumb' } }, false, false],
    [{ isTTY: false, env: {} }, false, false],
    [{ isTTY: true, env: { NO_COLOR: '1' } }, false, false],
    [{ isTTY: true, env: { NO_COLOR: '' } }, false, true],
    [{ isTTY: false, env: { FORCE_COLOR: '1' } }, false, true],
    [{ isTTY: true, env: { FORCE_COLOR: '0' } }, false, false],
    [{ isTTY: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }, false, false],
    [{ isTTY: true, env: {} }, true, false],
  ])('%j, to a file: %s → %s', (io, toFile, expected) => {
    expect(useColor(io, toFile)).toBe(expected);
  });
  it('the built CLI writes plain text into a pipe, and colours when FORCE_COLOR asks unless NO_COLOR is set', async () => {
    const args = ['dist/cli/index.js', ...EXAMPLE_PATHS];
    const env = (extra: Record<string, string>) => ({ PATH: process.env.PATH ?? '', ...extra });
    const plain = (await run('node', args, { cwd: PROJECT_ROOT, env: env({}) })).stdout;
    const forced = (await run('node', args, { cwd: PROJECT_ROOT, env: env({ FORCE_COLOR: '1' }) })).stdout;
    const vetoed = (await run('node', args, { cwd: PROJECT_ROOT, env: env({ FORCE_COLOR: '1', NO_COLOR: '1' }) })).stdout;
    expect(plain).not.toContain('\u001b[');
    expect(forced).toContain('\u001b[31merror\u001b[0m FG101');
    expect(vetoed).toBe(plain);
    expect(plain.trimEnd().split('\n').pop()).toMatch(/^\d+ errors?, .* — FlowGuard /);
  });
});

describe('the bundled pull-request pair (examples/base → examples/contoso-requests)', () => {
  it('has a clean base: the app and the flow agree before the change', async () => {
    const report = JSON.parse((await cli(['examples/base', '--format', 'json'])).out);
    expect(report.findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId}:${f.severity}`)).toEqual(['FG301:note']);
  });
  it('`npm run demo` shows pull-request mode: the flow change is new, its drifts are its evidence, nothing is fixed', async () => {
    const demo = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.demo!;
    expect(demo).toMatch(/--base-path examples\/base\//);
    const text = (await run('npm', ['run', '--silent', 'demo'], { cwd: PROJECT_ROOT, env: { ...process.env, NO_COLOR: '1' } })).stdout;
    expect(text).toMatch(/error FG105 flow-changed-app-unchanged: This change alters flow 'Submit Request'/);
    expect(text).toMatch(/2 errors, 1 note \(2 new, 0 fixed\)/);
    const json = JSON.parse((await cli(['examples/contoso-requests', '--base-path', 'examples/base/contoso-requests', '--format', 'json'])).out);
    const summary = json.findings.map((f: { ruleId: string; status: string; evidence?: { ruleId: string }[] }) => [f.ruleId, f.status, (f.evidence ?? []).map((e) => e.ruleId)]);
    expect(summary).toEqual([
      ['FG105', 'new', ['FG101', 'FG102', 'FG103']],
      ['FG202', 'new', []],
      ['FG301', 'existing', []],
    ]);
    expect(json.fixed).toEqual([]);
  });
});

describeCorpus('the packaged CLI (dist/cli/index.js) and the general zip reader', () => {
  it('reads a ZIP64 solution through jszip (a chunk of its own, loaded on first use) with the same findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-z64-'));
    try {
      const zip = readFileSync(join(CORPUS, 'pnp-contoso-school/ContosoSchool.zip'));
      writeFileSync(join(dir, 'ContosoSchool.zip'), zip);
      mkdirSync(join(dir, 'z64'));
      writeFileSync(join(dir, 'z64', 'ContosoSchool.zip'), toZip64(zip));
      const report = async (path: string) => JSON.parse((await run('node', [join(PROJECT_ROOT, 'dist/cli/index.js'), path, '--format', 'json'], { cwd: dir })).stdout);
      const [plain, z64] = [await report('ContosoSchool.zip'), await report('z64/ContosoSchool.zip')];
      expect(z64.diagnostics).toEqual([]);
      expect(z64.findings.length).toBeGreaterThan(0);
      expect(z64.findings.map((f: { fingerprint: string }) => f.fingerprint)).toEqual(plain.findings.map((f: { fingerprint: string }) => f.fingerprint));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeCorpus('the packaged CLI (dist/cli/index.js) on the whole corpus', () => {
  it('exits 0, reports every solution with repository-relative paths, byte-identically twice', async () => {
    const args = ['dist/cli/index.js', CORPUS, '--format', 'json'];
    const a = await run('node', args, { cwd: PROJECT_ROOT, maxBuffer: 64 * 1024 * 1024 });
    const b = await run('node', args, { cwd: PROJECT_ROOT, maxBuffer: 64 * 1024 * 1024 });
    expect(a.stdout).toBe(b.stdout);
    const report = JSON.parse(a.stdout);
    expect(report.solutions).toHaveLength(34);
    for (const s of report.solutions) {
      expect(s.path).not.toContain('\\');
      expect(s.path.startsWith('/')).toBe(false);
    }
    expect(report.diagnostics).toEqual([]);
    expect(a.stdout).not.toMatch(/sig=(?!REDACTED)[A-Za-z0-9%_-]{6,}/);
  });
});
