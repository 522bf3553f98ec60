/**
 * The target check against a real service's failures (issue 17, points 1 and 3): no request without an
 * environment URL; throttling with Retry-After gives the same findings as none; an outage of one check is
 * a diagnostic naming it while the others go on; a rejected token is one clear diagnostic, the token in no
 * output, the offline exit code. Concurrency never exceeds its cap.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { runCli } from '../../src/cli/main.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarifJson } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { renderContext } from '../../src/report/context.js';
import type { Report } from '../../src/report/types.js';
import { PROJECT_ROOT } from '../helpers/corpus.js';
import { startFakeDataverse, type FakeDataverse } from '../helpers/fake-dataverse.js';
import { addActiveLayer, cleanTargetOf } from '../helpers/target-from-export.js';

const HEAD = 'examples/contoso-requests';
const FLOW = '6e2c1a0b-4d3f-4b8e-9a51-2f7c8d9e0a11';
const TOKEN = 'eyJ0eXAiOiJKV1QifQ.failures-test-token.c2lnbmF0dXJlMTIz';

const servers: FakeDataverse[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function cli(args: string[], env: NodeJS.ProcessEnv = { FLOWGUARD_DATAVERSE_TOKEN: TOKEN }): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { cwd: PROJECT_ROOT, stdout: (t) => (out += t), stderr: (t) => (err += t), env });
  return { code, out, err };
}

/** A target with findings of several rules: an Active layer on the flow, the flow off. */
async function busyTarget() {
  const { tables } = await cleanTargetOf(PROJECT_ROOT, [HEAD]);
  addActiveLayer(tables, FLOW, 'Workflow');
  tables.workflows[0]!.statecode = 0;
  return tables;
}

const fg6 = (r: Report) => r.findings.filter((f) => f.ruleId.startsWith('FG6')).map((f) => `${f.ruleId} ${f.severity} ${f.fingerprint}`).sort();

describe('without --environment-url', () => {
  it('makes no request at all, even with credentials in the environment, and reports no target', async () => {
    const server = await startFakeDataverse({ tables: await busyTarget(), token: TOKEN });
    servers.push(server);
    const env = { FLOWGUARD_DATAVERSE_TOKEN: TOKEN, AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's' };
    const { code, out } = await cli([HEAD, '--format', 'json', '--fail-on', 'error'], env);
    expect(server.requests).toEqual([]);
    const report = JSON.parse(out) as Report;
    expect(report.target).toBeUndefined();
    expect(report.findings.some((f) => f.ruleId.startsWith('FG6'))).toBe(false);
    expect(code).toBe(1);
  });

  it('gives the same report as before the check existed: the offline JSON has no target key', async () => {
    const { out } = await cli([HEAD, '--format', 'json']);
    expect(out).not.toContain('"target"');
  });
});

describe('service protection limits', () => {
  it('gives the same findings under 429 with Retry-After as without throttling, and pauses as told', async () => {
    const tables = await busyTarget();
    // One server (the host is part of a target finding's identity); every third request throttled once on the second run.
    let throttle = false;
    const throttled = new Set<number>();
    const busy = await startFakeDataverse({
      tables,
      token: TOKEN,
      fault: (req) => {
        if (throttle && req.count % 3 === 0 && !throttled.has(req.count)) {
          throttled.add(req.count);
          return { status: 429, headers: { 'Retry-After': '1' } };
        }
        return undefined;
      },
    });
    servers.push(busy);
    const base = JSON.parse((await cli([HEAD, '--format', 'json', '--environment-url', busy.url])).out) as Report;
    expect(fg6(base).length).toBeGreaterThan(1);
    throttle = true;
    const started = Date.now();
    const run = await cli([HEAD, '--format', 'json', '--environment-url', busy.url]);
    const report = JSON.parse(run.out) as Report;
    expect(fg6(report)).toEqual(fg6(base));
    expect(report.target?.status).toBe('checked');
    expect(busy.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    // Retry-After: 1 was honoured (at least one second of waiting).
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('keeps at most --target-concurrency requests in flight', async () => {
    const server = await startFakeDataverse({ tables: await busyTarget(), token: TOKEN, latencyMs: 40 });
    servers.push(server);
    await cli([HEAD, '--format', 'json', '--environment-url', server.url, '--target-concurrency', '2']);
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
    expect(server.maxInFlight).toBeGreaterThan(0);
  });

  it('refuses a concurrency above 16', async () => {
    const { code, err } = await cli([HEAD, '--environment-url', 'https://contoso.crm.dynamics.com', '--target-concurrency', '17']);
    expect(code).toBe(2);
    expect(err).toContain('--target-concurrency must be a whole number from 1 to 16');
  });
});

describe('an outage of one check', () => {
  it('is a diagnostic naming the check; the other checks still find what they find', async () => {
    const server = await startFakeDataverse({ tables: await busyTarget(), token: TOKEN, fault: (req) => (req.entitySet === 'msdyn_componentlayers' ? { status: 503, headers: { 'Retry-After': '0' } } : undefined) });
    servers.push(server);
    const { out } = await cli([HEAD, '--format', 'json', '--environment-url', server.url, '--target-timeout', '60']);
    const report = JSON.parse(out) as Report;
    // FG603 (flow off) still fires; FG601 cannot be judged without layers.
    expect(report.findings.map((f) => f.ruleId).filter((r) => r.startsWith('FG6'))).toEqual(['FG603']);
    const diags = report.diagnostics.filter((d) => d.file === server.url);
    expect(diags).toHaveLength(1);
    expect(diags[0]?.message).toMatch(/target check 'solution layers' could not run .*every layer query failed.*503/);
    expect(report.target?.status).toBe('partial');
    expect(report.target?.coverage.layers).toBe(false);
  });

  it('a 403 names the privilege to grant', async () => {
    const server = await startFakeDataverse({ tables: await busyTarget(), token: TOKEN, forbidden: ['canvasapps'] });
    servers.push(server);
    const report = JSON.parse((await cli([HEAD, '--format', 'json', '--environment-url', server.url])).out) as Report;
    const diag = report.diagnostics.find((d) => d.message.includes("'canvas apps'"));
    expect(diag?.message).toContain('Read on Canvas App');
    expect(report.findings.some((f) => f.ruleId === 'FG603')).toBe(true);
  });

  it('malformed JSON and a timeout are diagnostics too, never a crash', async () => {
    const bad = await startFakeDataverse({ tables: await busyTarget(), token: TOKEN, fault: (req) => (req.entitySet === 'workflows' ? { status: 200, body: '{"value": [' } : undefined) });
    servers.push(bad);
    const r1 = JSON.parse((await cli([HEAD, '--format', 'json', '--environment-url', bad.url])).out) as Report;
    expect(r1.diagnostics.map((d) => d.message).join('\n')).toMatch(/target check 'flows' could not run.*not JSON/);

    const slow = await startFakeDataverse({ tables: await busyTarget(), token: TOKEN, latencyMs: 3000 });
    servers.push(slow);
    const r2 = JSON.parse((await cli([HEAD, '--format', 'json', '--environment-url', slow.url, '--target-request-timeout', '1', '--target-timeout', '2'])).out) as Report;
    expect(r2.diagnostics.map((d) => d.message).join('\n')).toMatch(/did not answer within 1 s/);
    expect(r2.target?.status).toBe('not-run');
  });
});

describe('a rejected token', () => {
  it('is one diagnostic, the offline exit code, and the token in no output', async () => {
    const server = await startFakeDataverse({ tables: await busyTarget(), token: 'the-right-token' });
    servers.push(server);
    const offline = await cli([HEAD, '--format', 'json', '--fail-on', 'error']);
    const run = await cli([HEAD, '--format', 'json', '--fail-on', 'error', '--environment-url', server.url]);
    expect(run.code).toBe(offline.code);
    const report = JSON.parse(run.out) as Report;
    const targetDiags = report.diagnostics.filter((d) => d.file === server.url);
    expect(targetDiags).toHaveLength(1);
    expect(targetDiags[0]?.message).toMatch(/sign-in.*401.*token was rejected/);
    expect(server.requests).toHaveLength(1);
    expect(report.target?.status).toBe('not-run');
    // Offline findings stand as they are.
    expect(report.findings.map((f) => f.fingerprint)).toEqual((JSON.parse(offline.out) as Report).findings.map((f) => f.fingerprint));
    const ctx = renderContext(false);
    for (const text of [run.out, run.err, renderMarkdown(report, ctx), renderText(report, ctx), renderSarifJson(report, ctx)]) expect(text).not.toContain(TOKEN);
  });

  it('never sends the token anywhere but the environment: a next link to another origin is not followed', async () => {
    const other = await startFakeDataverse({ tables: {}, token: TOKEN });
    servers.push(other);
    const tables = await busyTarget();
    const server = await startFakeDataverse({
      tables,
      token: TOKEN,
      fault: (req) => (req.entitySet === 'workflows' ? { status: 200, body: JSON.stringify({ value: [], '@odata.nextLink': `${other.url}/api/data/v9.2/workflows?$skiptoken=1` }) } : undefined),
    });
    servers.push(server);
    const report = JSON.parse((await cli([HEAD, '--format', 'json', '--environment-url', server.url])).out) as Report;
    expect(other.requests).toEqual([]);
    expect(report.diagnostics.map((d) => d.message).join('\n')).toMatch(/nextLink outside the environment/);
  });
});

describe('the environment URL', () => {
  it.each([
    ['http://contoso.crm.dynamics.com', 'https'],
    ['https://evil.example.com', 'not a Dataverse host'],
    ['https://contoso.crm.dynamics.com/api/data', 'without a path'],
    ['https://user:pw@contoso.crm.dynamics.com', 'user name'],
  ])('refuses %s', async (url, words) => {
    const { code, err } = await cli([HEAD, '--environment-url', url]);
    expect(code).toBe(2);
    expect(err).toContain(words);
  });

  it('says so when no credential is available, and still reports offline', async () => {
    const server = await startFakeDataverse({ tables: await busyTarget(), token: TOKEN });
    servers.push(server);
    // No token, no Entra settings; the Azure CLI fallback fails where no `az` is signed in.
    const run = await cli([HEAD, '--format', 'json', '--environment-url', server.url], { PATH: '/nonexistent' });
    const report = JSON.parse(run.out) as Report;
    expect(server.requests).toEqual([]);
    expect(report.target?.status).toBe('not-run');
    expect(report.diagnostics.find((d) => d.file === server.url)?.message).toMatch(/azure-cli could not get a token|did not run/);
  });
});
