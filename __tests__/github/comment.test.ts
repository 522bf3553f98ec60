import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeGitHub, failures } from '../helpers/fake-github.js';
import { createClient, type GitHubClient } from '../../src/github/client.js';
import {
  MARKER,
  findStickyComment,
  markerFor,
  prepareCommentBody,
  upsertStickyComment,
  type UpsertCommentOptions,
} from '../../src/github/comment.js';

const PR = 7;
let fake: FakeGitHub;
let logs: string[];

/** A new client per "run", as each workflow run builds its own. */
function client(): GitHubClient {
  return createClient('test-token', { baseUrl: fake.url, retryAfterBaseValue: 1, log: (m) => logs.push(m) });
}

function opts(over: Partial<UpsertCommentOptions> = {}): UpsertCommentOptions {
  return {
    owner: fake.owner,
    repo: fake.repo,
    issueNumber: PR,
    body: `${MARKER}\n# FlowGuard\n\n2 findings`,
    mode: 'always',
    hasFindings: true,
    ...over,
  };
}

beforeEach(async () => {
  fake = await FakeGitHub.start();
  logs = [];
});
afterEach(async () => {
  await fake.close();
});

describe('markerFor', () => {
  it('is the plain marker without a key and a distinct marker per key', () => {
    expect(markerFor()).toBe(MARKER);
    expect(markerFor('  ')).toBe(MARKER);
    expect(markerFor('release')).toBe('<!-- flowguard:report key=release -->');
    expect(markerFor('release').includes(MARKER)).toBe(false);
    // a key can never close the HTML comment early
    expect(markerFor('a --> <b>')).toBe('<!-- flowguard:report key=a-b- -->');
  });
});

describe('upsertStickyComment', () => {
  it('creates the comment on the first run and updates the same comment on the second', async () => {
    const first = await upsertStickyComment(client(), opts());
    expect(first.action).toBe('created');
    expect(fake.comments(PR)).toHaveLength(1);
    const id = fake.comments(PR)[0]!.id;
    expect(first).toMatchObject({ id, url: fake.comments(PR)[0]!.html_url });

    const second = await upsertStickyComment(client(), opts({ body: `${MARKER}\n# FlowGuard\n\n1 finding` }));
    expect(second).toMatchObject({ action: 'updated', id });
    expect(fake.comments(PR)).toHaveLength(1);
    expect(fake.comments(PR)[0]!.body).toContain('1 finding');
    expect(fake.requests('POST', '/repos/:o/:r/issues/:n/comments')).toHaveLength(1);
    expect(fake.requests('PATCH', `/repos/${fake.owner}/${fake.repo}/issues/comments/${id}`)).toHaveLength(1);
  });

  it('finds the marker comment on page 3 of 250 comments and updates it instead of duplicating', async () => {
    for (let i = 0; i < 210; i++) fake.addComment(PR, `chatter ${i}`, { login: `user${i % 7}`, type: 'User' });
    const mine = fake.addComment(PR, `${MARKER}\nold report`);
    for (let i = 0; i < 39; i++) fake.addComment(PR, `more chatter ${i}`, { login: 'octocat', type: 'User' });
    expect(fake.comments(PR)).toHaveLength(250);

    const res = await upsertStickyComment(client(), opts());
    expect(res).toMatchObject({ action: 'updated', id: mine.id });
    expect(fake.comments(PR)).toHaveLength(250);
    const pages = fake.requests('GET', '/repos/:o/:r/issues/:n/comments').map((r) => r.query['page'] ?? '1');
    expect(pages).toEqual(['1', '2', '3']);
    expect(fake.requests('GET', '/repos/:o/:r/issues/:n/comments').every((r) => r.query['per_page'] === '100')).toBe(true);
    expect(fake.findComment(mine.id)!.body).toContain('2 findings');
  });

  it('does not re-send an identical body', async () => {
    await upsertStickyComment(client(), opts());
    const again = await upsertStickyComment(client(), opts());
    expect(again.action).toBe('unchanged');
    expect(fake.requests('PATCH')).toHaveLength(0);
    expect(fake.requests('POST')).toHaveLength(1);
  });

  it('ignores a comment by another user that contains the marker', async () => {
    const hijack = fake.addComment(PR, `${MARKER}\nI quoted the marker`, { login: 'mallory', type: 'User' });
    const res = await upsertStickyComment(client(), opts());
    expect(res.action).toBe('created');
    expect(fake.comments(PR)).toHaveLength(2);
    expect(fake.findComment(hijack.id)!.body).toBe(`${MARKER}\nI quoted the marker`);
    expect(fake.requests('PATCH')).toHaveLength(0);
  });

  it('takes the newest matching comment and honours an explicit author login', async () => {
    fake.addComment(PR, `${MARKER}\nolder`);
    const newer = fake.addComment(PR, `${MARKER}\nnewer`);
    const byPat = fake.addComment(PR, `${MARKER}\nby a PAT user`, { login: 'Release-Bot-User', type: 'User' });
    const c = client();
    expect((await findStickyComment(c, { owner: fake.owner, repo: fake.repo, issueNumber: PR }))?.id).toBe(newer.id);
    expect((await findStickyComment(c, { owner: fake.owner, repo: fake.repo, issueNumber: PR, author: 'release-bot-user' }))?.id).toBe(
      byPat.id,
    );
    // an App's bot (type Bot) counts when no author is given
    const app = fake.addComment(PR, `${MARKER}\napp`, { login: 'flowguard-app[bot]', type: 'Bot' });
    expect((await findStickyComment(c, { owner: fake.owner, repo: fake.repo, issueNumber: PR }))?.id).toBe(app.id);
  });

  it('keeps one comment per key', async () => {
    const a = markerFor('dev');
    const b = markerFor('prod');
    await upsertStickyComment(client(), opts({ marker: a, body: `${a}\ndev report` }));
    await upsertStickyComment(client(), opts({ marker: b, body: `${b}\nprod report` }));
    await upsertStickyComment(client(), opts({ marker: a, body: `${a}\ndev report v2` }));
    expect(fake.comments(PR).map((c) => c.body)).toEqual([`${a}\ndev report v2`, `${b}\nprod report`]);
  });

  it('adds the marker when the body lacks it, so the next run finds the comment', async () => {
    await upsertStickyComment(client(), opts({ body: 'no marker here' }));
    expect(fake.comments(PR)[0]!.body.startsWith(`${MARKER}\n`)).toBe(true);
    const again = await upsertStickyComment(client(), opts({ body: 'no marker here' }));
    expect(again.action).toBe('unchanged');
  });

  it('fits an over-long body to 65,536 characters and keeps the marker', async () => {
    const sections = Array.from({ length: 40 }, (_, i) => `## Section ${i}\n\n${'x'.repeat(3000)}\n`).join('\n');
    const res = await upsertStickyComment(client(), opts({ body: `${MARKER}\n# Report\n\n${sections}` }));
    expect(res.action).toBe('created');
    const body = fake.comments(PR)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65536);
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toContain('more sections are in the job summary');
    expect(prepareCommentBody('short', MARKER)).toBe(`${MARKER}\nshort`);
  });

  describe('modes', () => {
    it('never: makes no API call', async () => {
      const res = await upsertStickyComment(client(), opts({ mode: 'never' }));
      expect(res.action).toBe('skipped');
      expect(fake.log).toHaveLength(0);
    });

    it('on-findings: posts nothing when there are no findings and no earlier comment', async () => {
      const res = await upsertStickyComment(client(), opts({ mode: 'on-findings', hasFindings: false }));
      expect(res.action).toBe('skipped');
      expect(fake.comments(PR)).toHaveLength(0);
      expect(fake.requests('POST')).toHaveLength(0);
    });

    it('on-findings: updates an earlier comment when the findings are gone', async () => {
      await upsertStickyComment(client(), opts({ mode: 'on-findings', hasFindings: true }));
      const res = await upsertStickyComment(
        client(),
        opts({ mode: 'on-findings', hasFindings: false, body: `${MARKER}\n✅ All findings resolved` }),
      );
      expect(res.action).toBe('updated');
      expect(fake.comments(PR)).toHaveLength(1);
      expect(fake.comments(PR)[0]!.body).toContain('resolved');
      if (res.action === 'updated') expect(res.previousBody).toContain('2 findings');
    });

    it('on-findings: leaves an already-resolved comment alone when told it had no findings', async () => {
      fake.addComment(PR, `${MARKER}\n✅ resolved in run 1`);
      const res = await upsertStickyComment(
        client(),
        opts({ mode: 'on-findings', hasFindings: false, previouslyHadFindings: false, body: `${MARKER}\n✅ resolved in run 2` }),
      );
      expect(res.action).toBe('unchanged');
      expect(fake.requests('PATCH')).toHaveLength(0);
    });
  });

  describe('failures', () => {
    it('403 on create is a typed failure naming pull-requests: write', async () => {
      fake.fail('POST', '/repos/:o/:r/issues/:n/comments', failures.forbidden());
      const res = await upsertStickyComment(client(), opts());
      expect(res).toMatchObject({ action: 'failed', status: 403, missingPermission: 'pull-requests: write' });
      if (res.action !== 'failed') throw new Error('expected a failure');
      expect(res.message).toContain('`pull-requests: write`');
      expect(res.message).toContain('fork');
      expect(res.apiMessage).toBe('Resource not accessible by integration');
      // 403 is not retried
      expect(fake.requests('POST')).toHaveLength(1);
      expect(fake.comments(PR)).toHaveLength(0);
    });

    it('a read-only token (fork PR) fails on update with issues: write for an issue target', async () => {
      fake.addComment(PR, `${MARKER}\nold`);
      fake.setToken('fork-token', { login: 'github-actions[bot]', id: 41898282, type: 'Bot', readOnly: true });
      const c = createClient('fork-token', { baseUrl: fake.url, retryAfterBaseValue: 1 });
      const res = await upsertStickyComment(c, opts({ target: 'issue' }));
      expect(res).toMatchObject({ action: 'failed', status: 403, missingPermission: 'issues: write' });
      expect(fake.comments(PR)[0]!.body).toBe(`${MARKER}\nold`);
    });

    it('404 on listing is a typed failure too', async () => {
      const res = await upsertStickyComment(client(), opts({ repo: 'not-this-repo' }));
      expect(res).toMatchObject({ action: 'failed', status: 404, missingPermission: 'pull-requests: write' });
    });

    it('502 then 200 is retried and succeeds', async () => {
      fake.fail('GET', '/repos/:o/:r/issues/:n/comments', failures.serverError(502));
      const res = await upsertStickyComment(client(), opts());
      expect(res.action).toBe('created');
      const lists = fake.requests('GET', '/repos/:o/:r/issues/:n/comments');
      expect(lists.map((r) => r.status)).toEqual([502, 200]);
      expect(fake.comments(PR)).toHaveLength(1);
    });

    it('a 502 that persists ends as a typed failure after bounded retries', async () => {
      fake.fail('GET', '/repos/:o/:r/issues/:n/comments', failures.serverError(502, 50));
      const c = createClient('t', { baseUrl: fake.url, retryAfterBaseValue: 1, retries: 2 });
      const res = await upsertStickyComment(c, opts());
      expect(res).toMatchObject({ action: 'failed', status: 502 });
      if (res.action === 'failed') expect(res.missingPermission).toBeUndefined();
      expect(fake.requests('GET')).toHaveLength(3);
    });

    // Slower (~3 s): the throttling plugin spaces notification-triggering writes of one client 3 s apart, retries included.
    it('a 429 secondary rate limit with retry-after is retried', async () => {
      fake.fail('POST', '/repos/:o/:r/issues/:n/comments', failures.secondaryRateLimit({ status: 429, retryAfter: 2 }));
      const res = await upsertStickyComment(client(), opts());
      expect(res.action).toBe('created');
      expect(fake.requests('POST').map((r) => r.status)).toEqual([429, 201]);
      expect(logs.some((m) => /secondary rate limit.*retrying in 2s/.test(m))).toBe(true);
    });

    it('a 422 (body rejected) is a failure without a permission', async () => {
      fake.fail('POST', '/repos/:o/:r/issues/:n/comments', failures.validationFailed('body is too long (maximum is 65536 characters)'));
      const res = await upsertStickyComment(client(), opts());
      expect(res).toMatchObject({ action: 'failed', status: 422 });
      if (res.action === 'failed') expect(res.missingPermission).toBeUndefined();
    });
  });
});
