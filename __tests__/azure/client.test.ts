/** The Azure DevOps client and the thread logic in process, against the loopback fake. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AzureDevOpsClient, AzureHttpError } from '../../src/azure/client.js';
import { upsertThread } from '../../src/azure/thread.js';
import { BUILD_SERVICE, FakeAzureDevOps } from '../helpers/fake-azure-devops.js';

const TOKEN = 't';
const MARKER = '<!-- flowguard:report -->';
let fake: FakeAzureDevOps;
const noSleep = { sleep: async (): Promise<void> => undefined };

beforeAll(async () => {
  fake = await FakeAzureDevOps.start({ pageSize: 3 });
  fake.setToken(TOKEN, BUILD_SERVICE);
});
afterAll(() => fake.close());

const prApi = (pr: number): string => `${fake.collectionUri}${encodeURIComponent(fake.project)}/_apis/git/repositories/${fake.repositoryId}/pullRequests/${pr}`;

describe('list', () => {
  test('follows continuation tokens to the last page', async () => {
    for (let i = 0; i < 10; i++) fake.addThread(1, `thread ${i}`);
    const client = new AzureDevOpsClient({ token: TOKEN, ...noSleep });
    const { items, truncated } = await client.list<{ id: number }>(`${prApi(1)}/threads?api-version=7.1`);
    expect(items).toHaveLength(10);
    expect(truncated).toBe(false);
    expect(client.requestCount).toBe(4);
  });

  test('stops at the page cap, and on a token handed out twice', async () => {
    const client = new AzureDevOpsClient({ token: TOKEN, ...noSleep });
    expect((await client.list(`${prApi(1)}/threads?api-version=7.1`, 2)).truncated).toBe(true);
    expect(client.requestCount).toBe(2);

    // A server that always answers with the same token.
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-ms-continuationtoken': 'same' });
      res.end(JSON.stringify({ value: [1] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const c2 = new AzureDevOpsClient({ token: TOKEN, ...noSleep });
      const out = await c2.list(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x?api-version=7.1`);
      expect(out).toEqual({ items: [1, 1], truncated: true });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('request', () => {
  test('429 and 5xx are retried a bounded number of times, honouring Retry-After', async () => {
    const waits: number[] = [];
    const client = new AzureDevOpsClient({ token: TOKEN, sleep: async (ms) => void waits.push(ms) });
    fake.fail('GET', `/${fake.org}/${fake.project}/_apis/git/repositories/${fake.repositoryId}/pullRequests/2/statuses`, { status: 429, headers: { 'retry-after': '2' } }, { status: 500, times: 2 });
    const res = await client.request<{ value: unknown[] }>('GET', `${prApi(2)}/statuses?api-version=7.1`);
    expect(res.status).toBe(200);
    expect(waits).toEqual([2000, 1000, 2000]);

    fake.fail('GET', `/${fake.org}/${fake.project}/_apis/git/repositories/${fake.repositoryId}/pullRequests/2/statuses`, { status: 502, times: 10 });
    await expect(client.request('GET', `${prApi(2)}/statuses?api-version=7.1`)).rejects.toMatchObject({ status: 502 });
    expect(fake.pendingFailures()).toBe(6);
    // Drain the rest.
    for (let i = 0; i < 6; i++) await client.request('GET', `${prApi(2)}/statuses?api-version=7.1`, { retryServerErrors: false }).catch(() => undefined);
    expect(fake.pendingFailures()).toBe(0);
  });

  test('a sign-in page (203) is an authentication failure; a refused connection is bounded', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(203, { 'content-type': 'text/html' });
      res.end('<html>Sign in</html>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    try {
      const client = new AzureDevOpsClient({ token: TOKEN, ...noSleep });
      await expect(client.request('GET', `http://127.0.0.1:${port}/x`)).rejects.toMatchObject({ status: 401 });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
    const client = new AzureDevOpsClient({ token: TOKEN, ...noSleep });
    const err = await client.request('GET', `http://127.0.0.1:${port}/gone`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AzureHttpError);
    expect((err as AzureHttpError).status).toBe(0);
    expect(client.requestCount).toBe(4);
  });
});

describe('upsertThread', () => {
  const client = (): AzureDevOpsClient => new AzureDevOpsClient({ token: TOKEN, ...noSleep });
  const opts = (pr: number, content: string, hasFindings: boolean) => ({ prApi: prApi(pr), marker: MARKER, content, mode: 'on-findings' as const, hasFindings, worthPosting: hasFindings });

  test('on-findings without findings and without a thread posts nothing', async () => {
    expect(await upsertThread(client(), opts(10, 'all clear', false))).toMatchObject({ action: 'skipped' });
    expect(fake.threads(10)).toHaveLength(0);
  });

  test('a thread a person closed stays closed while the report is the same; a new report reopens it', async () => {
    const created = await upsertThread(client(), opts(11, 'FG101 here', true));
    expect(created).toMatchObject({ action: 'created', status: 'active' });
    const t = fake.threads(11)[0]!;
    expect(t.comments[0]!.content).toBe(`${MARKER}\nFG101 here`);
    t.status = 'closed';
    expect(await upsertThread(client(), opts(11, 'FG101 here', true))).toMatchObject({ action: 'unchanged', status: 'closed' });
    expect(t.status).toBe('closed');
    expect(await upsertThread(client(), opts(11, 'FG101 and FG102', true))).toMatchObject({ action: 'updated', status: 'active' });
    expect(t.status).toBe('active');
    expect(await upsertThread(client(), opts(11, 'all clear', false))).toMatchObject({ action: 'updated', status: 'fixed' });
    expect(t.status).toBe('fixed');
    expect(fake.threads(11)).toHaveLength(1);
  });

  test("mode never makes no request", async () => {
    fake.clearLog();
    expect(await upsertThread(client(), { ...opts(12, 'x', true), mode: 'never' })).toMatchObject({ action: 'skipped' });
    expect(fake.log).toHaveLength(0);
  });
});
