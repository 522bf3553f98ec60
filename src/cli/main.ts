import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError } from '../config/config.js';
import { addTargetCheck, analyze, analyzeChange, BaseError, loadConfig } from '../engine.js';
import { credentialSettingsFromEnv } from '../target/credential.js';
import { EnvironmentUrlError, parseEnvironmentUrl } from '../target/environment.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarifJson } from '../report/sarif.js';
import { renderText } from '../report/text.js';
import { renderContext } from '../report/context.js';
import type { RenderContext, Report } from '../report/types.js';
import { VERSION } from '../version.js';
import { runCi } from '../azure/run.js';
import { parseArgs, USAGE, UsageError, type FailOn, type Format } from './args.js';
import { gate } from '../report/gate.js';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard output is a terminal (colours are then on unless NO_COLOR says otherwise). */
  isTTY?: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * Colours for the text format: never into a file, off when NO_COLOR is set to anything (https://no-color.org),
 * on when FORCE_COLOR is set (and not 0 or false), else only on a terminal that is not `dumb`.
 */
export function useColor(io: Pick<CliIo, 'isTTY' | 'env'>, toFile: boolean): boolean {
  const env = io.env ?? {};
  if (toFile) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return !/^(0|false)$/i.test(env.FORCE_COLOR);
  return io.isTTY === true && env.TERM !== 'dumb';
}


export function render(report: Report, format: Format, ctx: RenderContext, color = false): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarifJson(report, ctx);
    case 'markdown':
      // A file or terminal has no comment size limit: the whole report, fix steps included.
      return renderMarkdown(report, ctx, { maxLength: 10_000_000 });
    case 'text':
      return renderText(report, ctx, { color });
  }
}

/** Runs the CLI; returns the exit code (0 ran, 1 findings at or above --fail-on, 2 usage or fatal error). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === 'ci') return runCi(argv.slice(1), io);
  let args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`flowguard: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (args.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (args.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  try {
    // A bad environment URL is a usage error before anything is read.
    if (args.environmentUrl !== undefined) parseEnvironmentUrl(args.environmentUrl);
    const config = await loadConfig(io.cwd, args.config);
    const compared = args.baseRef !== undefined || args.basePath !== undefined;
    const options = { cwd: io.cwd, paths: args.paths, config, release: args.release };
    const analysis = compared
      ? await analyzeChange({ ...options, base: { ...(args.baseRef !== undefined ? { ref: args.baseRef } : {}), ...(args.basePath !== undefined ? { path: args.basePath } : {}) } })
      : await analyze(options);
    const environmentUrl = args.environmentUrl ?? (io.env?.FLOWGUARD_ENVIRONMENT_URL?.trim() || undefined);
    const report = environmentUrl
      ? await addTargetCheck(io.cwd, analysis, config, args.release, {
          environmentUrl,
          credentials: credentialSettingsFromEnv(io.env ?? {}),
          deploymentSettings: args.deploymentSettings,
          concurrency: args.targetConcurrency,
          requestTimeout: args.targetRequestTimeout,
          timeout: args.targetTimeout,
          log: (m) => io.stderr(`${m}\n`),
        })
      : analysis.report;
    const out = render(report, args.format, renderContext(compared), useColor(io, args.output !== undefined));
    if (args.output) await writeFile(resolve(io.cwd, args.output), out);
    else io.stdout(out);
    const failOn: FailOn = args.failOn ?? 'never';
    return gate(report.findings, failOn, args.failOnScope ?? (compared ? 'new' : 'all')) ? 1 : 0;
  } catch (err) {
    const message = err instanceof ConfigError || err instanceof BaseError || err instanceof EnvironmentUrlError ? err.message : (err as Error).message;
    io.stderr(`flowguard: ${message}\n`);
    return 2;
  }
}
