import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeGitHub, failures } from '../helpers/fake-github.js';
import { createClient } from '../../src/github/client.js';
import { buildReview, commentableLines, postReview, type ReviewFinding } from '../../src/github/review.js';

/** A three-hunk patch as GitHub's pulls/files returns it (no file headers). */
const FLOW_PATCH = [
  '@@ -3,7 +3,8 @@',
  '   "properties": {',
  '     "definition": {',
  '       "triggers": {',
  '-        "manual": {',
  '+        "manual": {',
  '+          "kind": "PowerAppV2",',
  '           "type": "Request"',
  '         }',
  '       },',
  '@@ -40,6 +41,7 @@ "actions"',
  '       "actions": {',
  '         "Respond": {',
  '           "type": "Response",',
  '+          "inputs": {},',
  '           "runAfter": {}',
  '         }',
  '       }',
  '@@ -60,3 +62,3 @@',
  '   },',
  '   "schemaVersion": "1.0.0.0"',
  '-}',
  '\\ No newline at end of file',
  '+}',
].join('\n');

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('commentableLines', () => {
  it('lists the added and context lines of every hunk on the new side', () => {
    expect([...commentableLines(FLOW_PATCH)].sort((a, b) => a - b)).toEqual([...range(3, 10), ...range(41, 47), ...range(62, 64)]);
  });

  it('excludes removed lines and lines between hunks', () => {
    const lines = commentableLines(FLOW_PATCH);
    expect(lines.has(11)).toBe(false);
    expect(lines.has(40)).toBe(false);
    expect(lines.has(48)).toBe(false);
    expect(lines.has(65)).toBe(false);
  });

  it('handles new files, deleted files, single-line hunks, a trailing newline and no patch', () => {
    expect([...commentableLines('@@ -0,0 +1,3 @@\n+a\n+b\n+c\n')]).toEqual([1, 2, 3]);
    expect(commentableLines('@@ -1,2 +0,0 @@\n-a\n-b').size).toBe(0);
    expect([...commentableLines('@@ -5 +5 @@\n-old\n+new')]).toEqual([5]);
    expect(commentableLines(undefined).size).toBe(0);
    expect(commentableLines('').size).toBe(0);
  });
});

describe('buildReview', () => {
  const files = [
    { filename: 'src/Workflows/Flow-1.json', patch: FLOW_PATCH },
    { filename: 'solutions/Core.zip' }, // binary: no patch
  ];
  const findings: ReviewFinding[] = [
    { path: 'src/Workflows/Flow-1.json', line: 7, body: 'The trigger kind changed to PowerAppV2.' },
    { path: 'src/Workflows/Flow-1.json', line: 20, body: 'Outside the diff.' },
    { path: 'solutions/Core.zip', line: 1, body: 'Inside a zip.' },
    { path: 'src/Workflows/Flow-1.json', body: 'No line.' },
    { path: './src/Workflows/Flow-1.json', line: 44, body: 'Inputs added.' },
    { path: 'not/in/the/pr.json', line: 3, body: 'Unchanged file.' },
  ];

  it('puts findings on hunk lines inline and the rest into the body', () => {
    const review = buildReview(findings, files, 'COMMENT');
    expect(review.event).toBe('COMMENT');
    expect(review.comments).toEqual([
      { path: 'src/Workflows/Flow-1.json', line: 7, side: 'RIGHT', body: 'The trigger kind changed to PowerAppV2.' },
      { path: 'src/Workflows/Flow-1.json', line: 44, side: 'RIGHT', body: 'Inputs added.' },
    ]);
    expect(review.body).toContain('FlowGuard found 6 issues.');
    expect(review.body).toContain('2 are shown inline');
    expect(review.body).toContain('`src/Workflows/Flow-1.json:20`: Outside the diff.');
    expect(review.body).toContain('`solutions/Core.zip:1`: Inside a zip.');
    expect(review.body).toContain('`src/Workflows/Flow-1.json`: No line.');
    expect(review.body).toContain('`not/in/the/pr.json:3`: Unchanged file.');
    expect(review.body).not.toContain('Inputs added.');
  });

  it('caps inline comments and moves the overflow to the body', () => {
    const many = range(3, 10).map((line) => ({ path: 'src/Workflows/Flow-1.json', line, body: `at ${line}` }));
    const review = buildReview(many, files, 'REQUEST_CHANGES', { maxInline: 3, marker: '<!-- flowguard:review -->' });
    expect(review.comments.map((c) => c.line)).toEqual([3, 4, 5]);
    expect(review.body.startsWith('<!-- flowguard:review -->')).toBe(true);
    expect(review.body).toContain('`src/Workflows/Flow-1.json:10`: at 10');
  });
});

describe('postReview', () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await FakeGitHub.start();
    fake.setPullFiles(5, [
      { filename: 'src/Workflows/Flow-1.json', patch: FLOW_PATCH },
      { filename: 'solutions/Core.zip', status: 'modified' },
    ]);
  });
  afterEach(async () => {
    await fake.close();
  });
  const c = () => createClient('t', { baseUrl: fake.url, retryAfterBaseValue: 1 });

  it('posts a review whose inline lines the API accepts', async () => {
    const review = buildReview(
      [
        { path: 'src/Workflows/Flow-1.json', line: 8, body: 'inline' },
        { path: 'solutions/Core.zip', line: 1, body: 'in body' },
      ],
      [
        { filename: 'src/Workflows/Flow-1.json', patch: FLOW_PATCH },
        { filename: 'solutions/Core.zip' },
      ],
      'COMMENT',
    );
    const res = await postReview(c(), { owner: fake.owner, repo: fake.repo, pull: 5, review, commitId: 'abc123' });
    expect(res.action).toBe('created');
    const [stored] = fake.reviews(5);
    expect(stored!.state).toBe('COMMENTED');
    expect(stored!.commit_id).toBe('abc123');
    expect(stored!.comments).toEqual([{ path: 'src/Workflows/Flow-1.json', line: 8, side: 'RIGHT', body: 'inline' }]);
    expect(stored!.body).toContain('in body');
    if (res.action === 'created') expect(res.url).toBe(stored!.html_url);
  });

  it('returns a 422 for a line outside the diff as a failure (the API is all-or-nothing)', async () => {
    const res = await postReview(c(), {
      owner: fake.owner,
      repo: fake.repo,
      pull: 5,
      review: { event: 'COMMENT', body: 'x', comments: [{ path: 'src/Workflows/Flow-1.json', line: 20, side: 'RIGHT', body: 'bad' }] },
    });
    expect(res).toMatchObject({ action: 'failed', status: 422 });
    if (res.action === 'failed') {
      expect(res.missingPermission).toBeUndefined();
      expect(res.message).toContain('PR review');
    }
    expect(fake.reviews(5)).toHaveLength(0);
  });

  it('returns 403 as a failure naming pull-requests: write', async () => {
    fake.fail('POST', '/repos/:o/:r/pulls/:n/reviews', failures.forbidden());
    const res = await postReview(c(), { owner: fake.owner, repo: fake.repo, pull: 5, review: { event: 'COMMENT', body: 'x', comments: [] } });
    expect(res).toMatchObject({ action: 'failed', status: 403, missingPermission: 'pull-requests: write' });
    if (res.action === 'failed') expect(res.message).toMatch(/could not post the PR review: the token lacks `pull-requests: write`/);
  });
});
