import { analysisFlag, eachFlag, emptyTargetFlags, oneOf, pathArgument, targetFlag, UsageError, type FailOn, type TargetFlags } from '../config/flags.js';
import type { CommentMode } from './thread.js';

export interface CiArgs extends TargetFlags {
  paths: string[];
  config: string | undefined;
  failOn: FailOn;
  failOnScope: 'new' | 'all' | undefined;
  /** Compare with this ref on builds that are not pull requests (a scheduled compare, a release gate). */
  baseRef: string | undefined;
  /** Force the release policy on (`true`) or leave it to the branch (`undefined`). */
  release: boolean | undefined;
  comment: CommentMode;
  commentKey: string | undefined;
  status: boolean;
  statusName: string;
  statusGenre: string;
  maxIssues: number;
  reportFile: string | undefined;
  sarifFile: string | undefined;
  summaryFile: string | undefined;
  help: boolean;
}

export const CI_USAGE = `Usage: flowguard ci [paths...] [options]

Runs FlowGuard as a step of an Azure Pipelines job (detected from TF_BUILD and the build's variables).
On a pull-request build it compares the merge commit with the merge base of the target branch
(fetching what a shallow checkout lacks), keeps one FlowGuard thread on the pull request up to date
and posts a pull-request status. Findings become build issues, the Markdown report the build summary,
and the step fails by the --fail-on policy.

Options:
  --fail-on error|warning|note|never  fail the step when a finding at or above this severity exists (default: error)
  --fail-on-scope new|all             count only findings the pull request introduces, or all
                                      (default: new on pull requests and with --base-ref, else all)
  --config FILE                       configuration file (default: .github/flowguard.yml when present)
  --base-ref REF                      on other builds: compare with the merge base of REF and HEAD
  --release                           apply the release-branch policy (default: by the branch and the config)
  --comment always|on-findings|never  the pull-request thread (default: on-findings)
  --comment-key KEY                   keep a separate thread per key (two pipelines on one pull request)
  --status-name NAME                  pull-request status name (default: flowguard)
  --status-genre GENRE                pull-request status genre (default: flowguard)
  --no-status                         post no pull-request status
  --max-issues N                      findings logged as build issues, worst first (default: 10)
  --report-file FILE                  JSON report (default: $(Agent.TempDirectory)/flowguard-report.json)
  --sarif-file FILE                   SARIF 2.1.0 (default: $(Agent.TempDirectory)/flowguard.sarif)
  --summary-file FILE                 Markdown build summary (default: $(Agent.TempDirectory)/FlowGuard.md)
  --environment-url URL               also check the target Dataverse environment (read-only; docs/target-check.md):
                                      token from FLOWGUARD_DATAVERSE_TOKEN, AZURE_TENANT_ID/AZURE_CLIENT_ID/AZURE_CLIENT_SECRET,
                                      a service connection (AZURESUBSCRIPTION_* with SYSTEM_ACCESSTOKEN) or the Azure CLI
  --deployment-settings FILE          the deployment settings used for that environment
  --target-timeout SECONDS            time limit of the whole target check (default 300)
  --target-request-timeout SECONDS    time limit of one request (default 30)
  --target-concurrency N              requests in flight at most, 1-16 (default 4)
  -h, --help                          show this help

The pull-request thread and status need the build's token in the step's environment
(env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)) and 'Contribute to pull requests' for the build
service on the repository; without them FlowGuard warns and still writes the summary and the result.

Exit codes: 0 ran (and no finding reached --fail-on), 1 findings at or above --fail-on, 2 usage or fatal error.`;

const COMMENT: readonly CommentMode[] = ['always', 'on-findings', 'never'];

export function parseCiArgs(argv: readonly string[]): CiArgs {
  const args: CiArgs = {
    paths: [],
    config: undefined,
    failOn: 'error',
    failOnScope: undefined,
    baseRef: undefined,
    release: undefined,
    comment: 'on-findings',
    commentKey: undefined,
    status: true,
    statusName: 'flowguard',
    statusGenre: 'flowguard',
    maxIssues: 10,
    reportFile: undefined,
    sarifFile: undefined,
    summaryFile: undefined,
    help: false,
    ...emptyTargetFlags(),
  };
  eachFlag(argv, (flag, value, arg) => {
    if (analysisFlag(flag, value, args) || targetFlag(flag, value, args)) return;
    switch (flag) {
      case '--comment':
        args.comment = oneOf(flag, value(), COMMENT);
        break;
      case '--comment-key':
        args.commentKey = value();
        break;
      case '--status-name':
        args.statusName = nonEmpty(flag, value());
        break;
      case '--status-genre':
        args.statusGenre = nonEmpty(flag, value());
        break;
      case '--no-status':
        args.status = false;
        break;
      case '--max-issues': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError(`${flag} must be a whole number (got '${v}')`);
        args.maxIssues = Number(v);
        break;
      }
      case '--report-file':
        args.reportFile = value();
        break;
      case '--sarif-file':
        args.sarifFile = value();
        break;
      case '--summary-file':
        args.summaryFile = value();
        break;
      case '-h':
      case '--help':
        args.help = true;
        break;
      default:
        args.paths.push(pathArgument(arg));
    }
  });
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}


function nonEmpty(flag: string, v: string): string {
  if (v.trim() === '') throw new UsageError(`${flag} must not be empty`);
  return v.trim().slice(0, 200);
}
