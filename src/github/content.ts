/**
 * A commit's files through the API, without a checkout: the trees API lists them (recursive), the blobs
 * API reads them (base64), with a size cap checked before any download.
 * The result plugs into `RepoTree` (src/source/tree.ts): `new RepoTree(t.files, t.read, limits)`.
 */
import type { GitHubClient } from './client.js';

/** Raised when a blob is larger than the cap; names the file and its size. */
export class BlobTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly size: number,
    readonly maxBytes: number,
  ) {
    super(`${path} is ${size} bytes; files over ${maxBytes} bytes are not read through the API`);
    this.name = 'BlobTooLargeError';
  }
}

export interface TreeFile {
  /** Repository-relative path with forward slashes. */
  path: string;
  size: number;
  /** Blob SHA. */
  sha: string;
}

export interface ApiTree {
  /** The commit (or tree) the listing is for. */
  sha: string;
  files: TreeFile[];
  /** GitHub's `truncated` flag: the recursive listing hit its limit (100,000 entries / 7 MB) and is incomplete. */
  truncated: boolean;
  /** The bytes of a listed file (exact path). Refuses files over `maxBlobBytes`. */
  read(path: string): Promise<Uint8Array>;
}

export interface ApiTreeOptions {
  owner: string;
  repo: string;
  /** A commit SHA (or tree SHA, or ref). */
  sha: string;
  /** Keep only these files, or the files below these folders (exact case, forward slashes). All files when omitted. */
  paths?: readonly string[];
  /** Largest blob read. GitHub's blob API itself stops at 100 MB. */
  maxBlobBytes: number;
}

function selected(path: string, paths: readonly string[] | undefined): boolean {
  if (!paths) return true;
  return paths.some((p) => {
    const q = p.replace(/\\/g, '/').replace(/^\.?\/+/, '').replace(/\/+$/, '');
    return q === '' || path === q || path.startsWith(`${q}/`);
  });
}

/** Lists the files of a commit via `GET /repos/{owner}/{repo}/git/trees/{sha}?recursive=1`. */
export async function apiTree(octokit: GitHubClient, options: ApiTreeOptions): Promise<ApiTree> {
  const { owner, repo, maxBlobBytes } = options;
  const res = await octokit.rest.git.getTree({ owner, repo, tree_sha: options.sha, recursive: '1' });
  const files: TreeFile[] = [];
  for (const e of res.data.tree) {
    // Blobs only: subtrees are listed too, and submodules are `commit` entries.
    if (e.type !== 'blob' || typeof e.path !== 'string' || typeof e.sha !== 'string') continue;
    if (!selected(e.path, options.paths)) continue;
    files.push({ path: e.path, size: e.size ?? 0, sha: e.sha });
  }
  const byPath = new Map(files.map((f) => [f.path, f]));

  const read = async (path: string): Promise<Uint8Array> => {
    const f = byPath.get(path);
    if (!f) throw new Error(`${path} is not in the tree of ${options.sha}`);
    if (f.size > maxBlobBytes) throw new BlobTooLargeError(path, f.size, maxBlobBytes);
    const blob = await octokit.rest.git.getBlob({ owner, repo, file_sha: f.sha });
    const size = blob.data.size ?? f.size;
    if (size > maxBlobBytes) throw new BlobTooLargeError(path, size, maxBlobBytes);
    const encoding = blob.data.encoding;
    const buf =
      encoding === 'base64' ? Buffer.from(blob.data.content, 'base64') : Buffer.from(blob.data.content ?? '', 'utf8');
    if (buf.length !== size) {
      throw new Error(`${path}: the blob API returned ${buf.length} bytes, expected ${size}`);
    }
    return new Uint8Array(buf); // a copy: small Buffers are views into a shared pool
  };

  return { sha: options.sha, files, truncated: res.data.truncated === true, read };
}
