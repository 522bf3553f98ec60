import type { RepoTree } from '../source/tree.js';
import { bindCalls } from './bindings.js';
import { readDeploymentSettings, SETTINGS_FILE } from './deployment-settings.js';
import { findCandidates, readCandidate, type Candidate } from './discover.js';
import { describe } from './read-solution.js';
import type { Diagnostic, Workspace } from './types.js';

export interface LoadOptions {
  /** Extra deployment settings files (repository paths) beyond those found by name. */
  settingsFiles?: readonly string[];
  /** Only these candidates are read (all when undefined). */
  filter?: (c: Candidate) => boolean;
  /** Candidates read as an index only (flows and references, no app documents). */
  indexOnly?: (c: Candidate) => boolean;
}

/** Reads every solution in the tree and binds app flow calls across all of them. */
export async function loadWorkspace(tree: RepoTree, options: LoadOptions = {}): Promise<Workspace> {
  const diagnostics: Diagnostic[] = [];
  const solutions = [];
  for (const candidate of findCandidates(tree)) {
    if (options.filter && !options.filter(candidate)) continue;
    const solution = await readCandidate(tree, candidate, diagnostics, { apps: !(options.indexOnly?.(candidate) ?? false) });
    if (solution) solutions.push(solution);
  }
  bindCalls(solutions);
  const deploymentSettings = [];
  const settingsPaths = new Set([...tree.names.filter((n) => SETTINGS_FILE.test(n)), ...(options.settingsFiles ?? [])]);
  for (const path of [...settingsPaths].sort()) {
    try {
      const file = readDeploymentSettings(path, await tree.read(path));
      if (file) deploymentSettings.push(file);
    } catch (err) {
      diagnostics.push({ file: path, severity: 'warning', message: `deployment settings: ${describe(err)}` });
    }
  }
  return { solutions, diagnostics: sortDiagnostics(diagnostics), deploymentSettings };
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): string => `${d.file}\u0000${d.inner ?? ''}\u0000${d.message}`;
  return list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
