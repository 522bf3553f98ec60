import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeGitHub, failures, type FakeFileInput } from '../helpers/fake-github.js';
import { createClient } from '../../src/github/client.js';
import { compareCommits, listPullFiles } from '../../src/github/files.js';

let fake: FakeGitHub;
const c = () => createClient('t', { baseUrl: fake.url, retryAfterBaseValue: 1 });
const FILES = '/repos/:o/:r/pulls/:n/files';

function manyFiles(n: number): FakeFileInput[] {
  return Array.from({ length: n }, (_, i) => ({ filename: `src/f${String(i).padStart(4, '0')}.json`, patch: `@@ -1 +1 @@\n-a\n+${i}` }));
}

beforeEach(async () => {
  fake = await FakeGitHub.start();
});
afterEach(async () => {
  await fake.close();
});

describe('listPullFiles', () => {
  it('pages through all files, 100 per page, keeping renames and patch-less binaries', async () => {
    const files = manyFiles(248);
    files.push({ filename: 'solutions/Core.zip', status: 'modified' });
    files.push({ filename: 'src/new-name.json', status: 'renamed', previous_filename: 'src/old-name.json', patch: '@@ -1 +1 @@\n-x\n+y' });
    fake.setPullFiles(9, files);

    const res = await listPullFiles(c(), { owner: fake.owner, repo: fake.repo, pull: 9 });
    expect(res.truncated).toBe(false);
    expect(res.files).toHaveLength(250);
    expect(res.files.map((f) => f.filename)).toEqual(files.map((f) => f.filename));
    const zip = res.files.find((f) => f.filename === 'solutions/Core.zip')!;
    expect(zip.patch).toBeUndefined();
    expect(zip.status).toBe('modified');
    expect(res.files.at(-1)).toMatchObject({ status: 'renamed', previous_filename: 'src/old-name.json', additions: 1, deletions: 1, changes: 2 });
    expect(typeof res.files[0]!.sha).toBe('string');

    const reqs = fake.requests('GET', FILES);
    expect(reqs.map((r) => [r.query['per_page'], r.query['page'] ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
      ['100', '3'],
    ]);
  });

  it('reports truncation at GitHub\'s 3,000-file cap', async () => {
    fake.setPullFiles(10, manyFiles(3050));
    const res = await listPullFiles(c(), { owner: fake.owner, repo: fake.repo, pull: 10 });
    expect(res.files).toHaveLength(3000);
    expect(res.truncated).toBe(true);
    expect(fake.requests('GET', FILES)).toHaveLength(30);
  });

  it('reports truncation when fewer files come back than the event said', async () => {
    fake.setPullFiles(11, manyFiles(5));
    const res = await listPullFiles(c(), { owner: fake.owner, repo: fake.repo, pull: 11, expectedCount: 6 });
    expect(res.truncated).toBe(true);
    const ok = await listPullFiles(c(), { owner: fake.owner, repo: fake.repo, pull: 11, expectedCount: 5 });
    expect(ok.truncated).toBe(false);
  });

  it('retries a failed page', async () => {
    fake.setPullFiles(12, manyFiles(150));
    // fail() matches paths only, so a custom route fails page 2 once
    let failedOnce = false;
    fake.route('GET', '/repos/:owner/:repo/pulls/:number/files', (ctx) => {
      if (ctx.query['page'] === '2' && !failedOnce) {
        failedOnce = true;
        return failures.serverError(502);
      }
      return fake.paginate(ctx, manyFiles(150));
    });
    const res = await listPullFiles(c(), { owner: fake.owner, repo: fake.repo, pull: 12 });
    expect(res.files).toHaveLength(150);
    expect(fake.requests('GET', FILES).map((r) => `${r.query['page'] ?? '1'}:${r.status}`)).toEqual(['1:200', '2:502', '2:200']);
  });

  it('throws the HTTP error for the caller to describe', async () => {
    await expect(listPullFiles(c(), { owner: fake.owner, repo: fake.repo, pull: 404 })).rejects.toMatchObject({ status: 404 });
  });
});

describe('compareCommits', () => {
  it('returns the merge base and the changed files', async () => {
    fake.setCompare('base1', 'head1', {
      mergeBase: 'mb0',
      files: [{ filename: 'a.json', status: 'added', patch: '@@ -0,0 +1 @@\n+{}' }, { filename: 'b.json', status: 'removed' }],
      aheadBy: 2,
      behindBy: 5,
      status: 'diverged',
    });
    const res = await compareCommits(c(), { owner: fake.owner, repo: fake.repo, base: 'base1', head: 'head1' });
    expect(res).toMatchObject({ mergeBaseSha: 'mb0', status: 'diverged', aheadBy: 2, behindBy: 5, truncated: false });
    expect(res.files.map((f) => [f.filename, f.status])).toEqual([
      ['a.json', 'added'],
      ['b.json', 'removed'],
    ]);
    expect(fake.requests('GET')[0]!.path).toBe(`/repos/${fake.owner}/${fake.repo}/compare/base1...head1`);
  });

  it('flags the 300-file cap', async () => {
    fake.setCompare('b', 'h', { files: manyFiles(450) });
    const res = await compareCommits(c(), { owner: fake.owner, repo: fake.repo, base: 'b', head: 'h' });
    expect(res.files).toHaveLength(300);
    expect(res.truncated).toBe(true);
  });
});
