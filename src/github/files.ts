/**
 * Changed files of a pull request or between two commits. GitHub caps `pulls.listFiles` at 3,000 files
 * and the compare API at 300; both results say when they hit the cap.
 */
import type { GitHubClient } from './client.js';

export const PULL_FILES_CAP = 3000;
export const COMPARE_FILES_CAP = 300;

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

/** A changed file, with GitHub's field names. */
export interface ChangedFile {
  filename: string;
  status: FileStatus;
  /** The old path of a renamed (or copied) file. */
  previous_filename?: string;
  /** Blob SHA of the new version (null for some removed entries). */
  sha: string | null;
  additions: number;
  deletions: number;
  changes: number;
  /** Unified diff hunks; absent for binary files (solution zips) and very large diffs. */
  patch?: string;
}

interface RawDiffEntry {
  filename: string;
  status: string;
  previous_filename?: string;
  sha: string | null;
  additions: number;
  deletions: number;
  changes: number;
  patch?: string;
}

function toChangedFile(e: RawDiffEntry): ChangedFile {
  const f: ChangedFile = {
    filename: e.filename,
    status: e.status as FileStatus,
    sha: e.sha ?? null,
    additions: e.additions,
    deletions: e.deletions,
    changes: e.changes,
  };
  if (e.previous_filename) f.previous_filename = e.previous_filename;
  if (typeof e.patch === 'string') f.patch = e.patch;
  return f;
}

export interface ListPullFilesOptions {
  owner: string;
  repo: string;
  pull: number;
  /** `pull_request.changed_files` from the event, if known: fewer files listed than this also counts as truncated. */
  expectedCount?: number;
}

/** All changed files of a PR (100 per page), up to GitHub's 3,000. `truncated` when the cap was reached. */
export async function listPullFiles(
  octokit: GitHubClient,
  options: ListPullFilesOptions,
): Promise<{ files: ChangedFile[]; truncated: boolean }> {
  const files: ChangedFile[] = [];
  const maxPages = Math.ceil(PULL_FILES_CAP / 100) + 1; // bounded even if a server keeps sending "next"
  let pages = 0;
  for await (const page of octokit.paginate.iterator(octokit.rest.pulls.listFiles, {
    owner: options.owner,
    repo: options.repo,
    pull_number: options.pull,
    per_page: 100,
  })) {
    for (const e of page.data) files.push(toChangedFile(e));
    if (++pages >= maxPages || files.length >= PULL_FILES_CAP) break;
  }
  const capped = files.length >= PULL_FILES_CAP;
  if (files.length > PULL_FILES_CAP) files.length = PULL_FILES_CAP;
  const short = options.expectedCount !== undefined && files.length < options.expectedCount;
  return { files, truncated: capped || short };
}

export interface CompareOptions {
  owner: string;
  repo: string;
  base: string;
  head: string;
}

export interface CompareResult {
  /** The merge base of base and head: read "before" content here, not at `base`. */
  mergeBaseSha: string;
  status: string;
  aheadBy: number;
  behindBy: number;
  files: ChangedFile[];
  /** True when the file list reached the compare API's 300-file cap. */
  truncated: boolean;
}

/** `GET /repos/{owner}/{repo}/compare/{base}...{head}` (one request; the file list is not paginated). */
export async function compareCommits(octokit: GitHubClient, options: CompareOptions): Promise<CompareResult> {
  const res = await octokit.rest.repos.compareCommitsWithBasehead({
    owner: options.owner,
    repo: options.repo,
    basehead: `${options.base}...${options.head}`,
  });
  const files = (res.data.files ?? []).map((e) => toChangedFile(e));
  return {
    mergeBaseSha: res.data.merge_base_commit.sha,
    status: res.data.status,
    aheadBy: res.data.ahead_by,
    behindBy: res.data.behind_by,
    files,
    truncated: files.length >= COMPARE_FILES_CAP,
  };
}
