import JSZip from 'jszip';
import { inflateRawSync } from 'node:zlib';
import { DEFAULT_LIMITS, InputError, type ReadLimits } from './limits.js';
import { lookupKey } from './paths.js';

/** A budget of inflated bytes shared by an archive and the archives nested in it. */
export interface InflateBudget {
  remaining: number;
}

/**
 * A zip archive opened for bounded reading. Only the central directory is parsed on open;
 * an entry is inflated when it is read, never beyond the entry and archive limits.
 */
export class ZipArchive {
  private readonly byKey = new Map<string, JSZip.JSZipObject>();
  readonly names: readonly string[];

  private constructor(
    zip: JSZip,
    private readonly limits: ReadLimits,
    private readonly budget: InflateBudget,
    readonly depth: number,
  ) {
    const names: string[] = [];
    for (const entry of Object.values(zip.files)) {
      if (entry.dir) continue;
      // .msapp archives use backslash separators.
      const name = entry.name.replace(/\\/g, '/');
      names.push(name);
      this.byKey.set(lookupKey(name), entry);
    }
    names.sort();
    this.names = names;
  }

  static async open(
    bytes: Uint8Array,
    limits: ReadLimits = DEFAULT_LIMITS,
    depth = 1,
    budget: InflateBudget = { remaining: limits.maxArchiveBytes },
  ): Promise<ZipArchive> {
    if (depth > limits.maxNesting) throw new InputError(`archive nested deeper than ${limits.maxNesting} levels`);
    if (!looksLikeZip(bytes)) throw new InputError(describeNonZip(bytes));
    const entries = countCentralDirectory(bytes);
    if (entries > limits.maxEntries) throw new InputError(`archive has ${entries} entries; the limit is ${limits.maxEntries}`);
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes, { createFolders: false });
    } catch (err) {
      throw new InputError(`corrupt zip archive (${(err as Error).message})`);
    }
    return new ZipArchive(zip, limits, budget, depth);
  }

  has(name: string): boolean {
    return this.byKey.has(lookupKey(name));
  }

  /** Declared uncompressed size of an entry (from the central directory). */
  size(name: string): number | undefined {
    const entry = this.byKey.get(lookupKey(name));
    return entry ? compressed(entry).uncompressedSize : undefined;
  }

  async read(name: string): Promise<Uint8Array> {
    const entry = this.byKey.get(lookupKey(name));
    if (!entry) throw new InputError(`no entry '${name}'`);
    const data = compressed(entry);
    const cap = Math.min(this.limits.maxEntryBytes, this.budget.remaining);
    if (data.uncompressedSize > cap) {
      throw new InputError(`entry '${name}' declares ${data.uncompressedSize} bytes uncompressed; the limit is ${cap}`);
    }
    const out = await inflate(entry, data, cap, name);
    this.budget.remaining -= out.byteLength;
    return out;
  }

  /** Opens an archive stored inside this one, sharing this archive's inflate budget. */
  async openNested(name: string): Promise<ZipArchive> {
    if (this.depth + 1 > this.limits.maxNesting) {
      throw new InputError(`archive '${name}' is nested deeper than ${this.limits.maxNesting} levels`);
    }
    return ZipArchive.open(await this.read(name), this.limits, this.depth + 1, this.budget);
  }
}

interface CompressedData {
  uncompressedSize: number;
  compressedSize: number;
  compression: { magic: string } | null;
  compressedContent: Uint8Array | undefined;
}

function compressed(entry: JSZip.JSZipObject): CompressedData {
  // jszip keeps the central-directory facts of a loaded entry in `_data`; it is not in its typings.
  return (entry as unknown as { _data: CompressedData })._data;
}

const DEFLATE = '\x08\x00';
const STORE = '\x00\x00';

async function inflate(entry: JSZip.JSZipObject, data: CompressedData, cap: number, name: string): Promise<Uint8Array> {
  const content = data.compressedContent;
  const method = data.compression?.magic;
  if (content instanceof Uint8Array && method === STORE) return checkSize(content, data, name);
  if (content instanceof Uint8Array && method === DEFLATE) {
    try {
      // Native inflate with a hard output cap: a lying size header cannot make it allocate more.
      // One output chunk of the declared size saves zlib from concatenating many small ones.
      const chunkSize = Math.min(Math.max(data.uncompressedSize, 64), 64 * 1024 * 1024);
      return checkSize(inflateRawSync(content, { maxOutputLength: Math.max(cap, 1), chunkSize }), data, name);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') throw new InputError(`entry '${name}' inflates beyond ${cap} bytes`);
      throw new InputError(`entry '${name}' cannot be inflated (${(err as Error).message})`);
    }
  }
  return streamWithCap(entry, cap, name);
}

function checkSize(out: Uint8Array, data: CompressedData, name: string): Uint8Array {
  if (out.byteLength !== data.uncompressedSize) {
    throw new InputError(`entry '${name}' inflates to ${out.byteLength} bytes but declares ${data.uncompressedSize}`);
  }
  return out;
}

function streamWithCap(entry: JSZip.JSZipObject, cap: number, name: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    // jszip's internal stream lets us stop inflating at the cap; it is public API but missing from the typings.
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): JSZipStream }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        total += chunk.byteLength;
        if (total > cap) {
          stream.pause();
          reject(new InputError(`entry '${name}' inflates beyond ${cap} bytes`));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (err: Error) => reject(new InputError(`entry '${name}' cannot be read (${err.message})`)))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .resume();
  });
}

interface JSZipStream {
  on(event: 'data', cb: (chunk: Uint8Array) => void): JSZipStream;
  on(event: 'error', cb: (err: Error) => void): JSZipStream;
  on(event: 'end', cb: () => void): JSZipStream;
  pause(): JSZipStream;
  resume(): JSZipStream;
}

function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 22 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

function describeNonZip(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 64)).toString('utf8');
  if (head.startsWith('version https://git-lfs')) return 'a Git LFS pointer, not the file itself (fetch it with git lfs pull)';
  if (bytes.byteLength === 0) return 'an empty file, not a zip archive';
  return 'not a zip archive';
}

/** Reads the entry count from the end-of-central-directory record before anything is allocated for the entries. */
function countCentralDirectory(bytes: Uint8Array): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stop = Math.max(0, view.length - 22 - 0xffff);
  for (let i = view.length - 22; i >= stop; i--) {
    if (view.readUInt32LE(i) === 0x06054b50) return view.readUInt16LE(i + 10);
  }
  throw new InputError('corrupt zip archive (no end of central directory record)');
}
