import { analysisFlag, eachFlag, emptyTargetFlags, oneOf, pathArgument, targetFlag, UsageError, type FailOn, type TargetFlags } from '../config/flags.js';
export type Format = 'json' | 'text' | 'markdown' | 'sarif';
export type { FailOn };

export interface CliArgs extends TargetFlags {
  paths: string[];
  format: Format;
  output: string | undefined;
  config: string | undefined;
  failOn: FailOn | undefined;
  failOnScope: 'new' | 'all' | undefined;
  baseRef: string | undefined;
  basePath: string | undefined;
  release: boolean;
  help: boolean;
  version: boolean;
}

export { UsageError };

const FORMATS: readonly Format[] = ['json', 'text', 'markdown', 'sarif'];

export const USAGE = `Usage: flowguard [paths...] [options]
       flowguard ci [paths...] [options]   (in an Azure Pipelines job; flowguard ci --help)

Analyses Power Platform solution exports (zips, unpacked folders) under the given paths
(default: .) and predicts canvas app <-> cloud flow integration failures.

Options:
  --format json|text|markdown|sarif   output format (default: text)
  --output FILE                       write the report to FILE instead of standard output
  --config FILE                       configuration file (default: .github/flowguard.yml when present)
  --fail-on error|warning|note|never  exit 1 when a finding at or above this severity exists (default: never)
  --fail-on-scope new|all             with a base: count only new (and changed) findings, or all (default: new)
  --base-ref REF                      compare with the merge base of REF and HEAD (git)
  --base-path PATH                    compare with an explicit base export (file or folder)
  --release                           apply the release-branch policy (live-app mitigations)

Target environment (opt-in, read-only; without --environment-url no network request is made):
  --environment-url URL               also check the Dataverse environment the release lands in
                                      (https://<org>.crm<N>.dynamics.com; token from FLOWGUARD_DATAVERSE_TOKEN,
                                      AZURE_TENANT_ID/AZURE_CLIENT_ID/AZURE_CLIENT_SECRET, federation or the Azure CLI)
  --deployment-settings FILE          the deployment settings used for that environment
  --target-timeout SECONDS            time limit of the whole target check (default 300)
  --target-request-timeout SECONDS    time limit of one request (default 30)
  --target-concurrency N              requests in flight at most, 1-16 (default 4)
  -h, --help                          show this help
  --version                           show the version

Examples:
  flowguard solutions                                  check every export under solutions/
  flowguard solutions --base-ref origin/main           only what this branch changes
  flowguard new.zip --base-path old.zip --fail-on error
  flowguard solutions --format markdown --output flowguard.md
  flowguard solutions --base-ref origin/main --environment-url https://contoso.crm.dynamics.com

Exit codes: 0 ran (and no finding reached --fail-on), 1 findings at or above --fail-on, 2 usage or fatal error.`;

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    paths: [],
    format: 'text',
    output: undefined,
    config: undefined,
    failOn: undefined,
    failOnScope: undefined,
    baseRef: undefined,
    basePath: undefined,
    release: false,
    help: false,
    version: false,
    ...emptyTargetFlags(),
  };
  eachFlag(argv, (flag, value, arg) => {
    if (analysisFlag(flag, value, args) || targetFlag(flag, value, args)) return;
    switch (flag) {
      case '--format':
        args.format = oneOf(flag, value(), FORMATS);
        break;
      case '--output':
      case '-o':
        args.output = value();
        break;
      case '--base-path':
        args.basePath = value();
        break;
      case '-h':
      case '--help':
        args.help = true;
        break;
      case '--version':
        args.version = true;
        break;
      default:
        args.paths.push(pathArgument(arg));
    }
  });
  if (args.baseRef !== undefined && args.basePath !== undefined) throw new UsageError('give --base-ref or --base-path, not both');
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}

