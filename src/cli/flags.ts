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
