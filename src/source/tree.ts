import { ZipArchive } from './zip.js';
import { DEFAULT_LIMITS, InputError, type ReadLimits } from './limits.js';
import { lookupKey } from './paths.js';

export interface FileInfo {
  /** Repository-relative path, forward slashes. */
  path: string;
  size: number;
}

/**
 * A read-only set of files: a folder on disk, a git tree, or the entries of a zip.
 * Names are relative, with forward slashes, sorted by code unit; lookups ignore case.
 */
export interface FileTree {
  readonly names: readonly string[];
  has(name: string): boolean;
  size(name: string): number | undefined;
  read(name: string): Promise<Uint8Array>;
  /** Opens a zip stored in this tree (a solution zip, an .msapp). */
  openArchive(name: string): Promise<ZipArchive>;
}

/** The files of a repository (working tree or a commit), as a {@link FileTree} keyed by repository path. */
export class RepoTree implements FileTree {
  readonly names: readonly string[];
  private readonly sizes = new Map<string, number>();
  private readonly actual = new Map<string, string>();

  constructor(
    files: readonly FileInfo[],
    private readonly reader: (path: string) => Promise<Uint8Array>,
    readonly limits: ReadLimits = DEFAULT_LIMITS,
  ) {
    this.names = files.map((f) => f.path).sort();
    for (const f of files) {
      this.sizes.set(lookupKey(f.path), f.size);
      this.actual.set(lookupKey(f.path), f.path);
    }
  }

  has(name: string): boolean {
    return this.sizes.has(lookupKey(name));
  }

  size(name: string): number | undefined {
    return this.sizes.get(lookupKey(name));
  }

  async read(name: string): Promise<Uint8Array> {
    const key = lookupKey(name);
    const path = this.actual.get(key);
    if (path === undefined) throw new InputError(`no file '${name}'`);
    const size = this.sizes.get(key) ?? 0;
    if (size > this.limits.maxFileBytes) {
      throw new InputError(`${size} bytes; files over ${this.limits.maxFileBytes} bytes are not read`);
    }
    return this.reader(path);
  }

  async openArchive(name: string): Promise<ZipArchive> {
    return ZipArchive.open(await this.read(name), this.limits);
  }

  /** The files below `prefix`, as a tree with names relative to it. */
  subtree(prefix: string): FileTree {
    return subtree(this, prefix);
  }
}

/** The files of `tree` below folder `dir`, with names relative to it. */
export function subtree(tree: FileTree, dir: string): FileTree {
  return new SubTree(tree, dir === '' ? '' : `${dir}/`);
}

/** The names that start with `prefix`, without it: a binary search of the sorted names, not a scan. */
function namesUnder(sorted: readonly string[], prefix: string): string[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < sorted.length && (sorted[i] as string).startsWith(prefix); i++) out.push((sorted[i] as string).slice(prefix.length));
  return out;
}

class SubTree implements FileTree {
  readonly names: readonly string[];

  constructor(
    private readonly parent: FileTree,
    private readonly prefix: string,
  ) {
    this.names = namesUnder(parent.names, prefix);
  }

  has(name: string): boolean {
    return this.parent.has(this.prefix + name);
  }
  size(name: string): number | undefined {
    return this.parent.size(this.prefix + name);
  }
  read(name: string): Promise<Uint8Array> {
    return this.parent.read(this.prefix + name);
  }
  openArchive(name: string): Promise<ZipArchive> {
    return this.parent.openArchive(this.prefix + name);
  }
}

/** A zip's entries as a {@link FileTree}; nested archives share its inflate budget. */
export class ArchiveTree implements FileTree {
  constructor(readonly archive: ZipArchive) {}
  get names(): readonly string[] {
    return this.archive.names;
  }
  has(name: string): boolean {
    return this.archive.has(name);
  }
  size(name: string): number | undefined {
    return this.archive.size(name);
  }
  read(name: string): Promise<Uint8Array> {
    return this.archive.read(name);
  }
  openArchive(name: string): Promise<ZipArchive> {
    return this.archive.openNested(name);
  }
}
