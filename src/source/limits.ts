/** Bounds on what FlowGuard reads from untrusted repository content. */
export interface ReadLimits {
  /** Largest file FlowGuard opens from the repository (a solution zip, a JSON file). */
  maxFileBytes: number;
  /** Entries in one archive's central directory. */
  maxEntries: number;
  /** Uncompressed size of one archive entry that FlowGuard inflates. */
  maxEntryBytes: number;
  /** Uncompressed bytes inflated from one archive, nested archives included. */
  maxArchiveBytes: number;
  /** Archives inside archives: a solution zip holding an .msapp is depth 2. */
  maxNesting: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 256 * 1024 * 1024,
  maxEntries: 50_000,
  maxEntryBytes: 128 * 1024 * 1024,
  maxArchiveBytes: 512 * 1024 * 1024,
  maxNesting: 2,
};

/** Raised for input that FlowGuard refuses to read; the message names the problem, the caller names the file. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
