/**
 * The repository's workflows (.github/workflows) and the example workflows users copy (docs/workflows)
 * against action.yml: every FlowGuard step passes only declared inputs with valid values, every
 * `steps.<id>.outputs.<name>` reads a declared output, every workflow states its permissions, and
 * the features used get exactly the permissions they need.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PROJECT_ROOT } from '../helpers/corpus.js';
import { readActionYml } from './run-action.js';
import {
  effectivePermissions,
  extractUsageSnippet,
  flowGuardSteps,
  grantsWrite,
  isFlowGuard,
  loadWorkflows,
  outputReferences,
  parseUsageSnippet,
  parseWorkflow,
  substituteOutputs,
  type WorkflowFile,
} from './workflow-helpers.js';

const action = readActionYml();
const INPUTS = new Set(Object.keys(action.inputs));
const OUTPUTS = new Set(Object.keys(action.outputs));

const REPO_WORKFLOWS = loadWorkflows('.github/workflows');
const DOC_WORKFLOWS = loadWorkflows('docs/workflows');
const ALL: WorkflowFile[] = [...REPO_WORKFLOWS, ...DOC_WORKFLOWS];

/** Accepted values of the choice inputs, as src/action/inputs.ts validates them. */
const CHOICES: Record<string, readonly string[]> = {
  'fail-on': ['error', 'warning', 'note', 'never'],
  'fail-on-scope': ['new', 'all'],
  comment: ['always', 'on-findings', 'never'],
  review: ['none', 'comment', 'request-changes'],
  annotations: ['true', 'false'],
};

describe('action.yml', () => {
  test('has a Marketplace-valid description (< 125 characters), name, author and branding', () => {
    expect(typeof action.description).toBe('string');
    expect(action.description.length).toBeLessThan(125);
    expect(action.name.trim()).not.toBe('');
    const raw = parseYaml(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')) as Record<string, any>;
    expect(typeof raw.author).toBe('string');
    expect(raw.branding).toMatchObject({ icon: expect.any(String), color: expect.any(String) });
  });

  test('runs dist/index.js on node24', () => {
    expect(action.runs).toMatchObject({ using: 'node24', main: 'dist/index.js' });
  });

  test('every input and output has a description; the token defaults to github.token', () => {
    for (const [name, spec] of Object.entries(action.inputs)) {
      expect([name, typeof spec.description === 'string' && spec.description.trim().length > 0]).toEqual([name, true]);
    }
    for (const [name, spec] of Object.entries(action.outputs)) {
      expect([name, typeof spec.description === 'string' && spec.description.trim().length > 0]).toEqual([name, true]);
    }
    expect(action.inputs['github-token']?.default).toBe('${{ github.token }}');
  });

  test('choice inputs default to an accepted value', () => {
    for (const [name, allowed] of Object.entries(CHOICES)) {
      const d = action.inputs[name]?.default ?? '';
      if (d !== '') expect([name, allowed.includes(String(d))]).toEqual([name, true]);
    }
  });
});

describe('the workflow files', () => {
  test('exist: CI, CodeQL and the three documented examples', () => {
    expect(REPO_WORKFLOWS.map((w) => w.path)).toEqual(expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/codeql.yml', '.github/workflows/release.yml']));
    expect(DOC_WORKFLOWS.map((w) => w.path).sort()).toEqual(['docs/workflows/audit.yml', 'docs/workflows/pull-request.yml', 'docs/workflows/release-gate.yml']);
  });
});

describe.each(ALL.map((w) => [w.path, w] as const))('%s', (_path, file) => {
  const wf = file.workflow;
  const steps = flowGuardSteps(wf);

  test('declares permissions at the top level or on every job, and never grants write-all', () => {
    const jobs = Object.values(wf.jobs);
    expect(wf.permissions !== undefined || jobs.every((j) => j.permissions !== undefined)).toBe(true);
    for (const p of [wf.permissions, ...jobs.map((j) => j.permissions)]) expect(p).not.toBe('write-all');
    // The top level stays read-only; jobs ask for more.
    if (wf.permissions !== undefined && typeof wf.permissions === 'object') {
      expect(Object.entries(wf.permissions).filter(([, v]) => v === 'write')).toEqual([]);
    }
  });

  test('nothing writes repository contents (but the release job, on a version tag)', () => {
    const release = file.path === '.github/workflows/release.yml' && Object.keys(wf.on as object).join() === 'push' && (wf.on as { push: { branches?: unknown } }).push.branches === undefined;
    for (const [name, job] of Object.entries(wf.jobs)) expect(grantsWrite(effectivePermissions(wf, job), 'contents')).toBe(release && name === 'release');
  });

  test('pins every third-party action by its full commit SHA, with the version in a comment', () => {
    const uses = file.text.split('\n').flatMap((line) => {
      const m = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line);
      return m ? [{ ref: m[1]!, rest: m[2]! }] : [];
    });
    const thirdParty = uses.filter((u) => !isFlowGuard(u.ref) && !u.ref.startsWith('./'));
    for (const u of thirdParty) expect(`${u.ref}${u.rest}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}$/);
  });

  test('FlowGuard steps pass only inputs declared in action.yml, with accepted values', () => {
    for (const { jobId, step } of steps) {
      for (const [key, value] of Object.entries(step.with ?? {})) {
        expect([jobId, key, INPUTS.has(key)]).toEqual([jobId, key, true]);
        const text = String(value);
        if (CHOICES[key] && !text.includes('${{')) expect([key, text, CHOICES[key]!.includes(text)]).toEqual([key, text, true]);
      }
    }
  });

  test('every steps.<id>.outputs.<name> names a step of its job, and FlowGuard outputs declared in action.yml', () => {
    for (const [jobId, job] of Object.entries(wf.jobs)) {
      const ids = new Map((job.steps ?? []).flatMap((s, i) => (s.id ? [[s.id, { step: s, index: i }] as const] : [])));
      (job.steps ?? []).forEach((step, index) => {
        for (const ref of outputReferences(step)) {
          const target = ids.get(ref.stepId);
          expect([jobId, ref.in, target !== undefined]).toEqual([jobId, ref.in, true]);
          // Outputs exist only after the step ran.
          expect([jobId, ref.in, target!.index < index]).toEqual([jobId, ref.in, true]);
          if (isFlowGuard(target!.step.uses)) expect([jobId, ref.output, OUTPUTS.has(ref.output)]).toEqual([jobId, ref.output, true]);
        }
      });
    }
  });

  test('a job that comments or reviews can write pull requests; one that uploads SARIF can write security events', () => {
    for (const { jobId, job, step } of steps) {
      const w = step.with ?? {};
      const comment = String(w['comment'] ?? action.inputs['comment']?.default ?? 'on-findings');
      const review = String(w['review'] ?? 'none');
      const prEvent = JSON.stringify(wf.on ?? {}).includes('pull_request');
      if (prEvent && (comment !== 'never' || review !== 'none')) {
        expect([jobId, grantsWrite(effectivePermissions(wf, job), 'pull-requests')]).toEqual([jobId, true]);
      }
    }
    for (const [jobId, job] of Object.entries(wf.jobs)) {
      const uploads = (job.steps ?? []).some((s) => /^github\/codeql-action\/(upload-sarif|analyze)@/.test(s.uses ?? ''));
      expect([jobId, grantsWrite(effectivePermissions(wf, job), 'security-events')]).toEqual([jobId, uploads]);
    }
  });

  test('FlowGuard steps come after a checkout, whose fetch-depth is 0 when set', () => {
    for (const { job, index } of steps) {
      const checkout = (job.steps ?? []).slice(0, index).find((s) => /^actions\/checkout@/.test(s.uses ?? ''));
      expect(checkout).toBeDefined();
      const depth = checkout!.with?.['fetch-depth'];
      if (depth !== undefined) expect(Number(depth)).toBe(0);
    }
  });
});

describe('the documented examples', () => {
  const byName = (name: string): WorkflowFile => DOC_WORKFLOWS.find((w) => w.path === `docs/workflows/${name}`)!;

  test('pull-request.yml: pull_request, comment + SARIF upload from the sarif-file output, fetch-depth 0', () => {
    const wf = byName('pull-request.yml').workflow;
    expect(Object.keys(wf.on as object)).toEqual(['pull_request']);
    expect(wf.permissions).toEqual({ contents: 'read' });
    const [fg] = flowGuardSteps(wf);
    expect(fg!.step.uses).toMatch(/^flowguard\/flowguard@v\d+$/);
    expect(fg!.job.permissions).toMatchObject({ contents: 'read', 'pull-requests': 'write', 'security-events': 'write' });
    const upload = fg!.job.steps!.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with?.['sarif_file']).toBe(`\${{ steps.${fg!.step.id}.outputs.sarif-file }}`);
    // The upload runs also when FlowGuard failed the job on findings.
    expect(String(upload?.if)).toMatch(/always\(\)|!cancelled\(\)/);
    expect(fg!.job.steps!.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
  });

  test('release-gate.yml: push to release/**, read-only, fails on errors', () => {
    const wf = byName('release-gate.yml').workflow;
    expect(wf.on).toEqual({ push: { branches: ['release/**'] } });
    const [fg] = flowGuardSteps(wf);
    expect(fg!.job.permissions).toEqual({ contents: 'read' });
    expect(fg!.step.with?.['fail-on']).toBe('error');
  });

  test('audit.yml: workflow_dispatch with base-ref/head-ref inputs passed through, weekly schedule, read-only', () => {
    const wf = byName('audit.yml').workflow;
    const on = wf.on as Record<string, any>;
    expect(Object.keys(on.workflow_dispatch.inputs).sort()).toEqual(['base-ref', 'head-ref']);
    expect(Array.isArray(on.schedule) && on.schedule.length).toBe(1);
    expect(on.schedule[0].cron.split(/\s+/)).toHaveLength(5);
    const [fg] = flowGuardSteps(wf);
    expect(fg!.job.permissions).toEqual({ contents: 'read' });
    expect(fg!.step.with).toMatchObject({ 'base-ref': '${{ inputs.base-ref }}', 'head-ref': '${{ inputs.head-ref }}' });
  });
});

describe('the repository workflows', () => {
  const byName = (name: string): WorkflowFile => REPO_WORKFLOWS.find((w) => w.path === `.github/workflows/${name}`)!;

  test('ci.yml: Node 20; npm ci, typecheck, test, then rebuild and compare dist', () => {
    const wf = byName('ci.yml').workflow;
    expect(wf.permissions).toEqual({ contents: 'read' });
    const on = wf.on as Record<string, any>;
    expect(on).toHaveProperty('pull_request');
    expect(on.push.branches).toEqual(['main']);
    const build = Object.values(wf.jobs).find((j) => (j.steps ?? []).some((s) => s.run === 'npm ci'))!;
    const setup = build.steps!.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(String(setup?.with?.['node-version'])).toBe('20');
    const runs = build.steps!.map((s) => s.run ?? '').filter((r) => r !== '');
    const at = (cmd: string | RegExp): number => runs.findIndex((r) => (typeof cmd === 'string' ? r.trim() === cmd : cmd.test(r)));
    const order = ['npm ci', 'npm run typecheck', 'npm test', 'npm run package'].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(at(/git diff --exit-code\b.*\bdist\b/)).toBeGreaterThan(order[3]!);
  });

  test('ci.yml: a self-test job runs uses: ./ on the example with fail-on never and checks an output', () => {
    const wf = byName('ci.yml').workflow;
    const self = flowGuardSteps(wf).find((s) => s.step.uses === './');
    expect(self).toBeDefined();
    expect(self!.step.with?.['fail-on']).toBe('never');
    expect(self!.job.steps!.some((s) => /\bexamples\b/.test(s.run ?? '') || /\bexamples\b/.test(String(self!.step.with?.['paths'] ?? '')))).toBe(true);
    const later = self!.job.steps!.slice(self!.index + 1);
    const refs = later.flatMap((s) => outputReferences(s)).filter((r) => r.stepId === self!.step.id);
    expect(refs.map((r) => r.output)).toContain('error-count');
  });

  test('codeql.yml: CodeQL v4 for javascript-typescript on PR, push and a weekly schedule; security-events: write only in the job', () => {
    const wf = byName('codeql.yml').workflow;
    const on = wf.on as Record<string, any>;
    expect(Object.keys(on).sort()).toEqual(['pull_request', 'push', 'schedule']);
    expect(wf.permissions).toEqual({ contents: 'read' });
    const jobs = Object.values(wf.jobs);
    expect(jobs).toHaveLength(1);
    const steps = jobs[0]!.steps!;
    const init = steps.find((s) => s.uses?.startsWith('github/codeql-action/init@'));
    expect(byName('codeql.yml').text).toMatch(/github\/codeql-action\/init@[0-9a-f]{40} # v4\./);
    expect(init?.with?.['languages']).toBe('javascript-typescript');
    expect(byName('codeql.yml').text).toMatch(/github\/codeql-action\/analyze@[0-9a-f]{40} # v4\./);
    expect(jobs[0]!.permissions).toMatchObject({ 'security-events': 'write' });
    const config = init?.with?.['config-file'];
    if (typeof config === 'string') expect(() => readFileSync(join(PROJECT_ROOT, config), 'utf8')).not.toThrow();
  });

  test('dependabot.yml: npm with grouped dev minor/patch updates, GitHub Actions, TypeScript held below 7', () => {
    const cfg = parseYaml(readFileSync(join(PROJECT_ROOT, '.github', 'dependabot.yml'), 'utf8')) as { version: number; updates: Record<string, any>[] };
    expect(cfg.version).toBe(2);
    const npm = cfg.updates.find((u) => u['package-ecosystem'] === 'npm')!;
    const actions = cfg.updates.find((u) => u['package-ecosystem'] === 'github-actions');
    expect(actions).toBeDefined();
    const groups = Object.values(npm.groups as Record<string, any>);
    expect(groups).toContainEqual(expect.objectContaining({ 'dependency-type': 'development', 'update-types': expect.arrayContaining(['minor', 'patch']) }));
    expect(npm.ignore).toContainEqual({ 'dependency-name': 'typescript', versions: ['>=7'] });
  });
});

describe('the release workflow', () => {
  const wf = REPO_WORKFLOWS.find((w) => w.path.endsWith('/release.yml'))!.workflow;
  const steps = Object.values(wf.jobs)[0]!.steps!;
  const runs = steps.map((s) => s.run ?? s.uses ?? '');
  const at = (re: RegExp): number => runs.findIndex((r) => re.test(r));

  test('runs on version tags only', () => {
    expect(wf.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+', 'v[0-9]+.[0-9]+.[0-9]+-*'] } });
  });

  test('checks the tag, the tests and dist/ before it publishes, then moves the major tag unless a pre-release', () => {
    const order = [/require\("\.\/package\.json"\)\.version/, /^npm ci$/, /^npm test$/, /npm run package[\s\S]*git diff --exit-code[\s\S]*-- dist/, /release-notes\.mjs "\$TAG"/, /gh release create "\$TAG" --verify-tag/, /git push --force origin "refs\/tags\/\$major"/];
    const positions = order.map(at);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(steps[positions[6]!]!.if).toContain("!contains(github.ref_name, '-')");
  });
});

describe('scripts/release-notes.mjs', () => {
  const notes = (changelog: string, version: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-notes-'));
    try {
      writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
      return spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/release-notes.mjs'), version, join(dir, 'CHANGELOG.md')], { encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const LOG = '# Changelog\n\n## 1.1.0 (2027-01-10)\n\n- Newer.\n\n## 1.0.0 (2026-12-20)\n\n- First.\n- Second.\n';

  test('prints the section of the tagged version and nothing of the others', () => {
    const r = notes(LOG, 'v1.0.0');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('- First.\n- Second.\n');
  });

  test('refuses a missing, an empty and an undated ("unreleased") section', () => {
    expect(notes(LOG, 'v2.0.0')).toMatchObject({ status: 1, stderr: expect.stringContaining('no "## 2.0.0" section') });
    expect(notes('## 1.0.0 (2026-12-20)\n\n## 0.9.0\n- x\n', '1.0.0')).toMatchObject({ status: 1, stderr: expect.stringContaining('empty') });
    expect(notes('## 1.0.0 (unreleased)\n- x\n', '1.0.0')).toMatchObject({ status: 1, stderr: expect.stringContaining('unreleased') });
  });
});

describe('workflow helpers', () => {
  test('extractUsageSnippet returns the fenced YAML between the markers, or undefined without them', () => {
    const readme = ['# X', '<!-- usage:start -->', '```yaml', 'on: pull_request', 'jobs: {}', '```', '<!-- usage:end -->', 'more'].join('\n');
    expect(extractUsageSnippet(readme)).toBe('on: pull_request\njobs: {}\n');
    expect(extractUsageSnippet('no markers')).toBeUndefined();
    expect(extractUsageSnippet('<!-- usage:end --> <!-- usage:start -->')).toBeUndefined();
    expect(extractUsageSnippet('<!-- usage:start -->\non: push\n<!-- usage:end -->')).toBe('on: push\n');
  });

  test('parseUsageSnippet takes a complete workflow or a list of steps', () => {
    const steps = parseUsageSnippet('      - uses: actions/checkout@v5\n      - id: fg\n        uses: flowguard/flowguard@v1\n        with: {fail-on: error}\n');
    expect(steps.kind).toBe('steps');
    expect(flowGuardSteps(steps.workflow).map((s) => [s.jobId, s.index, s.step.with])).toEqual([['usage', 1, { 'fail-on': 'error' }]]);
    const full = parseUsageSnippet('on: push\njobs:\n  a:\n    permissions: {contents: read}\n    steps:\n      - uses: ./\n');
    expect(full.kind).toBe('workflow');
    expect(flowGuardSteps(full.workflow)).toHaveLength(1);
    expect(() => parseUsageSnippet('- 1\n- 2\n')).toThrow(/not of steps/);
  });

  test('outputReferences finds dotted and bracketed references inside expressions only', () => {
    const refs = outputReferences({ run: 'echo steps.a.outputs.nope ${{ steps.fg.outputs.error-count }} ${{ steps[\'fg\'].outputs[\'max-severity\'] }}' });
    expect(refs.map((r) => `${r.stepId}.${r.output}`)).toEqual(['fg.error-count', 'fg.max-severity']);
  });

  test('the checks catch an undeclared input and an undeclared output', () => {
    const wf = parseWorkflow(
      ['on: pull_request', 'permissions: {contents: read}', 'jobs:', '  a:', '    steps:', '      - id: fg', '        uses: flowguard/flowguard@v1', '        with: {fail_on: error}', '      - run: echo ${{ steps.fg.outputs.finding-count }}'].join('\n'),
    );
    const [fg] = flowGuardSteps(wf);
    expect(Object.keys(fg!.step.with!).filter((k) => !INPUTS.has(k))).toEqual(['fail_on']);
    expect(outputReferences(wf.jobs['a']!.steps![1]).map((r) => r.output).filter((o) => !OUTPUTS.has(o))).toEqual(['finding-count']);
  });

  test('substituteOutputs replaces output expressions only', () => {
    expect(substituteOutputs('a=${{ steps.fg.outputs.error-count }} b=${{ github.sha }}', { fg: { 'error-count': '3' } })).toBe('a=3 b=${{ github.sha }}');
  });
});
