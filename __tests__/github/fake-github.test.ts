import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { FakeGitHub, failures } from '../helpers/fake-github.js';

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await FakeGitHub.start({ owner: 'o', repo: 'r' });
});
afterEach(async () => {
  await fake.close();
});

const get = (path: string, init?: RequestInit) => fetch(`${fake.url}${path}`, init);

describe('FakeGitHub', () => {
  it('paginates with GitHub-style Link headers (30 per page by default, at most 100)', async () => {
    for (let i = 0; i < 75; i++) fake.addComment(1, `c${i}`);
    const first = await get('/repos/o/r/issues/1/comments');
    expect(((await first.json()) as unknown[]).length).toBe(30);
    expect(first.headers.get('link')).toBe(
      `<${fake.url}/repos/o/r/issues/1/comments?per_page=30&page=2>; rel="next", <${fake.url}/repos/o/r/issues/1/comments?per_page=30&page=3>; rel="last"`,
    );
    const last = await get('/repos/o/r/issues/1/comments?per_page=30&page=3');
    expect(((await last.json()) as { body: string }[]).map((c) => c.body)).toEqual(Array.from({ length: 15 }, (_, i) => `c${60 + i}`));
    expect(last.headers.get('link')).toContain('rel="prev"');
    expect(last.headers.get('link')).not.toContain('rel="next"');
    const big = await get('/repos/o/r/issues/1/comments?per_page=500');
    expect(((await big.json()) as unknown[]).length).toBe(75);
    expect(big.headers.get('link')).toBeNull();
  });

  it('logs method, path, query, parsed body and headers', async () => {
    await get('/repos/o/r/issues/2/comments', {
      method: 'POST',
      headers: { authorization: 'token abc', 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'hello' }),
    });
    expect(fake.log).toHaveLength(1);
    expect(fake.log[0]).toMatchObject({
      method: 'POST',
      path: '/repos/o/r/issues/2/comments',
      body: { body: 'hello' },
      status: 201,
      forced: false,
      route: '/repos/:owner/:repo/issues/:number/comments',
    });
    expect(fake.log[0]!.headers['authorization']).toBe('token abc');
    expect(fake.comments(2)[0]).toMatchObject({ body: 'hello', user: { login: 'github-actions[bot]', type: 'Bot' } });
  });

  it('plays forced responses in order, each `times` times, then answers normally', async () => {
    fake.fail('GET', '/repos/:o/:r/issues/:n/comments', failures.serverError(502, 2), failures.forbidden());
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await get('/repos/o/r/issues/3/comments')).status);
    expect(statuses).toEqual([502, 502, 403, 200]);
    expect(fake.pendingFailures()).toBe(0);
    const forbidden = fake.log[2]!;
    expect(forbidden.forced).toBe(true);
    expect(await (await get('/repos/o/r/issues/3/comments')).json()).toEqual([]);
  });

  it('sends the rate-limit headers GitHub sends', async () => {
    fake.fail('GET', '/user', failures.secondaryRateLimit({ retryAfter: 7 }), failures.primaryRateLimit({ resetInSeconds: 60 }));
    const a = await get('/user');
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBe('7');
    expect(((await a.json()) as { message: string }).message).toMatch(/secondary rate limit/);
    const b = await get('/user');
    expect(b.status).toBe(403);
    expect(b.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(b.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });

  it('serves only its repository and refuses writes from read-only or missing tokens', async () => {
    expect((await get('/repos/other/r/issues/1/comments')).status).toBe(404);
    fake.setToken('ro', { login: 'github-actions[bot]', id: 1, type: 'Bot', readOnly: true });
    const post = (auth?: string) =>
      get('/repos/o/r/issues/1/comments', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: '{"body":"x"}',
      });
    const ro = await post('token ro');
    expect(ro.status).toBe(403);
    expect(await ro.json()).toMatchObject({ message: 'Resource not accessible by integration' });
    expect((await post()).status).toBe(401);
    expect(fake.comments(1)).toHaveLength(0);
  });

  it('rejects over-long comment bodies like GitHub (422)', async () => {
    const res = await get('/repos/o/r/issues/1/comments', { method: 'POST', body: JSON.stringify({ body: 'x'.repeat(65537) }), headers: { authorization: 'token t' } });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('body is too long (maximum is 65536 characters)');
  });

  it('lets a test add or override routes', async () => {
    fake.route('GET', '/repos/:owner/:repo/issues/:number/comments', ({ params }) => ({ status: 200, body: [{ n: params['number'] }] }));
    expect(await (await get('/repos/o/r/issues/42/comments')).json()).toEqual([{ n: '42' }]);
  });

  it('stops answering normally after its request budget', async () => {
    const small = await FakeGitHub.start({ maxRequests: 2 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) codes.push((await fetch(`${small.url}/repos/octo-org/flows/issues/1/comments`)).status);
      expect(codes).toEqual([200, 200, 400]);
    } finally {
      await small.close();
    }
  });

  it('close() ends pending delayed responses promptly', async () => {
    fake.fail('GET', '/user', { status: 200, body: {}, delayMs: 20_000 });
    const pending = get('/user').catch((e: unknown) => e);
    while (fake.log.length === 0) await new Promise((r) => setTimeout(r, 5));
    const started = Date.now();
    await fake.close();
    await pending;
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('serves a child process that finds it through GITHUB_API_URL (asynchronous spawn)', async () => {
    const script = `
      import { getOctokit } from '@actions/github';
      const octokit = getOctokit('child-token');
      const res = await octokit.rest.issues.createComment({ owner: 'o', repo: 'r', issue_number: 5, body: 'from child' });
      console.log(res.data.id);
    `;
    const { stdout, code } = await new Promise<{ stdout: string; code: number | null }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['--input-type=module', '-e', script],
        { cwd: process.cwd(), env: { PATH: process.env['PATH'] ?? '', GITHUB_API_URL: fake.url }, timeout: 20_000 },
        (error, out) => resolve({ stdout: out, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0 }),
      );
      child.stdin?.end();
    });
    expect(code).toBe(0);
    expect(fake.comments(5)).toHaveLength(1);
    expect(stdout.trim()).toBe(String(fake.comments(5)[0]!.id));
    expect(fake.requests('POST')[0]!.headers['authorization']).toBe('token child-token');
  });
});
