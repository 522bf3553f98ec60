import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyConfig, DEFAULT_CONFIG, parseConfig, pathSelected, type Config } from './config/config.js';
import { matchesAny } from './config/glob.js';
import { loadWorkspace } from './model/workspace.js';
import type { Workspace } from './model/types.js';
import { buildReport } from './report/build-report.js';
import type { Report } from './report/types.js';
import { RULES } from './rules/registry.js';
import type { Finding, RuleContext } from './rules/types.js';
import { workingTree } from './source/folder.js';
import type { RepoTree } from './source/tree.js';

export const DEFAULT_CONFIG_FILE = '.github/flowguard.yml';

export interface AnalyzeOptions {
  cwd: string;
  paths: readonly string[];
  config?: Config;
  /** The run targets a release branch: release policy and live-app mitigations. */
  release?: boolean;
}

export interface Analysis {
  workspace: Workspace;
  findings: Finding[];
  suppressed: { finding: Finding; reason: string }[];
  report: Report;
}

/** Loads the configuration file: the given one (must exist), else `.github/flowguard.yml` when present, else defaults. */
export async function loadConfig(cwd: string, file: string | undefined): Promise<Config> {
  const path = file ?? (existsSync(join(cwd, DEFAULT_CONFIG_FILE)) ? DEFAULT_CONFIG_FILE : undefined);
  if (!path) return structuredClone(DEFAULT_CONFIG);
  return parseConfig(await readFile(join(cwd, path), 'utf8'), path, RULES.map((r) => r.meta));
}

/** Runs every rule over a workspace; a rule that throws becomes a diagnostic, never a crash. */
export function runRules(workspace: Workspace, ctx: Omit<RuleContext, 'workspace'>): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    try {
      findings.push(...rule.check({ ...ctx, workspace }));
    } catch (err) {
      workspace.diagnostics.push({ file: '.', severity: 'error', message: `rule ${rule.meta.id} ${rule.meta.name} failed: ${(err as Error).message}` });
    }
  }
  return findings;
}

/** Reads a tree and checks it: the whole pipeline for one snapshot. */
export async function analyzeTree(tree: RepoTree, config: Config, release: boolean): Promise<Omit<Analysis, 'report'>> {
  const workspace = await loadWorkspace(tree, { settingsFiles: config.deploymentSettings, filter: (c) => pathSelected(c.path, config) });
  const raw = runRules(workspace, { release, isReleaseArtifact: (p) => matchesAny(p, config.release.artifacts) });
  const { kept, suppressed } = applyConfig(raw, config);
  return { workspace, findings: kept, suppressed };
}

/** Reads the solutions under `paths` of the working tree and runs the rules. */
export async function analyze(options: AnalyzeOptions): Promise<Analysis> {
  const config = options.config ?? structuredClone(DEFAULT_CONFIG);
  const tree = await workingTree(options.cwd, options.paths);
  const result = await analyzeTree(tree, config, options.release ?? false);
  return { ...result, report: buildReport(result.workspace, result.findings) };
}
