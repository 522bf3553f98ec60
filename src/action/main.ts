import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { gate, gatingFindings, worstSeverity } from '../report/gate.js';
import { renderContext } from '../report/context.js';
import { ConfigError, isReleaseBranch } from '../config/config.js';
import { addTargetCheck, loadConfig, type Analysis } from '../engine.js';
import { credentialSettingsFromEnv, type CredentialSettings } from '../target/credential.js';
import { parseEnvironmentUrl } from '../target/environment.js';
import { toAnnotations } from '../report/annotations.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarifJson } from '../report/sarif.js';
import type { Report } from '../report/types.js';
import { renderCommentBody, upsertStickyComment } from '../github/comment.js';
import { createClient, type GitHubClient } from '../github/client.js';
import { listPullFiles, type ChangedFile } from '../github/files.js';
import { buildReview, postReview } from '../github/review.js';
import { fitBytes } from '../report/fit.js';
import { isNew } from '../report/sort.js';
import type { Finding } from '../rules/types.js';
import { resolveContext, type RunContext } from './context.js';
import { InputError, readInputs, type ActionInputs } from './inputs.js';
import { analyzeForEvent } from './analyze.js';

/** The action: reads inputs and the event, analyses, reports everywhere it can, and fails by policy. Never half-crashes. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name));
    if (inputs.clientSecret) core.setSecret(inputs.clientSecret);
    // The environment URL is the workflow's: checked before anything is read, never taken from the repository.
    if (inputs.environmentUrl) parseEnvironmentUrl(inputs.environmentUrl);
    const cwd = env.GITHUB_WORKSPACE || process.cwd();
    const payload = readEvent(env.GITHUB_EVENT_PATH);
    const ctx = resolveContext(env.GITHUB_EVENT_NAME ?? '', payload, env, { baseRef: inputs.baseRef, headRef: inputs.headRef });
    const config = await loadConfig(cwd, inputs.config);
    if (inputs.releaseBranches) config.release.branches = inputs.releaseBranches;
    const release = isReleaseBranch(ctx.branch, config);
    const octokit = inputs.token ? createClient(inputs.token, { log: (m) => core.info(m) }) : undefined;
    core.info(`FlowGuard: ${ctx.kind} run on ${ctx.event || 'local'}${ctx.branch ? ` for branch ${ctx.branch}` : ''}${release ? ' (release policy)' : ''}`);

    const analysis = await analyzeForEvent({ cwd, ctx, inputs, config, release, octokit, log: (m) => core.info(m) });
    const compared = analysis.compared;
    const report = inputs.environmentUrl ? await targetCheck(cwd, env, ctx, inputs, analysis.result, config, release) : analysis.result.report;
    const scope = inputs.failOnScope ?? (compared ? 'new' : 'all');
    const rctx = renderContext(compared);

    await writeOutputs(cwd, env, inputs, report, rctx);
    await writeSummary(report, rctx);
    if (inputs.annotations) annotate(visible(report.findings, compared), inputs.maxAnnotations);
    if (octokit && ctx.kind === 'pull_request' && ctx.prNumber) {
      // Reporting to the pull request is best effort: its failures are warnings, never the job's result.
      await comment(octokit, ctx, inputs, report, rctx, compared).catch((err: Error) => core.warning(`FlowGuard could not update the PR comment: ${err.message}`));
      if (inputs.review !== 'none') {
        await review(octokit, ctx, inputs, report, compared, analysis.pullFiles).catch((err: Error) => core.warning(`FlowGuard could not post the review: ${err.message}`));
      }
    }
    const counted = gatingFindings(report.findings, inputs.failOn, scope);
    if (counted.length > 0) {
      core.setFailed(`FlowGuard: ${counted.length} ${scope === 'new' && compared ? 'new ' : ''}finding(s) at or above '${inputs.failOn}'. See the job summary for what breaks and how to fix it.`);
    }
  } catch (err) {
    const message = err instanceof InputError || err instanceof ConfigError ? err.message : `${(err as Error).message}`;
    core.setFailed(`FlowGuard could not run: ${message}`);
  }
}

/** The opt-in target check: credentials from the inputs (federation when no secret is given), every token masked. */
async function targetCheck(cwd: string, env: NodeJS.ProcessEnv, ctx: RunContext, inputs: ActionInputs, result: Analysis, config: Awaited<ReturnType<typeof loadConfig>>, release: boolean) {
  const fromEnv = credentialSettingsFromEnv(env);
  const tenantId = inputs.tenantId ?? fromEnv.tenantId;
  const clientId = inputs.appId ?? fromEnv.clientId;
  const clientSecret = inputs.clientSecret ?? fromEnv.clientSecret;
  // GitHub OIDC: available when the job grants `id-token: write` (the runner then sets ACTIONS_ID_TOKEN_REQUEST_URL).
  const oidc = !clientSecret && env.ACTIONS_ID_TOKEN_REQUEST_URL ? () => core.getIDToken('api://AzureADTokenExchange') : undefined;
  const credentials: CredentialSettings = { ...fromEnv, tenantId, clientId, clientSecret, githubIdToken: oidc, onToken: (t) => core.setSecret(t) };
  if (fromEnv.token) core.setSecret(fromEnv.token);
  const hasSecrets = Boolean(fromEnv.token || clientSecret || oidc);
  const skip = ctx.isFork && ctx.event === 'pull_request' && !hasSecrets ? "this pull request comes from a fork, and GitHub gives a fork's pull request no secrets" : undefined;
  return addTargetCheck(cwd, result, config, release, {
    environmentUrl: inputs.environmentUrl as string,
    credentials,
    deploymentSettings: inputs.deploymentSettings,
    timeout: inputs.targetTimeout,
    concurrency: inputs.targetConcurrency,
    skip,
    log: (m) => core.info(m),
  });
}

function readEvent(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** In a compared run, annotations and the review speak about what this change introduces. */
function visible(findings: Finding[], compared: boolean): Finding[] {
  return compared ? findings.filter(isNew) : findings;
}

async function writeOutputs(cwd: string, env: NodeJS.ProcessEnv, inputs: ActionInputs, report: Report, rctx: ReturnType<typeof renderContext>): Promise<void> {
  const dir = env.RUNNER_TEMP || cwd;
  const reportFile = resolvePath(cwd, inputs.reportFile || join(dir, 'flowguard-report.json'));
  const sarifFile = resolvePath(cwd, inputs.sarifFile || join(dir, 'flowguard.sarif'));
  await write(reportFile, renderJson(report));
  await write(sarifFile, renderSarifJson(report, rctx));
  core.setOutput('error-count', report.counts.error);
  core.setOutput('warning-count', report.counts.warning);
  core.setOutput('note-count', report.counts.note);
  core.setOutput('new-count', report.counts.new ?? report.findings.length);
  core.setOutput('max-severity', worstSeverity(report.findings));
  core.setOutput('report-file', reportFile);
  core.setOutput('sarif-file', sarifFile);
  core.setOutput('target-status', report.target?.status ?? '');
}

function resolvePath(cwd: string, p: string): string {
  return isAbsolute(p) ? p : join(cwd, p);
}

async function write(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

async function writeSummary(report: Report, rctx: ReturnType<typeof renderContext>): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const md = renderMarkdown(report, rctx, { maxLength: 1_000_000 });
  try {
    await core.summary.addRaw(fitBytes(md)).write({ overwrite: false });
  } catch (err) {
    core.warning(`FlowGuard could not write the job summary: ${(err as Error).message}`);
  }
}

function annotate(findings: Finding[], max: number): void {
  const { annotations, overflow } = toAnnotations(findings, max);
  for (const a of annotations) {
    const props = { title: a.title, file: a.file, ...(a.startLine ? { startLine: a.startLine } : {}) };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }
  if (overflow > 0) core.notice(`FlowGuard: ${overflow} more finding(s) are not annotated; see the job summary.`);
}

async function comment(octokit: GitHubClient, ctx: RunContext, inputs: ActionInputs, report: Report, rctx: ReturnType<typeof renderContext>, compared: boolean): Promise<void> {
  const body = renderCommentBody(report, rctx);
  const result = await upsertStickyComment(octokit, {
    owner: ctx.owner,
    repo: ctx.repo,
    issueNumber: ctx.prNumber as number,
    body,
    mode: inputs.comment,
    hasFindings: visible(report.findings, compared).length > 0 || (report.fixed?.length ?? 0) > 0,
  });
  if (result.action === 'failed') core.warning(result.message);
  else if ('url' in result) {
    core.setOutput('comment-url', result.url);
    core.info(`FlowGuard: PR comment ${result.action}: ${result.url}`);
  } else core.info(`FlowGuard: no PR comment (${result.reason}).`);
}

async function review(octokit: GitHubClient, ctx: RunContext, inputs: ActionInputs, report: Report, compared: boolean, pullFiles: ChangedFile[] | undefined): Promise<void> {
  const findings = visible(report.findings, compared);
  if (findings.length === 0) return;
  const files = pullFiles ?? (await listPullFiles(octokit, { owner: ctx.owner, repo: ctx.repo, pull: ctx.prNumber as number }).catch(() => ({ files: [] }))).files;
  const reviewFindings = findings.map((f) => {
    const file = files.find((x) => x.filename === f.location.file && !f.location.inner && /\.(json|xml)$/i.test(x.filename));
    const first = file?.patch ? firstAddedLine(file.patch) : undefined;
    return { path: f.location.file, ...(first ? { line: first } : {}), body: `**${f.severity} ${f.ruleId} ${f.rule}**: ${f.message}` };
  });
  const failing = gate(report.findings, inputs.failOn, inputs.failOnScope ?? (compared ? 'new' : 'all'));
  const event = inputs.review === 'request-changes' && failing ? 'REQUEST_CHANGES' : 'COMMENT';
  const built = buildReview(reviewFindings, files, event, { header: `FlowGuard found ${findings.length} problem(s) in this pull request. Details and fixes are in the FlowGuard comment and the job summary.`, marker: '<!-- flowguard:review -->' });
  const result = await postReview(octokit, { owner: ctx.owner, repo: ctx.repo, pull: ctx.prNumber as number, review: built, ...(ctx.headSha ? { commitId: ctx.headSha } : {}) });
  if (result.action === 'failed') core.warning(result.message);
}

function firstAddedLine(patch: string): number | undefined {
  let line = 0;
  for (const l of patch.split('\n')) {
    const h = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(l);
    if (h) {
      line = Number(h[1]);
      continue;
    }
    if (l.startsWith('+')) return line;
    if (!l.startsWith('-')) line++;
  }
  return undefined;
}

