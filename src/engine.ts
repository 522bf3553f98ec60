import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { applyConfig, ConfigError, DEFAULT_CONFIG, parseConfig, pathSelected, type Config } from './config/config.js';
import { matchesAny } from './config/glob.js';
import { loadWorkspace, type LoadOptions } from './model/workspace.js';
import { definitionDeferred } from './model/read-solution.js';
import { widenYamlChanges } from './model/yaml-layout.js';
import type { Workspace } from './model/types.js';
import { buildReport, withTarget } from './report/build-report.js';
import type { Report } from './report/types.js';
import { ALL_RULE_META, CHANGE_RULES, RULES } from './rules/registry.js';
import { classifyFindings, describeChanges, mergeCauses } from './change/compare.js';
import { pairSolutions, type SolutionPair } from './compare/pairing.js';
import { changedFiles, gitTree, mergeBase, resolveCommit, type ChangedFile } from './source/git.js';
import type { Finding, ModifiedComponents, RuleContext } from './rules/types.js';
import { modifiedComponents } from './compare/modified.js';
import { readDeploymentSettings } from './model/deployment-settings.js';
import { checkTarget } from './target/check.js';
import type { CredentialSettings } from './target/credential.js';
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
  if (path && !existsSync(resolve(cwd, path))) throw new ConfigError(`configuration file '${path}' does not exist`);
  if (!path) return structuredClone(DEFAULT_CONFIG);
  return parseConfig(await readFile(resolve(cwd, path), 'utf8'), path, ALL_RULE_META);
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
export async function analyzeTree(tree: RepoTree, config: Config, release: boolean, read: Omit<LoadOptions, 'settingsFiles'> = {}): Promise<Omit<Analysis, 'report'>> {
  const selected = read.filter;
  const workspace = await loadWorkspace(tree, { ...read, settingsFiles: config.deploymentSettings, filter: (c) => pathSelected(c.path, config) && (selected?.(c) ?? true) });
  const raw = runRules(workspace, { release, isReleaseArtifact: (p) => matchesAny(p, config.release.artifacts) });
  const { kept, suppressed } = applyConfig(raw, config);
  return { workspace, findings: kept, suppressed };
}

/** Reads the solutions under `paths` of the working tree and runs the rules. */
export async function analyze(options: AnalyzeOptions): Promise<Analysis> {
  const config = options.config ?? structuredClone(DEFAULT_CONFIG);
  const tree = await workingTree(options.cwd, options.paths);
  const result = await analyzeTree(tree, config, options.release ?? false);
  return { ...result, report: buildReport(result.workspace, result.findings, { suppressed: result.suppressed }) };
}

/** The base to compare with: a git ref (its merge base with HEAD is used) or an explicit file or folder. */
export interface BaseSpec {
  ref?: string;
  path?: string;
}

export interface ChangeAnalysis extends Analysis {
  base: Omit<Analysis, 'report'>;
  pairs: SolutionPair[];
  /** The merge-base commit, when a ref was given. */
  baseCommit: string | undefined;
  /** What the change modifies, component by component (the target check judges layers by it). */
  modified: ModifiedComponents;
}

export class BaseError extends Error {}

/**
 * Pull-request mode: analyses the head (working tree) against a base and reports what the change
 * introduces. With a git ref, the base is read with git itself (nothing is checked out) and only
 * the solutions the diff touches are analysed in depth; the rest of the base is indexed so that
 * bindings across solutions still resolve.
 */
export async function analyzeChange(options: AnalyzeOptions & { base: BaseSpec }): Promise<ChangeAnalysis> {
  let baseTree: RepoTree;
  let changed: ChangedFile[] | undefined;
  let baseCommit: string | undefined;
  if (options.base.ref !== undefined) {
    const ref = await resolveCommit(options.cwd, options.base.ref);
    if (!ref) throw new BaseError(`base ref '${options.base.ref}' is not a commit in this repository (fetch it first, e.g. git fetch origin ${options.base.ref})`);
    baseCommit = (await mergeBase(options.cwd, ref, 'HEAD')) ?? ref;
    // Two git processes at once: the list of changed files and the base's file list do not depend on each other.
    [changed, baseTree] = await Promise.all([changedFiles(options.cwd, baseCommit, 'worktree', options.paths), gitTree(options.cwd, baseCommit, options.paths)]);
  } else if (options.base.path !== undefined) {
    baseTree = await workingTree(options.cwd, [options.base.path]);
  } else throw new BaseError('a base needs a ref or a path');
  const headTree = await workingTree(options.cwd, options.paths);
  const result = await compareTrees({ baseTree, headTree, ...(changed ? { changed } : {}) }, options.config ?? structuredClone(DEFAULT_CONFIG), options.release ?? false);
  return { ...result, baseCommit };
}

export interface TreePair {
  baseTree: RepoTree;
  headTree: RepoTree;
  /** Files the change touched; without it every solution counts as touched. */
  changed?: readonly ChangedFile[];
}

/** Compares two snapshots, wherever they were read from (working tree, git, the REST API). */
export async function compareTrees(trees: TreePair, config: Config, release: boolean): Promise<Omit<ChangeAnalysis, 'baseCommit'>> {
  const changed = trees.changed && (await widenYamlChanges(trees.changed, [trees.baseTree, trees.headTree]));
  const headTouched = (p: string): boolean => !changed || changed.some((c) => within(c.path, p));
  const baseTouched = (p: string): boolean => !changed || changed.some((c) => within(c.previousPath ?? c.path, p) || within(c.path, p));
  const { head, base } = changed ? await readTouched(trees, config, release, headTouched, baseTouched) : { head: await analyzeTree(trees.headTree, config, release, { hashes: true }), base: await analyzeTree(trees.baseTree, config, release, { hashes: true }) };

  const renames = new Map((changed ?? []).filter((c) => c.previousPath).map((c) => [c.path, c.previousPath as string]));
  const pairs = pairSolutions(base.workspace.solutions, head.workspace.solutions, renames);
  const changeCtx = { base: base.workspace, head: head.workspace, pairs, release, touched: headTouched };
  const { kept, suppressed: changeSuppressed } = applyConfig(CHANGE_RULES.flatMap((r) => r.checkChange(changeCtx)), config);

  // A flow of a touched solution on either side: one the change removed counts too (its callers now fail).
  const touchedFlows = new Set([...flowIdsOf(head.workspace, headTouched), ...flowIdsOf(base.workspace, baseTouched)]);
  const inScope = scopeFilter(headTouched, touchedFlows);
  const { findings: classified, fixed } = classifyFindings(base.findings.filter(scopeFilter(baseTouched, touchedFlows)), [...head.findings, ...kept].filter(inScope));
  const findings = mergeCauses(classified);
  const changes = describeChanges(pairs.filter((p) => (p.head ? headTouched(p.head.path) : true)));
  const suppressed = [...head.suppressed, ...changeSuppressed].filter((s) => inScope(s.finding));
  const report = buildReport(changed ? affected(head.workspace, headTouched) : head.workspace, findings, { fixed, changes, suppressed });
  const modified = modifiedComponents(pairs, headTouched, changed ? new Set(changed.map((c) => c.path)) : undefined);
  return { workspace: head.workspace, findings, suppressed, report, base, pairs, modified };
}

/**
 * Both sides of a change whose touched files are known, reading what the change can affect:
 * the touched solutions of the base and the head in full; of the untouched head solutions their
 * index (manifest, records, flows) and only the apps that may call a touched flow (by their
 * records); and nothing more of the base, whose untouched solutions are the same files as the
 * head's and are taken from it. A pull request that touches one of a hundred solutions so costs
 * about one solution plus a hundred indexes.
 */
async function readTouched(trees: TreePair, config: Config, release: boolean, headTouched: (p: string) => boolean, baseTouched: (p: string) => boolean): Promise<{ head: Omit<Analysis, 'report'>; base: Omit<Analysis, 'report'> }> {
  const baseRead = await loadWorkspace(trees.baseTree, { filter: (c) => pathSelected(c.path, config) && baseTouched(c.path), hashes: true });
  // A flow the change removed is named by the base only: apps that call it are read too.
  const flowIds = new Set(baseRead.solutions.flatMap((s) => s.flows.map((f) => f.id)));
  const head = await analyzeTree(trees.headTree, config, release, { hashes: true, appsCallingRead: { candidates: (c) => !headTouched(c.path), flowIds } });
  const untouched = head.workspace.solutions.filter((s) => !headTouched(s.path) && !baseTouched(s.path));
  const base = await analyzeTree(trees.baseTree, config, release, { filter: () => false, reuse: [...baseRead.solutions, ...untouched] });
  return { head, base };
}

/**
 * What a pull-request report lists: the touched solutions, and of the others what the change can
 * affect and FlowGuard read — the apps that may call a touched flow, and the flows that read apps call.
 * Flows known only by their record are left out, so the report never shows a signature it did not read.
 */
function affected(ws: Workspace, touched: (p: string) => boolean): Workspace {
  const solutions = ws.solutions.flatMap((s) => {
    if (touched(s.path)) return [s];
    const flows = s.flows.filter((f) => !definitionDeferred(f));
    return flows.length > 0 || s.apps.length > 0 ? [{ ...s, flows }] : [];
  });
  return { ...ws, solutions };
}

/** True when the changed file `file` lies in the solution at `solutionPath` (a zip or a folder). */
function within(file: string, solutionPath: string): boolean {
  return solutionPath === '.' || file === solutionPath || file.startsWith(`${solutionPath}/`);
}

/** The ids of the flows in the touched solutions of a workspace. */
function flowIdsOf(ws: Workspace, touched: (p: string) => boolean): string[] {
  return ws.solutions.filter((s) => touched(s.path)).flatMap((s) => s.flows.map((f) => f.id));
}

/** Findings about touched solutions, or about flows in touched solutions (an untouched app calling a changed or removed flow). */
function scopeFilter(touched: (p: string) => boolean, touchedFlows: ReadonlySet<string>): (f: Finding) => boolean {
  return (f) => touched(f.solution.path) || (f.flow !== undefined && touchedFlows.has(f.flow.id));
}

export interface TargetRequest {
  /** The workflow's environment URL (flag, input or FLOWGUARD_ENVIRONMENT_URL). */
  environmentUrl: string;
  credentials: CredentialSettings;
  /** Repository path of the deployment settings for that environment. */
  deploymentSettings?: string | undefined;
  concurrency?: number | undefined;
  requestTimeout?: number | undefined;
  timeout?: number | undefined;
  skip?: string | undefined;
  log?: (message: string) => void;
}

/**
 * Adds the target-environment check to an analysis: its findings, diagnostics and the report's `target`.
 * Offline findings are untouched. A deployment settings file that cannot be read is a diagnostic.
 */
export async function addTargetCheck(cwd: string, analysis: Analysis | ChangeAnalysis, config: Config, release: boolean, request: TargetRequest): Promise<Report> {
  const diagnostics: Report['diagnostics'] = [];
  let settings;
  if (request.deploymentSettings) {
    try {
      settings = readDeploymentSettings(request.deploymentSettings, await readFile(resolve(cwd, request.deploymentSettings)));
      if (!settings) diagnostics.push({ file: request.deploymentSettings, severity: 'warning', message: 'not a deployment settings file (no ConnectionReferences or EnvironmentVariables); the target check used none' });
    } catch (err) {
      diagnostics.push({ file: request.deploymentSettings, severity: 'warning', message: `deployment settings could not be read (${(err as Error).message}); the target check used none` });
    }
  }
  const change = 'modified' in analysis ? analysis : undefined;
  const result = await checkTarget(
    { workspace: analysis.workspace, base: change?.base.workspace, modified: change?.modified, release, config },
    {
      environmentUrl: request.environmentUrl,
      credentials: request.credentials,
      settings,
      ...(request.concurrency !== undefined ? { concurrency: request.concurrency } : {}),
      ...(request.requestTimeout !== undefined ? { requestTimeout: request.requestTimeout } : {}),
      ...(request.timeout !== undefined ? { timeout: request.timeout } : {}),
      ...(request.skip ? { skip: request.skip } : {}),
      ...(request.log ? { log: request.log } : {}),
    },
  );
  return withTarget(analysis.report, { ...result, diagnostics: [...diagnostics, ...result.diagnostics] });
}
