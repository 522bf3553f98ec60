import { InputError } from '../source/limits.js';
import { basename, dirname, lookupKey } from '../source/paths.js';
import { ArchiveTree, subtree, type RepoTree } from '../source/tree.js';
import { readLegacyPackage } from './legacy-package.js';
import { describe, folderOrigins, readSolution, zipOrigins, type ReadOptions } from './read-solution.js';
import type { Diagnostic, Solution } from './types.js';
import { readYamlSolution, yamlCandidatePath, yamlRootOf } from './yaml-layout.js';

/** A place in the repository that holds one solution. */
export interface Candidate {
  path: string;
  /** `yaml`: `path` is the solution's folder `<root>/solutions/<name>`; its components live in the root's shared folders. */
  kind: 'zip' | 'unpacked' | 'extracted-zip' | 'yaml';
}

/**
 * Finds solutions among the repository's files without reading them:
 * every `*.zip`, every folder holding `Other/Solution.xml` (SolutionPackager / `pac solution unpack`),
 * every folder holding `solution.xml` next to `customizations.xml` (a zip committed extracted),
 * and every `solutions/<name>/solution.yml` (the YAML source-control layout; one root can hold several).
 */
export function findCandidates(tree: RepoTree): Candidate[] {
  const keys = new Set(tree.names.map(lookupKey));
  const out: Candidate[] = [];
  for (const name of tree.names) {
    const key = lookupKey(name);
    if (key.endsWith('.zip')) out.push({ path: name, kind: 'zip' });
    else if (key.endsWith('/other/solution.xml') || key === 'other/solution.xml') out.push({ path: dirname(dirname(name)), kind: 'unpacked' });
    else if (yamlCandidatePath(name) !== undefined) out.push({ path: yamlCandidatePath(name) as string, kind: 'yaml' });
    else if (basename(key) === 'solution.xml') {
      const dir = dirname(name);
      if (keys.has(lookupKey(dir ? `${dir}/customizations.xml` : 'customizations.xml'))) out.push({ path: dir, kind: 'extracted-zip' });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Exports FlowGuard finds but does not analyse, so that a report never claims a clean bill of
 * health for them: canvas apps outside any solution (a bare `.msapp` or `pac canvas unpack`
 * sources), whose flows cannot be resolved by solution ids.
 */
export function unanalysedExports(tree: RepoTree, solutions: readonly Candidate[]): Diagnostic[] {
  const folderOf = (c: Candidate): string => (c.kind === 'yaml' ? yamlRootOf(c.path) : c.path);
  const inSolution = (path: string): boolean => solutions.some((c) => c.kind !== 'zip' && (folderOf(c) === '' || path.startsWith(`${folderOf(c)}/`)));
  const out: Diagnostic[] = [];
  for (const name of tree.names) {
    const key = lookupKey(name);
    if ((key.endsWith('.msapp') || basename(key) === 'canvasmanifest.json') && !inSolution(name)) {
      out.push({ file: name, severity: 'note', message: 'a canvas app outside any solution: its flow calls are not checked (add the app and its flows to a solution to check them)' });
    }
  }
  return out;
}

/** Reads one candidate. Zips that hold neither a solution nor a legacy package are skipped silently. */
export async function readCandidate(tree: RepoTree, c: Candidate, diagnostics: Diagnostic[], options: ReadOptions = {}): Promise<Solution | undefined> {
  if (c.kind === 'yaml') return readYamlSolution(tree, c.path, diagnostics, options);
  if (c.kind !== 'zip') {
    const src = { tree: subtree(tree, c.path), layout: c.kind, path: c.path || '.', origin: folderOrigins(c.path) } as const;
    return readSolution(src, diagnostics, options);
  }
  let archive;
  try {
    archive = await tree.openArchive(c.path);
  } catch (err) {
    diagnostics.push({ file: c.path, severity: 'warning', message: `cannot read zip: ${describe(err)}` });
    return undefined;
  }
  const files = new ArchiveTree(archive);
  if (files.has('solution.xml') && files.has('customizations.xml')) {
    return readSolution({ tree: files, layout: 'zip', path: c.path, origin: zipOrigins(c.path) }, diagnostics, options);
  }
  if (files.has('manifest.json') && files.names.some((n) => /^Microsoft\.(Flow|PowerApps)\//i.test(n))) {
    return readLegacyPackage(files, c.path, diagnostics, options);
  }
  // Some parts of a solution without the rest: say so rather than skip it as an unrelated zip.
  const parts = ['solution.xml', 'customizations.xml'].filter((n) => files.has(n));
  const folders = ['Workflows', 'CanvasApps'].filter((d) => files.names.some((n) => lookupKey(n).startsWith(`${d.toLowerCase()}/`)));
  if (parts.length > 0 || folders.length > 0) {
    const found = [...parts, ...folders.map((d) => `${d}/`)].join(', ');
    const missing = ['solution.xml', 'customizations.xml'].filter((n) => !files.has(n)).join(' and ');
    diagnostics.push({ file: c.path, severity: 'warning', message: describe(new InputError(`has ${found} but no ${missing}: not a complete solution export, so it was not analysed`)) });
  }
  return undefined;
}
