/**
 * End-to-end tests of the shipped action: `node dist/index.js` in a fresh process with a runner's
 * environment, a real git repository as the workspace and the loopback fake GitHub API.
 * Rebuild the bundle (`npm run package`) after changing src/, or these tests check the old code.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { CORPUS, PROJECT_ROOT, describeCorpus } from '../helpers/corpus.js';
import { ACTIONS_BOT, FakeGitHub, failures } from '../helpers/fake-github.js';
import { TestRepo } from '../helpers/git-repo.js';
import {
  DIST,
  FLOW_FILE,
  SOLUTION_XML,
  cleanupRuns,
  consistentFlow,
  exampleFiles,
  exampleText,
  pullRequestPayload,
  pushPayload,
  runAction,
  tempDir,
  workflowDispatchPayload,
  type ActionRun,
  type RunOptions,
} from './run-action.js';
import { extractUsageSnippet, flowGuardSteps, loadWorkflows, parseUsageSnippet, substituteOutputs } from './workflow-helpers.js';

const MARKER = '<!-- flowguard:report -->';
const SOL = 'solutions/contoso-requests';
const COMMENTS = '/repos/:owner/:repo/issues/:n/comments';

interface ReportJson {
  findings: { ruleId: string; severity: string; status?: string; location: { file: string }; evidence?: { ruleId: string }[] }[];
  counts: { error: number; warning: number; note: number; new?: number };
}

function readReport(run: ActionRun): ReportJson {
  const file = run.outputs['report-file'];
  expect(file).toBeDefined();
  expect(existsSync(file!)).toBe(true);
  return JSON.parse(readFileSync(file!, 'utf8')) as ReportJson;
}

/** The rules of the drift merged into change findings. */
function evidenceIds(report: ReportJson): string[] {
  return report.findings.flatMap((f) => (f.evidence ?? []).map((e) => e.ruleId)).sort();
}

function ruleIds(report: ReportJson, filter: (f: ReportJson['findings'][number]) => boolean = () => true): string[] {
  return report.findings.filter(filter).map((f) => f.ruleId).sort();
}

/** Outputs agree with the report file (and the report file is what the outputs point to). */
function expectOutputsMatchReport(run: ActionRun, report: ReportJson): void {
  const worst = ['error', 'warning', 'note'].find((s) => report.findings.some((f) => f.severity === s)) ?? 'none';
  expect(run.outputs).toMatchObject({
    'error-count': String(report.findings.filter((f) => f.severity === 'error').length),
    'warning-count': String(report.findings.filter((f) => f.severity === 'warning').length),
    'note-count': String(report.findings.filter((f) => f.severity === 'note').length),
    'max-severity': worst,
  });
}

function describeRun(run: ActionRun): string {
  return `exit ${run.code}${run.signal ? ` (${run.signal})` : ''}\n--- stdout\n${run.stdout.slice(-4000)}\n--- stderr\n${run.stderr.slice(-2000)}`;
}

/** Asserts the exit code, printing the run's output when it is not the expected one. */
function expectExit(run: ActionRun, code: number): void {
  if (run.code !== code) throw new Error(`expected exit code ${code}, got ${describeRun(run)}`);
}

/** The one comment of a PR with nothing to report: the marker, a short all-clear, no rule ids. */
function expectShortNote(r: ActionRun, pr: number): void {
  const [comment] = fake.comments(pr);
  const body = comment!.body;
  expect(body.startsWith(MARKER)).toBe(true);
  expect(body).toContain('no new integration problems');
  expect(body.length).toBeLessThan(2000);
  expect(body).not.toMatch(/FG\d{3}/);
  expect(r.outputs['comment-url']).toBe(comment!.html_url);
}

/**
 * A repository whose base holds `files` and whose PR branch only edits the README; returns a runner
 * for that PR with a given `comment` input. The repository is made before the describe's tests run.
 */
function readmeOnlyPullRequest(files: () => Record<string, string>): (pr: number, comment: string) => Promise<ActionRun> {
  let repo: TestRepo;
  let base: string;
  let head: string;
  beforeAll(() => {
    repo = newRepo();
    repo.write({ 'README.md': '# Docs\n', ...files() });
    base = repo.commit('base');
    repo.git('checkout', '-q', '-b', 'docs');
    repo.write({ 'README.md': '# Docs\n\nMore.\n' });
    head = repo.commit('README only');
  });
  return (pr, comment) =>
    run({
      event: 'pull_request',
      payload: pullRequestPayload({ number: pr, base: { ref: 'main', sha: base }, head: { ref: 'docs', sha: head } }),
      workspace: repo.dir,
      sha: head,
      ref: `refs/pull/${pr}/merge`,
      inputs: { comment },
    });
}

let fake: FakeGitHub;
const repos: TestRepo[] = [];

function newRepo(): TestRepo {
  const r = new TestRepo();
  repos.push(r);
  return r;
}

function run(o: Omit<RunOptions, 'apiUrl'>): Promise<ActionRun> {
  return runAction({ ...o, apiUrl: fake.url });
}

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run npm run package first`);
  fake = await FakeGitHub.start();
});

afterAll(async () => {
  await fake.close();
  for (const r of repos) r.remove();
  cleanupRuns();
});

// -------------------------------------------------------------------------------------------------

describe('pull_request with a git checkout: base consistent, head as shipped', () => {
  const PR = 11;
  let repo: TestRepo;
  let base: string;
  let head: string;
  let commentId: number;

  const prRun = (headSha: string, inputs: Record<string, string> = {}): Promise<ActionRun> =>
    run({
      event: 'pull_request',
      payload: pullRequestPayload({ number: PR, base: { ref: 'main', sha: base }, head: { ref: 'feature/due-date', sha: headSha } }),
      workspace: repo.dir,
      sha: headSha,
      ref: `refs/pull/${PR}/merge`,
      inputs,
    });

  beforeAll(() => {
    repo = newRepo();
    repo.write({ 'README.md': '# Contoso requests\n', ...exampleFiles(SOL, { [FLOW_FILE]: consistentFlow() }) });
    base = repo.commit('Contoso Requests 1.2.0.0');
    repo.git('checkout', '-q', '-b', 'feature/due-date');
    repo.write({ [`${SOL}/${FLOW_FILE}`]: exampleText(FLOW_FILE) });
    head = repo.commit('Add a due date and a notification to Submit Request');
  });

  test('run #1 posts one sticky comment, writes outputs, report, SARIF and summary, and fails on new errors', async () => {
    fake.clearLog();
    const r = await prRun(head);
    expectExit(r, 1);

    const report = readReport(r);
    // The head introduces the drift of the shipped example; nothing was there before.
    // One cause, one entry: the flow change (FG105) carries the app's drift (FG101–FG103) as evidence.
    expect(ruleIds(report, (f) => f.severity === 'error')).toEqual(['FG105', 'FG202']);
    expect(evidenceIds(report)).toEqual(['FG101', 'FG102', 'FG103']);
    expect(ruleIds(report, (f) => f.severity === 'warning')).toEqual(['FG403']);
    // Only the connection-mode note was there before: the flow's invoker connection (SharePoint) is unchanged.
    expect(report.findings.filter((f) => f.status !== 'new').map((f) => `${f.ruleId}:${f.status}`)).toEqual(['FG301:existing']);
    expectOutputsMatchReport(r, report);
    expect(r.outputs).toMatchObject({ 'error-count': '2', 'warning-count': '1', 'note-count': '1', 'new-count': '3', 'max-severity': 'error' });
    expect(r.outputs['report-file']).toBe(join(r.runnerTemp, 'flowguard-report.json'));
    expect(r.outputs['sarif-file']).toBe(join(r.runnerTemp, 'flowguard.sarif'));

    const sarif = JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8')) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results).toHaveLength(4);
    for (const res of sarif.runs[0]!.results) expect(res.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/^solutions\/contoso-requests\//);

    // Exactly one comment, by the bot, with the marker; the output points at it.
    const comments = fake.comments(PR);
    expect(comments).toHaveLength(1);
    const c = comments[0]!;
    commentId = c.id;
    expect(c.user.login).toBe(ACTIONS_BOT.login);
    expect(c.body.split('\n')[0]).toBe(MARKER);
    expect(c.body).toContain('New in this pull request (3)');
    expect(r.outputs['comment-url']).toBe(c.html_url);
    expect(fake.requests('POST', COMMENTS)).toHaveLength(1);
    expect(fake.requests('PATCH')).toHaveLength(0);
    // The token the runner passes is the one used.
    expect(fake.requests('POST', COMMENTS)[0]!.headers['authorization']).toMatch(/ghs_fake_runner_token$/);

    // The job summary holds the same report.
    expect(r.summary).toContain('New in this pull request (3)');
    expect(r.summary).toContain('FG101');

    // Annotations: new findings, on repository paths; the failure names the threshold.
    expect(r.commands('error').filter((l) => l.includes(`file=${SOL}/${FLOW_FILE}`)).length).toBeGreaterThanOrEqual(2);
    expect(r.failure).toMatch(/^FlowGuard: 2 new finding\(s\) at or above 'error'/);
  });

  test('run #2 after another push updates the same comment with PATCH, never a second POST', async () => {
    expect(commentId).toBeDefined();
    repo.write({ [`${SOL}/${SOLUTION_XML}`]: exampleText(SOLUTION_XML).replace('<Version>1.2.0.0</Version>', '<Version>1.3.0.0</Version>') });
    const head2 = repo.commit('Bump the version');
    fake.clearLog();
    const r = await prRun(head2);
    expectExit(r, 1);
    expect(r.outputs).toMatchObject({ 'error-count': '2', 'warning-count': '0', 'new-count': '2' });

    expect(fake.comments(PR)).toHaveLength(1);
    expect(fake.comments(PR)[0]!.id).toBe(commentId);
    expect(fake.comments(PR)[0]!.body).not.toContain('FG403');
    expect(fake.requests('POST', COMMENTS)).toHaveLength(0);
    const patches = fake.requests('PATCH', '/repos/:owner/:repo/issues/comments/:id');
    expect(patches.map((p) => p.path)).toEqual([`/repos/octo-org/flows/issues/comments/${commentId}`]);
    expect(r.outputs['comment-url']).toBe(fake.comments(PR)[0]!.html_url);

    // Run #3 on the same head: the body is unchanged, so nothing is sent at all.
    fake.clearLog();
    const again = await prRun(head2);
    expectExit(again, 1);
    expect(fake.requests('GET', COMMENTS)).toHaveLength(1);
    expect(fake.requests('POST')).toHaveLength(0);
    expect(fake.requests('PATCH')).toHaveLength(0);
    expect(fake.comments(PR)).toHaveLength(1);
    expect(again.outputs['comment-url']).toBe(fake.comments(PR)[0]!.html_url);
  });

  test("review 'comment' posts one review whose inline comments sit on lines of the diff", async () => {
    const pr = 12;
    const diff = repo.git('diff', base, head, '--', `${SOL}/${FLOW_FILE}`);
    const patch = diff.slice(diff.indexOf('@@'));
    fake.setPullFiles(pr, [{ filename: `${SOL}/${FLOW_FILE}`, status: 'modified', patch }]);
    fake.clearLog();
    const r = await run({
      event: 'pull_request',
      payload: pullRequestPayload({ number: pr, base: { ref: 'main', sha: base }, head: { ref: 'feature/due-date', sha: head } }),
      workspace: repo.dir,
      sha: head,
      inputs: { review: 'comment', comment: 'never' },
    });
    expectExit(r, 1);
    const posts = fake.requests('POST', '/repos/:owner/:repo/pulls/:n/reviews');
    // The fake answers 422 for a line outside the diff, as GitHub does.
    expect(posts.map((p) => p.status)).toEqual([200]);
    const review = fake.reviews(pr)[0]!;
    expect(review.state).toBe('COMMENTED');
    expect(review.commit_id).toBe(head);
    expect(review.body).toContain('<!-- flowguard:review -->');
    expect(review.comments.length).toBeGreaterThan(0);
    for (const c of review.comments) expect(c).toMatchObject({ path: `${SOL}/${FLOW_FILE}`, side: 'RIGHT' });
    expect(r.commands('warning').filter((l) => l.startsWith('::warning::'))).toEqual([]);
  });
});

// -------------------------------------------------------------------------------------------------

describe('pull_request that touches no solution', () => {
  // The base already has findings; the PR only edits the README.
  const docsRun = readmeOnlyPullRequest(() => exampleFiles(SOL));

  test("comment 'never' makes no comment request at all", async () => {
    fake.clearLog();
    const r = await docsRun(21, 'never');
    expectExit(r, 0);
    expect(r.outputs['comment-url']).toBeUndefined();
    expect(fake.requests(undefined, COMMENTS)).toHaveLength(0);
    expect(fake.comments(21)).toHaveLength(0);
    expect(r.outputs['error-count']).toBe('0');
  });

  // A PR that touches no solution reports nothing about the solutions it leaves alone, change rules included.

  test('no findings at all: every count is 0 and the summary says so', async () => {
    const r = await docsRun(24, 'never');
    expectExit(r, 0);
    expect(r.outputs).toMatchObject({ 'error-count': '0', 'warning-count': '0', 'note-count': '0', 'new-count': '0', 'max-severity': 'none' });
    expect(r.summary).toContain('no new integration problems');
  });

  test("comment 'on-findings' posts nothing", async () => {
    fake.clearLog();
    const r = await docsRun(22, 'on-findings');
    expectExit(r, 0);
    expect(fake.requests('POST')).toHaveLength(0);
    expect(fake.requests('PATCH')).toHaveLength(0);
    expect(fake.comments(22)).toHaveLength(0);
    expect(r.outputs['comment-url']).toBeUndefined();
  });

  test("comment 'always' posts a short note", async () => {
    fake.clearLog();
    const r = await docsRun(23, 'always');
    expectExit(r, 0);
    expect(fake.comments(23)).toHaveLength(1);
    expectShortNote(r, 23);
  });
});

describe('pull_request in a repository without solutions', () => {
  const docsRun = readmeOnlyPullRequest(() => ({}));

  test("comment 'on-findings' posts nothing; every count is 0", async () => {
    fake.clearLog();
    const r = await docsRun(25, 'on-findings');
    expectExit(r, 0);
    expect(r.outputs).toMatchObject({ 'error-count': '0', 'warning-count': '0', 'note-count': '0', 'new-count': '0', 'max-severity': 'none' });
    expect(fake.requests('POST')).toHaveLength(0);
    expect(fake.requests('PATCH')).toHaveLength(0);
    expect(fake.comments(25)).toHaveLength(0);
    expect(r.outputs['comment-url']).toBeUndefined();
    expect(existsSync(r.outputs['report-file']!)).toBe(true);
    expect(r.summary).toMatch(/FlowGuard: no new integration problems/);
  });

  test("comment 'always' posts a short note", async () => {
    const r = await docsRun(26, 'always');
    expectExit(r, 0);
    expect(fake.comments(26)).toHaveLength(1);
    expectShortNote(r, 26);
  });
});

// -------------------------------------------------------------------------------------------------

describe('a report larger than a comment can hold', () => {
  test('the comment is cut to at most 65,536 characters and points to the job summary, which has everything', async () => {
    const repo = newRepo();
    repo.write({ 'README.md': '# Many solutions\n' });
    const base = repo.commit('Empty');
    repo.git('checkout', '-q', '-b', 'many');
    const copies = 20;
    for (let i = 1; i <= copies; i++) repo.write(exampleFiles(`solutions/copy-${String(i).padStart(2, '0')}`));
    const head = repo.commit('Twenty solutions');
    fake.clearLog();
    const r = await run({
      event: 'pull_request',
      payload: pullRequestPayload({ number: 31, base: { ref: 'main', sha: base }, head: { ref: 'many', sha: head } }),
      workspace: repo.dir,
      sha: head,
      inputs: { 'fail-on': 'never' },
    });
    expectExit(r, 0);
    const report = readReport(r);
    // Each copy brings the shipped example's four errors and one note, all new.
    expect(report.findings.length).toBeGreaterThanOrEqual(copies * 5);
    expectOutputsMatchReport(r, report);

    const posts = fake.requests('POST', COMMENTS);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.status).toBe(201);
    const body = fake.comments(31)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toMatch(/job summary/);
    // The summary is the full report: far longer than the comment, with every solution in it.
    expect(r.summary.length).toBeGreaterThan(65_536);
    for (let i = 1; i <= copies; i++) expect(r.summary).toContain(`solutions/copy-${String(i).padStart(2, '0')}/`);
  });
});

// -------------------------------------------------------------------------------------------------

describe('reporting failures', () => {
  let repo: TestRepo;
  let base: string;
  let head: string;

  beforeAll(() => {
    repo = newRepo();
    repo.write(exampleFiles(SOL, { [FLOW_FILE]: consistentFlow() }));
    base = repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write({ [`${SOL}/${FLOW_FILE}`]: exampleText(FLOW_FILE) });
    head = repo.commit('head');
  });

  const prRun = (pr: number, inputs: Record<string, string>, headRepo?: string): Promise<ActionRun> =>
    run({
      event: 'pull_request',
      payload: pullRequestPayload({ number: pr, base: { ref: 'main', sha: base }, head: { ref: 'feature', sha: head, ...(headRepo ? { repo: headRepo } : {}) } }),
      workspace: repo.dir,
      sha: head,
      inputs,
    });

  const expectDegraded = (r: ActionRun): void => {
    // Reporting failed, everything else happened.
    const warnings = r.commands('warning').filter((l) => l.includes('pull-requests: write'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^::warning::FlowGuard could not post the PR comment/);
    expect(r.outputs['comment-url']).toBeUndefined();
    const report = readReport(r);
    expectOutputsMatchReport(r, report);
    expect(r.outputs['new-count']).toBe('3');
    expect(existsSync(r.outputs['sarif-file']!)).toBe(true);
    expect(r.summary).toContain('New in this pull request (3)');
  };

  test('a read-only token (fork PR) gets 403: summary, outputs and files are still written; the exit code comes from the findings', async () => {
    fake.setToken('ghs_read_only', { ...ACTIONS_BOT, readOnly: true });
    fake.clearLog();
    const r = await prRun(41, { 'github-token': 'ghs_read_only' }, 'octocat/flows');
    expectExit(r, 1);
    expectDegraded(r);
    expect(fake.requests('POST', COMMENTS).map((x) => x.status)).toEqual([403]);
    expect(fake.comments(41)).toHaveLength(0);
    expect(r.failure).toMatch(/^FlowGuard: 2 new finding\(s\) at or above 'error'/);
  });

  test('a 403 on the comment never fails the job by itself (fail-on never → exit 0)', async () => {
    fake.fail('POST', COMMENTS, failures.forbidden());
    fake.clearLog();
    const r = await prRun(42, { 'fail-on': 'never' });
    expectExit(r, 0);
    expectDegraded(r);
    expect(r.failure).toBeUndefined();
    expect(fake.comments(42)).toHaveLength(0);
    expect(fake.pendingFailures()).toBe(0);
  });

  test('a 502 on the comment list is retried, then the comment is posted', async () => {
    fake.fail('GET', COMMENTS, failures.serverError(502));
    fake.clearLog();
    const r = await prRun(43, {});
    expectExit(r, 1);
    expect(fake.requests('GET', COMMENTS).map((x) => x.status)).toEqual([502, 200]);
    expect(fake.requests('POST', COMMENTS).map((x) => x.status)).toEqual([201]);
    expect(fake.comments(43)).toHaveLength(1);
    // No reporting warning (the one warning annotation is the FG403 finding).
    expect(r.commands('warning').filter((l) => !l.includes('FG403'))).toEqual([]);
    expect(r.outputs['comment-url']).toBe(fake.comments(43)[0]!.html_url);
  });
});

// -------------------------------------------------------------------------------------------------

describeCorpus('push of an unmanaged solution zip', () => {
  let repo: TestRepo;
  let before: string;
  let after: string;

  beforeAll(() => {
    repo = newRepo();
    repo.write({ 'README.md': '# Rijksmuseum\n' });
    before = repo.commit('Start');
    // pnpapps-rijksmuseum/rijksmuseum.zip is an unmanaged export (Managed=0).
    repo.write({ 'solutions/rijksmuseum.zip': { from: join(CORPUS, 'pnpapps-rijksmuseum', 'rijksmuseum.zip') } });
    after = repo.commit('Export rijksmuseum');
  });

  const pushRun = (ref: string): Promise<ActionRun> =>
    run({ event: 'push', payload: pushPayload({ ref, before, after }), workspace: repo.dir, sha: after, ref });

  test('to a release branch fails with FG401 unmanaged-solution', async () => {
    fake.clearLog();
    const r = await pushRun('refs/heads/release/1.0');
    expectExit(r, 1);
    const report = readReport(r);
    const fg401 = report.findings.filter((f) => f.ruleId === 'FG401');
    expect(fg401).toHaveLength(1);
    expect(fg401[0]).toMatchObject({ severity: 'error', status: 'new', location: { file: 'solutions/rijksmuseum.zip' } });
    expect(r.stdout).toContain('(release policy)');
    expect(r.commands('error').some((l) => l.includes('FG401') && l.includes('file=solutions/rijksmuseum.zip'))).toBe(true);
    expect(r.failure).toMatch(/^FlowGuard: 1 new finding\(s\) at or above 'error'/);
    // No pull request, so no comment.
    expect(fake.requests(undefined, '/repos/:owner/:repo/issues/:n/comments')).toHaveLength(0);
  });

  test('to a feature branch does not report FG401', async () => {
    const r = await pushRun('refs/heads/feature/x');
    expectExit(r, 0);
    const report = readReport(r);
    expect(ruleIds(report)).not.toContain('FG401');
    expect(r.outputs['error-count']).toBe('0');
    expect(r.stdout).not.toContain('(release policy)');
  });
});

// -------------------------------------------------------------------------------------------------

describe('workflow_dispatch', () => {
  let repo: TestRepo;
  let clean: string;
  let shipped: string;

  beforeAll(() => {
    repo = newRepo();
    repo.write(exampleFiles(SOL, { [FLOW_FILE]: consistentFlow() }));
    clean = repo.commit('consistent');
    repo.write({ [`${SOL}/${FLOW_FILE}`]: exampleText(FLOW_FILE) });
    shipped = repo.commit('as shipped');
  });

  test('without base-ref audits everything: all findings count, fail-on-scope defaults to all', async () => {
    fake.clearLog();
    const r = await run({ event: 'workflow_dispatch', payload: workflowDispatchPayload({ ref: 'refs/heads/main' }), workspace: repo.dir, sha: shipped, ref: 'refs/heads/main' });
    expectExit(r, 1);
    const report = readReport(r);
    expect(ruleIds(report, (f) => f.severity === 'error')).toEqual(['FG101', 'FG102', 'FG103', 'FG202']);
    expect(report.findings.some((f) => f.status === 'existing')).toBe(false);
    expectOutputsMatchReport(r, report);
    expect(r.outputs['new-count']).toBe(String(report.findings.length));
    expect(r.stdout).toContain('audit run on workflow_dispatch');
    // "4 finding(s)", not "4 new finding(s)": nothing was compared.
    expect(r.failure).toMatch(/^FlowGuard: 4 finding\(s\) at or above 'error'/);
    expect(fake.log).toHaveLength(0);
  });

  test('with base-ref compares with that commit', async () => {
    const r = await run({
      event: 'workflow_dispatch',
      payload: workflowDispatchPayload({ ref: 'refs/heads/main', inputs: { 'base-ref': clean } }),
      workspace: repo.dir,
      sha: shipped,
      ref: 'refs/heads/main',
      inputs: { 'base-ref': clean },
    });
    expectExit(r, 1);
    const report = readReport(r);
    // Only the connection-mode note was there before: the flow's invoker connection (SharePoint) is unchanged.
    expect(report.findings.filter((f) => f.status !== 'new').map((f) => `${f.ruleId}:${f.status}`)).toEqual(['FG301:existing']);
    // One cause, one entry: the flow change (FG105) carries the app's drift (FG101–FG103) as evidence.
    expect(ruleIds(report, (f) => f.severity === 'error')).toEqual(['FG105', 'FG202']);
    expect(evidenceIds(report)).toEqual(['FG101', 'FG102', 'FG103']);
    expect(r.failure).toMatch(/^FlowGuard: 2 new finding\(s\)/);
  });
});

describe('workflow_dispatch in a clone like actions/checkout makes (other branches only as origin/*)', () => {
  let origin: TestRepo;
  let workspace: string;

  beforeAll(() => {
    origin = newRepo();
    origin.write(exampleFiles(SOL, { [FLOW_FILE]: consistentFlow() }));
    origin.commit('consistent');
    origin.git('checkout', '-q', '-b', 'release/1.0');
    origin.write({ [`${SOL}/${FLOW_FILE}`]: exampleText(FLOW_FILE) });
    origin.commit('as shipped');
    origin.git('checkout', '-q', 'main');
    workspace = join(tempDir('flowguard-clone-'), 'repo');
    origin.git('clone', '-q', '--no-local', origin.dir, workspace);
  });

  test('base-ref and head-ref accept branch names that exist only on the remote', async () => {
    const sha = origin.git('rev-parse', 'main').trim();
    const r = await run({
      event: 'workflow_dispatch',
      payload: workflowDispatchPayload({ ref: 'refs/heads/main', inputs: { 'base-ref': 'main', 'head-ref': 'release/1.0' } }),
      workspace,
      sha,
      ref: 'refs/heads/main',
      inputs: { 'base-ref': 'main', 'head-ref': 'release/1.0' },
    });
    expectExit(r, 1);
    const report = readReport(r);
    // One cause, one entry: the flow change (FG105) carries the app's drift (FG101–FG103) as evidence.
    expect(ruleIds(report, (f) => f.severity === 'error')).toEqual(['FG105', 'FG202']);
    expect(evidenceIds(report)).toEqual(['FG101', 'FG102', 'FG103']);
    // Only the connection-mode note was there before: the flow's invoker connection (SharePoint) is unchanged.
    expect(report.findings.filter((f) => f.status !== 'new').map((f) => `${f.ruleId}:${f.status}`)).toEqual(['FG301:existing']);
  });

  test('pull_request in a shallow clone (fetch-depth 1): the base commit is fetched, then compared with git', async () => {
    const shallow = join(tempDir('flowguard-shallow-'), 'repo');
    origin.git('clone', '-q', '--depth', '1', '--branch', 'release/1.0', `file://${origin.dir}`, shallow);
    const base = origin.git('rev-parse', 'main').trim();
    const head = origin.git('rev-parse', 'release/1.0').trim();
    fake.clearLog();
    const r = await run({
      event: 'pull_request',
      payload: pullRequestPayload({ number: 71, base: { ref: 'main', sha: base }, head: { ref: 'release/1.0', sha: head } }),
      workspace: shallow,
      sha: head,
      inputs: { comment: 'never' },
    });
    expectExit(r, 1);
    expect(r.stdout).toContain(`commit ${base} is not in the checkout; fetching it`);
    expect(r.stdout).toContain('(git)');
    // Everything came from git: no content was read through the API.
    expect(fake.requests('GET', '/repos/:owner/:repo/git/trees/:sha')).toHaveLength(0);
    const report = readReport(r);
    // One cause, one entry: the flow change (FG105) carries the app's drift (FG101–FG103) as evidence.
    expect(ruleIds(report, (f) => f.severity === 'error')).toEqual(['FG105', 'FG202']);
    expect(evidenceIds(report)).toEqual(['FG101', 'FG102', 'FG103']);
  });

  test('head-ref alone audits that branch, not the checked-out tree', async () => {
    const r = await run({
      event: 'workflow_dispatch',
      payload: workflowDispatchPayload({ ref: 'refs/heads/main', inputs: { 'head-ref': 'release/1.0' } }),
      workspace,
      sha: origin.git('rev-parse', 'main').trim(),
      ref: 'refs/heads/main',
      inputs: { 'head-ref': 'release/1.0' },
    });
    expectExit(r, 1);
    const report = readReport(r);
    expect(ruleIds(report, (f) => f.severity === 'error')).toEqual(['FG101', 'FG102', 'FG103', 'FG202']);
  });
});

// -------------------------------------------------------------------------------------------------

describe('fail-on × fail-on-scope: base with errors, head adds one warning', () => {
  let repo: TestRepo;
  let base: string;
  let head: string;

  beforeAll(() => {
    repo = newRepo();
    repo.write(exampleFiles(SOL));
    base = repo.commit('as shipped: 4 errors, 1 note');
    repo.git('checkout', '-q', '-b', 'subject');
    // A definition change that keeps the signature and the version: only FG403 (warning) is new.
    repo.write({ [`${SOL}/${FLOW_FILE}`]: exampleText(FLOW_FILE).replace('New request: ', 'New request received: ') });
    head = repo.commit('Reword the notification');
  });

  // [fail-on, fail-on-scope, exit code, failure message or undefined]
  const table: [string, string, number, string | undefined][] = [
    ['error', 'new', 0, undefined],
    ['error', 'all', 1, "FlowGuard: 4 finding(s) at or above 'error'"],
    ['warning', 'new', 1, "FlowGuard: 1 new finding(s) at or above 'warning'"],
    ['warning', 'all', 1, "FlowGuard: 5 finding(s) at or above 'warning'"],
    ['note', 'new', 1, "FlowGuard: 1 new finding(s) at or above 'note'"],
    ['note', 'all', 1, "FlowGuard: 6 finding(s) at or above 'note'"],
    ['never', 'new', 0, undefined],
    ['never', 'all', 0, undefined],
  ];

  test.each(table)('fail-on %s, fail-on-scope %s → exit %i', async (failOn, scope, code, message) => {
    const r = await run({
      event: 'pull_request',
      payload: pullRequestPayload({ number: 51, base: { ref: 'main', sha: base }, head: { ref: 'subject', sha: head } }),
      workspace: repo.dir,
      sha: head,
      inputs: { 'fail-on': failOn, 'fail-on-scope': scope, comment: 'never' },
    });
    expectExit(r, code);
    // The outputs describe the findings, whatever the policy.
    expect(r.outputs).toMatchObject({ 'error-count': '4', 'warning-count': '1', 'note-count': '1', 'new-count': '1', 'max-severity': 'error' });
    const report = readReport(r);
    expect(report.findings.filter((f) => f.status === 'new').map((f) => f.ruleId)).toEqual(['FG403']);
    if (message === undefined) expect(r.failure).toBeUndefined();
    else expect(r.failure?.startsWith(message)).toBe(true);
    // Annotations speak about what the change introduces: the one warning.
    expect(r.commands('warning').filter((l) => l.includes('FG403'))).toHaveLength(1);
    expect(r.commands('error').filter((l) => !l.startsWith('::error::'))).toEqual([]);
  });

  test('without fail-on-scope a compared run counts new findings only', async () => {
    const r = await run({
      event: 'pull_request',
      payload: pullRequestPayload({ number: 52, base: { ref: 'main', sha: base }, head: { ref: 'subject', sha: head } }),
      workspace: repo.dir,
      sha: head,
      inputs: { comment: 'never' },
    });
    expectExit(r, 0);
    expect(r.failure).toBeUndefined();
  });
});

// -------------------------------------------------------------------------------------------------

describe('invalid inputs', () => {
  test.each([
    ['fail-on', 'bogus', "input 'fail-on' must be one of error, warning, note, never (got 'bogus')"],
    ['fail-on-scope', 'everything', "input 'fail-on-scope' must be one of new, all (got 'everything')"],
    ['comment', 'sometimes', "input 'comment' must be one of always, on-findings, never (got 'sometimes')"],
    ['max-annotations', '99', "input 'max-annotations' must be a whole number from 0 to 50 (got '99')"],
    ['annotations', 'yes', "input 'annotations' must be true or false (got 'yes')"],
  ])('%s=%s fails with a message naming the input and the accepted values', async (name, value, message) => {
    const workspace = tempDir();
    fake.clearLog();
    const r = await run({ event: 'workflow_dispatch', payload: workflowDispatchPayload({ ref: 'refs/heads/main' }), workspace, inputs: { [name]: value } });
    expectExit(r, 1);
    expect(r.failure).toBe(`FlowGuard could not run: ${message}`);
    expect(r.outputs).toEqual({});
    expect(fake.log).toHaveLength(0);
  });
});

// -------------------------------------------------------------------------------------------------

describe('pull_request without a checkout: base and head through the REST API', () => {
  test('reads the trees and blobs of both commits and the PR file list, and reports like the git run', async () => {
    const workspace = tempDir('flowguard-empty-');
    const baseCommit = fake.addCommit({ 'README.md': '# Contoso\n', ...exampleFiles(SOL, { [FLOW_FILE]: consistentFlow() }) });
    const headCommit = fake.addCommit({ 'README.md': '# Contoso\n', ...exampleFiles(SOL) });
    const PR = 61;
    fake.setPullFiles(PR, [{ filename: `${SOL}/${FLOW_FILE}`, status: 'modified', sha: headCommit.blobs[`${SOL}/${FLOW_FILE}`]! }]);
    fake.clearLog();
    const r = await run({
      event: 'pull_request',
      payload: pullRequestPayload({ number: PR, base: { ref: 'main', sha: baseCommit.sha }, head: { ref: 'feature', sha: headCommit.sha } }),
      workspace,
      sha: headCommit.sha,
      ref: `refs/pull/${PR}/merge`,
    });
    expectExit(r, 1);
    expect(r.stdout).toContain('reading base and head through the REST API');
    expect(fake.requests('GET', '/repos/:owner/:repo/pulls/:n/files')).toHaveLength(1);
    const trees = fake.requests('GET', '/repos/:owner/:repo/git/trees/:sha').map((x) => x.path.split('/').pop());
    expect(trees.sort()).toEqual([baseCommit.sha, headCommit.sha].sort());
    expect(fake.requests('GET', '/repos/:owner/:repo/git/blobs/:sha').length).toBeGreaterThan(0);
    expect(fake.requests('GET', '/repos/:owner/:repo/git/blobs/:sha').every((x) => x.status === 200)).toBe(true);

    const report = readReport(r);
    // One cause, one entry: the flow change (FG105) carries the app's drift (FG101–FG103) as evidence.
    expect(ruleIds(report, (f) => f.severity === 'error')).toEqual(['FG105', 'FG202']);
    expect(evidenceIds(report)).toEqual(['FG101', 'FG102', 'FG103']);
    // Only the connection-mode note was there before: the flow's invoker connection (SharePoint) is unchanged.
    expect(report.findings.filter((f) => f.status !== 'new').map((f) => `${f.ruleId}:${f.status}`)).toEqual(['FG301:existing']);
    expectOutputsMatchReport(r, report);
    expect(r.outputs['new-count']).toBe('3');
    expect(fake.comments(PR)).toHaveLength(1);
    expect(r.summary).toContain('New in this pull request (3)');
  });
});

// -------------------------------------------------------------------------------------------------

describe('the CI self-test job (.github/workflows/ci.yml), replayed locally', () => {
  test('its shell steps and the action with its inputs pass on a push', async () => {
    const ci = loadWorkflows('.github/workflows').find((w) => w.path.endsWith('/ci.yml'));
    expect(ci).toBeDefined();
    const self = flowGuardSteps(ci!.workflow).find((s) => s.step.uses === './');
    expect(self).toBeDefined();
    const steps = self!.job.steps!;

    const repo = newRepo();
    repo.write({ 'README.md': '# FlowGuard\n' });
    const before = repo.commit('start');
    repo.write({ examples: { from: join(PROJECT_ROOT, 'examples') } });
    const after = repo.commit('examples');

    const shell = async (script: string, env: Record<string, string> = {}): Promise<void> => {
      const PATH = `${dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}`;
      await promisify(execFile)('bash', ['-e', '-c', script], { cwd: repo.dir, env: { PATH, HOME: repo.dir, ...env }, timeout: 30_000 });
    };
    // Shell steps before the action (actions/* steps are the runner's business).
    for (const step of steps.slice(0, self!.index)) if (typeof step.run === 'string') await shell(step.run);

    const inputs = Object.fromEntries(Object.entries(self!.step.with ?? {}).map(([k, v]) => [k, String(v)]));
    const r = await run({ event: 'push', payload: pushPayload({ ref: 'refs/heads/main', before, after }), workspace: repo.dir, sha: after, ref: 'refs/heads/main', inputs });
    expectExit(r, 0);
    expect(Number(r.outputs['error-count'])).toBeGreaterThan(0);

    // Shell steps after it, with their env expressions evaluated from the action's outputs.
    const outputs = { [self!.step.id!]: r.outputs };
    const later = steps.slice(self!.index + 1).filter((s) => typeof s.run === 'string');
    expect(later.length).toBeGreaterThan(0);
    for (const step of later) {
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substituteOutputs(String(v), outputs)]));
      await shell(substituteOutputs(step.run!, outputs), env);
    }
  });
});

describe('the README usage snippet, run as a workflow would run it', () => {
  test('its `with:` inputs, on a pull request that adds drift under solutions/, comment and fail the check', async () => {
    const snippet = extractUsageSnippet(readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8'));
    expect(snippet).toBeDefined();
    const [step] = flowGuardSteps(parseUsageSnippet(snippet as string).workflow);
    const inputs = Object.fromEntries(Object.entries(step?.step.with ?? {}).map(([k, v]) => [k, String(v)]));
    expect(inputs.paths).toBe('solutions');
    const repo = newRepo();
    repo.write(exampleFiles(SOL, { [FLOW_FILE]: consistentFlow() }));
    const base = repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature/readme');
    repo.write({ [`${SOL}/${FLOW_FILE}`]: exampleText(FLOW_FILE) });
    const head = repo.commit('head');
    const PR = 77;
    const r = await run({
      event: 'pull_request',
      payload: pullRequestPayload({ number: PR, base: { ref: 'main', sha: base }, head: { ref: 'feature/readme', sha: head } }),
      workspace: repo.dir,
      sha: head,
      ref: `refs/pull/${PR}/merge`,
      inputs,
    });
    expectExit(r, 1);
    expect(fake.comments(PR)).toHaveLength(1);
    expect(fake.comments(PR)[0]?.body).toContain(MARKER);
    expect(r.outputs['new-count']).not.toBe('0');
  });
});

describe('pull_request_target: the checkout is the base branch, the PR head is only read', () => {
  test('reads the head commit with git (no checkout of PR code) and reports what the PR introduces', async () => {
    const repo = newRepo();
    repo.write(exampleFiles(SOL, { [FLOW_FILE]: consistentFlow() }));
    const base = repo.commit('base');
    repo.git('checkout', '-q', '-b', 'contributor/feature');
    repo.write({ [`${SOL}/${FLOW_FILE}`]: exampleText(FLOW_FILE) });
    const head = repo.commit('head from a fork');
    repo.git('checkout', '-q', 'main');
    const PR = 88;
    const r = await run({
      event: 'pull_request_target',
      payload: pullRequestPayload({ number: PR, base: { ref: 'main', sha: base }, head: { ref: 'contributor/feature', sha: head } }),
      workspace: repo.dir,
      sha: base,
      ref: 'refs/heads/main',
      inputs: { 'fail-on': 'error' },
    });
    expectExit(r, 1);
    const report = readReport(r);
    expect(evidenceIds(report)).toContain('FG101');
    // The working tree still holds the base: nothing of the PR was checked out.
    expect(repo.git('rev-parse', 'HEAD').trim()).toBe(base);
    expect(repo.git('status', '--porcelain')).toBe('');
  });
});
