import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { InputError } from './limits.js';
import { RepoTree, type FileInfo } from './tree.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';

const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/**
 * Lists the files under the given paths (files or folders) of the working tree, relative to `cwd`.
 * Symbolic links are not followed: a link in a pull request could point anywhere on the runner.
 * The file system is read synchronously: nothing else runs meanwhile, and thousands of small
 * stat calls go faster without the thread pool.
 */
export async function listWorkingTree(cwd: string, paths: readonly string[]): Promise<FileInfo[]> {
  const seen = new Map<string, FileInfo>();
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const st = statSync(abs, { throwIfNoEntry: false });
    if (!st) throw new InputError(`path '${p}' does not exist`);
    if (st.isFile()) addFile(seen, cwd, abs, st.size);
    else walk(cwd, abs, seen);
  }
  return [...seen.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function walk(cwd: string, dir: string, out: Map<string, FileInfo>): void {
  const entries = readdirSync(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) walk(cwd, abs, out);
    } else if (e.isFile()) {
      addFile(out, cwd, abs, statSync(abs).size);
    }
  }
}

function addFile(out: Map<string, FileInfo>, cwd: string, abs: string, size: number): void {
  const path = toRepoPath(relative(cwd, abs));
  out.set(path, { path, size });
}

export function toRepoPath(p: string): string {
  return p.split(sep).join('/');
}

export async function workingTree(cwd: string, paths: readonly string[], limits: ReadLimits = DEFAULT_LIMITS): Promise<RepoTree> {
  const files = await listWorkingTree(cwd, paths);
  return new RepoTree(files, async (path) => readFileSync(resolve(cwd, path)), limits);
}
