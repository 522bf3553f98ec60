import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeGitHub, failures } from '../helpers/fake-github.js';
import { createClient, resolveBaseUrl, type ClientOptions } from '../../src/github/client.js';

let fake: FakeGitHub;
let logs: string[];
const FILES = '/repos/:o/:r/pulls/:n/files';

function client(over: Partial<ClientOptions> = {}) {
  return createClient('secret-token', { baseUrl: fake.url, retryAfterBaseValue: 1, log: (m) => logs.push(m), ...over });
}

function listFiles(c: ReturnType<typeof client>) {
  return c.rest.pulls.listFiles({ owner: fake.owner, repo: fake.repo, pull_number: 3 });
}

beforeEach(async () => {
  fake = await FakeGitHub.start();
  fake.setPullFiles(3, [{ filename: 'a.txt', patch: '@@ -1 +1 @@\n-a\n+b' }]);
  logs = [];
});
afterEach(async () => {
  await fake.close();
});

describe('resolveBaseUrl', () => {
  it('prefers the option, then GITHUB_API_URL, then github.com, without a trailing slash', () => {
    expect(resolveBaseUrl('https://ghe.example.com/api/v3/', { GITHUB_API_URL: 'https://x' })).toBe('https://ghe.example.com/api/v3');
    expect(resolveBaseUrl(undefined, { GITHUB_API_URL: 'https://ghe.example.com/api/v3' })).toBe('https://ghe.example.com/api/v3');
    expect(resolveBaseUrl(undefined, {})).toBe('https://api.github.com');
    expect(resolveBaseUrl('  ', {})).toBe('https://api.github.com');
  });
});

describe('createClient', () => {
  it('sends the token and user agent to the base URL', async () => {
    const res = await listFiles(client({ userAgent: 'flowguard-test/1.0' }));
    expect(res.data.map((f) => f.filename)).toEqual(['a.txt']);
    const [req] = fake.requests('GET', FILES);
    expect(req!.headers['authorization']).toBe('token secret-token');
    expect(req!.headers['user-agent']).toContain('flowguard-test/1.0');
  });

  it('reads GITHUB_API_URL at call time when no baseUrl is given (GHES)', async () => {
    const saved = process.env['GITHUB_API_URL'];
    process.env['GITHUB_API_URL'] = fake.url;
    try {
      const c = createClient('t', { retryAfterBaseValue: 1 });
      await listFiles(c);
      expect(fake.requests('GET', FILES)).toHaveLength(1);
    } finally {
      if (saved === undefined) delete process.env['GITHUB_API_URL'];
      else process.env['GITHUB_API_URL'] = saved;
    }
  });

  it('retries a 502 and succeeds (two attempts in the log)', async () => {
    fake.fail('GET', FILES, failures.serverError(502));
    const res = await listFiles(client());
    expect(res.status).toBe(200);
    expect(fake.requests('GET', FILES).map((r) => r.status)).toEqual([502, 200]);
  });

  it('bounds 5xx retries', async () => {
    fake.fail('GET', FILES, failures.serverError(503, 20));
    await expect(listFiles(client({ retries: 1 }))).rejects.toMatchObject({ status: 503 });
    expect(fake.requests('GET', FILES)).toHaveLength(2);
  });

  it('does not retry 403 permission errors or 404', async () => {
    fake.fail('GET', FILES, failures.forbidden(), failures.notFound());
    await expect(listFiles(client())).rejects.toMatchObject({ status: 403 });
    await expect(listFiles(client())).rejects.toMatchObject({ status: 404 });
    expect(fake.requests('GET', FILES).map((r) => r.status)).toEqual([403, 404]);
  });

  it('retries a 429 secondary rate limit after retry-after', async () => {
    fake.fail('GET', FILES, failures.secondaryRateLimit({ status: 429, retryAfter: 3 }));
    const started = Date.now();
    // 50 ms per retry-after second: the retry must wait about 150 ms
    const res = await listFiles(client({ retryAfterBaseValue: 50 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(200);
    expect(fake.requests('GET', FILES).map((r) => r.status)).toEqual([429, 200]);
    expect(logs.join('\n')).toMatch(/secondary rate limit on GET .*retrying in 3s/);
  });

  it('retries a 403 secondary rate limit', async () => {
    fake.fail('GET', FILES, failures.secondaryRateLimit({ status: 403, retryAfter: 1 }));
    const res = await listFiles(client());
    expect(res.status).toBe(200);
    expect(fake.requests('GET', FILES).map((r) => r.status)).toEqual([403, 200]);
  });

  it('retries the primary rate limit (x-ratelimit-remaining: 0) once it resets', async () => {
    fake.fail('GET', FILES, failures.primaryRateLimit({ status: 403, resetInSeconds: 0 }));
    const res = await listFiles(client());
    expect(res.status).toBe(200);
    expect(fake.requests('GET', FILES).map((r) => r.status)).toEqual([403, 200]);
    expect(logs.join('\n')).toMatch(/primary rate limit/);
  });

  it('gives up on rate limits after a bounded number of retries', async () => {
    fake.fail('GET', FILES, failures.secondaryRateLimit({ status: 429, retryAfter: 1, times: 10 }));
    await expect(listFiles(client({ rateLimitRetries: 2 }))).rejects.toMatchObject({ status: 429 });
    expect(fake.requests('GET', FILES)).toHaveLength(3);
    expect(logs.join('\n')).toMatch(/giving up after 2 retries/);
  });

  it('does not wait for a rate-limit reset that is too far away', async () => {
    fake.fail('GET', FILES, failures.primaryRateLimit({ status: 403, resetInSeconds: 3600 }));
    await expect(listFiles(client({ maxRateLimitWaitSeconds: 60 }))).rejects.toMatchObject({ status: 403 });
    expect(fake.requests('GET', FILES)).toHaveLength(1);
    expect(logs.join('\n')).toMatch(/not waiting/);
  });

  it('times out a hanging request', async () => {
    fake.fail('GET', FILES, { status: 200, body: [], delayMs: 5000 });
    const started = Date.now();
    await expect(listFiles(client({ timeoutMs: 150, retries: 0 }))).rejects.toBeDefined();
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
