/**
 * `flowguard ci`: FlowGuard as a step of an Azure Pipelines job. Analyses (a pull request against the
 * merge base of its target branch, else the checked-out tree or `--base-ref`), writes the JSON and SARIF
 * reports and the Markdown build summary, logs findings as build issues, keeps the pull request's
 * FlowGuard thread and status up to date, and fails the step by the `--fail-on` policy.
 * Reporting to the pull request is best effort: its failures are warnings, never the step's result.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { UsageError } from '../config/flags.js';
import { gatingFindings, worstSeverity } from '../report/gate.js';
import { ConfigError, isReleaseBranch } from '../config/config.js';
import { addTargetCheck, analyze, analyzeChange, BaseError, loadConfig, type Analysis } from '../engine.js';
import { credentialSettingsFromEnv } from '../target/credential.js';
import { EnvironmentUrlError, parseEnvironmentUrl } from '../target/environment.js';
import { markerFor } from '../report/marker.js';
import { fitBytes } from '../report/fit.js';
import { isNew } from '../report/sort.js';
import { renderContext } from '../report/context.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarifJson } from '../report/sarif.js';
import type { Report } from '../report/types.js';
import type { Finding } from '../rules/types.js';
import { CI_USAGE, parseCiArgs, type CiArgs } from './args.js';
import { pullRequestBase } from './base.js';
import { AzureDevOpsClient } from './client.js';
import { buildUrl, isAzureRepos, isPullRequestBuild, pullRequestApi, readAzureEnv, type AzurePipelineEnv } from './env.js';
import { complete, findingIssues, logIssue, plainLine, setVariable, uploadSummary } from './logging.js';
import { missingTokenMessage, postStatus, upsertThread } from './thread.js';

export interface CiIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** Runs `flowguard ci`; returns the exit code (0 ran, 1 findings at or above --fail-on, 2 usage or fatal error). */
export async function runCi(argv: readonly string[], io: CiIo): Promise<number> {
  let args: CiArgs;
  try {
    args = parseCiArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`flowguard ci: ${err.message}\n\n${CI_USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (args.help) {
    io.stdout(`${CI_USAGE}\n`);
    return 0;
  }
  const az = readAzureEnv(io.env ?? process.env);
  if (!az) {
    io.stderr('flowguard ci: no Azure Pipelines job found (TF_BUILD is not True). Outside a pipeline, run flowguard without "ci"; on GitHub, use the FlowGuard action.\n');
    return 2;
  }
  const line = (text: string): void => io.stdout(`${text}\n`);
  const log = (text: string): void => line(plainLine(text));
  try {
    if (args.environmentUrl !== undefined) parseEnvironmentUrl(args.environmentUrl);
    return await ci(args, az, io.cwd, line, log, io.env ?? process.env);
  } catch (err) {
    const message = err instanceof ConfigError || err instanceof BaseError || err instanceof EnvironmentUrlError ? err.message : (err as Error).message;
    line(logIssue('error', `FlowGuard could not run: ${message}`));
    line(complete('Failed', 'FlowGuard could not run'));
    return 2;
  }
}

async function ci(args: CiArgs, az: AzurePipelineEnv, cwd: string, line: (t: string) => void, log: (t: string) => void, env: NodeJS.ProcessEnv): Promise<number> {
  const config = await loadConfig(cwd, args.config);
  const pr = isPullRequestBuild(az);
  const branch = pr ? az.targetBranch : az.sourceBranch;
  const release = args.release ?? isReleaseBranch(branch, config);
  log(`FlowGuard: Azure Pipelines ${az.buildReason || 'build'}${pr ? ` of pull request ${az.pullRequestId} into '${az.targetBranch}'` : branch ? ` of '${branch}'` : ''}${release ? ' (release policy)' : ''}`);

  const { analysis, compared } = await analyse(args, az, cwd, config, release, log);
  const environmentUrl = args.environmentUrl ?? (env.FLOWGUARD_ENVIRONMENT_URL?.trim() || undefined);
  // A pull request from a fork gets no secrets in Azure Pipelines (System.PullRequest.IsFork).
  const fork = pr && /^true$/i.test(env.SYSTEM_PULLREQUEST_ISFORK ?? '');
  const report = environmentUrl
    ? await addTargetCheck(cwd, analysis, config, release, {
        environmentUrl,
        credentials: credentialSettingsFromEnv(env),
        deploymentSettings: args.deploymentSettings,
        concurrency: args.targetConcurrency,
        requestTimeout: args.targetRequestTimeout,
        timeout: args.targetTimeout,
        skip: fork ? 'this pull request comes from a fork, and a fork\'s build gets no secrets' : undefined,
        log,
      })
    : analysis.report;
  const rctx = renderContext(compared);
  const scope = args.failOnScope ?? (compared ? 'new' : 'all');
  const visible = compared ? report.findings.filter(isNew) : report.findings;

  // Files first: everything after this may fail without losing the report.
  const reportFile = resolvePath(cwd, args.reportFile ?? join(az.tempDir, 'flowguard-report.json'));
  const sarifFile = resolvePath(cwd, args.sarifFile ?? join(az.tempDir, 'flowguard.sarif'));
  const summaryFile = resolvePath(cwd, args.summaryFile ?? join(az.tempDir, 'FlowGuard.md'));
  await write(reportFile, renderJson(report));
  await write(sarifFile, renderSarifJson(report, rctx));
  await write(summaryFile, fitBytes(renderMarkdown(report, rctx, { maxLength: 1_000_000, fullReportHint: `the JSON report (${reportFile})` })));
  line(uploadSummary(summaryFile));
  for (const l of findingIssues(visible, args.maxIssues).lines) line(l);
  variables(line, report, reportFile, sarifFile);

  const counted = gatingFindings(report.findings, args.failOn, scope);
  const failing = counted.length > 0;
  if (pr) await reportToPullRequest(args, az, report, rctx, visible, failing, counted, compared, line, log);

  if (failing) {
    const what = `FlowGuard: ${counted.length} ${scope === 'new' && compared ? 'new ' : ''}finding(s) at or above '${args.failOn}'. See the FlowGuard build summary for what breaks and how to fix it.`;
    line(logIssue('error', what));
    line(complete('Failed', what));
    return 1;
  }
  log(`FlowGuard: ${visible.length === 0 ? 'no' : visible.length} ${compared ? 'new ' : ''}finding(s)${args.failOn === 'never' ? '' : `; none at or above '${args.failOn}'`}.`);
  return 0;
}

async function analyse(
  args: CiArgs,
  az: AzurePipelineEnv,
  cwd: string,
  config: Awaited<ReturnType<typeof loadConfig>>,
  release: boolean,
  log: (t: string) => void,
): Promise<{ analysis: Analysis; compared: boolean }> {
  const options = { cwd, paths: args.paths, config, release };
  if (args.baseRef !== undefined) {
    return { analysis: await analyzeChange({ ...options, base: { ref: args.baseRef } }), compared: true };
  }
  if (isPullRequestBuild(az)) {
    // The build's token is for Azure Repos: never sent to a GitHub or Bitbucket remote.
    const base = await pullRequestBase(cwd, az.targetBranch as string, isAzureRepos(az) ? az.token : undefined, log);
    if (!base) throw new BaseError(`the target branch '${az.targetBranch}' is not in the checkout and cannot be fetched from origin (check out with fetchDepth: 0, or persistCredentials: true)`);
    log(`FlowGuard: comparing the checked-out tree with ${base.commit.slice(0, 12)} (${base.isMergeBase ? 'the merge base' : 'the tip'} of '${az.targetBranch}')`);
    return { analysis: await analyzeChange({ ...options, base: { ref: base.commit } }), compared: true };
  }
  return { analysis: await analyze(options), compared: false };
}

async function reportToPullRequest(
  args: CiArgs,
  az: AzurePipelineEnv,
  report: Report,
  rctx: ReturnType<typeof renderContext>,
  visible: Finding[],
  failing: boolean,
  counted: Finding[],
  compared: boolean,
  line: (t: string) => void,
  log: (t: string) => void,
): Promise<void> {
  if (args.comment === 'never' && !args.status) return;
  if (!isAzureRepos(az)) {
    log(`FlowGuard: the repository is on ${az.repositoryProvider}, not Azure Repos; no pull-request thread or status (see the build summary).`);
    return;
  }
  const prApi = pullRequestApi(az);
  if (!prApi) {
    line(logIssue('warning', 'FlowGuard could not update the pull request: SYSTEM_COLLECTIONURI, SYSTEM_TEAMPROJECT or BUILD_REPOSITORY_ID is not set. The build summary and the result of this step were still written.'));
    return;
  }
  if (!az.token) {
    line(logIssue('warning', missingTokenMessage(az.repositoryName)));
    return;
  }
  const client = new AzureDevOpsClient({ token: az.token, log });
  const marker = markerFor(args.commentKey);
  const fixed = report.fixed?.length ?? 0;
  const thread = await upsertThread(client, {
    prApi,
    marker,
    content: renderMarkdown(report, rctx, { marker, fullReportHint: 'the FlowGuard summary of the build' }),
    mode: args.comment,
    hasFindings: visible.length > 0,
    worthPosting: visible.length > 0 || fixed > 0,
    ...(az.repositoryName ? { repository: az.repositoryName } : {}),
    log,
  });
  if (thread.action === 'failed') line(logIssue('warning', thread.message));
  else if (thread.action === 'skipped') log(`FlowGuard: no pull-request thread (${thread.reason}).`);
  else log(`FlowGuard: pull-request thread ${thread.threadId} ${thread.action} (${thread.status}).`);
  // A token that may not write threads may not write statuses either: one warning is enough.
  if (!args.status || (thread.action === 'failed' && [401, 403].includes(thread.status))) return;
  const url = buildUrl(az);
  const status = await postStatus(client, {
    prApi,
    state: failing ? 'failed' : 'succeeded',
    description: failing
      ? `${counted.length} ${compared ? 'new ' : ''}finding(s) at or above ${args.failOn}`
      : visible.length > 0
        ? `${visible.length} ${compared ? 'new ' : ''}finding(s), none at or above ${args.failOn}`
        : `No ${compared ? 'new ' : ''}integration problems`,
    name: args.statusName,
    genre: args.statusGenre,
    ...(url ? { targetUrl: url } : {}),
    ...(az.repositoryName ? { repository: az.repositoryName } : {}),
  });
  if (status.action === 'failed') line(logIssue('warning', status.message));
  else log(`FlowGuard: pull-request status ${args.statusGenre}/${args.statusName}: ${failing ? 'failed' : 'succeeded'}.`);
}

function variables(line: (t: string) => void, report: Report, reportFile: string, sarifFile: string): void {
  line(setVariable('FLOWGUARD_ERROR_COUNT', report.counts.error));
  line(setVariable('FLOWGUARD_WARNING_COUNT', report.counts.warning));
  line(setVariable('FLOWGUARD_NOTE_COUNT', report.counts.note));
  line(setVariable('FLOWGUARD_NEW_COUNT', report.counts.new ?? report.findings.length));
  line(setVariable('FLOWGUARD_MAX_SEVERITY', worstSeverity(report.findings)));
  line(setVariable('FLOWGUARD_REPORT_FILE', reportFile));
  line(setVariable('FLOWGUARD_SARIF_FILE', sarifFile));
}

function resolvePath(cwd: string, p: string): string {
  return isAbsolute(p) ? p : join(cwd, p);
}

async function write(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
