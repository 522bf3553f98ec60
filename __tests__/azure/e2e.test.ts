/**
 * End-to-end tests of `flowguard ci` in Azure Pipelines: the shipped `dist/cli/index.js` in a fresh process
 * with an agent's variables, in a shallow checkout of a real git repository's pull-request merge ref, against
 * the loopback fake Azure DevOps API. Rebuild the bundle (`npm run package`) after changing src/.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { BUILD_SERVICE, FakeAzureDevOps, REVIEWER, azureFailures } from '../helpers/fake-azure-devops.js';
import { TestRepo } from '../helpers/git-repo.js';
import { FLOW_FILE, SOLUTION_XML, consistentFlow, exampleFiles, exampleText } from '../action/run-action.js';
import { CLI, agentCheckout, cleanup, makeMergeRef, runPipelineStep, type PipelineRun } from './pipeline.js';

const MARKER = '<!-- flowguard:report -->';
const SOL = 'solutions/contoso-requests';
const TOKEN = 'azp-build-token';
const READ_ONLY_TOKEN = 'azp-read-only-token';

let fake: FakeAzureDevOps;
const repos: TestRepo[] = [];

function track(r: TestRepo): TestRepo {
  repos.push(r);
  return r;
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run package first`);
  fake = await FakeAzureDevOps.start({ pageSize: 2 });
  fake.setToken(TOKEN, BUILD_SERVICE);
  fake.setToken(READ_ONLY_TOKEN, { id: 'ro-1', displayName: 'Contoso Build Service (contoso)', uniqueName: 'Build\\ro-1', readOnly: true });
});

afterAll(async () => {
  await fake.close();
  for (const r of repos) r.remove();
  cleanup();
});

/** A repository whose `main` holds the example as bound and whose `branch` ships the drifted flow. */
function originWithDrift(branch: string): { origin: TestRepo; base: string } {
  const origin = track(new TestRepo());
  origin.write({ 'README.md': '# Contoso requests\n', ...exampleFiles(SOL, { [FLOW_FILE]: consistentFlow() }) });
  const base = origin.commit('Contoso Requests 1.2.0.0');
  // The target moves on after the branch was cut: the merge base, not the tip, is what the PR is compared with.
  origin.git('checkout', '-q', '-b', branch);
  origin.write({ [`${SOL}/${FLOW_FILE}`]: exampleText(FLOW_FILE) });
  origin.commit('Add a due date and a notification to Submit Request');
  origin.git('checkout', '-q', 'main');
  origin.write({ 'docs/notes.md': 'Unrelated work on main.\n' });
  origin.commit('Notes');
  return { origin, base };
}

function prEnv(pr: number, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    BUILD_REASON: 'PullRequest',
    BUILD_BUILDID: '4242',
    BUILD_SOURCEBRANCH: `refs/pull/${pr}/merge`,
    BUILD_REPOSITORY_ID: fake.repositoryId,
    BUILD_REPOSITORY_NAME: 'flows',
    BUILD_REPOSITORY_PROVIDER: 'TfsGit',
    SYSTEM_PULLREQUEST_PULLREQUESTID: String(pr),
    SYSTEM_PULLREQUEST_SOURCEBRANCH: 'refs/heads/feature/due-date',
    SYSTEM_PULLREQUEST_TARGETBRANCH: 'refs/heads/main',
    SYSTEM_COLLECTIONURI: fake.collectionUri,
    SYSTEM_TEAMPROJECT: fake.project,
    SYSTEM_ACCESSTOKEN: TOKEN,
    ...extra,
  };
}

/** A new build of the pull request: merge ref updated, a fresh shallow checkout, the step run. */
async function prBuild(origin: TestRepo, pr: number, branch: string, o: { env?: Record<string, string | undefined>; args?: string[] } = {}): Promise<PipelineRun> {
  makeMergeRef(origin, pr, 'main', branch);
  const work = track(agentCheckout(origin, `refs/pull/${pr}/merge`));
  return runPipelineStep({ cwd: work.dir, args: o.args ?? ['solutions'], env: prEnv(pr, o.env) });
}

function describeRun(r: PipelineRun): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout.slice(-4000)}\n--- stderr\n${r.stderr.slice(-2000)}`;
}

function expectExit(r: PipelineRun, code: number): void {
  if (r.code !== code) throw new Error(`expected exit code ${code}, got ${describeRun(r)}`);
}

function summaryOf(r: PipelineRun): string {
  const uploads = r.commands('task.uploadsummary');
  expect(uploads).toHaveLength(1);
  const file = uploads[0]!.message;
  expect(file.startsWith(r.agentTemp)).toBe(true);
  return readFileSync(file, 'utf8');
}

function variable(r: PipelineRun, name: string): string | undefined {
  return r.commands('task.setvariable').find((c) => c.properties['variable'] === name)?.message;
}

// -------------------------------------------------------------------------------------------------

describe('a pull-request build: new findings, a re-run, the fix', () => {
  const PR = 7;
  const BRANCH = 'feature/due-date';
  let origin: TestRepo;
  let threadId: number;

  beforeAll(() => {
    origin = originWithDrift(BRANCH).origin;
    // Reviewers' threads come first, so FlowGuard's own thread is found only on a later page.
    fake.addThread(PR, 'Please also bump the version.');
    fake.addThread(PR, `A reviewer quoting FlowGuard: ${MARKER} is the marker`);
    fake.addThread(PR, `${MARKER} but written by the reviewer`, REVIEWER, { commentType: 'system' });
  });

  test('run #1 fails the step, logs issues, uploads the summary, creates one thread and one failed status', async () => {
    fake.clearLog();
    const r = await prBuild(origin, PR, BRANCH);
    expectExit(r, 1);

    // The shallow checkout lacked the target branch: it was fetched and the merge base found.
    expect(r.stdout).toContain("fetching the target branch 'main' (shallow checkout)");
    expect(r.stdout).toMatch(/comparing the checked-out tree with [0-9a-f]{12} \(the merge base of 'main'\)/);

    const errors = r.commands('task.logissue').filter((c) => c.properties['type'] === 'error' && c.properties['sourcepath']);
    // One cause, one entry: the app's drift (FG101–FG103) is the evidence of the flow change (FG105).
    expect(errors.map((c) => c.properties['code']).sort()).toEqual(['FG105', 'FG202']);
    for (const e of errors) {
      expect(e.properties['sourcepath']).toBe(`${SOL}/${FLOW_FILE}`);
      expect(e.properties['linenumber']).toBe('1');
    }
    // A message with ';' or a newline stays one command (escaped), and reads back whole.
    expect(errors.find((e) => e.properties['code'] === 'FG105')!.message).toMatch(/^FG105 flow-changed-app-unchanged: .*\nPredicted errors: /s);
    const complete = r.commands('task.complete');
    expect(complete).toHaveLength(1);
    expect(complete[0]!.properties['result']).toBe('Failed');
    expect(complete[0]!.message).toMatch(/^FlowGuard: 2 new finding\(s\) at or above 'error'/);

    const summary = summaryOf(r);
    expect(summary).toContain('New in this pull request (3)');
    expect(summary).toContain('FG101');
    expect(variable(r, 'FLOWGUARD_NEW_COUNT')).toBe('3');
    expect(variable(r, 'FLOWGUARD_MAX_SEVERITY')).toBe('error');
    expect(existsSync(variable(r, 'FLOWGUARD_REPORT_FILE')!)).toBe(true);

    // Threads were listed page by page, following the continuation token; one thread was created.
    const lists = fake.requests('GET', '/threads');
    expect(lists.length).toBe(2);
    expect(lists[0]!.query['continuationToken']).toBeUndefined();
    expect(lists[1]!.query['continuationToken']).toBe('page-2');
    expect(fake.requests('POST', '/threads')).toHaveLength(1);
    const ours = fake.threads(PR).filter((t) => t.comments[0]!.content.startsWith(MARKER) && t.comments[0]!.author.id === BUILD_SERVICE.id);
    expect(ours).toHaveLength(1);
    threadId = ours[0]!.id;
    expect(ours[0]!.status).toBe('active');
    expect(ours[0]!.comments[0]!.content).toContain('New in this pull request (3)');
    // The reviewers' threads are untouched.
    expect(fake.requests('PATCH')).toHaveLength(0);

    const statuses = fake.statuses(PR);
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toMatchObject({ state: 'failed', context: { name: 'flowguard', genre: 'flowguard' } });
    expect(statuses[0]!.targetUrl).toBe(`${fake.collectionUri}Power%20Platform/_build/results?buildId=4242`);
    for (const req of fake.log) {
      expect(req.headers['authorization']).toBe(`Bearer ${TOKEN}`);
      expect(req.query['api-version']).toBe('7.1');
    }
  });

  test('run #2 after another push updates the same thread in place and posts one more status; run #3 changes nothing', async () => {
    expect(threadId).toBeDefined();
    origin.git('checkout', '-q', BRANCH);
    origin.write({ [`${SOL}/${SOLUTION_XML}`]: exampleText(SOLUTION_XML).replace('<Version>1.2.0.0</Version>', '<Version>1.3.0.0</Version>') });
    origin.commit('Bump the version');
    origin.git('checkout', '-q', 'main');
    fake.clearLog();
    const r = await prBuild(origin, PR, BRANCH);
    expectExit(r, 1);
    expect(fake.requests('POST', '/threads')).toHaveLength(0);
    const patches = fake.requests('PATCH', '/threads/:t/comments/:c');
    expect(patches.map((p) => p.path)).toEqual([expect.stringMatching(new RegExp(`/threads/${threadId}/comments/1$`))]);
    const thread = fake.threads(PR).find((t) => t.id === threadId)!;
    expect(thread.comments[0]!.content).not.toContain('FG403');
    expect(thread.comments[0]!.content).toContain('New in this pull request (2)');
    expect(thread.status).toBe('active');
    expect(fake.statuses(PR)).toHaveLength(2);
    expect(fake.statuses(PR)[1]).toMatchObject({ state: 'failed' });

    // The same head again: the thread already says it all.
    fake.clearLog();
    const again = await prBuild(origin, PR, BRANCH);
    expectExit(again, 1);
    expect(fake.requests('PATCH')).toHaveLength(0);
    expect(fake.requests('POST', '/threads')).toHaveLength(0);
    expect(fake.requests('POST', '/statuses')).toHaveLength(1);
    expect(fake.threads(PR).filter((t) => t.comments[0]!.author.id === BUILD_SERVICE.id)).toHaveLength(1);
  });

  test('run #4 after the fix resolves the thread (status fixed), posts succeeded and passes', async () => {
    origin.git('checkout', '-q', BRANCH);
    origin.write({ [`${SOL}/${FLOW_FILE}`]: consistentFlow() });
    origin.commit('Re-bind: keep the flow as the app knows it');
    origin.git('checkout', '-q', 'main');
    fake.clearLog();
    const r = await prBuild(origin, PR, BRANCH);
    expectExit(r, 0);
    expect(r.commands('task.complete')).toHaveLength(0);
    expect(r.commands('task.logissue').filter((c) => c.properties['type'] === 'error')).toHaveLength(0);
    const thread = fake.threads(PR).find((t) => t.id === threadId)!;
    expect(thread.status).toBe('fixed');
    expect(thread.comments[0]!.content.startsWith(MARKER)).toBe(true);
    expect(thread.comments[0]!.content).toContain('no new integration problems');
    expect(thread.comments[0]!.content).not.toMatch(/FG10\d/);
    expect(fake.requests('PATCH', '/threads/:t')).toHaveLength(1);
    expect(fake.requests('PATCH', '/threads/:t')[0]!.body).toEqual({ status: 'fixed' });
    expect(fake.statuses(PR).at(-1)).toMatchObject({ state: 'succeeded', context: { name: 'flowguard', genre: 'flowguard' } });
    expect(summaryOf(r)).toContain('no new integration problems');
  });
});

// -------------------------------------------------------------------------------------------------

describe('a token that may not write, or none', () => {
  const BRANCH = 'feature/due-date';
  let origin: TestRepo;

  beforeAll(() => {
    origin = originWithDrift(BRANCH).origin;
  });

  const expectDegraded = (r: PipelineRun, warning: RegExp): void => {
    expectExit(r, 1);
    const warnings = r.commands('task.logissue').filter((c) => c.properties['type'] === 'warning' && !c.properties['sourcepath']);
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(warning)]);
    expect(warnings[0]!.message).toContain("'Contribute to pull requests'");
    expect(warnings[0]!.message).toContain('The build summary, the issues and the result of this step were still written.');
    expect(summaryOf(r)).toContain('New in this pull request (3)');
    expect(r.commands('task.complete')[0]!.properties['result']).toBe('Failed');
    expect(r.commands('task.logissue').filter((c) => c.properties['type'] === 'error' && c.properties['code'])).toHaveLength(2);
  };

  test('a read-only token (403): one warning naming the permission; the summary and the failed result stand', async () => {
    fake.clearLog();
    const r = await prBuild(origin, 21, BRANCH, { env: { SYSTEM_ACCESSTOKEN: READ_ONLY_TOKEN } });
    expectDegraded(r, /HTTP 403.*TF401027/);
    expect(fake.requests('POST', '/threads').map((q) => q.status)).toEqual([403]);
    // The status would be refused the same way: not tried.
    expect(fake.requests('POST', '/statuses')).toHaveLength(0);
    expect(fake.threads(21)).toHaveLength(0);
  });

  test('a rejected token (401)', async () => {
    fake.clearLog();
    const r = await prBuild(origin, 22, BRANCH, { env: { SYSTEM_ACCESSTOKEN: 'expired' } });
    expectDegraded(r, /the access token was rejected \(HTTP 401\)/);
    expect(fake.requests('POST')).toHaveLength(0);
  });

  test('no SYSTEM_ACCESSTOKEN mapped (or left as the macro): no request at all', async () => {
    fake.clearLog();
    const r = await prBuild(origin, 23, BRANCH, { env: { SYSTEM_ACCESSTOKEN: '$(System.AccessToken)' } });
    expectDegraded(r, /SYSTEM_ACCESSTOKEN is not set/);
    expect(fake.log).toHaveLength(0);
  });

  test('a read-only token on a clean pull request: exit 0 and a passing summary', async () => {
    const clean = track(new TestRepo());
    clean.write({ 'README.md': '# x\n', ...exampleFiles(SOL, { [FLOW_FILE]: consistentFlow() }) });
    clean.commit('base');
    clean.git('checkout', '-q', '-b', 'docs');
    clean.write({ 'README.md': '# x\n\nMore.\n' });
    clean.commit('docs');
    clean.git('checkout', '-q', 'main');
    const r = await prBuild(clean, 24, 'docs', { env: { SYSTEM_ACCESSTOKEN: READ_ONLY_TOKEN }, args: ['solutions', '--comment', 'always'] });
    expectExit(r, 0);
    expect(r.commands('task.complete')).toHaveLength(0);
    expect(summaryOf(r)).toContain('no new integration problems');
    expect(r.commands('task.logissue').map((c) => [c.properties['type'], c.message.slice(0, 40)])).toEqual([['warning', 'FlowGuard could not create the pull requ']]);
  });
});

// -------------------------------------------------------------------------------------------------

describe('server errors', () => {
  const BRANCH = 'feature/due-date';
  let origin: TestRepo;

  beforeAll(() => {
    origin = originWithDrift(BRANCH).origin;
  });

  test('a 503 listing threads, a 502 creating the thread and a 500 posting the status are retried: one thread, one status', async () => {
    const PR = 31;
    const root = `/${fake.org}/${fake.project}/_apis/git/repositories/${fake.repositoryId}/pullRequests/${PR}`;
    fake.fail('GET', `${root}/threads`, azureFailures.serverError(503));
    fake.fail('POST', `${root}/threads`, azureFailures.serverError(502));
    fake.fail('POST', `${root}/statuses`, azureFailures.serverError(500));
    fake.clearLog();
    const r = await prBuild(origin, PR, BRANCH);
    expectExit(r, 1);
    expect(fake.pendingFailures()).toBe(0);
    expect(fake.requests('GET', '/threads').map((q) => q.status)).toEqual([503, 200, 200]);
    expect(fake.requests('POST', '/threads').map((q) => q.status)).toEqual([502, 200]);
    expect(fake.requests('POST', '/statuses').map((q) => q.status)).toEqual([500, 200]);
    expect(fake.threads(PR)).toHaveLength(1);
    expect(fake.statuses(PR)).toHaveLength(1);
    expect(r.stdout).toMatch(/answered HTTP 503; retrying in \d+ ms/);
    expect(r.commands('task.logissue').filter((c) => c.properties['type'] === 'warning' && !c.properties['sourcepath'])).toHaveLength(0);
  });

  test('an API that keeps failing is given up after a bounded number of attempts; the result still stands', async () => {
    const PR = 32;
    const root = `/${fake.org}/${fake.project}/_apis/git/repositories/${fake.repositoryId}/pullRequests/${PR}`;
    const down = { ...azureFailures.serverError(503, 20), headers: { 'retry-after': '0' } };
    fake.fail('GET', `${root}/threads`, down);
    fake.fail('POST', `${root}/statuses`, down);
    fake.clearLog();
    const r = await prBuild(origin, PR, BRANCH);
    expectExit(r, 1);
    expect(fake.requests('GET', '/threads')).toHaveLength(4);
    expect(fake.requests('POST', '/statuses')).toHaveLength(4);
    const warnings = r.commands('task.logissue').filter((c) => c.properties['type'] === 'warning' && !c.properties['sourcepath']);
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/read the pull request threads: HTTP 503/), expect.stringMatching(/post the pull request status: HTTP 503/)]);
    expect(summaryOf(r)).toContain('FG101');
  });
});

// -------------------------------------------------------------------------------------------------

describe('builds that are not pull requests', () => {
  test('a CI build of a release branch audits the tree with the release policy and talks to no API', async () => {
    const repo = track(new TestRepo());
    repo.write(exampleFiles(SOL));
    repo.commit('Export');
    fake.clearLog();
    const r = await runPipelineStep({
      cwd: repo.dir,
      args: ['solutions', '--fail-on', 'warning'],
      env: { BUILD_REASON: 'IndividualCI', BUILD_SOURCEBRANCH: 'refs/heads/release/2.0', SYSTEM_COLLECTIONURI: fake.collectionUri, SYSTEM_TEAMPROJECT: fake.project, SYSTEM_ACCESSTOKEN: TOKEN },
    });
    expectExit(r, 1);
    expect(r.stdout).toContain("IndividualCI of 'release/2.0' (release policy)");
    expect(fake.log).toHaveLength(0);
    expect(summaryOf(r)).toContain('FG101');
    expect(r.commands('task.complete')[0]!.properties['result']).toBe('Failed');
  });

  test('outside Azure Pipelines, flowguard ci refuses with exit 2', async () => {
    const r = await runPipelineStep({ cwd: process.cwd(), args: [], env: { TF_BUILD: undefined } });
    expectExit(r, 2);
    expect(r.stderr).toContain('no Azure Pipelines job found');
  });
});
