import { execFile, type ExecFileException } from 'node:child_process';
import { posix } from 'node:path';
import { RepoTree, type FileInfo } from './tree.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';
import { toRepoPath } from './folder.js';

/**
 * Reads commits of a git repository with git itself: no checkout, nothing written to the working tree.
 *
 * Every command runs through `execFile` (never a shell), pathspecs follow `--` and are literal
 * (`GIT_LITERAL_PATHSPECS=1`: `*`, `?` and `:(magic)` in a file name mean themselves), and revisions
 * coming from users are validated so that none can be read as an option.
 */

/** A git command failed; the message carries git's stderr. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly args: readonly string[] = [],
    readonly stderr = '',
    readonly exitCode?: number | string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

export interface GitFileInfo extends FileInfo {
  /** The blob's object id. */
  sha: string;
}

export interface ChangedFile {
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  /** Path relative to `cwd`, forward slashes (the new path of a rename). */
  path: string;
  /** The old path of a rename. */
  previousPath?: string;
}

const SKIPPED_DIRS = new Set(['.git', 'node_modules']);
/** Listings (ls-tree, diff, ls-files) of a large repository exceed execFile's 1 MiB default. */
const LISTING_MAX_BUFFER = 512 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 10 * 60 * 1000;

const GIT_ENV: NodeJS.ProcessEnv = {
  // File names are file names, not patterns.
  GIT_LITERAL_PATHSPECS: '1',
  // Never wait for credentials on a runner.
  GIT_TERMINAL_PROMPT: '0',
  // `git diff` against the working tree refreshes the index; don't take its lock or rewrite it.
  GIT_OPTIONAL_LOCKS: '0',
};

interface RunOptions {
  maxBuffer?: number;
  timeout?: number;
}

interface RunResult {
  stdout: Buffer;
  stderr: string;
}

function describeCommand(args: readonly string[]): string {
  return `git ${args.map((a) => (/^[\w./:=@^{}~-]+$/.test(a) ? a : JSON.stringify(a))).join(' ')}`;
}

/** Runs git; resolves with its output on exit code 0, rejects with a {@link GitError} otherwise. */
function run(cwd: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd,
        encoding: 'buffer',
        maxBuffer: options.maxBuffer ?? LISTING_MAX_BUFFER,
        timeout: options.timeout ?? 0,
        windowsHide: true,
        env: { ...process.env, ...GIT_ENV },
      },
      (error: ExecFileException | null, stdout: Buffer, stderrBuf: Buffer) => {
        const stderr = stderrBuf.toString('utf8').trim();
        if (error) {
          const code = error.code;
          const detail = stderr || error.message;
          reject(new GitError(`${describeCommand(args)} failed${code !== undefined ? ` (${code})` : ''}: ${detail}`, args, stderr, code ?? undefined));
          return;
        }
        resolve({ stdout, stderr });
      },
    );
  });
}

/** Runs git; resolves with its exit code instead of rejecting on a non-zero exit (spawn failures still reject). */
async function runStatus(cwd: string, args: readonly string[], options: RunOptions = {}): Promise<{ code: number; stdout: Buffer; error?: GitError }> {
  try {
    const { stdout } = await run(cwd, args, options);
    return { code: 0, stdout };
  } catch (err) {
    const e = err as GitError;
    if (typeof e.exitCode === 'number') return { code: e.exitCode, stdout: Buffer.alloc(0), error: e };
    throw err;
  }
}

/**
 * Rejects revisions and remote names that git could take for something else: an option
 * (a leading '-'), an empty string, or control characters.
 */
export function validateRev(rev: string, what = 'revision'): string {
  if (typeof rev !== 'string' || rev === '') throw new GitError(`empty ${what}`);
  if (rev.startsWith('-')) throw new GitError(`invalid ${what} '${rev}': must not start with '-'`);
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(rev)) throw new GitError(`invalid ${what} ${JSON.stringify(rev)}: control characters`);
  return rev;
}

function firstLine(buf: Buffer): string {
  return buf.toString('utf8').split('\n')[0]!.trim();
}

/** The top folder of the repository holding `cwd`, or undefined when `cwd` is not in a work tree. */
export async function repoRoot(cwd: string): Promise<string | undefined> {
  try {
    const { stdout } = await run(cwd, ['rev-parse', '--show-toplevel']);
    const root = firstLine(stdout);
    return root === '' ? undefined : root;
  } catch {
    return undefined;
  }
}

/** The commit a revision names (`HEAD`, a branch, a tag, a sha), or undefined when there is none. */
export async function resolveCommit(cwd: string, rev: string): Promise<string | undefined> {
  validateRev(rev);
  const r = await runStatus(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  if (r.code !== 0) return undefined;
  const sha = firstLine(r.stdout);
  return sha === '' ? undefined : sha;
}

/**
 * The best common ancestor of two commits; undefined when they share no history (or not in the
 * commits present: a shallow clone may need deepening). An unknown revision is a {@link GitError}.
 */
export async function mergeBase(cwd: string, a: string, b: string): Promise<string | undefined> {
  validateRev(a);
  validateRev(b);
  const r = await runStatus(cwd, ['merge-base', a, b]);
  if (r.code === 1) return undefined;
  if (r.error) throw r.error;
  const sha = firstLine(r.stdout);
  return sha === '' ? undefined : sha;
}

/** Whether the object database holds commit `sha`. */
export async function hasCommit(cwd: string, sha: string): Promise<boolean> {
  validateRev(sha);
  const r = await runStatus(cwd, ['cat-file', '-e', `${sha}^{commit}`]);
  return r.code === 0;
}

/**
 * Fetches one commit (by sha, or any ref the remote accepts) from `remote` (a remote name, URL or path),
 * optionally shallow. Resolves false on any failure; never throws.
 */
export async function fetchCommit(cwd: string, sha: string, remote = 'origin', depth?: number): Promise<boolean> {
  try {
    validateRev(sha);
    validateRev(remote, 'remote');
    const args = ['fetch', '--quiet', '--no-tags', '--no-recurse-submodules'];
    if (depth !== undefined) {
      if (!Number.isSafeInteger(depth) || depth < 1) return false;
      args.push(`--depth=${depth}`);
    }
    args.push(remote, sha);
    await run(cwd, args, { timeout: FETCH_TIMEOUT_MS });
    return true;
  } catch {
    return false;
  }
}

interface RepoLocation {
  /** `cwd` relative to the repository root, forward slashes, no trailing slash ('' at the root). */
  prefix: string;
  /** The path from `cwd` up to the repository root ('.' at the root). */
  up: string;
}

async function locate(cwd: string): Promise<RepoLocation> {
  const { stdout } = await run(cwd, ['rev-parse', '--show-prefix', '--show-cdup']);
  const [prefix = '', cdup = ''] = stdout.toString('utf8').split('\n');
  return { prefix: prefix.replace(/\/+$/, ''), up: cdup.replace(/\/+$/, '') || '.' };
}

/** A repository-root-relative path (git's `--full-name` output) as a path relative to `cwd`. */
function fromRoot(loc: RepoLocation, full: string): string {
  return loc.prefix === '' ? full : posix.relative(loc.prefix, full);
}

/** A user-given pathspec in the form git's output takes relative to `cwd`: forward slashes, normalized, '' for cwd itself. */
function normalizeSpec(p: string): string {
  const n = posix.normalize(toRepoPath(p)).replace(/\/+$/, '');
  return n === '.' ? '' : n;
}

/** Git rejects the empty pathspec; `workingTree` reads '' as `cwd` itself. */
function gitSpecs(paths: readonly string[]): string[] {
  return paths.map((p) => (p === '' ? '.' : p));
}

/**
 * Whether `path` is one `listWorkingTree(cwd, paths)` would list: it skips folders named `.git` and
 * `node_modules` below each given path (a given path itself may be inside one).
 */
function admitted(path: string, specs: readonly string[]): boolean {
  let matched = false;
  for (const s of specs) {
    let rest: string;
    if (s === '') rest = path;
    else if (path === s) return true;
    else if (path.startsWith(`${s}/`)) rest = path.slice(s.length + 1);
    else continue;
    matched = true;
    if (!skippedDirIn(rest)) return true;
  }
  return !matched && !skippedDirIn(path);
}

function skippedDirIn(rest: string): boolean {
  const dirs = rest.split('/').slice(0, -1);
  return dirs.some((d) => SKIPPED_DIRS.has(d));
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

const LS_TREE_LINE = /^(\d{6}) (\w+) ([0-9a-f]{40,64}) +(\d+|-)\t([\s\S]*)$/;

/**
 * The regular files of commit `rev` below `paths` (files or folders relative to `cwd`), with paths
 * relative to `cwd`, as `listWorkingTree` gives them for the same content checked out.
 * Symbolic links and submodules are left out; a path missing from the commit yields no files.
 */
export async function listGitTree(cwd: string, rev: string, paths: readonly string[]): Promise<GitFileInfo[]> {
  const commit = await resolveCommit(cwd, rev);
  if (commit === undefined) throw new GitError(`unknown commit '${rev}'`);
  if (paths.length === 0) return [];
  const loc = await locate(cwd);
  const { stdout } = await run(cwd, ['ls-tree', '-r', '-l', '-z', '--full-name', commit, '--', ...gitSpecs(paths)]);
  const specs = paths.map(normalizeSpec);
  const files: GitFileInfo[] = [];
  for (const record of stdout.toString('utf8').split('\0')) {
    if (record === '') continue;
    const m = LS_TREE_LINE.exec(record);
    if (!m) throw new GitError(`unexpected git ls-tree output: ${JSON.stringify(record.slice(0, 200))}`);
    const [, mode, type, sha, size, full] = m as unknown as [string, string, string, string, string, string];
    // 120000: symbolic link; 160000 (type commit): submodule.
    if (type !== 'blob' || mode === '120000' || size === '-') continue;
    const path = fromRoot(loc, full);
    if (!admitted(path, specs)) continue;
    files.push({ path, size: Number(size), sha });
  }
  return files.sort(byPath);
}

/** Reads one blob, refusing output beyond its known size. */
export async function readBlob(cwd: string, sha: string, size: number): Promise<Uint8Array> {
  if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new GitError(`invalid object id '${sha}'`);
  const { stdout } = await run(cwd, ['cat-file', 'blob', sha], { maxBuffer: size + 1 });
  if (stdout.byteLength !== size) {
    throw new GitError(`git cat-file blob ${sha} gave ${stdout.byteLength} bytes; expected ${size}`);
  }
  return stdout;
}

/**
 * The files of commit `rev` below `paths`, as a {@link RepoTree} read lazily with `git cat-file`.
 * Contents are the blobs as committed: no checkout filters (CRLF conversion, LFS) are applied.
 */
export async function gitTree(cwd: string, rev: string, paths: readonly string[], limits: ReadLimits = DEFAULT_LIMITS): Promise<RepoTree> {
  const files = await listGitTree(cwd, rev, paths);
  const byName = new Map(files.map((f) => [f.path, f]));
  return new RepoTree(
    files.map(({ path, size }) => ({ path, size })),
    async (path) => {
      const f = byName.get(path);
      if (!f) throw new GitError(`no file '${path}' in ${rev}`);
      return readBlob(cwd, f.sha, f.size);
    },
    limits,
  );
}

/**
 * The files that differ between commit `base` and `head` (a commit, or 'worktree' for the working
 * tree including untracked, not ignored files) below `paths` (default: the whole repository).
 * Renames are detected (`-M`). Paths are relative to `cwd`, like {@link gitTree}; files that
 * `gitTree` leaves out (below `.git` / `node_modules` folders) are left out here too.
 */
export async function changedFiles(cwd: string, base: string, head: string | 'worktree', paths?: readonly string[]): Promise<ChangedFile[]> {
  validateRev(base);
  if (head !== 'worktree') validateRev(head);
  if (paths !== undefined && paths.length === 0) return [];
  const loc = await locate(cwd);
  const given = paths ?? [loc.up];
  const pathspec = ['--', ...gitSpecs(given)];
  const specs = given.map(normalizeSpec);

  const diffArgs = ['diff', '--name-status', '-z', '-M', '--no-color', '--no-ext-diff', '--no-relative', base];
  if (head !== 'worktree') diffArgs.push(head);
  const { stdout } = await run(cwd, [...diffArgs, ...pathspec]);
  const out: ChangedFile[] = [];
  const tokens = stdout.toString('utf8').split('\0');
  for (let i = 0; i < tokens.length; ) {
    const status = tokens[i]!;
    if (status === '') {
      i++;
      continue;
    }
    const kind = status[0];
    if (kind === 'R' || kind === 'C') {
      const from = fromRoot(loc, tokens[i + 1] ?? '');
      const to = fromRoot(loc, tokens[i + 2] ?? '');
      i += 3;
      const keepFrom = admitted(from, specs);
      const keepTo = admitted(to, specs);
      if (kind === 'R' && keepFrom && keepTo) out.push({ status: 'renamed', path: to, previousPath: from });
      else {
        if (kind === 'R' && keepFrom) out.push({ status: 'deleted', path: from });
        if (keepTo) out.push({ status: 'added', path: to });
      }
      continue;
    }
    const path = fromRoot(loc, tokens[i + 1] ?? '');
    i += 2;
    if (!admitted(path, specs)) continue;
    // A: added, D: deleted; M: modified, T: type changed, U: unmerged, X: unknown.
    out.push({ status: kind === 'A' ? 'added' : kind === 'D' ? 'deleted' : 'modified', path });
  }

  if (head === 'worktree') {
    const { stdout: others } = await run(cwd, ['ls-files', '--others', '--exclude-standard', '-z', '--full-name', ...pathspec]);
    for (const full of others.toString('utf8').split('\0')) {
      if (full === '') continue;
      const path = fromRoot(loc, full);
      if (!admitted(path, specs)) continue;
      // Removed from the index but still on disk (`git rm --cached`): the file is there, changed or not.
      const deleted = out.find((c) => c.status === 'deleted' && c.path === path);
      if (deleted) deleted.status = 'modified';
      else out.push({ status: 'added', path });
    }
  }
  return out.sort(byPath);
}
