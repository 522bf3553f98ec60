/**
 * The shipped bundles against the loopback fakes, with the real credential code: the CLI (dist/cli)
 * with a client secret, and the Action (dist/index.js) with GitHub OIDC federation, both getting their
 * token from a loopback Entra token endpoint over HTTPS (its self-signed certificate trusted through
 * NODE_EXTRA_CA_CERTS, which Node reads only at start: hence child processes).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../src/report/types.js';
import { cleanupRuns, DIST, pullRequestPayload, runAction, tempDir } from '../action/run-action.js';
import { TestRepo } from '../helpers/git-repo.js';
import { runPipelineStep } from '../azure/pipeline.js';
import { PROJECT_ROOT } from '../helpers/corpus.js';
import { startFakeDataverse, type FakeDataverse } from '../helpers/fake-dataverse.js';
import { startFakeEntra, startFakeOidc, type FakeEntra } from '../helpers/fake-entra.js';
import { addActiveLayer, cleanTargetOf } from '../helpers/target-from-export.js';

const CLI = join(PROJECT_ROOT, 'dist', 'cli', 'index.js');
const HEAD = 'examples/contoso-requests';
const FLOW = '6e2c1a0b-4d3f-4b8e-9a51-2f7c8d9e0a11';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '0b7a5c2e-8d4f-4e1a-9c3b-6f2d1e0a9b8c';
const SECRET = 'fake~client~secret~Qm9vcmluZw';
const ACCESS = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e2e-dataverse-access.c2ln';
const ID_TOKEN = 'eyJ0eXAiOiJKV1QifQ.github-oidc-id-token.c2ln';

let dataverse: FakeDataverse;
let entra: FakeEntra;
let oidc: Awaited<ReturnType<typeof startFakeOidc>>;

beforeAll(async () => {
  for (const f of [CLI, DIST]) if (!existsSync(f)) throw new Error(`${f} is missing: run npm run package first`);
  const { tables } = await cleanTargetOf(PROJECT_ROOT, [HEAD]);
  addActiveLayer(tables, FLOW, 'Workflow');
  dataverse = await startFakeDataverse({ tables, token: ACCESS });
  entra = await startFakeEntra({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET, assertion: ID_TOKEN, accessToken: ACCESS });
  oidc = await startFakeOidc({ requestToken: 'runner-request-token', idToken: ID_TOKEN });
});

afterAll(async () => {
  await Promise.all([dataverse.close(), entra.close(), oidc.close()]);
  cleanupRuns();
});

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const entraEnv = (): Record<string, string> => ({ NODE_EXTRA_CA_CERTS: entra.caFile, AZURE_AUTHORITY_HOST: entra.authorityHost, AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT });

describe('the built CLI with a client secret', () => {
  it('gets a token for <environment>/.default from Entra and checks the target with it', async () => {
    const before = entra.requests.length;
    const r = await cli([HEAD, '--format', 'json', '--environment-url', dataverse.url], { ...entraEnv(), AZURE_CLIENT_SECRET: SECRET });
    expect(r.stderr).not.toContain('Error');
    const report = JSON.parse(r.stdout) as Report;
    expect(report.target).toMatchObject({ credential: 'client-secret', status: 'checked' });
    expect(report.findings.filter((f) => f.ruleId.startsWith('FG6')).map((f) => f.ruleId)).toEqual(['FG601']);
    const tokenRequests = entra.requests.slice(before).filter((q) => q.grantType === 'client_credentials');
    expect(tokenRequests.length).toBeGreaterThan(0);
    expect(tokenRequests[0]).toMatchObject({ scope: `${dataverse.url}/.default`, clientId: CLIENT, hasSecret: true });
    for (const text of [r.stdout, r.stderr]) {
      expect(text).not.toContain(ACCESS);
      expect(text).not.toContain(SECRET);
    }
  });

  it('a wrong secret is one diagnostic naming Entra\'s answer, and the offline exit code', async () => {
    const offline = await cli([HEAD, '--format', 'json', '--fail-on', 'error'], {});
    const r = await cli([HEAD, '--format', 'json', '--fail-on', 'error', '--environment-url', dataverse.url], { ...entraEnv(), AZURE_CLIENT_SECRET: 'wrong-secret-value' });
    expect(r.code).toBe(offline.code);
    const report = JSON.parse(r.stdout) as Report;
    const diags = report.diagnostics.filter((d) => d.file === dataverse.url);
    expect(diags).toHaveLength(1);
    expect(diags[0]?.message).toMatch(/sign-in.*client-secret could not get a token.*AADSTS7000215/);
    expect(r.stdout).not.toContain('wrong-secret-value');
  });
});

describe('the Action with GitHub OIDC federation', () => {
  it('exchanges the job\'s id token for a Dataverse token, checks the target and masks the token', async () => {
    const workspace = tempDir('flowguard-target-');
    cpSync(join(PROJECT_ROOT, HEAD), join(workspace, 'contoso-requests'), { recursive: true });
    const before = entra.requests.length;
    const run = await runAction({
      event: 'workflow_dispatch',
      payload: { ref: 'refs/heads/main', inputs: {}, repository: { name: 'flows', owner: { login: 'octo-org' } } },
      workspace,
      apiUrl: 'http://127.0.0.1:9',
      ref: 'refs/heads/main',
      inputs: { 'environment-url': dataverse.url, 'tenant-id': TENANT, 'app-id': CLIENT, 'fail-on': 'never' },
      env: { NODE_EXTRA_CA_CERTS: entra.caFile, AZURE_AUTHORITY_HOST: entra.authorityHost, ACTIONS_ID_TOKEN_REQUEST_URL: oidc.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-request-token' },
    });
    expect(run.failure).toBeUndefined();
    expect(run.outputs['target-status']).toBe('checked');
    const report = JSON.parse(readFileSync(run.outputs['report-file'] as string, 'utf8')) as Report;
    expect(report.target?.credential).toBe('github-oidc');
    expect(report.findings.some((f) => f.ruleId === 'FG601')).toBe(true);
    expect(oidc.requests.map((q) => q.audience)).toContain('api://AzureADTokenExchange');
    expect(entra.requests.slice(before).some((q) => q.hasAssertion && !q.hasSecret && q.scope === `${dataverse.url}/.default`)).toBe(true);
    // The runner hides a value after ::add-mask::; the token appears in no other line.
    const lines = run.stdout.split('\n').filter((l) => l.includes(ACCESS));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.startsWith('::add-mask::'))).toBe(true);
    expect(run.summary).toContain('Target environment');
    expect(run.summary).not.toContain(ACCESS);
  });

  it('skips the check with a note on a fork\'s pull request without secrets', async () => {
    const repo = new TestRepo();
    try {
      repo.write({ 'contoso-requests': { from: join(PROJECT_ROOT, 'examples/base/contoso-requests') } });
      const base = repo.commit('base');
      repo.git('checkout', '-q', '-b', 'fix');
      repo.write({ 'contoso-requests': { from: join(PROJECT_ROOT, HEAD) } });
      const head = repo.commit('head');
      const before = dataverse.requests.length;
      const run = await runAction({
        event: 'pull_request',
        payload: pullRequestPayload({ number: 7, base: { ref: 'main', sha: base }, head: { ref: 'fix', sha: head, repo: 'someone/flows' } }),
        workspace: repo.dir,
        sha: head,
        apiUrl: 'http://127.0.0.1:9',
        inputs: { 'environment-url': dataverse.url, comment: 'never', 'fail-on': 'never' },
      });
      expect(run.failure).toBeUndefined();
      expect(dataverse.requests.length).toBe(before);
      expect(run.outputs['target-status']).toBe('not-run');
      const report = JSON.parse(readFileSync(run.outputs['report-file'] as string, 'utf8')) as Report;
      expect(report.diagnostics.find((d) => d.file === dataverse.url)?.message).toMatch(/fork/);
    } finally {
      repo.remove();
    }
  });
});

describe('flowguard ci (Azure Pipelines)', () => {
  it('takes --environment-url and a client secret from the documented variables, and writes the target into the summary and report', async () => {
    const dir = tempDir('flowguard-azp-target-');
    cpSync(join(PROJECT_ROOT, HEAD), join(dir, 'contoso-requests'), { recursive: true });
    const r = await runPipelineStep({
      cwd: dir,
      args: ['contoso-requests', '--fail-on', 'never', '--environment-url', dataverse.url],
      env: { BUILD_REASON: 'Manual', BUILD_SOURCEBRANCH: 'refs/heads/main', ...entraEnv(), AZURE_CLIENT_SECRET: SECRET },
    });
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(r.agentTemp, 'flowguard-report.json'), 'utf8')) as Report;
    expect(report.target).toMatchObject({ credential: 'client-secret', status: 'checked' });
    expect(readFileSync(join(r.agentTemp, 'FlowGuard.md'), 'utf8')).toContain('Target environment');
    expect(r.stdout).not.toContain(ACCESS);
    expect(r.stdout).not.toContain(SECRET);
  });
});
