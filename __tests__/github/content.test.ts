import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { FakeGitHub } from '../helpers/fake-github.js';
import { createClient } from '../../src/github/client.js';
import { BlobTooLargeError, apiTree } from '../../src/github/content.js';
import { RepoTree } from '../../src/source/tree.js';

let fake: FakeGitHub;
const c = () => createClient('t', { baseUrl: fake.url, retryAfterBaseValue: 1 });

/** Deterministic binary content that is not valid UTF-8 and spans many base64 lines. */
function bytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 7;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

const ZIP = bytes(5000);
const XML = '<ImportExportXml version="9.2"><SolutionManifest><UniqueName>Core</UniqueName></SolutionManifest></ImportExportXml>';
let commit: ReturnType<FakeGitHub['addCommit']>;

beforeEach(async () => {
  fake = await FakeGitHub.start();
  commit = fake.addCommit({
    'README.md': '# hi\n',
    'solutions/Core.zip': ZIP,
    'solutions/Core/Other/Solution.xml': XML,
    'solutions/Core/Workflows/Flow-1.json': '{"properties":{}}',
  });
});
afterEach(async () => {
  await fake.close();
});

describe('apiTree', () => {
  it('lists the blobs of a commit recursively with sizes and git SHAs', async () => {
    const t = await apiTree(c(), { owner: fake.owner, repo: fake.repo, sha: commit.sha, maxBlobBytes: 1 << 20 });
    expect(t.truncated).toBe(false);
    expect(t.files.map((f) => f.path).sort()).toEqual([
      'README.md',
      'solutions/Core.zip',
      'solutions/Core/Other/Solution.xml',
      'solutions/Core/Workflows/Flow-1.json',
    ]);
    const zip = t.files.find((f) => f.path === 'solutions/Core.zip')!;
    expect(zip.size).toBe(5000);
    const gitSha = createHash('sha1').update('blob 5000\0').update(ZIP).digest('hex');
    expect(zip.sha).toBe(gitSha);
    const [req] = fake.requests('GET', '/repos/:o/:r/git/trees/:sha');
    expect(req!.query['recursive']).toBe('1');
  });

  it('reads blobs and decodes base64 (binary and text)', async () => {
    const t = await apiTree(c(), { owner: fake.owner, repo: fake.repo, sha: commit.sha, maxBlobBytes: 1 << 20 });
    const zip = await t.read('solutions/Core.zip');
    expect(zip).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(zip).equals(Buffer.from(ZIP))).toBe(true);
    expect(new TextDecoder().decode(await t.read('solutions/Core/Other/Solution.xml'))).toBe(XML);
    expect(fake.requests('GET', '/repos/:o/:r/git/blobs/:sha')).toHaveLength(2);
  });

  it('keeps only the requested files or folders', async () => {
    const t = await apiTree(c(), {
      owner: fake.owner,
      repo: fake.repo,
      sha: commit.treeSha,
      paths: ['solutions/Core', 'README.md'],
      maxBlobBytes: 1 << 20,
    });
    // 'solutions/Core' is a folder prefix: it does not take in 'solutions/Core.zip'
    expect(t.files.map((f) => f.path).sort()).toEqual([
      'README.md',
      'solutions/Core/Other/Solution.xml',
      'solutions/Core/Workflows/Flow-1.json',
    ]);
    await expect(t.read('solutions/Core.zip')).rejects.toThrow(/not in the tree/);
  });

  it('refuses a blob over the cap before downloading it, naming the file and size', async () => {
    const t = await apiTree(c(), { owner: fake.owner, repo: fake.repo, sha: commit.sha, maxBlobBytes: 4096 });
    const err = await t.read('solutions/Core.zip').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlobTooLargeError);
    expect((err as Error).message).toBe('solutions/Core.zip is 5000 bytes; files over 4096 bytes are not read through the API');
    expect(fake.requests('GET', '/repos/:o/:r/git/blobs/:sha')).toHaveLength(0);
    // smaller files still read
    expect((await t.read('README.md')).length).toBe(5);
  });

  it('passes on the API\'s truncated flag', async () => {
    const big = fake.addCommit({ 'a.txt': 'a' }, { truncated: true });
    const t = await apiTree(c(), { owner: fake.owner, repo: fake.repo, sha: big.sha, maxBlobBytes: 100 });
    expect(t.truncated).toBe(true);
  });

  it('throws the HTTP error for an unknown commit', async () => {
    await expect(apiTree(c(), { owner: fake.owner, repo: fake.repo, sha: 'f'.repeat(40), maxBlobBytes: 100 })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('plugs into RepoTree (case-insensitive lookups over API reads)', async () => {
    const t = await apiTree(c(), { owner: fake.owner, repo: fake.repo, sha: commit.sha, maxBlobBytes: 1 << 20 });
    const tree = new RepoTree(t.files, t.read);
    expect(tree.has('SOLUTIONS/core/other/solution.xml')).toBe(true);
    expect(new TextDecoder().decode(await tree.read('solutions/core/other/SOLUTION.xml'))).toBe(XML);
  });
});
