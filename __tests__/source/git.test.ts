import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import {
  changedFiles,
  fetchCommit,
  gitTree,
  GitError,
  hasCommit,
  mergeBase,
  repoRoot,
  resolveCommit,
  type ChangedFile,
} from '../../src/source/git.js';
import { listWorkingTree } from '../../src/source/folder.js';
import { DEFAULT_LIMITS } from '../../src/source/limits.js';
import type { RepoTree } from '../../src/source/tree.js';

const run = promisify(execFile);

let root: string;
const savedEnv: Record<string, string | undefined> = {};
const ENV = ['GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_GLOBAL', 'HOME', 'GIT_CEILING_DIRECTORIES', 'GIT_AUTHOR_DATE', 'GIT_COMMITTER_DATE'];

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' });
  return stdout;
}

async function sha(cwd: string, rev = 'HEAD'): Promise<string> {
  return (await git(cwd, 'rev-parse', rev)).trim();
}

async function write(base: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const abs = join(base, name);
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }
}

let counter = 0;
async function newRepo(files: Record<string, string | Uint8Array> = {}): Promise<string> {
  const dir = join(root, `repo${++counter}`);
  await mkdir(dir);
  await git(dir, '-c', 'init.defaultBranch=main', 'init', '-q');
  if (Object.keys(files).length > 0) await commitAll(dir, files, 'initial');
  return dir;
}

async function commitAll(dir: string, files: Record<string, string | Uint8Array>, message: string): Promise<string> {
  await write(dir, files);
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '--allow-empty', '-m', message);
  return sha(dir);
}

async function contents(tree: RepoTree): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const n of tree.names) out[n] = Buffer.from(await tree.read(n)).toString('utf8');
  return out;
}

function sizes(tree: RepoTree): Array<{ path: string; size: number | undefined }> {
  return tree.names.map((path) => ({ path, size: tree.size(path) }));
}

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(os.tmpdir(), 'flowguard-git-')));
  // Settings a developer may have that change git's output: the module must not depend on them.
  await writeFile(
    join(root, 'gitconfig'),
    [
      '[user]\n\tname = t\n\temail = t@t',
      '[init]\n\tdefaultBranch = main',
      '[protocol "file"]\n\tallow = always',
      '[diff]\n\trelative = true\n\trenames = copies',
      '[color]\n\tui = always',
      '',
    ].join('\n'),
  );
  for (const k of ENV) savedEnv[k] = process.env[k];
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  process.env.GIT_CONFIG_GLOBAL = join(root, 'gitconfig');
  process.env.HOME = root;
  process.env.GIT_CEILING_DIRECTORIES = root;
});

afterAll(async () => {
  for (const k of ENV) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  if (root) await rm(root, { recursive: true, force: true });
});

describe('gitTree', () => {
  it('lists and reads an older commit without touching the working tree', async () => {
    const repo = await newRepo();
    const c1 = await commitAll(
      repo,
      { 'solutions/Contoso/Other/Solution.xml': '<v1/>', 'solutions/Contoso/a.json': '{"v":1}', 'solutions/gone.txt': 'bye', 'README.md': 'r' },
      'v1',
    );
    await unlink(join(repo, 'solutions/gone.txt'));
    await commitAll(repo, { 'solutions/Contoso/a.json': '{"v":2,"more":true}', 'solutions/new.txt': 'new' }, 'v2');

    const tree = await gitTree(repo, c1, ['solutions']);
    expect(tree.names).toEqual(['solutions/Contoso/Other/Solution.xml', 'solutions/Contoso/a.json', 'solutions/gone.txt']);
    expect(await contents(tree)).toEqual({
      'solutions/Contoso/Other/Solution.xml': '<v1/>',
      'solutions/Contoso/a.json': '{"v":1}',
      'solutions/gone.txt': 'bye',
    });
    expect(tree.size('solutions/Contoso/a.json')).toBe(7);
    // Case-insensitive lookups, as for the working tree.
    expect(tree.has('SOLUTIONS/contoso/other/solution.xml')).toBe(true);

    // A ref name works as well as a sha; HEAD is the new content.
    const head = await gitTree(repo, 'main', ['solutions/Contoso/a.json']);
    expect(await contents(head)).toEqual({ 'solutions/Contoso/a.json': '{"v":2,"more":true}' });
    const older = await gitTree(repo, 'HEAD~1', ['solutions/Contoso/a.json']);
    expect(await contents(older)).toEqual({ 'solutions/Contoso/a.json': '{"v":1}' });

    expect(await git(repo, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(await readFile(join(repo, 'solutions/Contoso/a.json'), 'utf8')).toBe('{"v":2,"more":true}');
    expect(existsSync(join(repo, 'solutions/gone.txt'))).toBe(false);
  });

  it('lists exactly what listWorkingTree lists for the same content checked out', async () => {
    const repo = await newRepo({
      'README.md': '# readme\n',
      'src/a.json': '{"a":1}',
      'src/empty.txt': '',
      'src/sub/deep/b.xml': '<b>bbbbbbbbbb</b>',
      'src/node_modules/pkg/index.js': 'module.exports = 1;',
      'src/node_modules.json': '{}',
      'node_modules/top/x.js': 'x',
      'other/c.txt': 'cccc',
      'other/node_modules/d.txt': 'dd',
    });
    await symlink('a.json', join(repo, 'src/link.json'));
    await symlink('../other', join(repo, 'src/linkdir'));
    await commitAll(repo, {}, 'symlinks');
    expect(await git(repo, 'ls-tree', '-r', 'HEAD', '--', 'src/link.json')).toMatch(/^120000 /);

    const specs: string[][] = [
      ['.'],
      ['src'],
      ['./src/'],
      ['src/a.json'],
      ['src', 'src/sub'],
      ['node_modules'],
      ['src/node_modules/pkg/index.js'],
      ['other', 'README.md'],
    ];
    for (const paths of specs) {
      const expected = await listWorkingTree(repo, paths);
      const tree = await gitTree(repo, 'HEAD', paths);
      expect({ paths, files: sizes(tree) }).toEqual({ paths, files: expected });
    }
    // The ones that matter: skipped folders and symlinks are absent, the empty file is there.
    const all = await gitTree(repo, 'HEAD', ['.']);
    expect(all.names).toEqual(['README.md', 'other/c.txt', 'src/a.json', 'src/empty.txt', 'src/node_modules.json', 'src/sub/deep/b.xml']);
    expect(await all.read('src/empty.txt')).toHaveLength(0);
    // Inside a given node_modules folder the files are listed, like the working tree does.
    expect((await gitTree(repo, 'HEAD', ['node_modules'])).names).toEqual(['node_modules/top/x.js']);
  });

  it('reads binary content byte-identically and opens it as an archive', async () => {
    const zip = new JSZip();
    zip.file('solution.xml', '<ImportExportXml version="9.2"/>');
    zip.file('Workflows/Flow-1234.json', JSON.stringify({ properties: { definition: {} } }));
    zip.file('noise.bin', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.includes(0)).toBe(true);
    const repo = await newRepo({ 'exports/Contoso_1_0_0_1.zip': bytes, 'exports/crlf.txt': 'a\r\nb\r\n' });

    const tree = await gitTree(repo, 'HEAD', ['exports']);
    expect(tree.size('exports/Contoso_1_0_0_1.zip')).toBe(bytes.length);
    const read = await tree.read('exports/Contoso_1_0_0_1.zip');
    expect(Buffer.compare(Buffer.from(read), Buffer.from(bytes))).toBe(0);
    expect(Buffer.from(await tree.read('exports/crlf.txt')).toString('latin1')).toBe('a\r\nb\r\n');

    const archive = await tree.openArchive('exports/Contoso_1_0_0_1.zip');
    expect(archive.names).toEqual(['Workflows/Flow-1234.json', 'noise.bin', 'solution.xml']);
    expect(Buffer.from(await archive.read('solution.xml')).toString('utf8')).toBe('<ImportExportXml version="9.2"/>');
  });

  it('gives paths relative to a cwd below the repository root', async () => {
    const repo = await newRepo({ 'pkg/sol/a.json': 'A1', 'pkg/sol/x/y.json': 'Y1', 'pkg/other.txt': 'O1', 'shared/s.json': 'S1', 'top.txt': 'T1' });
    const c1 = await sha(repo);
    await commitAll(repo, { 'pkg/sol/a.json': 'A2', 'shared/s.json': 'S2' }, 'v2');
    const cwd = join(repo, 'pkg');

    const tree = await gitTree(cwd, c1, ['sol', '../shared']);
    expect(tree.names).toEqual(['../shared/s.json', 'sol/a.json', 'sol/x/y.json']);
    expect(await contents(tree)).toEqual({ '../shared/s.json': 'S1', 'sol/a.json': 'A1', 'sol/x/y.json': 'Y1' });
    expect(sizes(await gitTree(cwd, 'HEAD', ['sol', '../shared']))).toEqual(await listWorkingTree(cwd, ['sol', '../shared']));
    expect((await gitTree(cwd, c1, ['.'])).names).toEqual(['other.txt', 'sol/a.json', 'sol/x/y.json']);

    const changes = await changedFiles(cwd, c1, 'HEAD');
    expect(changes).toEqual([
      { status: 'modified', path: '../shared/s.json' },
      { status: 'modified', path: 'sol/a.json' },
    ]);
    expect(await changedFiles(cwd, c1, 'HEAD', ['.'])).toEqual([{ status: 'modified', path: 'sol/a.json' }]);
    expect(await repoRoot(cwd)).toBe(repo);
  });

  it('yields no files for paths absent from the commit', async () => {
    const repo = await newRepo({ 'old/a.json': 'a' });
    const c1 = await sha(repo);
    await commitAll(repo, { 'new/b.json': 'b' }, 'add new');

    expect((await gitTree(repo, c1, ['new'])).names).toEqual([]);
    expect((await gitTree(repo, c1, ['new', 'old', 'missing.txt'])).names).toEqual(['old/a.json']);
    expect((await gitTree(repo, 'HEAD', ['new'])).names).toEqual(['new/b.json']);
    // A path prefix is not a folder.
    expect((await gitTree(repo, c1, ['ol'])).names).toEqual([]);
    expect(await changedFiles(repo, c1, 'HEAD', ['new'])).toEqual([{ status: 'added', path: 'new/b.json' }]);
    expect(await changedFiles(repo, c1, 'HEAD', ['nowhere'])).toEqual([]);
  });

  it('refuses an unknown revision', async () => {
    const repo = await newRepo({ 'a.txt': 'a' });
    await expect(gitTree(repo, 'no-such-branch', ['.'])).rejects.toThrow(GitError);
    await expect(gitTree(repo, 'HEAD:a.txt', ['.'])).rejects.toThrow(/unknown commit/);
    expect(await resolveCommit(repo, 'no-such-branch')).toBeUndefined();
    expect(await resolveCommit(repo, 'main')).toBe(await sha(repo));
  });

  it('refuses files over the size limit when they are read, naming the size', async () => {
    const repo = await newRepo({ 'big.json': 'x'.repeat(100), 'small.json': '{}' });
    const tree = await gitTree(repo, 'HEAD', ['.'], { ...DEFAULT_LIMITS, maxFileBytes: 64 });
    expect(tree.names).toEqual(['big.json', 'small.json']);
    expect(tree.size('big.json')).toBe(100);
    await expect(tree.read('big.json')).rejects.toThrow(/100 bytes/);
    expect(Buffer.from(await tree.read('small.json')).toString()).toBe('{}');
  });
});

describe('hostile file names', () => {
  const names = [
    'dir with spaces/file name.json',
    'ünïcødé/名前 😀.json',
    '-leading-dash.json',
    '--output=x.json',
    'new\nline.json',
    'star*.json',
    'starfish.json',
    ':(glob)magic.json',
    'quote"and\\back.json',
  ];

  it('round-trip through listing, reading, pathspecs and diffs', async () => {
    const repo = await newRepo({ 'keep.txt': 'k' });
    const base = await sha(repo);
    const files = Object.fromEntries(names.map((n, i) => [n, `content ${i}`]));
    await commitAll(repo, files, 'hostile');

    const tree = await gitTree(repo, 'HEAD', ['.']);
    expect([...tree.names].sort()).toEqual([...names, 'keep.txt'].sort());
    for (const [n, c] of Object.entries(files)) expect(Buffer.from(await tree.read(n)).toString('utf8')).toBe(c);
    expect(sizes(tree)).toEqual(await listWorkingTree(repo, ['.']));

    // Each name as a pathspec selects exactly itself: no option parsing, no globbing, no pathspec magic.
    for (const n of names) expect((await gitTree(repo, 'HEAD', [n])).names).toEqual([n]);
    expect(await changedFiles(repo, base, 'HEAD', ['star*.json'])).toEqual([{ status: 'added', path: 'star*.json' }]);
    expect(await changedFiles(repo, base, 'HEAD', [':(glob)magic.json'])).toEqual([{ status: 'added', path: ':(glob)magic.json' }]);

    const changes = await changedFiles(repo, base, 'HEAD');
    expect(changes.map((c) => c.path).sort()).toEqual([...names].sort());
    expect(changes.every((c) => c.status === 'added')).toBe(true);

    await writeFile(join(repo, 'untracked -dash ü.json'), 'u');
    expect(await changedFiles(repo, 'HEAD', 'worktree')).toEqual([{ status: 'added', path: 'untracked -dash ü.json' }]);
  });

  it('rejects revisions and remotes that start with a dash', async () => {
    const repo = await newRepo({ 'a.txt': 'a' });
    const marker = join(root, 'pwned');
    await expect(gitTree(repo, `--output=${marker}`, ['.'])).rejects.toThrow(/must not start with '-'/);
    await expect(resolveCommit(repo, '--all')).rejects.toThrow(GitError);
    await expect(mergeBase(repo, 'HEAD', '-h')).rejects.toThrow(GitError);
    await expect(hasCommit(repo, '--batch')).rejects.toThrow(GitError);
    await expect(changedFiles(repo, `--output=${marker}`, 'HEAD')).rejects.toThrow(GitError);
    await expect(changedFiles(repo, 'HEAD', `--output=${marker}`)).rejects.toThrow(GitError);
    expect(await fetchCommit(repo, 'HEAD', `--upload-pack=touch ${marker}`)).toBe(false);
    expect(await fetchCommit(repo, `--upload-pack=touch ${marker}`, repo)).toBe(false);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('history', () => {
  it('finds the merge base of two branches', async () => {
    const repo = await newRepo({ 'a.txt': '1' });
    const fork = await commitAll(repo, { 'a.txt': '2' }, 'fork point');
    await git(repo, 'checkout', '-q', '-b', 'feature');
    const f1 = await commitAll(repo, { 'b.txt': 'feature' }, 'feature work');
    await git(repo, 'checkout', '-q', 'main');
    const m1 = await commitAll(repo, { 'a.txt': '3' }, 'main work');

    expect(await mergeBase(repo, 'main', 'feature')).toBe(fork);
    expect(await mergeBase(repo, f1, m1)).toBe(fork);
    expect(await mergeBase(repo, 'main', fork)).toBe(fork);

    await git(repo, 'checkout', '-q', '--orphan', 'unrelated');
    await git(repo, 'rm', '-rq', '--cached', '.');
    await commitAll(repo, { 'c.txt': 'orphan' }, 'unrelated root');
    expect(await mergeBase(repo, 'unrelated', 'main')).toBeUndefined();
    await expect(mergeBase(repo, 'main', 'no-such-branch')).rejects.toThrow(GitError);
  });

  it('reports added, modified, deleted and renamed files between commits', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `line ${i} of a flow definition`).join('\n');
    const repo = await newRepo({
      'sol/keep.json': 'same',
      'sol/edit.json': 'before',
      'sol/drop.json': 'drop me',
      'sol/old-name.json': long,
      'elsewhere.txt': 'x',
    });
    const base = await sha(repo);
    await unlink(join(repo, 'sol/drop.json'));
    await mkdir(join(repo, 'sol/renamed'));
    await git(repo, 'mv', 'sol/old-name.json', 'sol/renamed/new-name.json');
    const head = await commitAll(repo, { 'sol/edit.json': 'after', 'sol/added.json': 'new', 'sol/renamed/new-name.json': `${long}\nline 40` }, 'changes');

    const expected: ChangedFile[] = [
      { status: 'added', path: 'sol/added.json' },
      { status: 'deleted', path: 'sol/drop.json' },
      { status: 'modified', path: 'sol/edit.json' },
      { status: 'renamed', path: 'sol/renamed/new-name.json', previousPath: 'sol/old-name.json' },
    ];
    expect(await changedFiles(repo, base, head, ['sol'])).toEqual(expected);
    expect(await changedFiles(repo, base, 'main')).toEqual(expected);
    // Reversed: the rename goes the other way, additions become deletions.
    expect(await changedFiles(repo, head, base, ['sol/added.json', 'sol/renamed', 'sol/old-name.json'])).toEqual([
      { status: 'deleted', path: 'sol/added.json' },
      { status: 'renamed', path: 'sol/old-name.json', previousPath: 'sol/renamed/new-name.json' },
    ]);
    // Only one side of the rename inside the pathspec: git reports the half it sees.
    expect(await changedFiles(repo, base, head, ['sol/renamed'])).toEqual([{ status: 'added', path: 'sol/renamed/new-name.json' }]);
    expect(await changedFiles(repo, head, head)).toEqual([]);
    expect(await git(repo, 'status', '--porcelain')).toBe('');
  });

  it("compares a commit with the working tree in 'worktree' mode, untracked files included", async () => {
    const repo = await newRepo({
      '.gitignore': 'ignored.log\n',
      'sol/a.json': 'a1',
      'sol/b.json': 'b1',
      'sol/c.json': 'c1',
    });
    const base = await sha(repo);
    await commitAll(repo, { 'sol/b.json': 'b2' }, 'committed change');
    await writeFile(join(repo, 'sol/a.json'), 'a-uncommitted');
    await unlink(join(repo, 'sol/c.json'));
    await write(repo, { 'sol/untracked/u.json': 'u', 'sol/ignored.log': 'noise', 'outside.txt': 'o', 'sol/node_modules/m/x.js': 'x' });

    expect(await changedFiles(repo, base, 'worktree', ['sol'])).toEqual([
      { status: 'modified', path: 'sol/a.json' },
      { status: 'modified', path: 'sol/b.json' },
      { status: 'deleted', path: 'sol/c.json' },
      { status: 'added', path: 'sol/untracked/u.json' },
    ]);
    expect(await changedFiles(repo, 'HEAD', 'worktree')).toEqual([
      { status: 'added', path: 'outside.txt' },
      { status: 'modified', path: 'sol/a.json' },
      { status: 'deleted', path: 'sol/c.json' },
      { status: 'added', path: 'sol/untracked/u.json' },
    ]);
    // The same from a subfolder: paths relative to it, untracked files outside it included.
    expect(await changedFiles(join(repo, 'sol'), 'HEAD', 'worktree')).toEqual([
      { status: 'added', path: '../outside.txt' },
      { status: 'modified', path: 'a.json' },
      { status: 'deleted', path: 'c.json' },
      { status: 'added', path: 'untracked/u.json' },
    ]);
    // Only read: the index still matches HEAD.
    expect(await git(repo, 'diff', '--cached', '--name-only')).toBe('');
  });

  it('fetches a missing commit into a shallow clone', async () => {
    const origin = await newRepo({ 'a.txt': '1' });
    const c1 = await sha(origin);
    const c2 = await commitAll(origin, { 'a.txt': '2' }, 'second');
    await commitAll(origin, { 'a.txt': '3' }, 'third');
    const clone = join(root, `clone${++counter}`);
    await git(root, 'clone', '-q', '--depth', '1', `file://${origin}`, clone);

    expect(await hasCommit(clone, c1)).toBe(false);
    expect(await hasCommit(clone, c2)).toBe(false);
    expect(await resolveCommit(clone, c1)).toBeUndefined();
    await expect(gitTree(clone, c1, ['.'])).rejects.toThrow(GitError);

    expect(await fetchCommit(clone, c1, origin, 1)).toBe(true);
    expect(await hasCommit(clone, c1)).toBe(true);
    expect(await contents(await gitTree(clone, c1, ['a.txt']))).toEqual({ 'a.txt': '1' });
    // Depth 1 fetched only that commit, not the one between.
    expect(await hasCommit(clone, c2)).toBe(false);

    // The default remote is 'origin'.
    expect(await fetchCommit(clone, c2)).toBe(true);
    expect(await hasCommit(clone, c2)).toBe(true);

    expect(await fetchCommit(clone, '0123456789abcdef0123456789abcdef01234567', origin)).toBe(false);
    const c4 = await commitAll(origin, { 'a.txt': '4' }, 'fourth');
    expect(await fetchCommit(clone, c4, join(root, 'no-such-remote'))).toBe(false);
    expect(await hasCommit(clone, c4)).toBe(false);
    // git skips the remote entirely when the wanted commit is already here.
    expect(await fetchCommit(clone, c1, join(root, 'no-such-remote'))).toBe(true);
    expect(await git(clone, 'status', '--porcelain')).toBe('');
  });

  it('finds the repository root, and nothing outside a repository', async () => {
    const repo = await newRepo({ 'a/b/c.txt': 'c' });
    expect(await repoRoot(join(repo, 'a/b'))).toBe(repo);
    const plain = join(root, 'plain');
    await mkdir(plain, { recursive: true });
    expect(await repoRoot(plain)).toBeUndefined();
    await expect(gitTree(plain, 'HEAD', ['.'])).rejects.toThrow(GitError);
  });
});
