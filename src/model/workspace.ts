import type { RepoTree } from '../source/tree.js';
import { bindCalls } from './bindings.js';
import { readDeploymentSettings, SETTINGS_FILE } from './deployment-settings.js';
import { findCandidates, readCandidate, unanalysedExports, type Candidate } from './discover.js';
import { flowsNamedByRecord } from './canvas-app.js';
import { completeBoundFlows, describe, type ReadOptions } from './read-solution.js';
import type { Diagnostic, Flow, Origin, Solution, Workspace } from './types.js';

export interface LoadOptions {
  /** Extra deployment settings files (repository paths) beyond those found by name. */
  settingsFiles?: readonly string[];
  /** Only these candidates are read (all when undefined). */
  filter?: (c: Candidate) => boolean;
  /** Hash flow definitions (needed to tell a changed definition from an unchanged one). */
  hashes?: boolean;
  /**
   * Candidates read after the others, with only the apps that may call one of the flows read so far or
   * named in `flowIds` (their records name such a flow, or cannot tell): pull-request mode reads the
   * solutions a change does not touch this way, since only their calls of changed flows matter.
   */
  appsCallingRead?: { candidates: (c: Candidate) => boolean; flowIds: ReadonlySet<string> };
  /** Solutions read from another snapshot whose files are identical: taken as they are (copied for binding). */
  reuse?: readonly Solution[];
}

/** Reads every solution in the tree and binds app flow calls across all of them. */
export async function loadWorkspace(tree: RepoTree, options: LoadOptions = {}): Promise<Workspace> {
  const all = findCandidates(tree);
  const diagnostics: Diagnostic[] = unanalysedExports(tree, all);
  const candidates = all.filter((c) => !options.filter || options.filter(c));
  const read = async (c: Candidate, apps: ReadOptions['apps'], lazily = false): Promise<Solution | undefined> =>
    readCandidate(tree, c, diagnostics, lazily ? { apps, hashes: false, definitions: false } : { apps, hashes: options.hashes ?? false });
  const lazy = options.appsCallingRead;
  const bySlot = new Map<Candidate, Solution | undefined>();
  for (const c of candidates) if (!lazy?.candidates(c)) bySlot.set(c, await read(c, true));
  if (lazy) {
    const flowIds = new Set(lazy.flowIds);
    for (const s of bySlot.values()) for (const f of s?.flows ?? []) flowIds.add(f.id);
    const wanted = (refs: unknown): boolean => flowsNamedByRecord(refs)?.some((id) => flowIds.has(id)) ?? true;
    // No definition hashes: these solutions are the same files on both sides, never compared by definition;
    // and only the definitions of their flows that a read app calls (completeBoundFlows below).
    for (const c of candidates) if (lazy.candidates(c)) bySlot.set(c, await read(c, wanted, true));
  }
  const solutions = [...candidates.map((c) => bySlot.get(c)).filter((s): s is Solution => s !== undefined), ...(options.reuse ?? []).map(forBinding)];
  bindCalls(solutions);
  await completeBoundFlows(solutions);
  diagnostics.push(...uncheckedCalls(solutions));
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

/** A copy whose calls can be bound anew without touching the solution it was read as. */
function forBinding(s: Solution): Solution {
  return { ...s, apps: s.apps.map((a) => ({ ...a, calls: a.calls.map((c) => ({ ...c })) })) };
}

/** App calls bound to a flow FlowGuard could not read: named, so a clean report never hides them. */
function uncheckedCalls(solutions: Solution[]): Diagnostic[] {
  const flows = new Map<string, Flow>();
  for (const s of solutions) for (const f of s.flows) flows.set(`${s.path}\u0000${f.id}`, f);
  const out: Diagnostic[] = [];
  for (const s of solutions) {
    for (const app of s.apps) {
      for (const call of app.calls) {
        const flow = flows.get(`${call.binding.solutionPath}\u0000${call.binding.flowId}`);
        if (!flow?.unreadable) continue;
        out.push({ ...originFields(call.origin), severity: 'warning', message: `canvas app '${app.name}' calls '${call.dataSource}': flow unreadable (${flow.origin.inner ?? flow.origin.file}); the call is not checked` });
      }
    }
  }
  return out;
}

function originFields(o: Origin): Pick<Diagnostic, 'file' | 'inner'> {
  return o.inner ? { file: o.file, inner: o.inner } : { file: o.file };
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): string => `${d.file}\u0000${d.inner ?? ''}\u0000${d.message}`;
  return list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
