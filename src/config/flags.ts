/** A command line that cannot be run as given: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/**
 * Walks a command line: calls `on` with each argument's flag (`--x` of `--x=v` too), a function that
 * takes the flag's value (inline after `=`, else the next argument), and the argument as written.
 */
export function eachFlag(argv: readonly string[], on: (flag: string, value: () => string, arg: string) => void): void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    on(
      flag,
      () => {
        if (inline !== undefined) return inline;
        const next = argv[++i];
        if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
        return next;
      },
      arg,
    );
  }
}

export function oneOf<T extends string>(flag: string, v: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got '${v}')`);
}

/** An option given where paths go: refused rather than read as a path. */
export function pathArgument(arg: string): string {
  if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
  return arg;
}

export type FailOn = 'error' | 'warning' | 'note' | 'never';
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'note', 'never'];

/** The analysis options `flowguard` and `flowguard ci` share (each command has its own defaults). */
export interface AnalysisFlags {
  config: string | undefined;
  failOn: FailOn | undefined;
  failOnScope: 'new' | 'all' | undefined;
  baseRef: string | undefined;
  release: boolean | undefined;
}

/** Reads `flag` into `args` when it is one of the shared analysis options; false when it is not. */
export function analysisFlag(flag: string, value: () => string, args: AnalysisFlags): boolean {
  switch (flag) {
    case '--config':
      args.config = value();
      return true;
    case '--fail-on':
      args.failOn = oneOf(flag, value(), FAIL_ON);
      return true;
    case '--fail-on-scope':
      args.failOnScope = oneOf(flag, value(), ['new', 'all'] as const);
      return true;
    case '--base-ref':
      args.baseRef = value();
      return true;
    case '--release':
      args.release = true;
      return true;
    default:
      return false;
  }
}

/** The target-environment options `flowguard` and `flowguard ci` share (docs/target-check.md). */
export interface TargetFlags {
  environmentUrl: string | undefined;
  deploymentSettings: string | undefined;
  targetTimeout: number | undefined;
  targetRequestTimeout: number | undefined;
  targetConcurrency: number | undefined;
}

export function emptyTargetFlags(): TargetFlags {
  return { environmentUrl: undefined, deploymentSettings: undefined, targetTimeout: undefined, targetRequestTimeout: undefined, targetConcurrency: undefined };
}

/** Reads `flag` into `args` when it is a target option; false when it is not. */
export function targetFlag(flag: string, value: () => string, args: TargetFlags): boolean {
  switch (flag) {
    case '--environment-url':
      args.environmentUrl = value();
      return true;
    case '--deployment-settings':
      args.deploymentSettings = value();
      return true;
    case '--target-timeout':
      args.targetTimeout = wholeNumber(flag, value(), 1, 3600);
      return true;
    case '--target-request-timeout':
      args.targetRequestTimeout = wholeNumber(flag, value(), 1, 600);
      return true;
    case '--target-concurrency':
      args.targetConcurrency = wholeNumber(flag, value(), 1, 16);
      return true;
    default:
      return false;
  }
}

export function wholeNumber(flag: string, v: string, min: number, max: number): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max} (got '${v}')`);
  return n;
}
