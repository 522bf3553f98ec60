import { workingTree } from './source/folder.js';
import { loadWorkspace } from './model/workspace.js';
import { buildReport } from './report/build-report.js';
import type { Report } from './report/types.js';
import type { Workspace } from './model/types.js';
import type { Finding } from './rules/types.js';

export interface AnalyzeOptions {
  cwd: string;
  paths: readonly string[];
  release?: boolean;
}

export interface Analysis {
  workspace: Workspace;
  findings: Finding[];
  report: Report;
}

/** Reads the solutions under `paths` of the working tree and runs the rules. */
export async function analyze(options: AnalyzeOptions): Promise<Analysis> {
  const tree = await workingTree(options.cwd, options.paths);
  const workspace = await loadWorkspace(tree);
  const findings: Finding[] = [];
  return { workspace, findings, report: buildReport(workspace, findings) };
}
